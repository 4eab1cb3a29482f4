"""What a reader sees instead of a code: names of countries, organisations, places and records, labels of
fields, and claimed values formatted by their column's declared type.

A country code appears on a page only beside its name (``country(..., code=True)`` gives
``Bélgica (BEL)``); organisations are named by their acronym in the page's language; a record is
named by what it is (``reunión de alto nivel VIII, Bruselas, 2013``), never by its id.  Names come
from the data (``countries``, ``frameworks``, ``places``) and the label catalogue (:mod:`migresearch.i18n`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch import i18n
from migresearch._api import load, read

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PRECISION = re.compile(r"\b(day|month|year) precision\b")
_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ENGLISH_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")


def missing(value: Any) -> bool:
    """True for ``None``, ``pd.NA``, ``NaN``, ``NaT`` and the empty string."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    frame = load("countries")
    es = frame["name_es_override"].fillna(frame["name_es"]) if "name_es_override" in frame else frame["name_es"]
    return {str(i): (str(en), str(s)) for i, en, s in zip(frame["iso3"], frame["name_en"], es)}


@functools.cache
def _frameworks() -> dict[str, tuple[str, str, str | None, str | None]]:
    frame = load("frameworks")
    return {
        str(r.framework_id): (
            str(r.name_en),
            str(r.name_es),
            None if missing(r.acronym_en) else str(r.acronym_en),
            None if missing(r.acronym_es) else str(r.acronym_es),
        )
        for r in frame.itertuples()
    }


@functools.cache
def _places() -> dict[tuple[str, str], str]:
    """(country, English name) -> Spanish name, from the ``places`` table when it exists."""
    try:
        frame = load("places")
    except Exception:
        return {}
    return {(str(r.country_iso3), str(r.name_en)): str(r.name_es) for r in frame.itertuples()}


def clear_cache() -> None:
    """Forget the names read from the data (after the data folder changed)."""
    for fn in (_countries, _frameworks, _places):
        fn.cache_clear()


def country(iso3: Any, lang: str, code: bool = False) -> str:
    """The country's name in ``lang`` (``Bélgica``); with ``code=True`` the code beside it (``Bélgica (BEL)``).

    An unknown code raises ``KeyError``: a page never shows a code alone.
    """
    if missing(iso3):
        return ""
    en, es = _countries()[str(iso3)]
    name = es if i18n.check_lang(lang) == "es" else en
    return f"{name} ({iso3})" if code else name


#: Longest acronym or short name ``framework(..., short=True)`` uses: "Proyecto UE-ALC" (15) is one,
#: "EU-LAC / EU-CELAC Summit" (24) is not.
SHORT_CHARS = 16


def framework(framework_id: Any, lang: str, short: bool = False) -> str:
    """A framework's or organisation's name in ``lang``; ``short=True`` prefers its acronym (or short name) in
    that language, when it has at most :data:`SHORT_CHARS` characters."""
    if missing(framework_id):
        return ""
    name_en, name_es, acr_en, acr_es = _frameworks()[str(framework_id)]
    if short:
        acronym = acr_es if lang == "es" else acr_en
        if acronym and len(acronym) <= SHORT_CHARS:
            return acronym
    return name_es if i18n.check_lang(lang) == "es" else name_en


def party(value: Any, lang: str, short: bool = True) -> str:
    """A party or organiser: a country (ISO alpha-3) by its name, an organisation (framework id) by its acronym or name."""
    if missing(value):
        return ""
    text = str(value)
    if _ISO3.match(text) and text in _countries():
        return country(text, lang)
    return framework(text, lang, short=short)


def parties(values: Any, lang: str, short: bool = True) -> str:
    """Several parties (a list or a ``|``-separated cell) as running text: ``Guyana y Surinam``."""
    if missing(values) if not isinstance(values, list | tuple | set) else False:
        return ""
    items = str(values).split("|") if isinstance(values, str) else [str(v) for v in values]
    return i18n.join([party(v, lang, short) for v in items if v], lang)


