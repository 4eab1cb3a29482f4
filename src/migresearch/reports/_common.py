"""Shared pieces of the analyses: names in the page's language, lists of codes, the data date.

Kept small and private; the presentation layer's helpers replace these as they land.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load

DataDir = str | os.PathLike[str] | None


def day(on: Any | None, data_dir: DataDir = None) -> dt.date:
    """``on`` as a date; the data date (latest source access) when ``None``."""
    if on is None:
        return query.data_as_of(data_dir)
    return pd.Timestamp(on).date()


def country_names(lang: str, data_dir: DataDir = None) -> dict[str, str]:
    """ISO alpha-3 code -> short name in ``lang``."""
    c = load("countries", data_dir)
    return dict(zip(c["iso3"].astype(str), c[f"name_{i18n.check_lang(lang)}"].astype(str)))


def split(value: Any) -> list[str]:
    """The items of a ``|``-separated list cell (empty list for a missing value)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value) or str(value) == "":
        return []
    return [x for x in str(value).split("|") if x]


def names_of(codes: Iterable[str], names: dict[str, str]) -> str:
    """Country names for codes, sorted as the reader reads them (by name), comma-separated."""
    return ", ".join(sorted((names.get(c, c) for c in codes), key=collate))


def collate(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).casefold()


def sort_by_name(frame: pd.DataFrame, column: str, *more: str) -> pd.DataFrame:
    """``frame`` sorted by a name column without regard to accents, then by ``more`` columns."""
    key = frame[column].astype(str).map(collate)
    return frame.assign(_key=key).sort_values(["_key", *more], kind="stable").drop(columns="_key").reset_index(drop=True)


def localised(frame: pd.DataFrame, base: str, lang: str) -> pd.Series:
    """Column ``<base>_<lang>``, falling back to the other language where empty (the caller marks those)."""
    other = "en" if lang == "es" else "es"
    own = frame[f"{base}_{lang}"] if f"{base}_{lang}" in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="string")
    return own.fillna(frame[f"{base}_{other}"]) if f"{base}_{other}" in frame.columns else own


def plural(key: str, n: int, lang: str, **values: Any) -> str:
    """``n`` with the CLDR plural form of ``key`` (:func:`migresearch.i18n.plural`)."""
    return i18n.plural(key, n, lang, **values)


def wide(block: Any) -> Any:
    """A wide table in its own horizontally scrolling box, so the page never scrolls sideways at 390 px."""
    from migresearch.present import Html

    return Html(f'<div class="table-scroll" style="overflow-x:auto;max-width:100%">{block.markup}</div>')


# --- blocks shared by the analyses ---------------------------------------------------------------


def conflicts_block(conflicts: pd.DataFrame, lang: str) -> Any:
    """The disagreements as a reader's comparison (:func:`migresearch.present.conflicts.comparison`)."""
    from migresearch.present.conflicts import comparison

    return comparison(conflicts, lang)


#: Words that show a name or title the data keep "as the source gives it" is in fact written in English.
_ENGLISH_WORDS = __import__("re").compile(
    r"\b(of|the|and|for|with|in|by|under|Government|Ministry|Office|Council|National|Department|states|authorities|"
    r"participating|migration|Process|Foundation|Agency|Bank|Network|Programme|Service|Union|decree|resolution|law|letter|"
    r"news|item|press|release|amnesty|humanitarian|temporary|first|transitional|provision|Framework|Exemption|certificate|"
    r"stay|registration|secretariat|technical)\b"
)
#: Record and source identifiers that notes sometimes cite (``claims on instruments/mercosur-residence-agreement``).
_RECORD_ID = __import__("re").compile(r"\s*\(?(?:claims on )?(?:[a-z_]+/)?\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b\)?")


def looks_english(text: Any) -> bool:
    """True when ``text`` reads as English (a few function words or English institutional nouns)."""
    return isinstance(text, str) and bool(_ENGLISH_WORDS.search(text))


def as_given(text: Any, lang: str) -> str:
    """A name or title kept in the language the source used: escaped, and on a Spanish page marked as
    English (inline, never folded) when it reads as English."""
    from migresearch.present import esc

    if lang != "en" and looks_english(text):
        return untranslated(text, lang, fold=False)
    return localise_dates(esc(text), lang)


def untranslated(value: Any, lang: str, source_lang: str = "en", fold: bool = True) -> str:
    """Text the data holds only in ``source_lang``.  On a page in another language it is never shown
    silently: a short text is tagged with its language and followed by a note saying so; a longer one is
    folded under a summary in the page's language ("Note (only in English)")."""
    from migresearch.present import esc

    plain = value if value is None or value is pd.NA else _RECORD_ID.sub("", reason_text(value, source_lang))
    text = localise_dates(esc(plain), source_lang)
    if not text or lang == source_lang:
        return text
    label = esc(i18n.t("text.only_in_" + source_lang, lang))
    if fold and len(text) > 25:
        return f'<details class="untranslated"><summary>{label}</summary><span lang="{source_lang}">{text}</span></details>'
    return f'<span lang="{source_lang}">{text}</span> <small class="untranslated">({label})</small>'


def localise_dates(text: str, lang: str) -> str:
    """ISO dates inside free text (notes, instrument titles) written as the page's language writes dates."""
    import re

    return re.sub(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])", lambda m: i18n.date(m.group(1), "day", lang), text)


def data_table(
    frame: pd.DataFrame,
    columns: Any,
    lang: str,
    subject: str | None = None,
    source_column: str = "source_id",
    extra_sources: Any = (),
    jump: tuple[str, str] | None = None,
) -> Any:
    """A cited table (:func:`migresearch.present.html.table`: own scroll box, inferred-value notes, sources),
    whose sources line also lists ``extra_sources`` (ids of sources a cell draws on besides the row's own);
    ``jump`` as for :func:`~migresearch.present.html.table` (a list of the countries linking into the table)."""
    from migresearch.present import Html, sources_note, table

    block = table(frame, columns, lang, source_column=source_column, jump=jump)
    extra = [x for x in extra_sources if isinstance(x, str)]
    if not extra or frame.empty:
        return block
    markup = block.markup
    cut = markup.rindex('<div class="sources-box"' if markup.endswith("</p></div>") else '<p class="sources">')
    return Html(markup[:cut] + sources_note(list(frame[source_column]) + extra, lang))


def reason_text(text: Any, lang: str) -> str:
    """Free text with its identifiers (column names, code values such as ``enter_into_force``) written
    as the reader's words, in ``lang``."""
    import re

    def word(m: re.Match[str]) -> str:
        token = m.group(0)
        for key in (
            f"column.{token}",
            f"table.{token}",
            f"event.{token}",
            f"role.{token}",
            f"kind.{token}",
            f"programme_status.{token}",
        ):
            if key in i18n.LABELS:
                return i18n.t(key, lang)
        return token

    return re.sub(r"\b[a-z]+(?:_[a-z0-9]+)+\b", word, str(text))
