"""Presentation: escaped HTML blocks and tables (:mod:`~migresearch.present.html`), cited charts
(:mod:`~migresearch.present.charts`) and the page around a report or the index
(:mod:`~migresearch.present.page`).

Nothing here knows a report: the report modules in :mod:`migresearch.reports`
compose these blocks.  This ``__init__`` only names the helpers; the module
(and pandas or matplotlib) is imported when one is first used, so the build's
no-op path can render the index page with the standard library alone.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migresearch.present.charts import Png, cited_chart, meetings_chart, membership_chart
    from migresearch.present.html import (
        Cell,
        Html,
        code_cell,
        conflicts_table,
        date_cell,
        esc,
        heading,
        link,
        meetings_table,
        paragraph,
        sources_note,
        table,
        text_cell,
    )

_HTML = ("Cell", "Html", "code_cell", "conflicts_table", "date_cell", "esc", "heading", "link", "meetings_table",
         "paragraph", "sources_note", "table", "text_cell")
_CHARTS = ("Png", "cited_chart", "meetings_chart", "membership_chart")
_WHERE: dict[str, str] = {n: "migresearch.present.html" for n in _HTML} | {n: "migresearch.present.charts" for n in _CHARTS}

__all__ = [
    "Cell",
    "Html",
    "Png",
    "cited_chart",
    "code_cell",
    "conflicts_table",
    "date_cell",
    "esc",
    "heading",
    "link",
    "meetings_chart",
    "meetings_table",
    "membership_chart",
    "paragraph",
    "sources_note",
    "table",
    "text_cell",
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
