"""Presenting data safely in reports and notebooks: escaped HTML blocks, sections and tables with their sources.

Data is always text here: every value from ``data/`` is HTML-escaped exactly
once and links are made only from ``http``/``https`` URLs.  Every table ends
with the sources it used and the date the data is "as of" (the latest access
date of those sources).  A value the data lists as *inferred* carries a marker
whose reason is printed under its table, in the page's language (or, where the
data holds the reason only in English, in English marked as such).  Wide
tables scroll inside their own box, so a page never scrolls sideways on a phone.

Charts are drawn in :mod:`migresearch.present.charts`, names instead of codes
come from :mod:`migresearch.present.names`, the conflicts comparison from
:mod:`migresearch.present.conflicts`, and the page around a report from
:mod:`migresearch.present.page`.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import pandas as pd

from migresearch import i18n
from migresearch._api import read
from migresearch.errors import MissingSourceError, UnknownSourceError
from migresearch.present import names

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def esc(value: Any) -> str:
    """HTML-escape a value once (missing values become an empty string)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp) and pd.isna(value):
        return ""
    return html.escape(str(value), quote=True)


def link(text: Any, url: Any, lang: str | None = None) -> str:
    """An escaped link when ``url`` is http(s); otherwise the escaped text alone (``lang`` marks the text's language)."""
    attr = f' lang="{esc(lang)}"' if lang else ""
    if isinstance(url, str) and _SAFE_URL.match(url):
        return f'<a href="{esc(url)}" rel="noopener noreferrer"{attr}>{esc(text)}</a>'
    return f"<span{attr}>{esc(text)}</span>" if attr else esc(text)