def place(city: Any, iso3: Any, lang: str) -> str:
    """Where something happened: ``Bruselas (Bélgica)``, the country alone, or empty."""
    name = "" if missing(city) else str(city)
    if name and lang == "es" and not missing(iso3):
        name = _places().get((str(iso3), name), name)
    land = country(iso3, lang) if not missing(iso3) else ""
    if name and land:
        return f"{name} ({land})"
    return name or land


def meeting_label(row: Any, lang: str) -> str:
    """A meeting's ordinal as the page's language writes it: Roman numerals kept, ``1st`` becomes ``1.ª`` in Spanish."""
    label = row["label"] if "label" in row else None
    if missing(label):
        return ""
    text = str(label)
    m = _ENGLISH_ORDINAL.match(text)
    if m:
        return i18n.ordinal(int(m.group(1)), lang)
    head, _, tail = text.partition(" ")
    if _ROMAN.match(head) and tail:
        return f"{head} {i18n.t('series.' + tail, lang) if 'series.' + tail in i18n.LABELS else tail}"
    return text


def meeting(row: Any, lang: str) -> str:
    """A meeting named for a reader: ``reunión de alto nivel VIII (Bruselas, 2013)``."""
    kind = i18n.code("meeting_kind", row["kind"], lang)
    label = meeting_label(row, lang)
    city = row.get("city")
    if not missing(city) and lang == "es" and not missing(row.get("country_iso3")):
        city = _places().get((str(row["country_iso3"]), str(city)), city)
    where = (
        str(city)
        if not missing(city)
        else (country(row.get("country_iso3"), lang) if not missing(row.get("country_iso3")) else "")
    )
    year = "" if missing(row.get("start_date")) else str(pd.Timestamp(row["start_date"]).year)
    raw = "" if missing(row.get("label")) else str(row.get("label"))
    head = f"{label} {kind}" if _ENGLISH_ORDINAL.match(raw) else f"{kind} {label}".strip()
    detail = ", ".join(x for x in (where, year) if x)
    return f"{head} ({detail})" if detail else head


def record(table: str, record_id: Any, lang: str) -> str:
    """A record named by what it is, in ``lang``: a framework's name, a meeting, an event, a programme..."""
    rid = str(record_id)
    if table == "frameworks":
        return framework(rid, lang)
    if table == "countries":
        return country(rid, lang)
    frame = read(table)
    key = frame.columns[0]
    hit = frame[frame[key].astype(str) == rid]
    if hit.empty:
        raise KeyError(f"{table}: no record {rid!r}")
    row = hit.iloc[0]
    if table == "meetings":
        return meeting(row, lang)
    if table == "memberships":
        who = party(row["party_iso3"] if not missing(row["party_iso3"]) else row["party_org"], lang)
        return f"{who}: {i18n.code('event', row['event'], lang)} ({framework(row['framework_id'], lang, short=True)})"
    if table == "eu_presidencies":
        half = i18n.t("text.semester_1" if str(rid).endswith("H1") else "text.semester_2", lang, year=str(rid)[:4])
        return half
    if table == "figures":
        series = read("series", index="series_id")
        title = series.at[row["series_id"], f"title_{lang}"] if row["series_id"] in series.index else row["series_id"]
        where = row["place"]
        return f"{title}, {party(where, lang) if _ISO3.match(str(where)) else where}"
    if table == "un_votes":
        return i18n.t(
            "text.un_vote",
            lang,
            country=country(row["country_iso3"], lang),
            resolution=row["resolution"],
            vote=i18n.code("vote", row["vote"], lang) if "vote.yes" in i18n.LABELS else row["vote"],
        )
    if table == "consular_coverage":  # a status period of a mechanism: "<mechanism>: in force"
        mechanisms = read("consular_mechanisms", index="mechanism_id")
        mech = mechanisms.loc[row["mechanism_id"]]
        name = mech[f"name_{lang}"] if not missing(mech[f"name_{lang}"]) else mech["name_en"]
        return f"{name}: {i18n.code('coverage_status', row['status'], lang)}"
    if table == "gcm_objectives":
        return i18n.t("text.gcm_objective", lang, n=rid)
    if table == "gcm_principles":
        return i18n.t("text.gcm_principle", lang, n=rid)
    original = ("name_original",) if lang != "en" else ()  # a programme's own name before our English one
    for column in (f"name_{lang}", f"title_{lang}", *original, "name_en", "title_en", "name_original", "short_name", "title"):
        if column in row and not missing(row[column]):
            return str(row[column])
    raise KeyError(f"{table}: no name column for record {rid!r}")


