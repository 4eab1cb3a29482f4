"""Cited charts, drawn only: each chart is rendered once to deterministic PNG bytes with its alternative text,
and shown by :func:`chart` as a titled figure with its sources and "as of" line.

Chart labels are drawn with mathtext off (``US$ 5 a US$ 10`` stays literal),
the rcParams are set in one context so a report cannot leak its style into
the next, parties are labelled by their names in the page's language, and a
chart that would carry no information (one dot, identical bars) is not drawn:
the drawing functions return ``None`` and :func:`chart` shows the sentence or
table given as its ``fallback`` instead.  matplotlib is imported only when a
chart is drawn.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch.present import names
from migresearch.present.html import Block, Html, _markup, esc, sources_note

BLUE, AMBER = "#3b6ea5", "#b7791f"


class Png:
    """A chart rendered once to PNG (deterministic bytes), with alternative text.

    ``informative`` is ``False`` when the drawing shows nothing a sentence would not
    (one dot, identical bars): :func:`chart` then shows its fallback instead.
    """

    def __init__(self, data: bytes, alt: str, informative: bool = True) -> None:
        self.data, self.alt, self.informative = data, alt, informative

    def _repr_png_(self) -> bytes:
        return self.data

    def __repr__(self) -> str:
        return f"Png({len(self.data)} bytes: {self.alt})"

    def img(self) -> str:
        """The chart as an ``<img>`` with its alternative text (inline ``data:`` URI, allowed by the page's CSP)."""
        return f'<img src="data:image/png;base64,{base64.b64encode(self.data).decode("ascii")}" alt="{esc(self.alt)}">'


def _render(fig: Any, alt: str, informative: bool = True) -> Png:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return Png(buf.getvalue(), alt, informative)


def _chart_context() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt.rc_context(
        {
            "text.parse_math": False,
            "svg.hashsalt": "migresearch",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def informative(values: Iterable[Any]) -> bool:
    """True when ``values`` hold at least two distinct non-missing values (a chart of fewer says nothing)."""
    return len({v for v in values if not names.missing(v)}) >= 2


def chart(png: Png | None, source_ids: Iterable[Any], lang: str, title: str, fallback: Block = None) -> Html:
    """A titled figure (the image with its alt text in the page's language) followed by its sources and "as of" line.

    When ``png`` is ``None`` or not ``informative`` (nothing to draw, or nothing a chart would show)
    the ``fallback`` (a sentence or a table, already in the page's language) is
    shown instead, still followed by the sources.
    """
    ids = list(source_ids)
    if png is None or not png.informative:
        if fallback is None:
            return Html("")
        body = _markup(fallback)
        return Html(body if 'class="sources"' in body else body + sources_note(ids, lang))
    return Html(f'<figure class="chart"><figcaption>{esc(title)}</figcaption>{png.img()}</figure>' + sources_note(ids, lang))


def cited_chart(png: Png | None, source_ids: Iterable[Any], lang: str) -> list[Any]:
    """A chart followed by its sources line (nothing when there is no chart); prefer :func:`chart`."""
    if png is None:
        return []
    return [chart(png, source_ids, lang, png.alt)]


def _year(value: Any, precision: Any, lang: str) -> str:
    return i18n.date(value, "month" if str(precision) == "day" else str(precision), lang)


def membership_spans(events: pd.DataFrame, until: dt.date | None = None) -> pd.DataFrame:
    """Each party's periods as member (``active``) or ``suspended``: ``party``, ``start``, ``end``, ``state``.

    The periods are the membership grammar's (:func:`migresearch.query.membership.membership_spans`), so a
    chart shows exactly the states ``members_on`` answers with.
    """
    from migresearch.datasets.events import ACTIVE_STATES
    from migresearch.query.membership import membership_spans as spans_of

    dated = events[events["date"].notna()]
    if dated.empty:
        return pd.DataFrame(
            {
                "party": pd.Series(dtype="string"),
                "start": pd.Series(dtype="datetime64[ns]"),
                "end": pd.Series(dtype="datetime64[ns]"),
                "state": pd.Series(dtype="string"),
            }
        )
    periods = spans_of(dated, until or query.data_as_of())
    out = periods[["party", "start", "end"]].copy()
    out["state"] = ["active" if s in ACTIVE_STATES else "suspended" for s in periods["state"]]
    return out.sort_values(["party", "start"]).reset_index(drop=True)


def membership_chart(events: pd.DataFrame, lang: str, until: dt.date | None = None) -> Png | None:
    """Horizontal spans of each party's membership (member or state party), suspensions hatched, parties by name.

    ``None`` when nothing is dated; not ``informative`` when every party has the same single span.
    """
    import matplotlib.pyplot as plt

    spans = membership_spans(events, until)
    if spans.empty:
        return None
    useful = len(spans[["start", "end", "state"]].drop_duplicates()) >= 2
    label = {p: names.party(p, lang) for p in spans["party"].unique()}
    parties = sorted(label, key=lambda p: (spans.loc[spans["party"] == p, "start"].min(), label[p]), reverse=True)
    with _chart_context():
        fig, ax = plt.subplots(figsize=(7.5, 0.8 + 0.24 * len(parties)))
        pos = {p: i for i, p in enumerate(parties)}
        for row in spans.itertuples():
            ax.barh(
                pos[row.party],
                (row.end - row.start).days,
                left=row.start,
                height=0.6,
                color=BLUE if row.state == "active" else AMBER,
                hatch="" if row.state == "active" else "///",
            )
        ax.set_yticks(range(len(parties)), labels=[label[p] for p in parties])
        ax.xaxis_date()
        ax.set_xlabel(i18n.t("chart.year", lang))
        from matplotlib.patches import Patch

        handles = [Patch(color=BLUE, label=i18n.t("chart.active", lang))]
        if (spans["state"] == "suspended").any():
            handles.append(Patch(color=AMBER, hatch="///", label=i18n.t("chart.suspended", lang)))
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, fontsize=8, frameon=False)
        first = spans["start"].min()
        alt = i18n.plural(
            "chart.members_alt",
            len(parties),
            lang,
            first=i18n.date(first, "month", lang),
            last=i18n.date(spans["end"].max(), "month", lang),
        )
        return _render(fig, alt, useful)


def meetings_chart(meetings: pd.DataFrame, lang: str) -> Png | None:
    """Meetings on a time axis, one row per kind of meeting, numbered meetings labelled by their ordinal.

    ``None`` when no date is known; not ``informative`` with fewer than two distinct dates (one dot says nothing).
    """
    import matplotlib.pyplot as plt

    dated = meetings[meetings["start_date"].notna()].sort_values("start_date")
    if dated.empty:
        return None
    kinds = "kind" in dated.columns
    key = dated["kind"].astype(str) if kinds else dated["series"].astype(str)
    rows = sorted(key.unique())
    span_days = max((dated["start_date"].max() - dated["start_date"].min()).days, 1)
    with _chart_context():
        fig, ax = plt.subplots(figsize=(6.4, 1.5 + 0.6 * len(rows)))
        for i, name in enumerate(rows):
            part = dated[key == name]
            ax.scatter(part["start_date"], [i] * len(part), s=28, color=BLUE, zorder=3)
            last, flip = None, False
            for _, row in part.iterrows():
                text = names.meeting_label(row, lang) if "label" in row else ""
                if not text:
                    continue
                close = last is not None and (row["start_date"] - last).days < span_days / 18
                flip = (not flip) if close else False
                ax.annotate(
                    text,
                    (row["start_date"], i),
                    textcoords="offset points",
                    xytext=(0, -8 if flip else 6),
                    ha="center",
                    va="top" if flip else "bottom",
                    fontsize=8,
                )
                last = row["start_date"]
        labels = [i18n.code("meeting_kind", r, lang) if kinds else r for r in rows]
        ax.set_yticks(range(len(rows)), labels=labels)
        ax.set_ylim(-0.8, len(rows) - 0.2)
        ax.xaxis_date()
        ax.set_xlabel(i18n.t("chart.year", lang))
        precision = dated["start_precision"] if "start_precision" in dated else pd.Series(["day"] * len(dated), index=dated.index)
        first, last_row = dated.iloc[0], dated.iloc[-1]
        alt = i18n.plural(
            "chart.meetings_alt",
            len(dated),
            lang,
            first=_year(first["start_date"], precision.loc[first.name], lang),
            last=_year(last_row["start_date"], precision.loc[last_row.name], lang),
        )
        return _render(fig, alt, informative(dated["start_date"]))
