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
import contextlib
import contextvars
import datetime as dt
import functools
import io
import textwrap
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

import pandas as pd

from migresearch import i18n, query
from migresearch.present import names
from migresearch.present.html import Block, Html, _markup, esc, sources_note

BLUE, AMBER = "#3b6ea5", "#b7791f"
#: Pixels per inch of a chart shown at its own size on a desktop page.
DPI = 110
#: The media query of a phone-width page (the stylesheet's narrow layout starts at the same width).
PHONE = "(max-width: 40rem)"
#: A phone rendering is drawn at this many times :data:`DPI` and shown at that fraction of its pixel size.
PHONE_DENSITY = 2
#: Width of a report's content column, in CSS pixels: on a desktop page and on a 390 px phone.
CONTENT_PX = {"desktop": 1024, "phone": 366}
#: Label size of the matrix charts and of every phone rendering, in points: 11.5 CSS pixels wherever
#: the chart is shown at its own size.
LABEL_PT = 7.5
#: Figure width of a phone rendering, in inches (it fits :data:`CONTENT_PX` ``["phone"]`` with its margin).
PHONE_FIGURE_IN = 3.2
#: Characters per line of a row label on a phone rendering.
PHONE_WRAP = 22
#: Which rendering the drawing functions are drawing now: ``"desktop"`` or ``"phone"`` (see :func:`responsive`).
_KIND: contextvars.ContextVar[str] = contextvars.ContextVar("chart_kind", default="desktop")


class Png:
    """A chart rendered once to PNG (deterministic bytes), with alternative text.

    ``informative`` is ``False`` when the drawing shows nothing a sentence would not
    (one dot, identical bars): :func:`chart` then shows its fallback instead, so such a chart is
    rendered only when its :attr:`data` is first asked for (the same bytes, see :func:`_render`).
    """

    def __init__(self, data: bytes | Callable[[], bytes], alt: str, informative: bool = True, density: int = 1) -> None:
        self._data = data
        self.alt, self.informative, self.density = alt, informative, density
        #: A rendering for phone-width pages (:data:`PHONE`), shown instead of this one there.
        self.phone: Png | None = None

    @property
    def data(self) -> bytes:
        """The PNG bytes."""
        if callable(self._data):
            self._data = self._data()
        return self._data

    @data.setter
    def data(self, value: bytes) -> None:
        self._data = value

    def _repr_png_(self) -> bytes:
        return self.data

    def __repr__(self) -> str:
        return f"Png({len(self.data)} bytes: {self.alt})"

    def uri(self) -> str:
        return f"data:image/png;base64,{base64.b64encode(self.data).decode('ascii')}"

    def size(self) -> tuple[int, int]:
        """Width and height in CSS pixels (the PNG's pixels over its :attr:`density`)."""
        width, height = int.from_bytes(self.data[16:20], "big"), int.from_bytes(self.data[20:24], "big")
        return round(width / self.density), round(height / self.density)

    def img(self) -> str:
        """The chart as an ``<img>`` with its alternative text (inline ``data:`` URI, allowed by the page's CSP).

        With a :attr:`phone` rendering, a ``<picture>`` whose phone-width source replaces the image on
        narrow screens (chosen by the browser, no script).  Both carry their size in CSS pixels, which
        also keeps the page from shifting while the image decodes."""
        width, height = self.size()
        tag = f'<img src="{self.uri()}" alt="{esc(self.alt)}" width="{width}" height="{height}">'
        if self.phone is None:
            return tag
        pw, ph = self.phone.size()
        source = f'<source media="{PHONE}" srcset="{self.phone.uri()} {self.phone.density}x" width="{pw}" height="{ph}">'
        return f"<picture>{source}{tag}</picture>"


