"""Presenting data safely in reports and notebooks: escaped HTML blocks and tables with their sources.

Data is always text here: every value from ``data/`` is HTML-escaped exactly
once and links are made only from ``http``/``https`` URLs.  Every table ends
with the sources it used and the date the data is "as of" (the latest access
date of those sources).  Charts are drawn in :mod:`migresearch.present.charts`;
the page around a report in :mod:`migresearch.present.page`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from migresearch import i18n
from migresearch._api import load
from migresearch.errors import MissingSourceError, UnknownSourceError

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def esc(value: Any) -> str:
    """HTML-escape a value once (missing values become an empty string)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp) and pd.isna(value):
        return ""
    return html.escape(str(value), quote=True)

def link(text: Any, url: Any) -> str:
    """An escaped link when ``url`` is http(s); otherwise the escaped text alone."""
    if isinstance(url, str) and _SAFE_URL.match(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'
    return esc(text)

class Html:
    """Rich HTML output for notebooks (``_repr_html_``) that also prints as its markup."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return f"Html({len(self.markup)} characters)"


# --- citations -----------------------------------------------------------------------------------

def sources_note(source_ids: Iterable[Any], lang: str) -> str:
    """``Sources: ...; data as of ...`` for the given source ids (each linked, once, sorted)."""
    ids = sorted({str(s) for s in source_ids if s is not None and not pd.isna(s)})
    if not ids:
        raise MissingSourceError("every table and chart needs at least one source")
    sources = load("sources").set_index("source_id")
    missing = [s for s in ids if s not in sources.index]
    if missing:
        raise UnknownSourceError(missing[0], sources.index.astype(str))
    rows = sources.loc[ids]
    items = [f"{link(r.title, r.url)} ({esc(r.producer)})" for r in rows.itertuples()]
    as_of = rows["accessed_date"].max()
    return (f'<p class="sources"><strong>{esc(i18n.t("sources", lang))}:</strong> ' + "; ".join(items)
            + f". <em>{esc(i18n.t('as_of', lang))} {esc(i18n.date(as_of, 'day', lang))}</em>.</p>")


# --- tables ------------------------------------------------------------------------------------

Cell = Callable[[pd.Series], str]

def date_cell(column: str, lang: str, precision_column: str | None = None, inferred_column: str = "inferred") -> Cell:
    """A cell showing ``column`` at its precision, marked ``*`` when listed as inferred."""
    prec = precision_column or column.removesuffix("_date") + "_precision"

    def cell(row: pd.Series) -> str:
        text = esc(i18n.date(row[column], str(row[prec]) if prec in row and not pd.isna(row[prec]) else "day", lang))
        inferred = row.get(inferred_column)
        if text and isinstance(inferred, str) and column in inferred.split("|"):
            text += f'<sup title="{esc(i18n.t("inferred_mark", lang))}">*</sup>'
        return text

    return cell

def text_cell(column: str) -> Cell:
    return lambda row: esc(row[column])

def code_cell(prefix: str, column: str, lang: str) -> Cell:
    return lambda row: esc(i18n.code(prefix, row[column], lang))

def table(frame: pd.DataFrame, columns: Sequence[tuple[str, Cell]], lang: str, source_column: str = "source_id",
          css: str = "data") -> Html:
    """An HTML table: header labels from the catalogue, escaped cells, then its sources.

    ``columns`` pairs a label key with a function building the (already
    escaped) cell from a row.  An empty frame gives a "none recorded" note.
    """
    head = "".join(f"<th>{esc(i18n.t(key, lang))}</th>" for key, _ in columns)
    if frame.empty:
        return Html(f'<p class="empty">{esc(i18n.t("none", lang))}</p>')
    body = []
    for _, row in frame.iterrows():
        body.append("<tr>" + "".join(f"<td>{fn(row)}</td>" for _, fn in columns) + "</tr>")
    inferred = "inferred" in frame.columns and frame["inferred"].notna().any()
    note = f'<p class="note">{esc(i18n.t("inferred_note", lang))}</p>' if inferred else ""
    markup = (f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
              + note + sources_note(frame[source_column], lang))
    return Html(markup)

def heading(key: str, lang: str, level: int = 2, **values: Any) -> Html:
    return Html(f"<h{level}>{esc(i18n.t(key, lang, **values))}</h{level}>")

def paragraph(text: str) -> Html:
    return Html(f"<p>{esc(text)}</p>")

def _localised(row: pd.Series, base: str, lang: str) -> Any:
    value = row.get(f"{base}_{lang}")
    return value if isinstance(value, str) else row.get(f"{base}_en" if lang == "es" else f"{base}_es")

def _field_label(field: str, lang: str) -> str:
    key = f"derived.{field}"
    return i18n.t(key, lang) if key in i18n.LABELS else field

def conflicts_table(conflicts: pd.DataFrame, lang: str) -> Html:
    cols = [("field.record", text_cell("record_id")), ("field.field", lambda row: esc(_field_label(str(row["field"]), lang))),
            ("field.value", text_cell("value")), ("field.recorded", text_cell("recorded_value")),
            ("field.source", text_cell("source_id"))]
    return table(conflicts, cols, lang)

def meetings_table(meetings: pd.DataFrame, lang: str) -> Html:
    def place(row: pd.Series) -> str:
        return ", ".join(x for x in (esc(row["city"]), esc(row["country_iso3"])) if x)

    cols = [("field.number", text_cell("label")), ("field.meeting", code_cell("meeting_kind", "kind", lang)),
            ("field.date", lambda row: date_cell("start_date", lang)(row)
             + (" – " + date_cell("end_date", lang)(row) if not pd.isna(row["end_date"]) and row["end_date"] != row["start_date"] else "")),
            ("field.place", place), ("field.eu_presidency", text_cell("eu_presidency_iso3")),
            ("field.lac_chair", text_cell("lac_chair_iso3")), ("field.theme", text_cell(f"theme_{lang}")),
            ("field.modality", code_cell("modality", "modality", lang))]
    return table(meetings, cols, lang)
