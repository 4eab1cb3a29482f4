"""Presenting data safely in reports and notebooks: escaped HTML tables, cited charts, report sections.

Data is always text here: every value from ``data/`` is HTML-escaped exactly
once, links are made only from ``http``/``https`` URLs, and chart labels are
drawn with mathtext off (``US$ 5 a US$ 10`` stays literal).  Every table and
chart ends with the sources it used and the date the data is "as of" (the
latest access date of those sources).

The report notebooks only call the builders at the bottom of this module
(:class:`FrameworkProfile`, :class:`DialogueReport`).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from migresearch import _tables, i18n, query
from migresearch._api import load

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$")
#: Every declared role: the profile lists members, observers, presidencies... alike.
ALL_ROLES: tuple[str, ...] = tuple(_tables.table("memberships").by_name["role"].values or ())


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


class Png:
    """A chart rendered once to PNG (deterministic bytes), with alternative text."""

    def __init__(self, data: bytes, alt: str) -> None:
        self.data, self.alt = data, alt

    def _repr_png_(self) -> bytes:
        return self.data

    def __repr__(self) -> str:
        return f"Png({len(self.data)} bytes: {self.alt})"


# --- citations -----------------------------------------------------------------------------------

def sources_note(source_ids: Iterable[Any], lang: str) -> str:
    """``Sources: ...; data as of ...`` for the given source ids (each linked, once, sorted)."""
    ids = sorted({str(s) for s in source_ids if s is not None and not pd.isna(s)})
    if not ids:
        raise ValueError("every table and chart needs at least one source")
    sources = load("sources").set_index("source_id")
    missing = [s for s in ids if s not in sources.index]
    if missing:
        raise KeyError(f"sources not found in sources.csv:source_id: {missing}")
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


# --- charts ------------------------------------------------------------------------------------

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
    """Horizontal spans of each party's membership (member or state party), suspensions hatched."""
    import matplotlib.pyplot as plt

    dated = events[events["date"].notna()].copy()
    if dated.empty:
        return None
    end = pd.Timestamp(until or query.data_as_of())
    spans: list[tuple[str, pd.Timestamp, pd.Timestamp, str]] = []
    for party, group in dated.sort_values("date").groupby("party", sort=True):
        state, start = None, None
        for row in group.itertuples():
            ev = str(row.event)
            if ev in ("join", "enter_into_force", "rejoin", "term_start") and state != "active":
                if state == "suspended" and start is not None:
                    spans.append((party, start, row.date, "suspended"))
                state, start = "active", row.date
            elif ev == "suspend" and state == "active":
                spans.append((party, start, row.date, "active"))
                state, start = "suspended", row.date
            elif ev in ("withdraw", "term_end") and state in ("active", "suspended"):
                spans.append((party, start, row.date, state))
                state, start = None, None
        if state in ("active", "suspended") and start is not None:
            spans.append((party, start, end, state))
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


# --- report builders ---------------------------------------------------------------------------

def _localised(row: pd.Series, base: str, lang: str) -> Any:
    value = row.get(f"{base}_{lang}")
    return value if isinstance(value, str) else row.get(f"{base}_en" if lang == "es" else f"{base}_es")


