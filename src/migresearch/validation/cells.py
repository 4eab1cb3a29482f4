"""Cell rules: what one cell of a column may hold, read off the column's compiled declaration.

Nothing here knows a table by name.  Each column's rule is compiled once
(:func:`cell_rule`, cached per column) from its kind, pattern, code list,
range and nullability, and answers ``None`` or the broken rule in words, so
the reader, the claims check and the tests all apply the very same rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable

from migresearch.datasets.compiled import MAX_CELL, SLUG, Column, cldr_codes
from migresearch.errors import DeclarationError

#: Characters refused in every cell: C0/C1 controls (except tab and newline in multiline text),
#: bidirectional overrides and isolates, zero-width characters, the BOM.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_NEWLINE = re.compile("[\t\n\r]")
_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_DEC = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
MIN_DATE = dt.date(1900, 1, 1)


def _check_text(col: Column, v: str) -> str | None:
    bad = FORBIDDEN.search(v)
    if bad:
        return f"forbidden control, bidi or zero-width character U+{ord(bad.group()):04X}"
    if not col.meta.get("multiline") and _NEWLINE.search(v):
        return "line breaks and tabs are not allowed in this column"
    if v != v.strip():
        return "leading or trailing whitespace"
    if len(v) > MAX_CELL:
        return f"cell longer than {MAX_CELL} characters"
    if col.max_length is not None and len(v) > col.max_length:
        return f"longer than {col.max_length} characters ({len(v)})"
    if col.min_length is not None and len(v) < col.min_length:
        return f"shorter than {col.min_length} characters ({len(v)})"
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


_CLDR_NAMES = {"alpha3": "alpha-3", "alpha2": "alpha-2", "numeric": "numeric"}


def _cldr_rule(col: Column, inner: Callable[[str], str | None]) -> Callable[[str], str | None]:
    which = str(col.meta["cldr"])

    def rule(v: str) -> str | None:
        broken = inner(v)
        if broken:
            return broken
        codes, _ = cldr_codes()
        if v not in codes[which]:
            return f"not an ISO 3166-1 {_CLDR_NAMES[which]} code known to CLDR"
        return None

    return rule


@functools.cache
def cell_rule(col: Column) -> Callable[[str], str | None]:
    """The rule of one column's cells: ``None`` when a value is allowed, else the broken rule in words."""
    rule = _kind_rule(col)
    return _cldr_rule(col, rule) if col.meta.get("cldr") else rule


def _kind_rule(col: Column) -> Callable[[str], str | None]:
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
    raise DeclarationError(f"unknown field kind {kind!r} for column {col.name}")


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
