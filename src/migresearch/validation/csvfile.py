"""The strict CSV reader: one pass over a file that collects every problem, and the typed frame.

A file is read as strings, never guessed at: encoding, delimiter, header,
cell counts and each cell's rule (:mod:`~migresearch.validation.cells`) are
checked with the physical line of the record (header = line 1) and its record
number, which differ when a quoted cell spans several lines.  Only validated
strings become a typed ``DataFrame`` (:func:`to_frame`, pandas imported there).

Nothing one fault finds hides the next: every byte that is not UTF-8 is reported,
and after a malformed record (a stray quote) reading resumes at the next physical
line, so the rest of the file is still checked; such a file is marked
``incomplete`` and its keys are not used to report foreign keys elsewhere.  On top
of each column's rule, :func:`strict_rule` refuses what would not load exactly: an
integer outside ``Int64``, a decimal a 64-bit float cannot hold (``inf``, or
rounded), and invisible or bidi characters by Unicode category.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import decimal
import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from migresearch import files
from migresearch.datasets.compiled import MAX_FILE_BYTES, Column, Table
from migresearch.errors import NotRegularFileError
from migresearch.validation.cells import cell_rule
from migresearch.validation.report import Problem, show
from migresearch.validation.rows import check_rows


@dataclasses.dataclass
class Parsed:
    """A file read as strings: records with their physical line and record number."""

    path: Path
    display: str
    header: list[str]
    lines: list[int]
    records: list[dict[str, str]]
    problems: list[Problem]
    #: Some records could not be read (bad bytes, a malformed record): its keys are not the whole set.
    incomplete: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


# --- rules on top of each column's declared rule -------------------------------------------------

#: Unicode categories refused in any text cell: other controls (Cc; tab and newline stay allowed in
#: multi-line text, as before), format characters (Cf: bidi marks, isolates and overrides, zero-width
#: characters, tag characters, U+061C...), line and paragraph separators (Zl, Zp), private use (Co),
#: surrogates (Cs) and unassigned code points (Cn).
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def invisible(v: str) -> str | None:
    """The first character of ``v`` in a refused Unicode category, in words (ASCII controls are the cell rule's)."""
    for m in _NON_ASCII.finditer(v):
        ch = m.group()
        category = unicodedata.category(ch)
        if category in REFUSED_CATEGORIES:
            name = unicodedata.name(ch, "unnamed")
            return f"invisible, bidi or separator character U+{ord(ch):04X} {name} (Unicode category {category})"
    return None


def _int64(v: str) -> str | None:
    digits = v.lstrip("-")
    if len(digits) > 19 or not INT64_MIN <= int(v) <= INT64_MAX:
        return f"integer outside the 64-bit range {INT64_MIN} to {INT64_MAX}"
    return None


def _exact_decimal(v: str) -> str | None:
    x = float(v)
    if not math.isfinite(x):
        return "too large for a 64-bit float"
    if decimal.Decimal(repr(x)) != decimal.Decimal(v):
        return f"more digits than a 64-bit float keeps: it would load as {x!r}; round it or keep it as text"
    return None


@functools.cache
def strict_rule(col: Column) -> Callable[[str], str | None]:
    """``cell_rule(col)`` plus what makes a valid cell load exactly: Int64 range, finite and exact
    decimals, no invisible or bidi characters (for text, identifiers, URLs and lists)."""
    base = cell_rule(col)
    extra: list[Callable[[str], str | None]] = []
    if col.kind in ("text", "id", "url", "list"):
        extra.append(invisible)
    if col.kind == "integer":
        extra.append(_int64)
    if col.kind == "decimal":
        extra.append(_exact_decimal)
    if not extra:
        return base

    def rule(v: str) -> str | None:
        broken = base(v)
        if broken:
            return broken
        for check in extra:
            broken = check(v)
            if broken:
                return broken
        return None

    return rule


# --- reading ------------------------------------------------------------------------------------

#: Bad bytes reported per file (every one up to this; then a count of the rest).
MAX_BAD_BYTES = 200


def _bad_bytes(raw: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The text with every undecodable byte sequence replaced, and where each one was."""
    spans: list[tuple[int, int]] = []

    def collect(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        spans.append((exc.start, exc.end))
        return "\ufffd", exc.end

    codecs.register_error("migresearch-collect", collect)
    text = raw.decode("utf-8", errors="migresearch-collect")
    return text, spans


def _physical_lines(text: str) -> list[str]:
    """The file's physical lines, each with its ``\n`` (what :mod:`csv` reads one at a time)."""
    lines = [line + "\n" for line in text.split("\n")]
    if text.endswith("\n"):
        lines.pop()
    elif lines:
        lines[-1] = lines[-1][:-1]
    return lines


def _file_problem(display: str, value: str, rule: str, line: int = 0) -> Problem:
    return Problem(display, line, "", value, rule)


def read_csv(path: Path, display: str, table: Table, data_root: Path) -> Parsed:
    """Read one CSV strictly, collecting every problem in one pass."""
    parsed = Parsed(path, display, [], [], [], [])
    problems = parsed.problems
    try:
        real = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        problems.append(_file_problem(display, str(path), "file not found"))
        return parsed
    try:
        real.relative_to(data_root.resolve())
    except ValueError:
        problems.append(_file_problem(display, str(real), "path resolves outside the data folder (unsafe symlink)"))
        return parsed
    if not real.is_file():
        problems.append(_file_problem(display, str(path), "not a regular file"))
        return parsed
    size = real.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(_file_problem(display, str(size), f"file larger than {MAX_FILE_BYTES} bytes"))
        return parsed
    try:
        raw = files.read_regular(real, MAX_FILE_BYTES)  # never blocks, even if the file became a FIFO meanwhile
    except NotRegularFileError as exc:
        problems.append(_file_problem(display, str(path), str(exc.strerror)))
        return parsed
    except OSError as exc:
        problems.append(_file_problem(display, str(path), f"unreadable: {exc.strerror}"))
        return parsed
    if not raw:
        problems.append(_file_problem(display, "", "empty file: no header"))
        return parsed
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(display, 1, "", "\\ufeff", "UTF-8 byte order mark (BOM) at start of file; save as UTF-8 without BOM")
        )
        raw = raw[3:]
    text, bad = _bad_bytes(raw)
    if bad:
        for start, stop in bad[:MAX_BAD_BYTES]:
            line_start = raw.rfind(b"\n", 0, start) + 1
            line = raw.count(b"\n", 0, start) + 1
            problems.append(
                Problem(
                    display,
                    line,
                    "",
                    f"0x{raw[start:stop].hex()}",
                    f"not UTF-8 (byte offset {start - line_start} in the line, {start} in the file)",
                )
            )
        if len(bad) > MAX_BAD_BYTES:
            problems.append(
                _file_problem(display, str(len(bad)), f"... and {len(bad) - MAX_BAD_BYTES} more bytes that are not UTF-8")
            )
        parsed.incomplete = True
        return parsed
    first = text.split("\n", 1)[0]
    if "," not in first and ";" in first:
        problems.append(Problem(display, 1, "", show(first, 40), "expected ',' delimiter, found ';'"))
        return parsed

    csv.field_size_limit(MAX_FILE_BYTES)
    lines = _physical_lines(text)
    offset = 0  # physical lines before the reader's first line (it restarts after a malformed record)
    reader = csv.reader(iter(lines), strict=True)
    end = 0
    try:
        header = next(reader)
    except StopIteration:
        problems.append(_file_problem(display, "", "empty file: no header"))
        return parsed
    except csv.Error as exc:
        problems.append(Problem(display, 1, "", "", f"malformed CSV header: {exc}"))
        return parsed
    end = reader.line_num
    parsed.header = header
    _check_header(display, header, table, problems)
    known = {c.name: c for c in table.columns}
    positions = [(i, known.get(name)) for i, name in enumerate(header)]
    record = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            record += 1
            problems.append(
                Problem(display, start, "", "", f"malformed CSV: {exc} (reading resumes at line {start + 1})", record)
            )
            parsed.incomplete = True
            offset, end = start, start  # resynchronise: the next physical line starts a record
            reader = csv.reader(iter(lines[start:]), strict=True)
            continue
        end = offset + reader.line_num
        record += 1
        if not row or all(c.strip() == "" for c in row) and len(row) <= 1:
            problems.append(Problem(display, start, "", "", "blank row (blank lines are not allowed)", record))
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    display,
                    start,
                    f"#{len(header) + 1}",
                    row[len(header)],
                    f"extra cell: {len(row)} cells, header has {len(header)}",
                    record,
                )
            )
        elif len(row) < len(header):
            problems.append(
                Problem(display, start, header[len(row)], "", f"missing cell: {len(row)} cells, header has {len(header)}", record)
            )
        values: dict[str, str] = {}
        for i, col in positions:
            if col is None or col.name in values:
                continue
            v = row[i] if i < len(row) else ""
            values[col.name] = v
            if v == "":
                if not col.nullable and i < len(row):
                    problems.append(Problem(display, start, col.name, v, "required value is empty", record))
                continue
            broken = strict_rule(col)(v)
            if broken:
                problems.append(Problem(display, start, col.name, v, broken, record))
        parsed.records.append(values)
        parsed.lines.append(start)
    if record == 0:
        problems.append(Problem(display, 1, "", "", "no records: the file has a header only"))
    check_rows(parsed, table)
    return parsed