def _render(fig: Any, alt: str, informative: bool = True, density: int | None = None, pad: float = 0.1) -> Png:
    import matplotlib.pyplot as plt

    if density is None:
        density = PHONE_DENSITY if _KIND.get() == "phone" else 1
    plt.close(fig)  # out of pyplot's list of open figures (it can still be saved)
    if informative:
        return Png(_save(fig, density, pad), alt, informative, density)
    # A chart that says nothing a sentence would not is shown only if someone asks for its bytes (chart()
    # shows the fallback): it is saved then, in the rcParams it was drawn in (all of them: the same bytes).
    import matplotlib

    style = dict(matplotlib.rcParams)

    def later() -> bytes:
        with matplotlib.rc_context():
            dict.update(matplotlib.rcParams, style)  # as rc_context restores them: no validation, no warnings
            return _save(fig, density, pad)

    return Png(later, alt, informative, density)


def _save(fig: Any, density: int, pad: float) -> bytes:
    """``fig`` as PNG bytes at ``density`` times :data:`DPI`, cut to its tight box with ``pad`` inches around it."""
    buf = io.BytesIO()
    _freeze_date_ticks(fig)
    with _layout_pass_skipped(fig), _text_metrics_shared():
        fig.savefig(buf, format="png", dpi=DPI * density, metadata={"Software": None}, bbox_inches="tight", pad_inches=pad)
    return buf.getvalue()


def _freeze_date_ticks(fig: Any) -> None:
    """Fix the date ticks of ``fig`` to the ones its date locator would place (the same ticks, found once).

    Saving a figure asks each axis for its ticks and their labels about eight times (the tight box, the
    constrained layout, the spines, the draw), and a date axis finds them afresh each time with
    ``dateutil.rrule``.  The view limits are final when a chart is rendered, so the locator's answer and
    the formatter's labels are computed once here and handed to a fixed locator and formatter.
    """
    from matplotlib.dates import AutoDateFormatter, AutoDateLocator
    from matplotlib.ticker import FixedFormatter, FixedLocator

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticker = axis.major
            if isinstance(ticker.locator, AutoDateLocator) and isinstance(ticker.formatter, AutoDateFormatter):
                locs = ticker.locator()
                labels = ticker.formatter.format_ticks(locs)
                ticker.locator, ticker.formatter = FixedLocator(locs), FixedFormatter(labels)
                ticker.locator.set_axis(axis)
                ticker.formatter.set_axis(axis)


@contextlib.contextmanager
def _text_metrics_shared() -> Iterator[None]:
    """While one figure is saved, measure each text once for every Agg renderer of the same dpi.

    matplotlib caches a text's width, height and descent per renderer, and saving with a tight box uses
    two Agg renderers of the same dpi (the figure's size, then the tight box's): each text was measured
    by both, with the same result, since an Agg renderer's measure depends only on its dpi, the font
    properties and the rcParams, which stay the same while one figure is saved.
    """
    import matplotlib.text
    from matplotlib.backends.backend_agg import RendererAgg

    mtext: Any = matplotlib.text  # its private per-renderer cache is what this replaces

    real = getattr(mtext, "_get_text_metrics_with_cache", None)
    if real is None:  # another matplotlib: measure as it does
        yield
        return
    measured: dict[tuple[Any, ...], tuple[float, float, float]] = {}

    def metrics(renderer: Any, text: str, fontprop: Any, ismath: Any, dpi: float) -> tuple[float, float, float]:
        if type(renderer) is not RendererAgg:
            return real(renderer, text, fontprop, ismath, dpi)
        key = (text, fontprop.copy(), ismath, dpi, renderer.dpi)
        found = measured.get(key)
        if found is None:
            found = measured[key] = real(renderer, text, fontprop, ismath, dpi)
        return found

    mtext._get_text_metrics_with_cache = metrics
    try:
        yield
    finally:
        mtext._get_text_metrics_with_cache = real


def _drawing_disabled(renderer: Any) -> bool:
    """True inside matplotlib's ``renderer._draw_disabled()``: its ``draw_path`` is the no-op put there."""
    from matplotlib.backend_bases import RendererBase

    return getattr(vars(renderer).get("draw_path"), "__wrapped__", None) is RendererBase.draw_path