class Html:
    """Rich HTML output for notebooks (``_repr_html_``) that also prints as its markup."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return f"Html({len(self.markup)} characters)"

    def __str__(self) -> str:
        return self.markup


Block = Html | str | None


def _markup(block: Block) -> str:
    if block is None:
        return ""
    return block.markup if isinstance(block, Html) else str(block)


# --- text from the data ----------------------------------------------------------------------------


def foreign(text: Any, text_lang: str, page_lang: str) -> str:
    """Escaped ``text`` written in ``text_lang``: marked with ``lang`` when it differs from the page's, and on a
    Spanish page followed by a note in Spanish saying the data has no Spanish version."""
    if names.missing(text):
        return ""
    text = _iso_dates_as_words(str(text), text_lang)
    if text_lang == page_lang:
        return esc(text)
    note = i18n.t(f"gap.only_{text_lang}", page_lang) if f"gap.only_{text_lang}" in i18n.LABELS else ""
    tail = f' <span class="gap">({esc(note)})</span>' if note else ""
    return f'<span lang="{esc(text_lang)}">{esc(text)}</span>{tail}'


def prose(row: Any, base: str, lang: str) -> str:
    """The data's text ``base`` in the page's language (``theme_es``, ``secretariat_es``...), escaped.

    Where the data has no text in ``lang``, the other language's text is shown
    marked as such (``lang`` attribute and a note in the page's language), never silently.
    """
    lang = i18n.check_lang(lang)
    own = [f"{base}_{lang}"] + ([base] if lang == "en" else [])
    for column in own:
        if column in row and not names.missing(row[column]):
            return esc(names.humanise(row[column], lang) if lang == "en" else row[column])
    other = "es" if lang == "en" else "en"
    for column in [f"{base}_{other}"] + ([base] if other == "en" else []):
        if column in row and not names.missing(row[column]):
            return foreign(names.humanise(row[column], "en") if other == "en" else row[column], other, lang)
    return ""


# --- inferred values ---------------------------------------------------------------------------------

_NOTES: list[list[str]] = []


@contextlib.contextmanager
def inferred_notes() -> Iterator[list[str]]:
    """Collect the reasons of inferred values marked inside the block (``table`` uses it; the list is yielded)."""
    _NOTES.append([])
    try:
        yield _NOTES[-1]
    finally:
        _NOTES.pop()


def is_inferred(row: Any, column: str) -> bool:
    """True when ``row`` lists ``column`` in its ``inferred`` cell."""
    listed = row.get("inferred") if hasattr(row, "get") else None
    return isinstance(listed, str) and column in listed.split("|")


def inferred_reason(row: Any, column: str) -> str:
    """The part of ``inferred_from`` that explains ``column`` (``"until_date: ..."`` segments), else all of it."""
    text = row.get("inferred_from")
    if names.missing(text):
        return ""
    text = str(text)
    listed = [c for c in str(row.get("inferred") or "").split("|") if c]
    pattern = re.compile(r"(?:^|(?<=[.;]\s))(" + "|".join(re.escape(c) for c in listed) + r"):\s") if listed else None
    parts = list(pattern.finditer(text)) if pattern else []
    for i, m in enumerate(parts):
        if m.group(1) == column:
            end = parts[i + 1].start() if i + 1 < len(parts) else len(text)
            return text[m.end() : end].strip().rstrip(";").strip()
    if parts and parts[0].start() > 0:  # the leading, unlabelled part explains the first inferred column
        return text[: parts[0].start()].strip()
    return text


def inferred_mark(row: Any, column: str, lang: str, label: str | None = None) -> str:
    """Markup marking ``row[column]`` as inferred ('' when it is not).

    Inside a :func:`table` (or :func:`inferred_notes`) the marker is ``*n`` and
    the reason is listed under the table as note *n*; elsewhere the reason
    follows in brackets.  ``label`` names the field in the note (default: its catalogue label).
    """
    if not is_inferred(row, column):
        return ""
    what = label or _column_label(column, lang)
    reason = foreign(names.humanise(inferred_reason(row, column), "en"), "en", lang)
    head = esc(i18n.t("inferred.value", lang, field=what))
    note = f"{head}: {reason}" if reason else head
    if _NOTES:
        notes = _NOTES[-1]
        if note not in notes:
            notes.append(note)
        n = notes.index(note) + 1
        return f'<sup class="inferred" title="{esc(i18n.t("inferred_mark", lang))}">*{n}</sup>'
    return f' <span class="inferred">({note})</span>'


def _iso_dates_as_words(text: str, lang: str) -> str:
    """ISO dates inside free text (a reason, a note) written as ``lang`` writes dates."""
    return re.sub(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])", lambda m: i18n.date(m.group(1), "day", lang), text)


def _column_label(column: str, lang: str) -> str:
    for key in (f"column.{column}", f"derived.{column}"):
        if key in i18n.LABELS:
            return i18n.t(key, lang)
    return i18n.t("inferred_mark", lang)


def _notes_markup(notes: Sequence[str], lang: str) -> str:
    if not notes:
        return ""
    items = "".join(f'<li><span class="mark">*{i}</span> {n}</li>' for i, n in enumerate(notes, 1))
    return f'<ul class="inferred-notes" aria-label="{esc(i18n.t("inferred.notes", lang))}">{items}</ul>'


# --- citations -----------------------------------------------------------------------------------


#: A sources line citing more sources than this is shown in its own scrolling box.
LONG_SOURCES = 12


def sources_note(source_ids: Iterable[Any], lang: str) -> str:
    """``Sources: ...; data as of ...`` for the given source ids (each linked by its title, once, sorted)."""
    ids = sorted({str(s) for s in source_ids if s is not None and not pd.isna(s)})
    if not ids:
        raise MissingSourceError("every table and chart needs at least one source")
    sources = read("sources", index="source_id")
    missing = [s for s in ids if s not in sources.index]
    if missing:
        raise UnknownSourceError(missing[0], sources.index.astype(str))
    rows = sources.loc[ids]
    items = [f"{link(r.title, r.url, _lang_attr(r.language, lang))} ({esc(r.producer)})" for r in rows.itertuples()]
    as_of = rows["accessed_date"].max()
    note = (
        f'<p class="sources"><strong>{esc(i18n.t("sources", lang))}:</strong> '
        + "; ".join(items)
        + f". <em>{esc(i18n.t('as_of', lang))} {esc(i18n.date(as_of, 'day', lang))}</em>.</p>"
    )
    if len(items) <= LONG_SOURCES:
        return note
    # A long list scrolls in its own box (every source still listed, and printed in full), so a reader
    # on a phone is not made to scroll past screens of links to reach the next table.
    label = esc(i18n.t("sources", lang))
    return f'<div class="sources-box" role="region" aria-label="{label}" tabindex="0">{note}</div>'


def _lang_attr(source_lang: Any, page_lang: str) -> str | None:
    text = "" if names.missing(source_lang) else str(source_lang)
    return text if text and text != page_lang and re.fullmatch(r"[a-z]{2}", text) else None


def source_link(source_id: Any, lang: str) -> str:
    """One source linked by its title (marked with the source's language)."""
    row = read("sources", index="source_id").loc[str(source_id)]
    return link(names.humanise(row["title"], "en"), row["url"], _lang_attr(row["language"], lang))


# --- cells -----------------------------------------------------------------------------------------

Cell = Callable[[pd.Series], str]


def date_cell(column: str, lang: str, precision_column: str | None = None, inferred_column: str = "inferred") -> Cell:
    """A cell showing ``column`` at its precision, marked when the row lists it as inferred."""
    prec = precision_column or column.removesuffix("_date") + "_precision"

    def cell(row: pd.Series) -> str:
        text = esc(i18n.date(row[column], str(row[prec]) if prec in row and not pd.isna(row[prec]) else "day", lang))
        return text + inferred_mark(row, column, lang) if text else text

    return cell


def range_cell(start: str, end: str, lang: str) -> Cell:
    """A span ``start``–``end`` at their precisions (``24–25 de mayo de 2011``), marked when either was inferred."""

    def cell(row: pd.Series) -> str:
        sp, ep = (row.get(c.removesuffix("_date") + "_precision") for c in (start, end))
        text = esc(
            i18n.date_range(
                row[start], None if names.missing(sp) else str(sp), row.get(end), None if names.missing(ep) else str(ep), lang
            )
        )
        return text + inferred_mark(row, start, lang) + inferred_mark(row, end, lang) if text else text

    return cell


def text_cell(column: str) -> Cell:
    """The escaped text of ``column`` (for text that is the same in every language: titles, numbers)."""
    return lambda row: esc(row[column])


def prose_cell(base: str, lang: str) -> Cell:
    """The data's text ``base`` in the page's language (see :func:`prose`)."""
    return lambda row: prose(row, base, lang)


def code_cell(prefix: str, column: str, lang: str) -> Cell:
    """The label of a code-list value (``ingresa`` for ``join``), marked when inferred."""
    return lambda row: esc(i18n.code(prefix, row[column], lang)) + inferred_mark(row, column, lang)


def country_cell(column: str, lang: str, code: bool = False) -> Cell:
    """A country by its name in the page's language (``code=True``: code beside it), marked when inferred."""
    return lambda row: esc(names.country(row[column], lang, code=code)) + inferred_mark(row, column, lang)


def party_cell(column: str, lang: str) -> Cell:
    """A party (country or organisation) or a ``|`` list of them, by name, marked when inferred."""
    return lambda row: esc(names.parties(row[column], lang)) + inferred_mark(row, column, lang)


def place_cell(city: str, country: str, lang: str) -> Cell:
    """``Bruselas (Bélgica)``: the city in the page's language and its country's name."""
    return lambda row: (
        esc(names.place(row[city], row[country], lang)) + inferred_mark(row, city, lang) + inferred_mark(row, country, lang)
    )


def number_cell(column: str, lang: str) -> Cell:
    """A number in the page's locale (``1.234``)."""
    return lambda row: (
        "" if names.missing(row[column]) else esc(i18n.number(row[column], lang)) + inferred_mark(row, column, lang)
    )


# --- blocks ----------------------------------------------------------------------------------------


def scroll_box(table_markup: str, label: str) -> str:
    """A table inside its own horizontally scrolling, keyboard-focusable box (the page never scrolls sideways)."""
    return f'<div class="table-box" role="region" aria-label="{esc(label)}" tabindex="0">{table_markup}</div>'


def table(
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, Cell]],
    lang: str,
    source_column: str = "source_id",
    css: str = "data",
    caption: str | None = None,
    jump: tuple[str, str] | None = None,
) -> Html:
    """An HTML table: header labels from the catalogue, escaped cells, its inferred-value notes, then its sources.

    ``columns`` pairs a label key (or ``("=Text", cell)`` for a literal,
    already translated header) with a function building the (already
    escaped) cell from a row.  An empty frame gives a "none recorded" note.
    ``jump`` is ``(column, prefix)`` for a long table grouped by a name column
    (a country): a list of the names above the table links to each group's
    first row (ids ``prefix-1``, ``prefix-2``...), so a reader on a phone goes
    straight to a country instead of scrolling.
    """
    if frame.empty:
        return Html(f'<p class="empty">{esc(i18n.t("none", lang))}</p>')
    labels = [key[1:] if key.startswith("=") else i18n.t(key, lang) for key, _ in columns]
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in labels)
    ids: dict[int, str] = {}
    links: list[str] = []
    if jump is not None:
        column, prefix = jump
        seen: set[str] = set()
        for position, value in enumerate(frame[column]):
            name = "" if names.missing(value) else str(value)
            if name and name not in seen:
                seen.add(name)
                ids[position] = f"{prefix}-{len(seen)}"
                links.append(f'<a href="#{ids[position]}">{esc(name)}</a>')
    with inferred_notes() as notes:
        cells = [(f' data-label="{esc(label)}"', fn) for label, (_, fn) in zip(labels, columns)]
        body = [
            (f'<tr id="{ids[i]}">' if i in ids else "<tr>") + "".join(f"<td{attr}>{fn(row)}</td>" for attr, fn in cells) + "</tr>"
            for i, (_, row) in enumerate(frame.iterrows())
        ]
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    markup = f'<table class="{css}">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    label = i18n.t("nav.jump_country", lang)
    nav = (
        f'<nav class="jump" aria-label="{esc(label)}"><strong>{esc(label)}</strong> {" · ".join(links)}</nav>'
        if len(links) > 1
        else ""
    )
    return Html(
        nav
        + scroll_box(markup, caption or ", ".join(labels))
        + _notes_markup(notes, lang)
        + sources_note(frame[source_column], lang)
    )


