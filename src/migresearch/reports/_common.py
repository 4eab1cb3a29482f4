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
    """``n`` with the CLDR plural form of ``key`` in ``lang`` (``1 programa``, ``2 programas``).

    The forms are in :data:`migresearch.i18n.PLURALS`, one string per CLDR category; a missing
    category falls back to ``other``.
    """
    from babel import Locale

    forms = i18n.PLURALS[key][i18n.check_lang(lang)]
    category = Locale.parse("es" if lang == "es" else "en").plural_form(n)
    return forms.get(category, forms["other"]).format(n=i18n.number(n, lang), **values)


def wide(block: Any) -> Any:
    """A wide table in its own horizontally scrolling box, so the page never scrolls sideways at 390 px."""
    from migresearch.present import Html

    return Html(f'<div class="table-scroll" style="overflow-x:auto;max-width:100%">{block.markup}</div>')


# --- conflicts as a reader's comparison -------------------------------------------------------------

_ISO = __import__("re").compile(r"^\d{4}-\d{2}-\d{2}$")
_CODES = __import__("re").compile(r"^[A-Z]{3}(\|[A-Z]{3})*$")
_NUMBER = __import__("re").compile(r"^\d+(\.\d+)?$")


def claim_value(value: Any, quote: Any, lang: str, names: dict[str, str]) -> str:
    """A claimed or recorded value as a reader reads it: dates localised at the precision the quote
    supports, country codes as names, numbers in the page's locale; other text as given."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    text = str(value)
    if _ISO.match(text):
        q = "" if quote is None or quote is pd.NA or (isinstance(quote, float)) else str(quote)
        precision = "day"
        if text.endswith("-01") and not __import__("re").search(r"(?<!\d)0?1(?!\d)|first|primero|1º|1°", q):
            precision = "year" if text[5:7] == "01" and not __import__("re").search(r"[A-Za-z]{3,}", q.replace("paraphrase", "")) else "month"
        return i18n.date(text, precision, lang)
    if _CODES.match(text) and all(c in names for c in text.split("|")):
        return names_of(text.split("|"), names)
    if _NUMBER.match(text):
        return i18n.number(float(text), lang, decimals=0 if "." not in text else None)
    return localise_dates(text, lang)


def field_label(field: str, lang: str) -> str:
    """The reader's name of a claimed field (``claim_field.<field>``; ``derived.<field>`` for derived ones)."""
    for key in (f"claim_field.{field}", f"derived.{field}"):
        if key in i18n.LABELS:
            return i18n.t(key, lang)
    return i18n.t("claim_field.other", lang)


def conflicts_block(conflicts: pd.DataFrame, subjects: dict[str, str], lang: str, names: dict[str, str]) -> Any:
    """The disagreements as a comparison: per record and field, the value in the table and each source
    that says otherwise, with its quote and note; claims that agree with the table are counted, not listed
    as disagreements.  ``subjects`` maps record ids to what the reader calls them."""
    from migresearch.present import Html, esc, link, sources_note

    if conflicts.empty:
        return Html(f'<p class="empty">{esc(i18n.t("none", lang))}</p>')
    from migresearch._api import load

    sources = load("sources").set_index("source_id")
    rows = []
    for (record, field), group in conflicts.groupby(["record_id", "field"], sort=False):
        recorded = group["recorded_value"].iloc[0]
        differ = group if pd.isna(recorded) else group[group["value"].astype(str) != str(recorded)]
        agree = len(group) - len(differ)
        shown_recorded = claim_value(recorded, None, lang, names) if not pd.isna(recorded) else i18n.t("text.not_a_column", lang)
        for i, claim in enumerate(differ.itertuples()):
            src = sources.loc[claim.source_id] if claim.source_id in sources.index else None
            title = link(src["title"], src["url"]) if src is not None else esc(claim.source_id)
            quote = f"<q>{localise_dates(esc(claim.quote), lang)}</q>" if isinstance(claim.quote, str) and claim.quote else ""
            note = untranslated(claim.note, lang) if isinstance(claim.note, str) and claim.note else ""
            head = ""
            if i == 0:
                span = len(differ)
                agreeing = f"<br><small>{esc(plural('text.n_agree', agree, lang))}</small>" if agree else ""
                head = (f'<td rowspan="{span}">{esc(subjects.get(record, ""))}</td>'
                        f'<td rowspan="{span}">{esc(field_label(str(field), lang))}</td>'
                        f'<td rowspan="{span}">{esc(shown_recorded)}{agreeing}</td>')
            rows.append(f"<tr>{head}<td>{esc(claim_value(claim.value, claim.quote, lang, names))}</td><td>{title}</td>"
                        f"<td>{quote}{'<br>' if quote and note else ''}{note}</td></tr>")
    headers = "".join(f"<th>{esc(i18n.t(k, lang))}</th>" for k in
                      ("field.subject", "field.field", "field.recorded", "field.value", "field.source", "field.quote"))
    return Html(f'<div class="table-scroll" style="overflow-x:auto;max-width:100%"><table class="data conflicts">'
                f"<thead><tr>{headers}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
                + sources_note(conflicts["source_id"], lang))