@contextlib.contextmanager
def _layout_pass_skipped(fig: Any) -> Iterator[None]:
    """Let ``fig.savefig(..., bbox_inches="tight")`` skip its layout-only draw (the same PNG bytes, one draw less).

    To find the tight box, matplotlib first draws the whole figure with drawing disabled, only to bring
    its layout up to date, then asks for the figure's tight box, then draws it for real.  The tight box
    brings every artist it measures up to date itself (ticks, labels, legends, annotations), so of that
    first draw only the layout engine's pass is needed: the constrained layout of a phone rendering.
    Every chart of every report is byte-identical with and without the skipped draw.
    """
    real = type(fig).draw

    def draw(renderer: Any) -> None:
        if _drawing_disabled(renderer):
            engine = fig.get_layout_engine()
            if fig.axes and engine is not None:
                try:
                    engine.execute(fig)
                except ValueError:  # as in Figure.draw
                    pass
            return
        real(fig, renderer)

    fig.draw = draw
    try:
        yield
    finally:
        del fig.draw


def _chart_context() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    phone = _KIND.get() == "phone"
    return plt.rc_context(
        {
            "text.parse_math": False,
            "svg.hashsalt": "migresearch",
            "font.size": LABEL_PT if phone else 9,
            "legend.fontsize": LABEL_PT if phone else 8,
            "axes.spines.top": False,
            "axes.spines.right": False,
            # A phone rendering keeps its labels inside its (narrow) width.
            "figure.constrained_layout.use": phone,
        }
    )


def phone() -> bool:
    """True while :func:`responsive` draws the phone rendering."""
    return _KIND.get() == "phone"


def size(width: float, height: float) -> tuple[float, float]:
    """A figure size in inches: ``(width, height)``, or the phone width with the same height on a phone rendering."""
    return (PHONE_FIGURE_IN, height) if phone() else (width, height)


def wrap(label: str, width: int | None = None) -> str:
    """A label broken into lines of ``width`` characters (of :data:`PHONE_WRAP` on a phone rendering)."""
    limit = PHONE_WRAP if phone() else width
    return textwrap.fill(label, limit, break_long_words=False) if limit else label


#: On a phone rendering, row labels longer than this many characters go above their row, across the plot.
PHONE_BESIDE = 28
#: Characters per line of a row label drawn above its row on a phone rendering.
PHONE_ABOVE_WRAP = 50
#: Inches per label line of a row whose label is drawn above it (the label takes 0.6 of the row, the bar the rest).
_ABOVE_PITCH = 0.3


def row_layout(labels: list[str], width: int | None = None) -> tuple[list[str], bool]:
    """The row labels of a timeline and whether they go above their rows (a phone rendering with long labels,
    which leaves the time axis the full width); beside the rows they are wrapped at ``width`` characters."""
    if not phone():
        return [wrap(label, width) for label in labels], False
    if max((len(label) for label in labels), default=0) <= PHONE_BESIDE:
        return list(labels), False
    return [textwrap.fill(label, PHONE_ABOVE_WRAP, break_long_words=False) for label in labels], True


def rows_height(labels: list[str], above: bool, height: float) -> float:
    """The figure height of a timeline: ``height``, or room for each label line above its row."""
    if not above:
        return height
    return 0.9 + len(labels) * _ABOVE_PITCH * max(label.count("\n") + 1 for label in labels)


def bar_height(above: bool, height: float = 0.6) -> float:
    """The thickness of a timeline's bars, in rows: ``height``, or thinner under labels drawn above their rows."""
    return 0.36 if above else height


def row_labels(ax: Any, labels: list[str], above: bool) -> None:
    """Label rows ``0, 1, ...`` of ``ax``: as tick labels beside them, or (``above``) over each row's bar."""
    if not above:
        ax.set_yticks(range(len(labels)), labels=labels)
        return
    from matplotlib.transforms import blended_transform_factory

    ax.set_yticks(range(len(labels)), labels=[""] * len(labels))
    ax.tick_params(axis="y", length=0)
    where = blended_transform_factory(ax.transAxes, ax.transData)
    for i, label in enumerate(labels):
        ax.text(0.0, i + 0.21, label, transform=where, ha="left", va="bottom", fontsize=LABEL_PT, color="#1b1f24")
    ax.set_ylim(-0.5, len(labels) - 0.15)


