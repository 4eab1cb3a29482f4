"""Building blocks for declaring a table once.

Every table in :mod:`migresearch` is declared as a pandera ``DataFrameModel``
whose fields are made with the constructors below.  The constructors attach
the title, description, code list, nullability and a small ``metadata``
mapping (``kind``, foreign key, list item rules).  Everything else -- the
row-level validator with line-precise errors, the typed ``DataFrame``, the
data dictionary, ``datapackage.json`` and the parametrised tests -- is read
off that declaration; no column list is written twice.

Field kinds
-----------
``id``        stable string identifier (kept verbatim: ``007`` stays ``007``)
``text``      free text; no control, bidi or zero-width characters
``code``      one value of a declared code list (a pandas categorical)
``integer``   plain integer (``Int64``)
``decimal``   plain decimal with ``.`` (``Float64``)
``boolean``   ``true`` or ``false`` (``boolean``)
``date``      ISO 8601 ``YYYY-MM-DD`` (``datetime64``)
``url``       an ``http`` or ``https`` address
``list``      ``|``-separated items, each checked by an item rule
"""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

import pandera.pandas as pa

from migresearch.datasets.compiled import MAX_CELL, MAX_FILE_BYTES, SLUG  # noqa: F401 - re-exported

#: Precision of a date, coarsest first (an ordered categorical).
PRECISIONS: tuple[str, ...] = ("year", "month", "day")
#: ISO 3166-1 alpha-3 pattern.
ISO3 = r"^[A-Z]{3}$"

ItemKind = Literal["integer", "id", "code", "text"]


def _field(
    kind: str,
    title: str,
    description: str,
    *,
    nullable: bool,
    unique: bool = False,
    fk: str | None = None,
    extra: dict[str, Any] | None = None,
    **checks: Any,
) -> Any:
    meta: dict[str, Any] = {"kind": kind}
    if fk:
        meta["fk"] = fk
    if extra:
        meta.update(extra)
    return pa.Field(
        title=title,
        description=description,
        nullable=nullable,
        unique=unique,
        metadata=meta,
        **checks,
    )


def ident(
    title: str,
    description: str,
    *,
    pattern: str = SLUG,
    fk: str | None = None,
    nullable: bool = False,
    unique: bool = False,
    cldr: Literal["alpha3", "alpha2", "numeric"] | None = None,
) -> Any:
    """A string identifier matching ``pattern`` (a foreign key when ``fk`` is ``"table.column"``).

    ``cldr`` declares an ISO 3166-1 code checked against CLDR (through Babel): the value must be a
    known code of that kind, and in a table with an ``alpha2`` column, the alpha-3 and numeric codes
    must name the same country as the row's alpha-2 code.
    """
    extra = {"cldr": cldr} if cldr else None
    return _field("id", title, description, nullable=nullable, unique=unique, fk=fk, extra=extra, str_matches=pattern)


def text(title: str, description: str, *, nullable: bool = True, multiline: bool = False) -> Any:
    """Free text. ``multiline`` allows line breaks; other control characters are always refused."""
    return _field("text", title, description, nullable=nullable, extra={"multiline": multiline})


def url(title: str, description: str, *, nullable: bool = True) -> Any:
    """An absolute ``http`` or ``https`` address; other schemes are refused."""
    return _field("url", title, description, nullable=nullable, str_matches=r"^https?://[^\s]+$")


def code(
    values: tuple[str, ...] | list[str],
    title: str,
    description: str,
    *,
    nullable: bool = False,
    ordered: bool = False,
) -> Any:
    """One value of a declared code list, loaded as a (possibly ordered) categorical."""
    values = list(values)
    return _field(
        "code",
        title,
        description,
        nullable=nullable,
        isin=values,
        dtype_kwargs={"categories": values, "ordered": ordered},
    )


def integer(
    title: str,
    description: str,
    *,
    nullable: bool = True,
    ge: int | None = None,
    le: int | None = None,
    fk: str | None = None,
    unique: bool = False,
) -> Any:
    """A plain integer (no thousands separators, no leading zeros)."""
    checks: dict[str, Any] = {}
    if ge is not None:
        checks["ge"] = ge
    if le is not None:
        checks["le"] = le
    return _field("integer", title, description, nullable=nullable, fk=fk, unique=unique, **checks)