def field_label(table: str, field: str, lang: str) -> str:
    """A column's or a derived field's label for a reader (``fecha de finalización``), never its identifier."""
    for key in (f"column.{table}.{field}", f"column.{field}", f"derived.{field}"):
        if key in i18n.LABELS:
            return i18n.t(key, lang)
    # not labelled yet (tests/test_i18n.py fails until it is): the declared title, never the identifier
    from migresearch.datasets import compiled

    column = compiled.table(table).by_name.get(field) if table in compiled.names() else None
    return column.title if column is not None and column.title else field.replace("_", " ")


def claim_precision(note: Any) -> str:
    """The precision a claim states in its note (``month precision``), else ``day``."""
    m = _PRECISION.search(str(note)) if not missing(note) else None
    return m.group(1) if m else "day"


def value(table: str, field: str, raw: Any, lang: str, precision: str | None = None) -> str:
    """A stored or claimed value formatted by its column's declared type: dates localised at ``precision``,
    countries and organisations named, code-list values labelled, numbers in the page's locale."""
    from migresearch.datasets import compiled

    if missing(raw):
        return ""
    text = str(raw)
    column = compiled.table(table).by_name.get(field) if table in compiled.names() else None
    meta = column.meta if column is not None else {}
    fk = str(meta.get("fk", ""))
    if isinstance(raw, pd.Timestamp) or (column is not None and column.kind == "date") or _ISO_DATE.match(text):
        return i18n.date(text[:10], precision or "day", lang)
    if "countries.iso3" in fk or "frameworks.framework_id" in fk:
        return parties(text, lang) if "|" in text or (column is not None and column.kind == "list") else party(text, lang)
    if column is not None and column.kind == "code" and column.values:
        prefix = next((p for p, (t, c) in i18n.CODE_LISTS.items() if t == table and c == field), None)
        if prefix:
            return i18n.code(prefix, text, lang)
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return i18n.number(float(text) if "." in text else int(text), lang)
    return text


def names_frame(codes: Iterable[Any], lang: str) -> list[str]:
    """Country or organisation names for several codes, in the given order."""
    return [party(c, lang) for c in codes]


# --- data prose for a reader --------------------------------------------------------------------------

_YEAR_MONTH = re.compile(r"(?<![\w/-])(\d{4})-(0[1-9]|1[0-2])(?![\w/-])")
_ISO_IN_TEXT = re.compile(r"(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w/-])")
_SNAKE = re.compile(r"(?<![\w-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w-])")
_ID = re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9.]*(?:-[a-z0-9.]+)+)(?![\w-])")


def _record_ids() -> dict[str, str]:
    """Every record id with a hyphen (a primary key value) -> its table; each call is recorded as a read of
    every table's keys (not of the whole tables: see :func:`migresearch._api.keys_of`), the answer is cached."""
    from migresearch import _api

    names = _api.list_datasets()
    _api.note_keys_read(names)
    return _ids_by_table(tuple(names))


def prime() -> None:
    """Fill the cache of :func:`_record_ids` (the build's warm parent calls it before forking reports: each
    report still records the key reads each time it uses the cache)."""
    from migresearch import _api

    _ids_by_table(tuple(_api.list_datasets()))


@functools.cache
def _ids_by_table(names: tuple[str, ...]) -> dict[str, str]:
    from migresearch import _api

    out: dict[str, str] = {}
    for name in names:
        for value in _api.keys_of(name).dropna().astype(str):
            if "-" in value:
                out.setdefault(value, name)
    return out