def facts(row: Any, items: Sequence[tuple[str, Cell]], lang: str, source_ids: Iterable[Any]) -> Html:
    """A two-column table of one record's facts: (label key, cell) pairs like :func:`table`'s, empty values
    left out, the reasons of inferred values listed under it, then its sources."""
    with inferred_notes() as notes:
        values = [(key, fn(row)) for key, fn in items]
    rows = "".join(
        f'<tr><th scope="row">{esc(key[1:] if key.startswith("=") else i18n.t(key, lang))}</th><td>{v}</td></tr>'
        for key, v in values
        if v
    )
    return Html(f'<table class="facts">{rows}</table>' + _notes_markup(notes, lang) + sources_note(source_ids, lang))


def heading(key: str, lang: str, level: int = 2, **values: Any) -> Html:
    """A heading whose text is the catalogue label ``key``."""
    return Html(f"<h{level}>{esc(i18n.t(key, lang, **values))}</h{level}>")


def paragraph(text: str) -> Html:
    """A paragraph of plain text (escaped)."""
    return Html(f"<p>{esc(text)}</p>")


def section(title: str, *blocks: Block, level: int = 2, lead: str | None = None) -> Html:
    """A section: its heading (already translated ``title``), an optional lead sentence, then its blocks.

    Blocks are :class:`Html` (or safe markup strings); ``None`` blocks are skipped.
    """
    head = f"<h{level}>{esc(title)}</h{level}>"
    intro = f'<p class="lead">{esc(lead)}</p>' if lead else ""
    return Html(f"<section>{head}{intro}{''.join(_markup(b) for b in blocks)}</section>")


