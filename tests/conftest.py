"""Shared fixtures: a writable copy of the shipped data, CSV editing helpers, and a guard that the
shipped data and reports are byte-identical after the whole session."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

#: Packages of the optional extras (`reports`, `lab`, `docs`, `dev`). With MIGRESEARCH_CORE_TESTS=1 (the
#: core-only runs on other Pythons, `make core-test`), a test module or doctest that cannot import one of
#: them is reported as skipped ("needs an extra") instead of as a collection error; in a full run such an
#: import error stays an error.
EXTRAS = {
    "matplotlib",
    "papermill",
    "nbformat",
    "nbclient",
    "nbconvert",
    "jinja2",
    "rich",
    "IPython",
    "ipykernel",
    "jupytext",
    "playwright",
    "frictionless",
    "pytest_notebook",
    "mkdocs",
    "traitlets",
}
_MISSING = re.compile(r"No module named '([A-Za-z0-9_]+)")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if report.failed and os.environ.get("MIGRESEARCH_CORE_TESTS") == "1":
        missing = _MISSING.search(str(report.longrepr))
        if missing and missing.group(1) in EXTRAS:
            report.outcome = "skipped"
            report.longrepr = (str(collector.path), 0, f"needs an optional extra: {missing.group(1)} is not installed")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In a core-only run, a test that needs an extra's package (imported lazily) is skipped, not failed."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and os.environ.get("MIGRESEARCH_CORE_TESTS") == "1" and call.excinfo is not None:
        err = call.excinfo.value
        if isinstance(err, ModuleNotFoundError) and (err.name or "").split(".")[0] in EXTRAS:
            report.outcome = "skipped"
            report.longrepr = (str(item.path), 0, f"needs an optional extra: {err.name} is not installed")


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(folder))] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    return out


@pytest.fixture(scope="session", autouse=True)
def shipped_data_untouched() -> Iterator[None]:
    """Every test run must leave data/ byte-identical (hash and mtime) and leave no temp files."""
    before = _snapshot(DATA)
    yield
    after = _snapshot(DATA)
    assert after == before, "the test session changed data/"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data folder, named `data` like the original."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("_staging"))
    return target


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


@pytest.fixture
def edit() -> Callable[..., None]:
    """edit(path, record, column, value): set one cell (record 1 = first data row)."""

    def _edit(path: Path, record: int, column: str, value: str) -> None:
        rows = read_rows(path)
        rows[record][rows[0].index(column)] = value
        write_rows(path, rows)

    return _edit


def line_of(path: Path, record: int) -> int:
    """Physical line of a record (header = line 1), counting multi-line cells."""
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    end = 0
    for i, _ in enumerate(reader):
        start = end + 1
        end = reader.line_num
        if i == record:
            return start
    raise IndexError(record)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The framework profiles, the dialogue report and the index pages, built once per session (for the page scans).

    The reports added since (country profiles, analyses, data quality) are scanned by their own tests once
    their authors have moved them onto the presentation helpers; ``python tests/visible_text.py <folder>``
    counts what a full build still shows.
    """
    from migresearch import build as b

    out = tmp_path_factory.mktemp("built-site")
    for pattern in SCANNED_REPORTS:
        outcome = b.build(out=out, only=pattern, progress=False)
        assert outcome.exit_code == 0, outcome.messages
    return out


def _declared_reports() -> tuple[str, ...]:
    from migresearch.reports import REPORTS

    return tuple(spec.name for spec in REPORTS)


#: The report kinds the visible-text scan holds to zero findings: every declared report.
SCANNED_REPORTS: tuple[str, ...] = _declared_reports()