def _check_header(display: str, header: Sequence[str], table: Table, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    declared = table.names
    for i, name in enumerate(header, start=1):
        if name in seen:
            problems.append(Problem(display, 1, name, name, f"duplicate column name at positions {seen[name]} and {i}"))
            continue
        seen[name] = i
        if name not in table.by_name:
            hint = difflib.get_close_matches(name, declared, n=1)
            more = f"; did you mean '{hint[0]}'?" if hint else ""
            problems.append(Problem(display, 1, f"#{i}", name, f"unknown column{more}"))
    for name in declared:
        if name not in seen:
            problems.append(Problem(display, 1, name, "", "missing column"))
    present = [n for n in header if n in table.by_name]
    expected = [n for n in declared if n in seen]
    if present == expected or len(set(present)) != len(present):
        return
    for got, want in zip(present, expected):
        if got != want:
            problems.append(Problem(display, 1, got, got, f"column order differs from the schema: expected '{want}' here"))
            return


# --- typed frames -----------------------------------------------------------------------------


def to_frame(parsed: Parsed, table: Table) -> Any:
    """Build the typed ``DataFrame`` from validated strings (pandas nullable dtypes)."""
    import pandas as pd

    data: dict[str, Any] = {}
    n = len(parsed.records)
    for col in table.columns:
        raw = [r.get(col.name, "") for r in parsed.records]
        if col.kind == "code":
            data[col.name] = pd.Categorical([v or None for v in raw], categories=list(col.values or ()), ordered=col.ordered)
        elif col.kind == "integer":
            data[col.name] = pd.array([int(v) if v else None for v in raw], dtype="Int64")
        elif col.kind == "decimal":
            data[col.name] = pd.array([float(v) if v else None for v in raw], dtype="Float64")
        elif col.kind == "boolean":
            data[col.name] = pd.array([None if v == "" else v == "true" for v in raw], dtype="boolean")
        elif col.kind == "date":
            data[col.name] = pd.to_datetime(pd.Series([v or None for v in raw], dtype="object"), format="%Y-%m-%d").astype(
                "datetime64[ns]"
            )
        else:
            data[col.name] = pd.array([v if v != "" else None for v in raw], dtype="string")
    frame = pd.DataFrame(data, index=pd.RangeIndex(n))
    return frame