def concat(*blocks: Block) -> Html:
    """Several blocks as one (``None`` skipped)."""
    return Html("".join(_markup(b) for b in blocks))


def title_block(title: str, subtitle: str | None = None) -> Html:
    """The page's ``<h1>`` and an optional subtitle."""
    sub = f'<p class="subtitle">{esc(subtitle)}</p>' if subtitle else ""
    return Html(f"<h1>{esc(title)}</h1>{sub}")


# --- meetings --------------------------------------------------------------------------------------


def meetings_table(meetings: pd.DataFrame, lang: str, caption: str | None = None) -> Html:
    """Meetings with their ordinal, kind, dates, place, presidency and chair (by name), theme and modality."""

    def ordinal(row: pd.Series) -> str:
        return esc(names.meeting_label(row, lang)) + inferred_mark(row, "number", lang)

    cols: list[tuple[str, Cell]] = [("field.number", ordinal)]
    if meetings["kind"].nunique() > 1:
        cols.append(("field.meeting", code_cell("meeting_kind", "kind", lang)))
    cols += [
        ("field.date", range_cell("start_date", "end_date", lang)),
        ("field.place", place_cell("city", "country_iso3", lang)),
    ]
    if meetings["eu_presidency_iso3"].notna().any():
        cols.append(("field.eu_presidency", country_cell("eu_presidency_iso3", lang)))
    if meetings["lac_chair_iso3"].notna().any():
        cols.append(("field.lac_chair", country_cell("lac_chair_iso3", lang)))
    cols.append(("field.theme", prose_cell("theme", lang)))
    if meetings["modality"].notna().any():
        cols.append(("field.modality", code_cell("modality", "modality", lang)))
    return table(meetings, cols, lang, caption=caption)