def untranslated(value: Any, lang: str, source_lang: str = "en") -> str:
    """Text the data holds only in ``source_lang``.  On a page in another language it is never shown
    silently: a short text is tagged with its language and followed by a note saying so; a longer one is
    folded under a summary in the page's language ("Note (only in English)")."""
    from migresearch.present import esc

    text = localise_dates(esc(reason_text(value, source_lang) if value is not None and value is not pd.NA else value), source_lang)
    if not text or lang == source_lang:
        return text
    label = esc(i18n.t("text.only_in_" + source_lang, lang))
    if len(text) > 25:
        return f'<details class="untranslated"><summary>{label}</summary><span lang="{source_lang}">{text}</span></details>'
    return f'<span lang="{source_lang}">{text}</span> <small class="untranslated">({label})</small>'


def localise_dates(text: str, lang: str) -> str:
    """ISO dates inside free text (notes, instrument titles) written as the page's language writes dates."""
    import re

    return re.sub(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])", lambda m: i18n.date(m.group(1), "day", lang), text)


def data_table(frame: pd.DataFrame, columns: Any, lang: str, subject: str | None = None, source_column: str = "source_id",
               extra_sources: Any = ()) -> Any:
    """A cited table in its own scrolling box; where rows hold inferred values, the reasons follow it,
    one line per row named by its ``subject`` column (the data's reasons, in English, marked as such)."""
    from migresearch.present import Html, esc, table

    block = table(frame, columns, lang, source_column=source_column)
    markup = block.markup.replace(f'<p class="note">{esc(i18n.t("inferred_note", lang))}</p>', "")
    extra = [x for x in extra_sources if isinstance(x, str)]
    if extra and not frame.empty:
        from migresearch.present import sources_note

        markup = markup[: markup.rindex('<p class="sources">')] + sources_note(list(frame[source_column]) + extra, lang)
    reasons = ""
    if subject is not None and "inferred_from" in frame.columns:
        rows = frame[frame["inferred_from"].notna() & (frame["inferred_from"].astype(str) != "")]
        if len(rows):
            items = "".join(f"<li><strong>{esc(r[subject])}</strong>: {untranslated(r['inferred_from'], lang)}</li>"
                            for _, r in rows.iterrows())
            reasons = (f'<details class="inferred"><summary>{esc(plural("text.n_inferred_rows", len(rows), lang))}</summary>'
                       f"<ul>{items}</ul></details>")
    return Html(f'<div class="table-scroll" style="overflow-x:auto;max-width:100%">{markup}</div>{reasons}')


def reason_text(text: Any, lang: str) -> str:
    """Free text with its identifiers (column names, code values such as ``enter_into_force``) written
    as the reader's words, in ``lang``."""
    import re

    def word(m: re.Match[str]) -> str:
        token = m.group(0)
        for key in (f"claim_field.{token}", f"event.{token}", f"role.{token}", f"kind.{token}", f"programme_status.{token}"):
            if key in i18n.LABELS:
                return i18n.t(key, lang)
        return token

    return re.sub(r"\b[a-z]+(?:_[a-z0-9]+)+\b", word, str(text))
