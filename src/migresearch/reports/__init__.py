"""The declared list of reports: each notebook, its parameters' allow-lists and its parameter sets.

One module per report sits beside this one (``framework_profile.py``,
``eu_celac_dialogue.py``...) and holds what its notebook shows; this
``__init__`` is standard library only, because ``migresearch build`` reads it
on its no-op path and must not import a report module (or pandas) to plan.
Allowed values that come from the data (framework ids) are read from the
CSV by the strict reader, each checked against its column's rule, so the list
follows the data without importing pandas and no value can choose a path.
The country profiles expand over the CELAC members on the data date, which
only the membership model of :mod:`migresearch.query` can say: that answer
is computed once per content of the data and kept in a small cache file
(:func:`_members`), so planning stays standard library only when the data
has not changed.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import itertools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from migresearch import paths
from migresearch.errors import ParameterError, ParameterValueError, UnsupportedLanguageError

__all__ = ["LANGS", "REPORTS", "Job", "ParameterError", "ReportSpec", "plan"]

LANGS: tuple[str, ...] = ("en", "es")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
Primitive = str | int | float | bool


def _ids(file: str, column: str) -> Callable[[Path], tuple[str, ...]]:
    """The allowed values of a parameter that come from the data: one column of one CSV.

    Each value is checked against its column's declared rule *before* it is offered as a
    parameter value (it becomes part of file names): the file is read by the strict reader
    (standard library only), and a problem in that column, or in the file's structure, raises
    :class:`~migresearch.errors.DataValidationError` with the exact ``data/<file>.csv:<line>:<column>``.
    """

    def read(data_dir: Path) -> tuple[str, ...]:
        return _column_values(Path(data_dir) / file, column)

    return read


_VALUES: dict[tuple[str, str], tuple[object, tuple[str, ...]]] = {}
#: Data folders whose every file already passed :func:`migresearch.validation.validate` (the build's
#: snapshot, validated or validated before with the same bytes and code): their values are read with
#: :mod:`csv` alone, which keeps the no-op build fast.
_VALIDATED: set[Path] = set()


def mark_validated(folder: Path) -> None:
    """Say that ``folder`` passed validation as it is now (the build calls this for its private snapshot)."""
    _VALIDATED.add(Path(folder).resolve())


def _column_values(path: Path, column: str) -> tuple[str, ...]:
    import os

    from migresearch.datasets import compiled
    from migresearch.errors import DataValidationError
    from migresearch.validation.csvfile import read_csv

    try:
        st = os.stat(path)
        signature: object = (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        signature = None
    key = (str(path), column)
    hit = _VALUES.get(key)
    if hit is not None and signature is not None and hit[0] == signature:
        return hit[1]
    if path.parent.resolve() in _VALIDATED:
        import csv

        with path.open(encoding="utf-8", newline="") as fh:
            values = tuple(sorted(r[column] for r in csv.DictReader(fh) if r.get(column)))
        _VALUES[key] = (signature, values)
        return values
    name = next((n for n in compiled.names() if compiled.file(n) == path.name), None)
    if name is None:
        raise ParameterError(f"{path.name} is not a registered data file")
    parsed = read_csv(path, paths.display_path(path, path.parent), compiled.table(name), path.parent)
    blocking = [p for p in parsed.problems if p.column in ("", column) or p.column.startswith("#") or p.line <= 1]
    if blocking or column not in parsed.header:
        raise DataValidationError(blocking or parsed.problems)
    values = tuple(sorted(r[column] for r in parsed.records if r.get(column)))
    _VALUES[key] = (signature, values)
    return values


@dataclasses.dataclass(frozen=True)
class ReportSpec:
    """A notebook and how to run it.

    ``allowed`` maps each parameter name to its type and a function giving
    its allowed values; ``expand`` lists the parameters every value of
    which is built (the others use the notebook default).  On the index,
    ``group`` places the report among the ``analyses``, ``frameworks`` or
    ``countries``, ``summary_key`` names its one-sentence description in the
    label catalogue, and ``order`` sorts it within its group (lower first).
    """

    name: str
    notebook: str
    title_key: str
    allowed: Mapping[str, tuple[type, Callable[[Path], tuple[Any, ...]]]]
    expand: tuple[str, ...]
    group: str = "analyses"
    summary_key: str | None = None
    order: int = 50

    def slug(self, params: Mapping[str, Any]) -> str:
        """The report's file name (without ``.html``): notebook name plus non-language parameter values."""
        parts = [self.name] + [str(params[k]) for k in sorted(params) if k != "lang"]
        return "-".join(parts)

    def check(self, params: Mapping[str, Any], data_dir: Path) -> dict[str, Primitive]:
        """Return ``params`` if every name and value is allowed; raise :class:`ParameterError` otherwise."""
        out: dict[str, Primitive] = {}
        for name, value in params.items():
            if not isinstance(name, str) or not _NAME.match(name):
                raise ParameterError(f"{self.name}: invalid parameter name {name!r}")
            if name not in self.allowed:
                import difflib

                close = difflib.get_close_matches(name, list(self.allowed), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ParameterError(f"{self.name}: unknown parameter {name!r}{hint} (allowed: {', '.join(self.allowed)})")
            kind, values = self.allowed[name]
            if type(value) is not kind:
                raise ParameterError(
                    f"{self.name}: parameter {name!r} must be {kind.__name__}, got {type(value).__name__} {value!r}"
                )
            valid = values(data_dir)
            if value not in valid:
                raise ParameterValueError(self.name, name, value, valid)
            out[name] = value  # type: ignore[assignment]  # its type was checked just above
        missing = [n for n in self.allowed if n not in out]
        if missing:
            raise ParameterError(f"{self.name}: missing parameter(s) {', '.join(missing)}")
        return out

    def parameter_sets(self, data_dir: Path, langs: tuple[str, ...] = LANGS) -> list[dict[str, Primitive]]:
        names = list(self.expand)
        pools = [tuple(v for v in self.allowed[n][1](data_dir) if n != "lang" or v in langs) for n in names]
        return [dict(zip(names, combo)) for combo in itertools.product(*pools)]


def _langs(_: Path) -> tuple[str, ...]:
    return LANGS


def _cache_file(data_dir: Path) -> Path:
    """Where the data-derived allowed values are kept: beside the build's venv in a checkout, else the user cache."""
    import os

    override = os.environ.get("MIGRESEARCH_CACHE")
    if override:
        return Path(override) / "allowed-values.json"
    root = paths.project_root()
    base = root / ".venv" if root is not None and (root / ".venv").is_dir() else Path.home() / ".cache" / "migresearch"
    return base / "migresearch-allowed-values.json"


_MEMO: dict[str, tuple[str, ...]] = {}
_CACHE_ENTRIES = 32
_DIGESTS: dict[Path, tuple[object, str]] = {}


def _folder_digest(folder: Path, digest: Callable[[list[Path]], str]) -> str:
    """``digest`` of the folder's CSV files, recomputed only when a file's size, mtime or inode changes
    (planning asks once per parameter set: 66 reads of every file per no-op build otherwise)."""
    import os

    csvs = sorted(folder.glob("*.csv"))
    signature: list[object] = []
    for p in csvs:
        try:
            st = os.stat(p)
            signature.append((p.name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            signature.append((p.name, None))
    hit = _DIGESTS.get(folder)
    if hit is not None and hit[0] == signature:
        return hit[1]
    value = digest(csvs)
    _DIGESTS[folder] = (signature, value)
    return value


def _members(framework: str) -> Callable[[Path], tuple[str, ...]]:
    """Allowed values: the ISO codes of ``framework``'s members on the data date, per ``query.members_on``.

    Keyed by a digest of every CSV of the data folder; a hit costs a digest, a miss imports
    :mod:`migresearch.query` (pandas, validation) once and stores the answer atomically.
    """

    def read(data_dir: Path) -> tuple[str, ...]:
        import json

        from migresearch import files

        key = f"members:{framework}:{_folder_digest(Path(data_dir), files.files_digest)}"
        if key in _MEMO:
            return _MEMO[key]
        cache = _cache_file(Path(data_dir))
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        if isinstance(stored.get(key), list):
            value = tuple(str(v) for v in stored[key])
        else:
            from migresearch import query

            on = query.data_as_of(data_dir)
            value = tuple(sorted(str(p) for p in query.members_on(framework, on, data_dir=data_dir)["party"]))
            kept = [k for k in stored if k != key][-(_CACHE_ENTRIES - 1) :]  # several data folders (tests, copies) share it
            stored = {k: stored[k] for k in kept} | {key: list(value)}
            try:
                files.write_text(cache, json.dumps(stored, sort_keys=True))
            except OSError:
                pass  # a read-only cache only costs the next plan the same computation
        _MEMO[key] = value
        return value

    return read


REPORTS: tuple[ReportSpec, ...] = (
    ReportSpec(
        name="01-framework-profile",
        notebook="01-framework-profile.ipynb",
        title_key="report.framework_profile",
        group="frameworks",
        summary_key="summary.framework_profile",
        allowed={"framework": (str, _ids("frameworks.csv", "framework_id")), "lang": (str, _langs)},
        expand=("framework", "lang"),
    ),
    ReportSpec(
        name="02-country-profile",
        notebook="02-country-profile.ipynb",
        title_key="report.country_profile",
        group="countries",
        summary_key="summary.country_profile",
        allowed={"country": (str, _members("celac")), "lang": (str, _langs)},
        expand=("country", "lang"),
    ),
    ReportSpec(
        name="10-eu-celac-dialogue",
        notebook="10-eu-celac-dialogue.ipynb",
        title_key="report.eu_celac_dialogue",
        summary_key="summary.eu_celac_dialogue",
        order=0,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="20-regularisation-mechanisms",
        notebook="20-regularisation-mechanisms.ipynb",
        title_key="report.regularisation",
        summary_key="summary.regularisation",
        order=10,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="21-regular-pathways",
        notebook="21-regular-pathways.ipynb",
        title_key="report.regular_pathways",
        summary_key="summary.regular_pathways",
        order=11,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="22-consular-cooperation",
        notebook="22-consular-cooperation.ipynb",
        title_key="report.consular",
        summary_key="summary.consular",
        order=12,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="23-framework-overlaps",
        notebook="23-framework-overlaps.ipynb",
        title_key="report.overlaps",
        summary_key="summary.overlaps",
        order=13,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="24-best-practices-compendium",
        notebook="24-best-practices-compendium.ipynb",
        title_key="report.compendium",
        summary_key="summary.compendium",
        order=14,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
    ReportSpec(
        name="30-data-quality",
        notebook="30-data-quality.ipynb",
        title_key="report.data_quality",
        summary_key="summary.data_quality",
        order=40,
        allowed={"lang": (str, _langs)},
        expand=("lang",),
    ),
)


@dataclasses.dataclass(frozen=True)
class Job:
    """One report to produce: a spec, a checked parameter set, and where its HTML goes."""

    spec: ReportSpec
    params: dict[str, Primitive]

    @property
    def lang(self) -> str:
        return str(self.params["lang"])

    @property
    def slug(self) -> str:
        return self.spec.slug(self.params)

    @property
    def relpath(self) -> str:
        return f"{self.lang}/{self.slug}.html"

    @property
    def pair(self) -> str:
        """Key shared by the language versions of the same report."""
        return self.slug


def _may_match(name: str, only: str | None) -> bool:
    """Whether a glob on slugs (``<name>-<values>``) could select a report called ``name``: compares the glob's
    literal prefix with the name, so ``10-*`` never expands the country profiles."""
    if only is None:
        return True
    prefix = re.split(r"[*?\[]", only, maxsplit=1)[0]
    return name.startswith(prefix) or prefix.startswith(name)


def plan(
    data_dir: Path | None = None,
    only: str | None = None,
    langs: tuple[str, ...] = LANGS,
    reports: tuple[ReportSpec, ...] = REPORTS,
) -> list[Job]:
    """Every job of the declared report list, filtered by a glob on the slug and by language."""
    for lang in langs:
        if lang not in LANGS:
            raise UnsupportedLanguageError(lang, LANGS)
    directory = data_dir or paths.data_dir()
    jobs = []
    for spec in reports:
        if not _may_match(spec.name, only):
            continue  # not expanded: a data-derived pool (the CELAC members) is only computed for a selected report
        for params in spec.parameter_sets(directory, langs):
            job = Job(spec, spec.check(params, directory))
            if only is None or fnmatch.fnmatch(job.slug, only) or fnmatch.fnmatch(spec.name, only):
                jobs.append(job)
    return jobs
