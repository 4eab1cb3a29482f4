"""Shared fixtures: a writable copy of the shipped data, CSV editing helpers, and a guard that the
shipped data and reports are byte-identical after the whole session."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


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
    """Every declared report, built once per session into a temporary folder (for the page scans)."""
    from migresearch import build as b

    out = tmp_path_factory.mktemp("built-site")
    outcome = b.build(out=out, progress=False)
    assert outcome.exit_code == 0, outcome.messages
    return out