def decimal(title: str, description: str, *, nullable: bool = True, ge: float | None = None) -> Any:
    """A plain decimal number with ``.`` as separator (``1234.5``; never ``1.234,5``)."""
    checks: dict[str, Any] = {}
    if ge is not None:
        checks["ge"] = ge
    return _field("decimal", title, description, nullable=nullable, **checks)


def boolean(title: str, description: str, *, nullable: bool = True) -> Any:
    """``true`` or ``false`` (lower case); empty means unknown where nullable."""
    return _field("boolean", title, description, nullable=nullable)


def date(
    title: str,
    description: str,
    *,
    nullable: bool = True,
    precision: str | None = None,
    not_future: bool = False,
) -> Any:
    """An ISO 8601 date ``YYYY-MM-DD``.

    ``precision`` names the companion column (made with :func:`precision`)
    that says whether the date is known to the day, month or year.  A date
    known to the month is stored as the first of that month, one known to
    the year as 1 January; a validator enforces this.
    """
    extra: dict[str, Any] = {"not_future": not_future}
    if precision:
        extra["precision_column"] = precision
    return _field("date", title, description, nullable=nullable, extra=extra)


def precision(of: str, *, nullable: bool = True) -> Any:
    """How precisely the date in column ``of`` is known: ``year`` < ``month`` < ``day``."""
    return _field(
        "code",
        f"Precision of {of}",
        f"How precisely `{of}` is known (year, month or day); empty exactly when `{of}` is empty.",
        nullable=nullable,
        isin=list(PRECISIONS),
        dtype_kwargs={"categories": list(PRECISIONS), "ordered": True},
        extra={"precision_of": of},
    )


def plist(
    title: str,
    description: str,
    *,
    item: ItemKind = "id",
    pattern: str | None = None,
    ge: int | None = None,
    le: int | None = None,
    values: tuple[str, ...] | None = None,
    fk: str | None = None,
    nullable: bool = True,
) -> Any:
    """A ``|``-separated list (``7|9``), each item checked; duplicates and empty items are refused."""
    extra: dict[str, Any] = {"item": item}
    if pattern:
        extra["item_pattern"] = pattern
    if ge is not None:
        extra["item_ge"] = ge
    if le is not None:
        extra["item_le"] = le
    if values is not None:
        extra["item_values"] = list(values)
    return _field("list", title, description, nullable=nullable, fk=fk, extra=extra)


# --- columns repeated in every fact table --------------------------------------------------


def source_id() -> Any:
    """The source a row is read from (foreign key into ``sources``)."""
    return ident(
        "Source",
        "Identifier of the source this row's facts were read from (key of `sources`).",
        fk="sources.source_id",
    )


#: Longest quotation kept as a row's evidence: metadata and short quotes only, never restricted full texts.
MAX_EVIDENCE = 300


def evidence() -> Any:
    """A short quotation from the cited source that shows the row's key values."""
    return _field(
        "text",
        "Evidence",
        f"A short quotation (at most {MAX_EVIDENCE} characters, in the source's language) from the cited source "
        "that shows this row's key values; empty only when the note says why.",
        nullable=True,
        extra={"multiline": False},
        str_length={"max_value": MAX_EVIDENCE},
    )


def inferred() -> Any:
    """Which of the row's fields are inferred rather than stated by the source."""
    return plist(
        "Inferred fields",
        "Names of this row's columns whose value was inferred rather than stated by the source, "
        "separated by `|`; empty when every value is stated.",
        item="id",
        pattern=r"^[a-z][a-z0-9_]*$",
    )


def inferred_from() -> Any:
    """Why and from what the inferred fields were inferred (required when any are)."""
    return text(
        "Inferred from",
        "How and from what the fields listed in `inferred` were deduced; required exactly when `inferred` is set.",
    )


def note() -> Any:
    return text("Note", "Caveats, gaps and context, in English.", multiline=True)


@dataclasses.dataclass(frozen=True)
class DatasetSpec:
    """One entry of the registry: a table, its file and its declaration."""

    name: str
    file: str
    schema: type
    title: str
    description: str
    family: str