def time_axis(ax: Any) -> None:
    """Dates along x (fewer year ticks on a phone rendering, so they never run together)."""
    ax.xaxis_date()
    if phone():
        import matplotlib.dates as mdates

        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=5))


def legend_above(ax: Any, handles: list[Any], columns: int | None = None) -> None:
    """The legend above the plot, left-aligned (one column on a phone, so it never covers the data)."""
    if phone():  # above the whole figure, inside its width (the constrained layout makes room)
        ax.figure.legend(handles=handles, loc="outside upper left", ncols=1, frameon=False)
        return
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=1 if phone() else (columns or len(handles)),
        frameon=False,
        borderaxespad=0.3,
    )


_Draw = TypeVar("_Draw", bound=Callable[..., Any])


def responsive(draw: _Draw) -> _Draw:
    """Make a drawing function also draw its phone rendering: called once as usual and once more with
    :func:`phone` true (labels of :data:`LABEL_PT`, the width of :data:`PHONE_FIGURE_IN`, drawn at
    :data:`PHONE_DENSITY`), which becomes :attr:`Png.phone` of the returned chart."""

    @functools.wraps(draw)
    def both(*args: Any, **kwargs: Any) -> Any:
        png = draw(*args, **kwargs)
        if isinstance(png, Png) and png.phone is None and not phone():
            token = _KIND.set("phone")
            try:
                png.phone = draw(*args, **kwargs)
            finally:
                _KIND.reset(token)
        return png

    return both  # type: ignore[return-value]


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


@responsive
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
        texts, above = row_layout([label[p] for p in parties])
        fig, ax = plt.subplots(figsize=size(7.5, rows_height(texts, above, 0.8 + 0.24 * len(parties))))
        pos = {p: i for i, p in enumerate(parties)}
        for row in spans.itertuples():
            ax.barh(
                pos[row.party],
                (row.end - row.start).days,
                left=row.start,
                height=bar_height(above),
                color=BLUE if row.state == "active" else AMBER,
                hatch="" if row.state == "active" else "///",
            )
        row_labels(ax, texts, above)
        time_axis(ax)
        ax.set_xlabel(i18n.t("chart.year", lang))
        from matplotlib.patches import Patch

        handles = [Patch(color=BLUE, label=i18n.t("chart.active", lang))]
        if (spans["state"] == "suspended").any():
            handles.append(Patch(color=AMBER, hatch="///", label=i18n.t("chart.suspended", lang)))
        legend_above(ax, handles)
        first = spans["start"].min()
        alt = i18n.plural(
            "chart.members_alt",
            len(parties),
            lang,
            first=i18n.date(first, "month", lang),
            last=i18n.date(spans["end"].max(), "month", lang),
        )
        return _render(fig, alt, useful)


@responsive
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
        fig, ax = plt.subplots(figsize=size(6.4, 1.5 + 0.6 * len(rows)))
        for i, name in enumerate(rows):
            part = dated[key == name]
            ax.scatter(part["start_date"], [i] * len(part), s=28, color=BLUE, zorder=3)
            last, flip = None, False
            for _, row in part.iterrows():
                text = names.meeting_label(row, lang) if "label" in row else ""
                if not text:
                    continue
                close = last is not None and (row["start_date"] - last).days < span_days / (9 if phone() else 18)
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
        labels = [wrap(i18n.code("meeting_kind", r, lang) if kinds else r) for r in rows]
        ax.set_yticks(range(len(rows)), labels=labels)
        ax.set_ylim(-0.8, len(rows) - 0.2)
        time_axis(ax)
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


class _Fit(NamedTuple):
    """How the labels and cells of a matrix chart fit one kind of page, in inches (labels drawn at :data:`LABEL_PT`)."""

    whole: float  #: a row label at most this wide stays on one line
    line: float  #: a wider row label goes onto the fewest lines of at most this width
    smallest: float  #: smallest cell width
    widest: float  #: largest cell width
    tallest: float  #: height of every row while no row label is wrapped (at most the cell width)