@functools.cache
def _table_titles() -> dict[str, str]:
    from migresearch.datasets import compiled  # the compiled catalogue: no pandera needed (the [reports] install has none)

    return {name: info.title for name, info in compiled.infos().items()}


def _record_or_none(table: str, record_id: str, lang: str) -> str | None:
    if table == "sources":
        row = read("sources", index="source_id").loc[record_id]
        return f"«{row['title']}»"
    try:
        return record(table, record_id, lang)
    except (KeyError, ValueError):
        return None


def humanise(text: Any, lang: str = "en") -> str:
    """Data prose (notes, reasons, which the data writes in English) made readable: ISO dates localised,
    record ids replaced by what they name, table and column identifiers by their titles."""
    if missing(text):
        return ""
    out = _ISO_IN_TEXT.sub(lambda m: i18n.date(m.group(0), "day", lang), str(text))
    out = _YEAR_MONTH.sub(lambda m: i18n.date(f"{m.group(1)}-{m.group(2)}-01", "month", lang), out)
    ids = _record_ids() if _ID.search(out) else {}  # which ids exist is only asked when the text may hold one
    titles = _table_titles()

    def table_and_id(m: re.Match[str]) -> str:
        table, rid = m.group(1), m.group(2)
        name = _record_or_none(table, rid, lang) if ids.get(rid) == table else None
        return name if name else m.group(0)

    out = re.sub(r"(?<![\w-])([a-z][a-z0-9_]*) ([a-z0-9][a-z0-9.]*(?:-[a-z0-9.]+)+)(?![\w-])", table_and_id, out)

    def bare_id(m: re.Match[str]) -> str:
        table = ids.get(m.group(1))
        name = _record_or_none(table, m.group(1), lang) if table else None
        return name if name else m.group(0)

    out = _ID.sub(bare_id, out)

    def snake(m: re.Match[str]) -> str:
        word = m.group(1)
        if word in titles:
            return titles[word]
        for key in (f"column.{word}", f"derived.{word}"):
            if key in i18n.LABELS:
                return i18n.t(key, "en")
        return word.replace("_", " ")

    return _SNAKE.sub(snake, out)


#: Prose columns a page shows that the data holds in English only (no ``_es`` twin yet).
ENGLISH_ONLY: dict[str, tuple[str, ...]] = {}


def spanish_gaps() -> pd.DataFrame:
    """Texts a Spanish page would show in English because the data has no Spanish version.

    One row per (``table``, ``column``, ``record_id``): every ``<x>_es`` cell left empty beside a filled
    ``<x>_en``, every filled English-only prose column (:data:`ENGLISH_ONLY`), and every inferred-value
    reason (``inferred_from``, written in English).  ``kind`` says which.  The data-quality report counts
    these; the pages mark each one in Spanish ("solo en inglés en los datos").
    """
    from migresearch import list_datasets

    rows: list[tuple[str, str, str, str]] = []
    for name in list_datasets():
        if name == "sources":  # a source keeps its title in its own language
            continue
        frame = load(name)
        key = frame.columns[0]
        for column in frame.columns:
            base = column[:-3] if column.endswith("_en") else column
            if column != f"{base}_es" and f"{base}_es" in frame.columns:
                gap = frame[frame[column].notna() & frame[f"{base}_es"].isna()]
                rows += [(name, f"{base}_es", str(r), "translation") for r in gap[key]]
        for column in ENGLISH_ONLY.get(name, ()):
            if column in frame.columns and f"{column}_es" not in frame.columns:
                rows += [(name, column, str(r), "english_only") for r in frame.loc[frame[column].notna(), key]]
        if "inferred_from" in frame.columns:
            rows += [(name, "inferred_from", str(r), "reason") for r in frame.loc[frame["inferred_from"].notna(), key]]
    out = pd.DataFrame(rows, columns=["table", "column", "record_id", "kind"])
    return out.astype("string").sort_values(["table", "column", "record_id"]).reset_index(drop=True)
