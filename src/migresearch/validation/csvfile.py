"""The strict CSV reader: one pass over a file that collects every problem, and the typed frame.

A file is read as strings, never guessed at: encoding, delimiter, header,
cell counts and each cell's rule (:mod:`~migresearch.validation.cells`) are
checked with the physical line of the record (header = line 1) and its record
number, which differ when a quoted cell spans several lines.  Only validated
strings become a typed ``DataFrame`` (:func:`to_frame`, pandas imported there).
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from migresearch.datasets.compiled import MAX_FILE_BYTES, Table
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

    @property
    def ok(self) -> bool:
        return not self.problems


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
        raw = real.read_bytes()
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
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start : exc.end].hex()
        problems.append(
            Problem(
                display,
                line,
                "",
                f"0x{bad}",
                f"not UTF-8 (byte offset {exc.start - line_start} in the line, {exc.start} in the file)",
            )
        )
        return parsed
    first = text.split("\n", 1)[0]
    if "," not in first and ";" in first:
        problems.append(Problem(display, 1, "", show(first, 40), "expected ',' delimiter, found ';'"))
        return parsed

    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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
            problems.append(Problem(display, reader.line_num, "", "", f"malformed CSV: {exc}"))
            break
        end = reader.line_num
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
            broken = cell_rule(col)(v)
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
