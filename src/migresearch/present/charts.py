"""Cited charts, drawn only: each chart is rendered once to deterministic PNG bytes with its alternative text.

Chart labels are drawn with mathtext off (``US$ 5 a US$ 10`` stays literal),
the rcParams are set in one context so a report cannot leak its style into
the next, and every chart is followed by its sources line (:func:`cited_chart`).
matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch.datasets.events import ACTIVE_STATES
from migresearch.present.html import Html, sources_note


class Png:
    """A chart rendered once to PNG (deterministic bytes), with alternative text."""

    def __init__(self, data: bytes, alt: str) -> None:
        self.data, self.alt = data, alt

    def _repr_png_(self) -> bytes:
        return self.data

    def __repr__(self) -> str:
        return f"Png({len(self.data)} bytes: {self.alt})"

def _render(fig: Any, alt: str) -> Png:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return Png(buf.getvalue(), alt)

def _chart_context() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt.rc_context({"text.parse_math": False, "svg.hashsalt": "migresearch", "font.size": 9,
                           "axes.spines.top": False, "axes.spines.right": False})

def membership_chart(events: pd.DataFrame, lang: str, until: dt.date | None = None) -> Png | None:
    """Horizontal spans of each party's membership (member or state party), suspensions hatched.

    The spans are the membership grammar's (:func:`migresearch.query.membership.membership_spans`),
    so the chart shows exactly the states ``members_on`` answers with.
    """
    import matplotlib.pyplot as plt

    from migresearch.query.membership import membership_spans

    if events["date"].notna().sum() == 0:
        return None
    periods = membership_spans(events, until or query.data_as_of())
    spans = [(r.party, r.start, r.end, "active" if r.state in ACTIVE_STATES else "suspended") for r in periods.itertuples()]
    if not spans:
        return None
    parties = sorted({s[0] for s in spans}, reverse=True)
    with _chart_context():
        fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.22 * len(parties)))
        pos = {p: i for i, p in enumerate(parties)}
        for party, a, b, state in spans:
            ax.barh(pos[party], (b - a).days, left=a, height=0.6,
                    color="#3b6ea5" if state == "active" else "#d9a441", hatch="" if state == "active" else "///")
        ax.set_yticks(range(len(parties)), labels=parties)
        ax.xaxis_date()
        ax.set_xlabel(i18n.t("chart.year", lang))
        ax.set_title(i18n.t("chart.members_title", lang))
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color="#3b6ea5", label=i18n.t("chart.active", lang)),
                           Patch(color="#d9a441", hatch="///", label=i18n.t("chart.suspended", lang))],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return _render(fig, i18n.t("chart.members_title", lang))

def meetings_chart(meetings: pd.DataFrame, lang: str) -> Png | None:
    """Meetings on a time axis, numbered meetings labelled by their ordinal."""
    import matplotlib.pyplot as plt

    dated = meetings[meetings["start_date"].notna()]
    if dated.empty:
        return None
    with _chart_context():
        fig, ax = plt.subplots(figsize=(7.5, 2.4))
        series = sorted(dated["series"].astype(str).unique())
        for i, name in enumerate(series):
            part = dated[dated["series"] == name]
            ax.scatter(part["start_date"], [i] * len(part), s=28, color="#3b6ea5")
            for row in part.itertuples():
                if isinstance(row.label, str):
                    ax.annotate(row.label, (row.start_date, i), textcoords="offset points", xytext=(0, 6),
                                ha="center", fontsize=7)
        ax.set_yticks(range(len(series)), labels=series)
        ax.set_ylim(-0.7, len(series) - 0.3)
        ax.xaxis_date()
        ax.set_xlabel(i18n.t("chart.year", lang))
        ax.set_title(i18n.t("chart.meetings_title", lang))
        return _render(fig, i18n.t("chart.meetings_title", lang))

def cited_chart(png: Png | None, source_ids: Iterable[Any], lang: str) -> list[Any]:
    """A chart followed by its sources line (nothing when there is no chart)."""
    if png is None:
        return []
    return [png, Html(sources_note(source_ids, lang))]
