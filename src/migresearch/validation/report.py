"""The outcome of a validation: one :class:`Problem` per broken rule, printable as one line.

Every check, whatever its scope (cell, row, table), reports in the same form,
``data/<file>.csv:<line>:<column>: <value>: <rule>``, so an editor can jump to
the cell and a user reads every problem of a pass at once.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from migresearch.validation.cells import FORBIDDEN

#: Shown escaped, like FORBIDDEN: what the reader refuses by Unicode category (a U+2028 would split a line).
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})

if TYPE_CHECKING:
    from migresearch.validation.csvfile import Parsed


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One data error: ``<path>:<line>:<column>: <value>: <rule>``.

    ``line`` is the physical line in the file (header = 1; 0 for a problem
    with the file as a whole) and ``record`` the logical record number
    (first data record = 1), which differ when a cell spans several lines.
    """

    path: str
    line: int
    column: str
    value: str
    rule: str
    record: int | None = None

    def __str__(self) -> str:
        where = f" (record {self.record})" if self.record is not None else ""
        return f"{self.path}:{self.line}:{self.column}: {show(self.value)}: {self.rule}{where}"


def show(value: str, limit: int = 80) -> str:
    """A cell value on one line: control and invisible characters escaped, long values cut."""
    out = []
    for ch in value:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif FORBIDDEN.match(ch) or (ord(ch) > 127 and unicodedata.category(ch) in _INVISIBLE):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclasses.dataclass
class Report:
    """The outcome of validating some or all tables of a data folder."""

    data_dir: Path
    parsed: dict[str, Parsed]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems
