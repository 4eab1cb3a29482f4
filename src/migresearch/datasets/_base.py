"""Shared reading code: strict CSV parsing, cell rules read off the declaration, typed frames.

Nothing here knows a table by name.  Each column's rule is compiled once
from its pandera field (kind, pattern, code list, range, nullability); each
file is read in one pass that collects every problem, with the physical
line of the record (header = line 1) and its record number.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: Identifier pattern shared by every slug-style primary key.
SLUG = r"^[a-z0-9][a-z0-9._-]*$"
#: Longest text cell accepted (characters); longer cells are an error.
MAX_CELL = 4000
#: Largest data file accepted (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Characters refused in every cell: C0/C1 controls (except tab and newline in multiline text),
#: bidirectional overrides and isolates, zero-width characters, the BOM.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NEWLINE = re.compile("[\t\n\r]")
_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_DEC = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
MIN_DATE = dt.date(1900, 1, 1)


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
        elif _FORBIDDEN.match(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    text = "".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclasses.dataclass(frozen=True, eq=False)
class Column:
    """A column's rule, compiled from its declaration."""

    name: str
    kind: str
    nullable: bool
    title: str
    description: str
    meta: dict[str, Any]
    pattern: str | None = None
    values: tuple[str, ...] | None = None
    ordered: bool = False
    ge: float | None = None
    le: float | None = None
    unique: bool = False

    @property
    def fks(self) -> tuple[tuple[str, str], ...]:
        """Foreign-key targets as ``(table, column)`` pairs (a value may match any of them)."""
        spec = self.meta.get("fk")
        if not spec:
            return ()
        return tuple(tuple(t.split(".", 1)) for t in spec.split("|"))  # type: ignore[misc]


@dataclasses.dataclass(frozen=True)
class Table:
    """A compiled schema: its columns in declared order and its primary key."""

    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @functools.cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@functools.cache