class FrameworkProfile:
    """The sections of the framework profile report (notebook ``01-framework-profile``)."""

    def __init__(self, framework: str, lang: str, on: dt.date | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        frameworks = load("frameworks")
        hit = frameworks[frameworks["framework_id"] == framework]
        if hit.empty:
            valid = ", ".join(sorted(frameworks["framework_id"].astype(str)))
            raise ValueError(f"unknown framework {framework!r}; valid: {valid}")
        self.framework = framework
        self.row = hit.iloc[0]
        self.frameworks = frameworks
        self.on = on or query.data_as_of()
        events = query._events(None)
        self.events = events[events["framework_id"] == framework].sort_values(["date", "event_id"], na_position="last")
        meetings = load("meetings")
        self.meetings = meetings[meetings["framework_id"] == framework].sort_values(["start_date", "meeting_id"], na_position="last")
        instruments = load("instruments")
        self.instruments = instruments[instruments["framework_id"] == framework].sort_values(["adopted_date", "instrument_id"], na_position="last")
        conflicts = query.conflicts()
        related = {framework} | set(self.meetings["meeting_id"]) | set(self.events["event_id"]) | set(self.instruments["instrument_id"])
        self.conflicts = conflicts[conflicts["record_id"].isin(related)]

    def title(self) -> Html:
        name = _localised(self.row, "name", self.lang)
        return Html(f"<h1>{esc(name)}</h1><p class=\"subtitle\">{esc(i18n.t('report.framework_profile', self.lang))}</p>")

    def overview(self) -> Html:
        r, lang = self.row, self.lang
        parent = ""
        if isinstance(r["parent_id"], str):
            p = self.frameworks[self.frameworks["framework_id"] == r["parent_id"]].iloc[0]
            parent = esc(_localised(p, "name", lang))
        binding = "" if pd.isna(r["binding"]) else i18n.t("yes" if r["binding"] else "no", lang)
        items = [
            ("field.acronym", esc(r[f"acronym_{lang}"])),
            ("field.kind", esc(i18n.code("kind", r["kind"], lang))),
            ("field.scope", esc(i18n.code("scope", r["scope"], lang))),
            ("field.parent", parent),
            ("field.secretariat", esc(r["secretariat"])),
            ("field.binding", esc(binding)),
            ("field.established", date_cell("established_date", lang)(r)),
            ("field.founding_instrument", esc(r["founding_instrument"])),
            ("field.status", esc(i18n.code("status", r["status"], lang))),
            ("field.website", link(r["url"], r["url"])),
        ]
        rows = "".join(f"<tr><th>{esc(i18n.t(k, lang))}</th><td>{v}</td></tr>" for k, v in items if v)
        return Html(f'<h2>{esc(i18n.t("section.overview", lang))}</h2><table class="facts">{rows}</table>'
                    + sources_note([r["source_id"]], lang))

    def children(self) -> list[Any]:
        kids = self.frameworks[self.frameworks["parent_id"] == self.framework]
        if kids.empty:
            return []
        cols = [("field.name", lambda row: esc(_localised(row, "name", self.lang))),
                ("field.kind", code_cell("kind", "kind", self.lang))]
        return [heading("section.children", self.lang), table(kids, cols, self.lang)]

    def members(self) -> list[Any]:
        lang = self.lang
        out: list[Any] = [heading("section.members", lang)]
        if self.events.empty:
            return out + [paragraph(i18n.t("text.no_members", lang))]
        now = query.members_on(self.framework, self.on, roles=ALL_ROLES)
        out.append(paragraph(i18n.t("text.members_count", lang, n=int(now["role"].isin(["member", "state_party"]).sum()),
                                    date=i18n.date(self.on, "day", lang))))
        members = self.events[self.events["role"].isin(["member", "state_party"])]
        undated = sorted(set(members.loc[members["date"].isna(), "party"]) - set(now["party"]))
        if undated:
            out.append(paragraph(i18n.t("text.undated", lang, parties=", ".join(undated))))
        out += cited_chart(membership_chart(members, lang, self.on), members["source_id"], lang)
        out.append(heading("section.members_now", lang, level=3))
        cols = [("field.party", lambda row: esc(row["party"]) + " " + esc(row[f"name_{lang}"])),
                ("field.role", code_cell("role", "role", lang)),
                ("field.since", date_cell("since", lang, "since_precision"))]
        out.append(table(now, cols, lang))
        out.append(heading("section.events", lang, level=3))
        cols = [("field.date", date_cell("date", lang)), ("field.party", text_cell("party")),
                ("field.role", code_cell("role", "role", lang)), ("field.event", code_cell("event", "event", lang))]
        out.append(table(self.events, cols, lang))
        return out

    def meetings_section(self) -> list[Any]:
        lang = self.lang
        out: list[Any] = [heading("section.meetings", lang)]
        out += cited_chart(meetings_chart(self.meetings, lang), self.meetings["source_id"], lang)
        out.append(meetings_table(self.meetings, lang))
        return out

    def instruments_section(self) -> list[Any]:
        lang = self.lang
        cols = [("field.title", lambda row: link(_localised(row, "title", lang), row["url"])),
                ("field.type", code_cell("instrument_type", "type", lang)),
                ("field.adopted", date_cell("adopted_date", lang)), ("field.in_force", date_cell("in_force_date", lang))]
        return [heading("section.instruments", lang), table(self.instruments, cols, lang)]

    def conflicts_section(self) -> list[Any]:
        lang = self.lang
        out: list[Any] = [heading("section.conflicts", lang)]
        if self.conflicts.empty:
            return out + [paragraph(i18n.t("none", lang))]
        groups = self.conflicts.groupby(["table", "record_id", "field"]).ngroups
        out.append(paragraph(i18n.t("text.conflicts_count", lang, n=groups)))
        return out + [conflicts_table(self.conflicts, lang)]


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


class DialogueReport:
    """Sections of the EU–CELAC dialogue report (notebook ``10-eu-celac-dialogue``)."""

    DIALOGUE = "eu-celac-sdcm"
    SUMMITS = "eu-lac-summits"
    PROJECT = "eulac-iom-fiiapp"

    def __init__(self, lang: str) -> None:
        self.lang = i18n.check_lang(lang)
        self.meetings = load("meetings")
        self.frameworks = load("frameworks").set_index("framework_id", drop=False)
        self.conflicts = query.conflicts()

    def title(self) -> Html:
        return Html(f"<h1>{esc(i18n.t('report.eu_celac_dialogue', self.lang))}</h1>")

    def _of(self, framework: str) -> pd.DataFrame:
        m = self.meetings[self.meetings["framework_id"] == framework]
        return m.sort_values(["start_date", "meeting_id"], na_position="last")

    def origins(self) -> list[Any]:
        lang = self.lang
        summits = self._of(self.SUMMITS)
        launch = self._of(self.DIALOGUE)
        launch = launch[launch["kind"] == "launch"]
        lima = summits[summits["city"] == "Lima"]
        out: list[Any] = [heading("section.origins", lang)]
        if not lima.empty and not launch.empty:
            out.append(paragraph(i18n.t("text.launch", lang, summit=f"Lima, {i18n.date(lima.iloc[0]['start_date'], str(lima.iloc[0]['start_precision']), lang)}",
                                        launch=i18n.date(launch.iloc[0]["start_date"], str(launch.iloc[0]["start_precision"]), lang))))
            out.append(Html(sources_note(list(lima["source_id"]) + list(launch["source_id"]), lang)))
        return out

    def hlms(self) -> list[Any]:
        lang = self.lang
        hlm = self._of(self.DIALOGUE)
        hlm = hlm[hlm["kind"] == "high_level_meeting"]
        out: list[Any] = [heading("section.hlm", lang)]
        out += cited_chart(meetings_chart(hlm, lang), hlm["source_id"], lang)
        out.append(meetings_table(hlm, lang))
        return out

    def hlm_count(self) -> list[Any]:
        lang = self.lang
        hlm = self._of(self.DIALOGUE)
        hlm = hlm[(hlm["kind"] == "high_level_meeting") & hlm["number"].notna()]
        out: list[Any] = [heading("section.hlm_count", lang)]
        if not hlm.empty:
            out.append(paragraph(i18n.t("text.hlm_listed", lang, n=len(hlm), first=hlm.iloc[0]["label"], last=hlm.iloc[-1]["label"])))
        claims = self.conflicts[(self.conflicts["record_id"] == self.DIALOGUE) & (self.conflicts["field"] == "hlm_count")]
        if not claims.empty:
            out.append(paragraph(i18n.t("text.hlm_claims", lang)))
            out.append(conflicts_table(claims, lang))
        return out

    def summits(self) -> list[Any]:
        lang = self.lang
        summits = self._of(self.SUMMITS)
        return [heading("section.summits", lang), meetings_table(summits, lang)]

    def project(self) -> list[Any]:
        lang = self.lang
        out: list[Any] = [heading("section.project", lang)]
        if self.PROJECT in self.frameworks.index:
            profile = FrameworkProfile(self.PROJECT, lang)
            out.append(profile.overview())
            claims = self.conflicts[self.conflicts["record_id"] == self.PROJECT]
            if not claims.empty:
                out.append(conflicts_table(claims, lang))
        return out

    def other_conflicts(self) -> list[Any]:
        lang = self.lang
        ids = set(self._of(self.DIALOGUE)["meeting_id"]) | set(self._of(self.SUMMITS)["meeting_id"]) | {self.SUMMITS}
        rows = self.conflicts[self.conflicts["record_id"].isin(ids)]
        return [heading("section.conflicts", lang), conflicts_table(rows, lang) if not rows.empty else paragraph(i18n.t("none", lang))]