#: Per kind of page: how a matrix chart's labels and cells fit (see :class:`_Fit`).
_MATRIX_FIT: dict[str, _Fit] = {
    "desktop": _Fit(whole=3.0, line=3.0, smallest=0.17, widest=0.32, tallest=0.2),
    "phone": _Fit(whole=1.5, line=1.65, smallest=0.11, widest=0.2, tallest=0.2),
}
_PAD = 0.05  # inches of white around a matrix chart
_AXIS_IN = 0.25  # inches beside the tick labels: ticks, padding and the axis label
_ROW_GAP_IN = 0.07  # inches between the wrapped labels of neighbouring rows
_PANEL_GAP_IN = 0.45  # inches between two panels stacked one above the other


def _label_sizes(labels: list[str]) -> list[tuple[float, float]]:
    """Width and height in inches of each of ``labels`` drawn at :data:`LABEL_PT` (measured in one figure)."""
    import matplotlib.pyplot as plt

    with _chart_context():
        fig = plt.figure()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        boxes = [fig.text(0, 0, label, fontsize=LABEL_PT).get_window_extent(renderer) for label in labels]
        plt.close(fig)
    return [(float(b.width) / fig.dpi, float(b.height) / fig.dpi) for b in boxes]


def _label_inches(labels: list[str]) -> float:
    """Width in inches of the longest of ``labels`` drawn at :data:`LABEL_PT`."""
    return max(w for w, _ in _label_sizes(labels))


def _word_widths(labels: list[str]) -> Callable[[str], float]:
    """The drawn width in inches of a line made of words of ``labels``: the words' widths and the spaces
    between them (each word measured once; a line's kerning across its spaces is left out, a fraction of a
    point)."""
    words = sorted({word for label in labels for word in label.split(" ")} | {"x", "x x"})
    width = dict(zip(words, (w for w, _ in _label_sizes(words))))
    space = width["x x"] - 2 * width["x"]

    def measure(line: str) -> float:
        parts = line.split(" ")
        return sum(width.get(p, 0.0) for p in parts) + space * (len(parts) - 1)

    return measure


def _balanced(label: str, lines: int, measure: Callable[[str], float]) -> tuple[float, str]:
    """``label`` broken at its spaces into ``lines`` lines (fewer if it has fewer words) whose widest is drawn
    narrowest by ``measure``: that width and the text.  Nothing is cut.

    >>> _balanced("18 Desarrollo y reconocimiento de competencias", 2, len)
    (30, '18 Desarrollo y reconocimiento\\nde competencias')
    >>> _balanced("14 Consular protection", 3, len)
    (10, '14\\nConsular\\nprotection')
    """
    words = label.split(" ")
    n, k = len(words), max(1, min(lines, len(words)))

    def width(a: int, b: int) -> float:
        return measure(" ".join(words[a:b]))

    # best[j][i]: the narrowest widest line of words[:i] on j lines, and where its last line starts.
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]
    for j in range(1, k + 1):
        row: dict[int, tuple[float, int]] = {}
        for i in range(j, n - (k - j) + 1):
            # Of two equally narrow splits, the one whose last line starts later (longer first lines) wins.
            widest, start = min((max(best[j - 1][m][0], width(m, i)), -m) for m in range(j - 1, i) if m in best[j - 1])
            row[i] = (widest, -start)
        best.append(row)
    breaks, i = [], n
    for j in range(k, 0, -1):
        start = best[j][i][1]
        breaks.append(" ".join(words[start:i]))
        i = start
    return best[k][n][0], "\n".join(reversed(breaks))


