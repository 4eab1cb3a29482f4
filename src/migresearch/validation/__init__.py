"""Validate a data folder: schemas, keys, foreign keys and temporal rules, all problems in one pass.

The checks are grouped by the scope they need, as Frictionless does:
:mod:`~migresearch.validation.cells` (one cell), :mod:`~migresearch.validation.rows`
(one file), :mod:`~migresearch.validation.tables` (across files, with the ``@rule``
plug-in); :mod:`~migresearch.validation.csvfile` reads a file strictly and
:mod:`~migresearch.validation.report` holds the outcome.  Standard library only:
``validate()`` runs from the compiled declarations without importing pandas.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from migresearch import paths
from migresearch.datasets import compiled as _tables
from migresearch.datasets.compiled import Table
from migresearch.errors import DataValidationError
from migresearch.validation.csvfile import Parsed, read_csv
from migresearch.validation.report import Problem, Report

__all__ = ["DataValidationError", "Parsed", "Problem", "Report", "dependencies", "table_of", "validate"]


def table_of(name: str) -> Table:
    """The compiled rules of a registered table."""
    return _tables.table(name)


def dependencies(names: Iterable[str]) -> list[str]:
    """``names`` and every table they reference through foreign keys, in registry order."""
    wanted: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name in wanted:
            continue
        wanted.add(name)
        if name == "claims":
            stack.extend(_tables.names())
        for col in table_of(name).columns:
            stack.extend(t for t, _ in col.fks)
    return [n for n in _tables.names() if n in wanted]


def _signature(directory: Path, names: list[str]) -> tuple[object, ...]:
    sig: list[object] = []
    for name in names:
        try:
            st = os.stat(directory / _tables.file(name))
            sig.append((name, st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            sig.append((name, None))
    return tuple(sig)


_CACHE: dict[tuple[Path, tuple[str, ...]], tuple[tuple[object, ...], Report]] = {}


def validate(data_dir: str | os.PathLike[str] | None = None, names: Iterable[str] | None = None) -> Report:
    """Validate the tables ``names`` (default: all) and the tables they reference.

    Every problem is collected; nothing is raised for bad data. Results are
    cached per folder until a file's size or modification time changes.  When the whole folder was
    validated without a problem and the files asked for are unchanged since, their parse is reused: the
    checks over some tables are a part of the checks over all of them, so they cannot find a problem.
    """
    directory = paths.data_dir(data_dir)
    wanted = dependencies(names) if names is not None else _tables.names()
    key = (directory, tuple(wanted))
    sig = _signature(directory, wanted)
    hit = _CACHE.get(key)
    if hit and hit[0] == sig:
        return hit[1]
    whole = _CACHE.get((directory, tuple(_tables.names())))
    if whole and not whole[1].problems and set(sig) <= set(whole[0]):
        report = Report(directory, {name: whole[1].parsed[name] for name in wanted}, [])
        _CACHE[key] = (sig, report)
        return report
    parsed: dict[str, Parsed] = {}
    problems: list[Problem] = []
    for name in wanted:
        path = directory / _tables.file(name)
        result = read_csv(path, paths.display_path(path, directory), table_of(name), directory)
        parsed[name] = result
        problems.extend(result.problems)
    from migresearch.validation import tables

    problems.extend(tables.check(parsed))
    report = Report(directory, parsed, problems)
    _CACHE[key] = (sig, report)
    return report