def compile_schema(model: type) -> Table:
    """Read a pandera ``DataFrameModel`` into a :class:`Table` (cached per model)."""
    schema = model.to_schema()  # type: ignore[attr-defined]
    cols = []
    for name, col in schema.columns.items():
        meta = dict(col.metadata or {})
        info: dict[str, Any] = {}
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "str_matches":
                info["pattern"] = str(stats["pattern"])
            elif check.name == "isin":
                info["values"] = tuple(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                info["ge"] = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                info["le"] = stats["max_value"]
        dtype = col.dtype.type
        if meta.get("kind") == "code":
            info["ordered"] = bool(getattr(dtype, "ordered", False))
        cols.append(
            Column(
                name=name,
                kind=meta["kind"],
                nullable=bool(col.nullable),
                title=col.title or name,
                description=col.description or "",
                meta=meta,
                unique=bool(col.unique),
                **info,
            )
        )
    unique = schema.unique or []
    pk = tuple([unique] if isinstance(unique, str) else unique)
    return Table(tuple(cols), pk)


# --- cell rules -------------------------------------------------------------------------------

def _check_text(col: Column, v: str) -> str | None:
    bad = _FORBIDDEN.search(v)
    if bad:
        return f"forbidden control, bidi or zero-width character U+{ord(bad.group()):04X}"
    if not col.meta.get("multiline") and _NEWLINE.search(v):
        return "line breaks and tabs are not allowed in this column"
    if v != v.strip():
        return "leading or trailing whitespace"
    if len(v) > MAX_CELL:
        return f"cell longer than {MAX_CELL} characters"
    limit = col.meta.get("max_length")
    if limit is not None and len(v) > limit:
        return f"longer than {limit} characters ({len(v)})"
    if unicodedata.normalize("NFC", v) != v:
        return "text is not in Unicode NFC form"
    return None


def parse_date(v: str) -> dt.date | None:
    """``YYYY-MM-DD`` to a date, or ``None`` when it is not a real ISO date."""
    m = _DATE.match(v)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _item_rule(col: Column) -> Callable[[str], str | None]:
    item = col.meta.get("item", "id")
    if item == "integer":
        lo, hi = col.meta.get("item_ge"), col.meta.get("item_le")

        def rule(x: str) -> str | None:
            if not _INT.match(x) or (lo is not None and int(x) < lo) or (hi is not None and int(x) > hi):
                return f"items must be integers {lo}–{hi}"
            return None

        return rule
    if item == "code":
        allowed = tuple(col.meta["item_values"])
        return lambda x: None if x in allowed else f"items must be one of {', '.join(allowed)}"
    pattern = re.compile(col.meta.get("item_pattern") or SLUG)
    return lambda x: None if pattern.match(x) else f"items must match {pattern.pattern}"


@functools.cache
def cell_rule(col: Column) -> Callable[[str], str | None]:
    """The function that checks one non-empty cell of ``col`` (returns the broken rule or ``None``)."""
    kind = col.kind
    if kind in ("id", "url"):
        pattern = re.compile(col.pattern or ".*")

        def rule(v: str) -> str | None:
            if not pattern.match(v):
                if kind == "url":
                    return "expected an absolute http:// or https:// URL"
                return f"expected an identifier matching {pattern.pattern}"
            return _check_text(col, v)

        return rule
    if kind == "text":
        return functools.partial(_check_text, col)
    if kind == "code":
        allowed = col.values or ()
        listing = ", ".join(allowed)
        return lambda v: None if v in allowed else f"not in the code list: {listing}"
    if kind in ("integer", "decimal"):
        regex = _INT if kind == "integer" else _DEC
        what = "a plain integer" if kind == "integer" else "a plain decimal (digits, optional '.' and decimals)"
        lo, hi = col.ge, col.le

        def rule(v: str) -> str | None:
            if not regex.match(v):
                return f"not {what}"
            x = float(v)
            if lo is not None and x < lo:
                return f"must be ≥ {lo}"
            if hi is not None and x > hi:
                return f"must be ≤ {hi}"
            return None

        return rule
    if kind == "boolean":
        return lambda v: None if v in ("true", "false") else "expected true or false"
    if kind == "date":
        not_future = bool(col.meta.get("not_future"))

        def rule(v: str) -> str | None:
            d = parse_date(v)
            if d is None:
                return "expected ISO 8601 date YYYY-MM-DD"
            if d < MIN_DATE:
                return f"date before {MIN_DATE.isoformat()}"
            if not_future and d > dt.date.today():
                return "date is in the future"
            return None

        return rule
    if kind == "list":
        item = _item_rule(col)

        def rule(v: str) -> str | None:
            items = v.split("|")
            if any(x == "" for x in items):
                return "empty item in '|'-separated list (separator is '|', no spaces)"
            for x in items:
                broken = item(x)
                if broken:
                    return f"{broken}, separator '|'"
            if len(set(items)) != len(items):
                return "duplicate item in list"
            return None

        return rule
    raise ValueError(f"unknown field kind {kind!r} for column {col.name}")


# --- reading a file -----------------------------------------------------------------------------

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
        problems.append(Problem(display, 1, "", "\\ufeff", "UTF-8 byte order mark (BOM) at start of file; save as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start : exc.end].hex()
        problems.append(
            Problem(display, line, "", f"0x{bad}", f"not UTF-8 (byte offset {exc.start - line_start} in the line, {exc.start} in the file)")
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
                Problem(display, start, f"#{len(header) + 1}", row[len(header)], f"extra cell: {len(row)} cells, header has {len(header)}", record)
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
    _check_rows(parsed, table)
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


def floor_ceil(value: str, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day a date at ``precision`` can stand for."""
    d = parse_date(value)
    if d is None:
        return None
    if precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if precision == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
    return d, d


def _check_rows(parsed: Parsed, table: Table) -> None:
    """Rules within one file: precision companions, inferred fields, primary and unique keys."""
    problems, display = parsed.problems, parsed.display
    precisions = [(c.name, c.meta["precision_column"]) for c in table.columns if c.meta.get("precision_column")]
    has_inferred = "inferred" in table.by_name and "inferred_from" in table.by_name
    keyed = [c.name for c in table.columns if c.unique] + (["\x00pk"] if table.primary_key else [])
    seen: dict[str, dict[tuple[str, ...], int]] = {k: {} for k in keyed}
    for rec_no, (line, row) in enumerate(zip(parsed.lines, parsed.records), start=1):
        for date_col, prec_col in precisions:
            d, p = row.get(date_col, ""), row.get(prec_col, "")
            if (d == "") != (p == ""):
                col, val = (prec_col, p) if d == "" else (prec_col, p)
                rule = f"`{prec_col}` must be set exactly when `{date_col}` is set"
                problems.append(Problem(display, line, col, val, rule, rec_no))
            elif d and p in ("month", "year"):
                pd_ = parse_date(d)
                if pd_ and (pd_.day != 1 or (p == "year" and pd_.month != 1)):
                    first = "the first of the month" if p == "month" else "1 January"
                    problems.append(Problem(display, line, date_col, d, f"a date with {p} precision is stored as {first}", rec_no))
        if has_inferred:
            inf, why = row.get("inferred", ""), row.get("inferred_from", "")
            if inf and not why:
                problems.append(Problem(display, line, "inferred_from", why, "an inferred value needs its reason in `inferred_from`", rec_no))
            if why and not inf:
                problems.append(Problem(display, line, "inferred", inf, "`inferred_from` is set but no field is listed in `inferred`", rec_no))
            for name in filter(None, inf.split("|")):
                if name not in table.by_name or name in ("inferred", "inferred_from", "source_id", "note"):
                    problems.append(Problem(display, line, "inferred", name, "not a fact column of this table", rec_no))
        for key in keyed:
            cols = table.primary_key if key == "\x00pk" else (key,)
            value = tuple(row.get(c, "") for c in cols)
            if any(v == "" for v in value):
                continue
            first = seen[key].get(value)
            if first is None:
                seen[key][value] = line
            else:
                label = ",".join(f"{c}={v}" for c, v in zip(cols, value))
                kind = "primary key" if key == "\x00pk" else "value in unique column"
                problems.append(Problem(display, line, cols[0], ",".join(value), f"duplicate {kind} {label} (first at line {first})", rec_no))


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
            data[col.name] = pd.to_datetime(pd.Series([v or None for v in raw], dtype="object"), format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            data[col.name] = pd.array([v if v != "" else None for v in raw], dtype="string")
    frame = pd.DataFrame(data, index=pd.RangeIndex(n))
    return frame