def fit_label(label: str, whole: float, line: float, measure: Callable[[str], float] = len) -> str:
    """``label`` on one line when ``measure`` finds it at most ``whole`` wide, else on the fewest lines of at most
    ``line`` each, broken at spaces so that its widest line is narrowest.  Never cut: a word wider than ``line``
    keeps a line of its own.

    >>> fit_label("14 Consular protection", 28, 32)
    '14 Consular protection'
    >>> print(fit_label("17 Eliminate all forms of discrimination and promote evidence-based public discourse", 28, 32))
    17 Eliminate all forms of
    discrimination and promote
    evidence-based public discourse
    """
    if measure(label) <= whole:
        return label
    words = len(label.split(" "))
    for lines in range(2, words):
        widest, text = _balanced(label, lines, measure)
        if widest <= line:
            return text
    return _balanced(label, words, measure)[1]


def matrix_row_labels(rows: list[str], kind: str) -> list[str]:
    """The row labels of a matrix chart on a ``kind`` of page, each whole: a label wider than the page's
    :attr:`_Fit.whole` goes onto as few lines as keep each within :attr:`_Fit.line`, broken where its widest
    line is drawn narrowest, so the label column stays narrow and nothing is cut."""
    fit = _MATRIX_FIT[kind]
    measure = _word_widths(rows)
    return [fit_label(r, fit.whole, fit.line, measure) for r in rows]


class _Layout(NamedTuple):
    """Where everything of a matrix chart goes, in inches."""

    row_texts: list[str]  #: the row labels, wrapped (:func:`matrix_row_labels`)
    panels: list[list[int]]  #: the columns of each panel (column groups stacked one above the other)
    width: float  #: cell width
    heights: list[float]  #: height of each row: its label's and a gap once some label takes two lines or more
    label: float  #: width of the row labels with their ticks and axis label
    heads: list[float]  #: height of each panel's band of column labels with its axis label
    size: tuple[float, float]  #: the figure's width and height, without the legend


