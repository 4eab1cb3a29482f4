"""Presentation: what a reader sees.  Names instead of codes (:mod:`~migresearch.present.names`), escaped
HTML blocks, sections, tables and inferred-value notes (:mod:`~migresearch.present.html`), cited charts
(:mod:`~migresearch.present.charts`), the conflicts comparison (:mod:`~migresearch.present.conflicts`) and
the page around a report or the index (:mod:`~migresearch.present.page`, one Jinja2 template).

Nothing here knows a report: the report modules in :mod:`migresearch.reports`
compose these blocks.  Words that are not data come from :mod:`migresearch.i18n`
(labels, CLDR plurals, localised dates).  This ``__init__`` only names the
helpers; a module (and pandas or matplotlib) is imported when one is first
used, so the build's no-op path can render the index with the standard library
(plus Jinja2 and Babel).  The API the report modules code against is
``__all__`` below, documented in each function's docstring.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migresearch.present.charts import (
        Png,
        chart,
        cited_chart,
        informative,
        meetings_chart,
        membership_chart,
        membership_spans,
    )
    from migresearch.present.conflicts import comparison, conflicts_table
    from migresearch.present.html import (
        Block,
        Cell,
        Html,
        code_cell,
        concat,
        country_cell,
        date_cell,
        esc,
        facts,
        foreign,
        heading,
        inferred_mark,
        inferred_notes,
        link,
        meetings_table,
        number_cell,
        paragraph,
        party_cell,
        place_cell,
        prose,
        prose_cell,
        range_cell,
        section,
        source_link,
        sources_note,
        table,
        text_cell,
        title_block,
    )

_HTML = (
    "Block",
    "Cell",
    "Html",
    "code_cell",
    "concat",
    "country_cell",
    "date_cell",
    "esc",
    "facts",
    "foreign",
    "heading",
    "inferred_mark",
    "inferred_notes",
    "link",
    "meetings_table",
    "number_cell",
    "paragraph",
    "party_cell",
    "place_cell",
    "prose",
    "prose_cell",
    "range_cell",
    "section",
    "source_link",
    "sources_note",
    "table",
    "text_cell",
    "title_block",
)
_CHARTS = ("Png", "chart", "cited_chart", "informative", "meetings_chart", "membership_chart", "membership_spans")
_CONFLICTS = ("comparison", "conflicts_table")
_WHERE: dict[str, str] = (
    {n: "migresearch.present.html" for n in _HTML}
    | {n: "migresearch.present.charts" for n in _CHARTS}
    | {n: "migresearch.present.conflicts" for n in _CONFLICTS}
)

__all__ = [
    "Block",
    "Cell",
    "Html",
    "Png",
    "chart",
    "cited_chart",
    "code_cell",
    "comparison",
    "concat",
    "conflicts_table",
    "country_cell",
    "date_cell",
    "esc",
    "facts",
    "foreign",
    "heading",
    "inferred_mark",
    "inferred_notes",
    "informative",
    "link",
    "meetings_chart",
    "meetings_table",
    "membership_chart",
    "membership_spans",
    "number_cell",
    "paragraph",
    "party_cell",
    "place_cell",
    "prose",
    "prose_cell",
    "range_cell",
    "section",
    "source_link",
    "sources_note",
    "table",
    "text_cell",
    "title_block",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'migresearch.present' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
