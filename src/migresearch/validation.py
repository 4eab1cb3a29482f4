"""Validate a data folder: schemas, keys, foreign keys and temporal rules, all problems in one pass."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path

from migresearch import _tables, paths
from migresearch.datasets._base import Parsed, Problem, Table, read_csv


class DataValidationError(ValueError):
    """Raised by :func:`migresearch.load` when the data breaks its declaration.

    ``problems`` holds every :class:`Problem`, each printable as
    ``data/<file>.csv:<line>:<column>: <value>: <rule>``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{head}{more}")


@dataclasses.dataclass
class Report:
    """The outcome of validating some or all tables of a data folder."""

    data_dir: Path
    parsed: dict[str, Parsed]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


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
    cached per folder until a file's size or modification time changes.
    """
    directory = paths.data_dir(data_dir)
    wanted = dependencies(names) if names is not None else _tables.names()
    key = (directory, tuple(wanted))
    sig = _signature(directory, wanted)
    hit = _CACHE.get(key)
    if hit and hit[0] == sig:
        return hit[1]
    parsed: dict[str, Parsed] = {}
    problems: list[Problem] = []
    for name in wanted:
        path = directory / _tables.file(name)
        result = read_csv(path, paths.display_path(path, directory), table_of(name), directory)
        parsed[name] = result
        problems.extend(result.problems)
    from migresearch import integrity

    problems.extend(integrity.check(parsed))
    report = Report(directory, parsed, problems)
    _CACHE[key] = (sig, report)
    return report