def _matrix_layout(rows: list[str], cols: list[str], kind: str) -> _Layout:
    """How a matrix fits the content width of ``kind``: the fewest panels (column groups) whose cells are at
    least :attr:`_Fit.smallest` wide beside the row labels, the cell width, and each row's height (tall enough
    for its label)."""
    fit = _MATRIX_FIT[kind]
    row_texts = matrix_row_labels(rows, kind)
    sizes = _label_sizes(row_texts)
    label = max(w for w, _ in sizes) + _AXIS_IN
    room = CONTENT_PX[kind] / DPI - label - 0.1 - 2 * _PAD  # the margin around the drawing
    per_panel = max(1, int(room // fit.smallest))
    count = -(-len(cols) // per_panel)
    per = -(-len(cols) // count)
    width = min(fit.widest, room / per)
    cell = min(width, fit.tallest)
    # A row is as tall as its label and a gap once some label takes two lines or more (then the one-line
    # labels get the same gap, not just the cell's height); else every row is the cell's height.
    wrapped = any("\n" in t for t in row_texts)
    heights = [max(cell, h + _ROW_GAP_IN) if wrapped else cell for _, h in sizes]
    panels = [list(range(p * per, min(len(cols), (p + 1) * per))) for p in range(count)]
    # Above each panel: its column labels, upright on one line (two lines and a gap between columns would
    # need cells wider than the widest), and the axis label.
    heads = [_label_inches([cols[j] for j in part]) + _AXIS_IN for part in panels]
    size = (label + per * width + 0.1, sum(heads) + count * sum(heights) + _PANEL_GAP_IN * (count - 1))
    return _Layout(row_texts, panels, width, heights, label, heads, size)


def matrix_chart(
    grid: list[list[int | None]],
    rows: list[str],
    cols: list[str],
    colours: list[str],
    xlabel: str,
    ylabel: str,
    alt: str,
    legend: list[str] | None = None,
) -> Png:
    """A matrix (rows by columns, each cell one of ``colours`` by its index; ``None`` left blank), readable on a phone.

    Every label is drawn whole at :data:`LABEL_PT`, never cut: the row labels beside their rows, on
    several lines where they are long (a row grows to hold its label, :func:`matrix_row_labels`), the column
    labels upright on one line above the cells.  The desktop rendering fits the page's width; its
    :attr:`Png.phone` rendering fits 390 px, transposed when that needs fewer column groups (or as many and
    is drawn lower).  Columns that do not fit beside the row labels are split into panels stacked one above
    the other (every panel repeats the row labels).  ``legend`` names each colour (no legend when ``None``).
    """
    png = _matrix_png(grid, rows, cols, colours, xlabel, ylabel, alt, legend, "desktop")
    flipped = [[grid[i][j] for i in range(len(rows))] for j in range(len(cols))]
    upright, across = _matrix_layout(rows, cols, "phone"), _matrix_layout(cols, rows, "phone")
    if (len(across.panels), across.size[1]) < (len(upright.panels), upright.size[1]):
        png.phone = _matrix_png(flipped, cols, rows, colours, ylabel, xlabel, alt, legend, "phone", across)
    else:
        png.phone = _matrix_png(grid, rows, cols, colours, xlabel, ylabel, alt, legend, "phone", upright)
    return png


def _matrix_png(
    grid: list[list[int | None]],
    rows: list[str],
    cols: list[str],
    colours: list[str],
    xlabel: str,
    ylabel: str,
    alt: str,
    legend: list[str] | None,
    kind: str,
    layout: _Layout | None = None,
) -> Png:
    """The matrix drawn for ``kind`` (its ``layout``, when the caller has already worked it out)."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    if layout is None:
        layout = _matrix_layout(rows, cols, kind)
    values = np.array([[np.nan if v is None else float(v) for v in row] for row in grid], dtype=float)
    edges = np.concatenate([[0.0], np.cumsum(layout.heights)])  # row boundaries, in inches from the top
    centres = (edges[:-1] + edges[1:]) / 2
    legend_rows = 0 if legend is None else -(-len(legend) // (1 if kind == "phone" else 4))
    top = 0.2 * legend_rows
    fig_w, fig_h = layout.size[0], top + layout.size[1]
    with _chart_context():
        fig = plt.figure(figsize=(fig_w, fig_h))
        y = fig_h - top
        for part, head in zip(layout.panels, layout.heads):
            y -= head
            box_h = float(edges[-1])
            ax = fig.add_axes((layout.label / fig_w, (y - box_h) / fig_h, len(part) * layout.width / fig_w, box_h / fig_h))
            y -= box_h + _PANEL_GAP_IN
            ax.pcolormesh(
                np.arange(len(part) + 1),
                edges,
                np.ma.masked_invalid(values[:, part]),
                cmap=ListedColormap(colours),
                vmin=-0.5,
                vmax=len(colours) - 0.5,
            )
            ax.set_xlim(0, len(part))
            ax.set_ylim(box_h, 0)  # the first row on top
            ax.set_xticks(
                [j + 0.5 for j in range(len(part))],
                labels=[cols[j] for j in part],
                rotation=90,
                fontsize=LABEL_PT,
            )
            ax.set_yticks(centres, labels=layout.row_texts, fontsize=LABEL_PT)
            ax.set_xticks(range(1, len(part)), minor=True)
            ax.set_yticks(edges[1:-1], minor=True)
            ax.grid(which="minor", color="white", linewidth=0.6)
            ax.tick_params(which="minor", length=0)
            ax.tick_params(which="major", length=2, pad=2)
            ax.xaxis.tick_top()
            ax.xaxis.set_label_position("top")
            ax.set_xlabel(xlabel, fontsize=LABEL_PT)
            ax.set_ylabel(ylabel, fontsize=LABEL_PT)
        if legend is not None:
            fig.legend(
                handles=[Patch(color=c, label=t) for c, t in zip(colours, legend)],
                loc="upper left",
                bbox_to_anchor=(0.0, 1.0),
                ncols=1 if kind == "phone" else 4,
                fontsize=LABEL_PT,
                frameon=False,
                borderaxespad=0.0,
                handlelength=1.2,
                columnspacing=1.0,
            )
        return _render(fig, alt, density=PHONE_DENSITY if kind == "phone" else 1, pad=_PAD)
