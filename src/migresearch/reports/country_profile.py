"""The country profile report (notebook ``02-country-profile``): one CELAC state across the data, for a
consular official or a researcher who starts from a country rather than from a framework.

What it answers: in which cooperation frameworks the state has taken part and when (from the
membership model of :mod:`migresearch.query`, so the chart agrees with ``members_on``), which meetings
it hosted or co-chaired, its regularisation programmes, which consular mechanisms cover its nationals
abroad, the practices that name it, the figures about it with every published vintage, and where the
sources about all of these disagree.  A small locator map places it in the region.

:func:`collect` is the analysis: pure and language-free, one frozen dataclass of typed frames.  The
section functions present it in a page's language; the notebook calls ``collect`` once and shows one
section per cell.  :func:`profile_href`, :func:`country_link` and :func:`country_links` give the relative
links between the country and framework profiles, and from other reports to them (every kind of page
sits in the same ``<lang>/`` folder).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.datasets import compiled as _tables
from migresearch.present import names
from migresearch.present.charts import chart, responsive
from migresearch.present.conflicts import comparison
from migresearch.present.html import Html, code_cell, date_cell, esc, foreign, paragraph, range_cell, section, table, title_block

__all__ = ["CountryProfile", "collect", "country_link", "country_links", "profile_href", "sections"]

#: The roles drawn on the frameworks chart (a presidency or a chair is a term, shown in the tables).
CHART_ROLES: tuple[str, ...] = ("member", "state_party", "associate", "observer")
#: Every declared role: the table of frameworks now lists presidencies and chairs as well.
ALL_ROLES: tuple[str, ...] = tuple(_tables.table("memberships").by_name["role"].values or ())
#: The framework whose members have a profile (the report expands over its members on the data date).
PROFILED_GROUP = "celac"


@dataclasses.dataclass(frozen=True)
class CountryProfile:
    """One country's profile, as data (every frame typed, language-free, sorted for reading).

    Attributes
    ----------
    country : pandas.DataFrame
        Its row of ``countries`` (one row).
    spans : pandas.DataFrame
        Periods in which it held a role in a framework, replayed with the query model at each of its event
        dates: ``framework_id``, ``role``, ``start``, ``end`` (the profile date when
        still open) and ``open`` (true when it still holds the role on ``on``).
    frameworks_now : pandas.DataFrame
        :func:`migresearch.query.frameworks_of` on ``on`` for every role (``framework_id``, ``role``, ``since``...).
    events : pandas.DataFrame
        Its membership events (rows of ``memberships`` with ``party``), oldest first, undated last.
    meetings : pandas.DataFrame
        Meetings held in the country or co-chaired by it (``hosted`` and ``chaired`` say which).
    regularisations : pandas.DataFrame
        Its regularisation programmes, oldest first, with the kind and number of the instrument that created
        each (``basis_kind``, ``basis_number``, from ``regularisation_instruments``) and ``name_lang``, the
        language of its cited source, in which its original name and instrument number are written.
    consular : pandas.DataFrame
        Coverage rows of ``consular_coverage`` whose nationals include the country, with the mechanism's
        names, ``assisting_others`` (the other assisting states) and ``current`` (status period covers ``on``).
    practices : pandas.DataFrame
        Practices whose ``countries`` include it.
    figures : pandas.DataFrame
        Figures whose ``place`` is the country, with the series' titles and unit, the programme's names
        (``programme_en``, ``programme_original``) when the figure is about one, ``vintage`` (1 = the latest
        published for that series and "as of" date) and ``n_vintages``.
    conflicts : pandas.DataFrame
        :func:`migresearch.query.conflicts` about the country, its events, meetings, programmes, practices,
        figures and coverage rows.
    on : datetime.date
        The date the profile stands at (the data date unless given).
    """

    country: pd.DataFrame
    spans: pd.DataFrame
    frameworks_now: pd.DataFrame
    events: pd.DataFrame
    meetings: pd.DataFrame
    regularisations: pd.DataFrame
    consular: pd.DataFrame
    practices: pd.DataFrame
    figures: pd.DataFrame
    conflicts: pd.DataFrame
    on: dt.date

    @property
    def iso3(self) -> str:
        return str(self.country["iso3"].iloc[0])

    @property
    def framework_ids(self) -> list[str]:
        """Every framework the country ever held a role in, in the order the chart shows them."""
        seen = list(dict.fromkeys(self.spans["framework_id"].astype(str)))
        return seen + sorted(set(self.events["framework_id"].astype(str)) - set(seen))


def _has(cell: Any, code: str) -> bool:
    return isinstance(cell, str) and code in cell.split("|")


def _spans(country: str, events: pd.DataFrame, on: pd.Timestamp) -> pd.DataFrame:
    """Role periods replayed through the query model (``query._states_on``, what ``members_on`` and
    ``frameworks_of`` use): each framework's state is asked at each of its own event dates."""
    from migresearch.datasets.events import ACTIVE_STATES

    rows: list[dict[str, Any]] = []
    charted = events[events["role"].isin(CHART_ROLES)]
    for framework, group in charted.groupby("framework_id", sort=True):
        open_: dict[str, pd.Timestamp] = {}
        for day in sorted({d for d in group["date"].dropna() if d <= on}):
            states = query._states_on(group, day)
            now = {str(r) for r, st in zip(states["role"], states["state"]) if st in ACTIVE_STATES}
            for role in sorted(set(open_) - now):
                rows.append({"framework_id": framework, "role": role, "start": open_.pop(role), "end": day, "open": False})
            for role in sorted(now - set(open_)):
                open_[role] = day
        for role, start in sorted(open_.items()):
            rows.append({"framework_id": framework, "role": role, "start": start, "end": on, "open": True})
    frame = pd.DataFrame(rows, columns=["framework_id", "role", "start", "end", "open"])
    frame = frame.astype({"framework_id": "string", "role": "string", "open": "boolean"})
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    first = frame.groupby("framework_id")["start"].transform("min") if len(frame) else frame["start"]
    return (
        frame.assign(_first=first).sort_values(["_first", "framework_id", "start"]).drop(columns="_first").reset_index(drop=True)
    )


def collect(country: str, on: dt.date | None = None) -> CountryProfile:
    """The profile of ``country`` (ISO 3166-1 alpha-3) on ``on`` (default: the data date).

    Raises ``KeyError`` for a code that is not in ``countries``.

    >>> data = collect("PER")
    >>> "can" in data.framework_ids, data.iso3
    (True, 'PER')
    """
    countries = load("countries")
    row = countries[countries["iso3"] == country]
    if row.empty:
        raise KeyError(f"unknown country code {country!r} (an ISO 3166-1 alpha-3 code of data/countries.csv expected)")
    day = on or query.data_as_of()
    stamp = pd.Timestamp(day)
    events = query._events(None)
    events = events[events["party"] == country].sort_values(
        ["date", "framework_id", "event_id"], na_position="last", kind="stable"
    )
    events = events.reset_index(drop=True)
    spans = _spans(country, events, stamp)
    now = query.frameworks_of(country, day, roles=ALL_ROLES)

    meetings = load("meetings")
    hosted = (meetings["country_iso3"] == country).fillna(False).astype(bool)
    chaired = (meetings["lac_chair_iso3"] == country).fillna(False).astype(bool)
    meetings = (
        meetings[hosted | chaired]
        .assign(hosted=hosted[hosted | chaired], chaired=chaired[hosted | chaired])
        .sort_values(["start_date", "meeting_id"], na_position="last")
        .reset_index(drop=True)
    )

    reg = load("regularisations")
    reg = reg[reg["country_iso3"] == country]
    first = reg["window_start_date"].fillna(reg["announced_date"])
    reg = reg.assign(_first=first).sort_values(["_first", "programme_id"], na_position="last").drop(columns="_first")

    instruments = load("regularisation_instruments")
    creating = instruments[instruments["programme_id"].isin(reg["programme_id"]) & (instruments["role"] == "creates")]
    creating = creating.sort_values(["issued_date", "instrument_row_id"], na_position="last").drop_duplicates("programme_id")
    source_lang = load("sources").set_index("source_id")["language"].astype("string")
    reg = reg.assign(
        basis_kind=reg["programme_id"].map(creating.set_index("programme_id")["kind"]).astype("string"),
        basis_number=reg["programme_id"].map(creating.set_index("programme_id")["number"]).astype("string"),
        # the language the programme's own name and instrument number are written in: its cited source's
        name_lang=reg["source_id"].map(source_lang).astype("string"),
    )

    coverage = load("consular_coverage")
    coverage = coverage[coverage["nationals"].map(lambda v: _has(v, country))]
    mechanisms = load("consular_mechanisms")[["mechanism_id", "name_en", "name_es", "kind", "framework_id"]]
    coverage = coverage.merge(mechanisms, on="mechanism_id", how="left", validate="many_to_one")
    current = (
        coverage["from_date"].notna()
        & (coverage["from_date"] <= stamp)
        & (coverage["until_date"].isna() | (coverage["until_date"] >= stamp))
    )
    others = coverage["assisting"].map(lambda v: "|".join(c for c in str(v).split("|") if c != country)).astype("string")
    coverage = (
        coverage.assign(assisting_others=others, current=current.astype("boolean"))
        .sort_values(["from_date", "coverage_id"], na_position="last")
        .reset_index(drop=True)
    )

    practices = load("practices")
    practices = (
        practices[practices["countries"].map(lambda v: _has(v, country))]
        .sort_values(["start_date", "practice_id"], na_position="last")
        .reset_index(drop=True)
    )

    figures = load("figures")
    series = load("series")[["series_id", "title_en", "title_es", "unit"]]
    figures = figures[figures["place"] == country].merge(series, on="series_id", how="left", validate="many_to_one")
    programmes = load("regularisations").set_index("programme_id")
    figures = figures.assign(
        programme_en=figures["programme_id"].map(programmes["name_en"]).astype("string"),
        programme_original=figures["programme_id"].map(programmes["name_original"]).astype("string"),
    )
    figures = figures.sort_values(
        ["series_id", "as_of_date", "published_date", "figure_id"], ascending=[True, False, False, True], na_position="last"
    ).reset_index(drop=True)
    group = figures.groupby(["series_id", "as_of_date"], dropna=False)
    figures = figures.assign(vintage=group.cumcount() + 1, n_vintages=group["figure_id"].transform("size"))

    related = (
        {country}
        | set(events["event_id"])
        | set(meetings["meeting_id"])
        | set(reg["programme_id"])
        | set(practices["practice_id"])
        | set(figures["figure_id"])
        | set(coverage["coverage_id"])
    )
    conflicts = query.conflicts(records=related)  # only the records shown: only their tables are read
    return CountryProfile(
        country=row.reset_index(drop=True),
        spans=spans,
        frameworks_now=now,
        events=events,
        meetings=meetings,
        regularisations=reg.reset_index(drop=True),
        consular=coverage,
        practices=practices,
        figures=figures,
        conflicts=conflicts,
        on=day,
    )


# --- names and links --------------------------------------------------------------------------------


def _country(iso3: Any, lang: str) -> str:
    return names.country(iso3, lang)


def _countries(cell: Any, lang: str, skip: Iterable[str] = ()) -> str:
    codes = [c for c in str(cell).split("|") if c and c not in set(skip)] if isinstance(cell, str) else []
    return ", ".join(sorted((_country(c, lang) for c in codes), key=lambda s: s.casefold()))


def _framework(framework_id: Any, lang: str, short: bool = False) -> str:
    return names.framework(framework_id, lang, short=short)


def profile_href(kind: str, value: str, lang: str) -> str:
    """The relative link, from a report page, to the ``kind`` (``"framework"`` or ``"country"``) profile of ``value``.

    Built from the declared report list, so the link follows the real slugs.

    >>> profile_href("framework", "can", "es")
    '01-framework-profile-can.html'
    >>> profile_href("country", "PER", "en")
    '02-country-profile-PER.html'
    """
    from migresearch.reports import REPORTS

    name = {"framework": "01-framework-profile", "country": "02-country-profile"}[kind]
    spec = next(s for s in REPORTS if s.name == name)
    return f"{spec.slug({kind: value, 'lang': i18n.check_lang(lang)})}.html"


def country_link(iso3: Any, lang: str, text: Any = None) -> str:
    """The country's name (or ``text``) as a link to its profile page in ``lang`` (markup, escaped).

    For a country that has a profile (a member of :data:`PROFILED_GROUP` on the data date); the one way
    a report links to a country profile.

    >>> country_link("PER", "es")
    '<a href="02-country-profile-PER.html">Perú</a>'
    """
    label = _country(iso3, lang) if text is None else text
    return f'<a href="{esc(profile_href("country", str(iso3), lang))}">{esc(label)}</a>'


def country_links(parties: Iterable[Any], lang: str, on: dt.date | None = None) -> Html | None:
    """Links to the profiles of those ``parties`` that have one (CELAC members on the data date), by name.

    For the framework profile: ``country_links(data.members_now["party"], lang)`` under its members.
    ``None`` when no party has a profile.
    """
    day = on or query.data_as_of()
    profiled = set(query.members_on(PROFILED_GROUP, day)["party"].astype(str))
    codes = sorted({str(p) for p in parties if str(p) in profiled}, key=lambda c: _country(c, lang).casefold())
    if not codes:
        return None
    items = ", ".join(country_link(c, lang) for c in codes)
    return Html(f'<p class="links"><strong>{esc(i18n.t("text.country_profiles", lang))}:</strong> {items}.</p>')


# --- presentation helpers ------------------------------------------------------------------------------


def _number(value: Any, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return i18n.number(int(value) if float(value).is_integer() else float(value), lang)


# --- the frameworks chart ------------------------------------------------------------------------------

ROLE_COLOURS = {"member": "#3b6ea5", "state_party": "#3b6ea5", "associate": "#b7791f", "observer": "#8c8c8c"}


@responsive
def frameworks_chart(data: CountryProfile, lang: str) -> Any:
    """One row per framework, a bar for each period in a role (members blue, associates amber, observers grey).

    ``None`` when the country holds no dated role.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from migresearch.present.charts import (
        _chart_context,
        _render,
        bar_height,
        legend_above,
        row_labels,
        row_layout,
        rows_height,
        size,
        time_axis,
    )

    spans = data.spans
    if spans.empty:
        return None
    order = list(dict.fromkeys(spans["framework_id"].astype(str)))
    with _chart_context():
        texts, above = row_layout([_framework(f, lang, short=True) for f in order], 26)
        lines = sum(label.count("\n") + 1 for label in texts)
        fig, ax = plt.subplots(figsize=size(6.0, rows_height(texts, above, 0.9 + 0.22 * lines + 0.1 * len(order))))
        pos = {f: len(order) - 1 - i for i, f in enumerate(order)}
        for row in spans.itertuples():
            width = max((row.end - row.start).days, 60)
            ax.barh(
                pos[str(row.framework_id)],
                width,
                left=row.start,
                height=bar_height(above),
                color=ROLE_COLOURS.get(str(row.role), "#3b6ea5"),
            )
        row_labels(ax, texts[::-1], above)
        time_axis(ax)
        ax.set_xlabel(i18n.t("chart.year", lang))
        shown = sorted({"member" if r == "state_party" else r for r in spans["role"].astype(str)}, key=CHART_ROLES.index)
        handles = [Patch(color=ROLE_COLOURS[r], label=i18n.code("role", r, lang)) for r in shown]
        legend_above(ax, handles)
        alt = i18n.t(
            "chart.country_frameworks_alt",
            lang,
            country=_country(data.iso3, lang),
            n=i18n.number(len(order), lang),
            first=str(spans["start"].min().year),
            last=i18n.date(data.on, "month", lang),
        )
        return _render(fig, alt, len(order) > 1)


# --- sections -----------------------------------------------------------------------------------------


def title(data: CountryProfile, lang: str) -> Html:
    """The country's name in the page's language, and what the page is."""
    return title_block(_country(data.iso3, lang), i18n.t("report.country_profile", lang))


def overview(data: CountryProfile, lang: str) -> Html:
    """Where the country is (locator map), and what the page holds in counts."""
    from migresearch.present import maps

    row = data.country.iloc[0]
    png = maps.locator_map(data.iso3, lang)
    counts = [
        ("text.count_frameworks", len(data.framework_ids)),
        ("text.count_meetings", len(data.meetings)),
        ("text.count_programmes", len(data.regularisations)),
        ("text.count_mechanisms", data.consular["mechanism_id"].nunique()),
        ("text.count_practices", len(data.practices)),
        ("text.count_figures", len(data.figures)),
    ]
    items = "".join(f"<tr><th>{esc(i18n.t(k, lang))}</th><td>{esc(i18n.number(int(n), lang))}</td></tr>" for k, n in counts)
    subregion = i18n.t(f"subregion.{row['subregion']}", lang) if f"subregion.{row['subregion']}" in i18n.LABELS else ""
    lead = paragraph(
        i18n.t("text.country_lead", lang, country=_country(data.iso3, lang), code=data.iso3, date=i18n.date(data.on, "day", lang))
        + (f" {i18n.t('text.subregion', lang, subregion=subregion)}" if subregion else "")
    )
    empty = [i18n.t(k, lang).lower() for k, n in counts if n == 0]
    thin = (
        paragraph(i18n.t("text.thin_profile", lang, country=_country(data.iso3, lang), missing="; ".join(empty)))
        if empty
        else None
    )
    figure = chart(png, [maps.SOURCE_ID], lang, i18n.t("map.title.locator", lang))
    facts = Html(f'<table class="facts">{items}</table>')
    head = (
        '<div class="profile-head" style="display:flex;flex-wrap:wrap;gap:0 2rem;align-items:flex-start">'
        f"<div>{figure.markup}</div><div>{facts.markup}</div></div>"
    )
    return section(i18n.t("section.overview", lang), lead, thin, Html(head))


def frameworks(data: CountryProfile, lang: str) -> Html:
    """Frameworks over time (chart), the roles it holds on the profile date, linked to each framework's profile."""
    head = i18n.t("section.country_frameworks", lang)
    if data.events.empty:
        return section(head, paragraph(i18n.t("text.no_frameworks", lang)))
    png = frameworks_chart(data, lang)
    drawn = chart(png, data.events["source_id"], lang, i18n.t("chart.country_frameworks_title", lang))
    gaps = data.spans.groupby("framework_id").size().gt(1).any() or (~data.spans["open"].fillna(True)).any()
    note = paragraph(i18n.t("text.chart_gaps", lang)) if drawn is not None and gaps else None
    now = data.frameworks_now.sort_values(["framework_id", "role"]).reset_index(drop=True)
    firsts = data.events.dropna(subset=["date"]).groupby("framework_id")["source_id"].first()
    now = now.assign(
        source_id=now["framework_id"]
        .map(firsts)
        .fillna(now["framework_id"].map(data.events.groupby("framework_id")["source_id"].first()))
    )
    cols = [
        (
            "field.framework",
            lambda r: (
                f'<a href="{esc(profile_href("framework", r["framework_id"], lang))}">'
                f"{esc(_framework(r['framework_id'], lang))}</a>"
            ),
        ),
        ("field.role", code_cell("role", "role", lang)),
        ("field.since", date_cell("since", lang, "since_precision" if "since_precision" in now else None)),
    ]
    if "since_precision" not in now:
        precision = data.events.set_index(["framework_id", "date"])["date_precision"]
        now = now.assign(
            since_precision=[
                str(precision.get((f, d), "day")) if not pd.isna(d) else "day" for f, d in zip(now["framework_id"], now["since"])
            ]
        )
        cols[2] = ("field.since", date_cell("since", lang, "since_precision"))
    current = (
        section(i18n.t("section.frameworks_now", lang, date=i18n.date(data.on, "day", lang)), table(now, cols, lang), level=3)
        if len(now)
        else paragraph(i18n.t("text.no_frameworks_now", lang))
    )
    past = [f for f in data.framework_ids if f not in set(now["framework_id"].astype(str))]
    past_links = (
        paragraph_html(
            i18n.t("text.past_frameworks", lang), [(profile_href("framework", f, lang), _framework(f, lang)) for f in past]
        )
        if past
        else None
    )
    ev = data.events.assign(framework_name=data.events["framework_id"].map(lambda f: _framework(f, lang)))
    ev_cols = [
        ("field.date", date_cell("date", lang)),
        ("field.framework", lambda r: esc(r["framework_name"])),
        ("field.role", code_cell("role", "role", lang)),
        ("field.event", code_cell("event", "event", lang)),
    ]
    events = section(i18n.t("section.events", lang), table(ev, ev_cols, lang), level=3)
    return section(head, note, drawn, current, past_links, events)


def paragraph_html(lead: str, links: list[tuple[str, str]]) -> Html:
    """``lead: <a>name</a>, <a>name</a>.`` (escaped once)."""
    items = ", ".join(f'<a href="{esc(href)}">{esc(text)}</a>' for href, text in links)
    return Html(f'<p class="links"><strong>{esc(lead)}:</strong> {items}.</p>')


def meetings(data: CountryProfile, lang: str) -> Html:
    """Meetings held in the country or under its co-chairmanship."""
    head = i18n.t("section.meetings_hosted", lang)
    if data.meetings.empty:
        return section(head, paragraph(i18n.t("text.no_meetings", lang, country=_country(data.iso3, lang))))

    def kind(r: pd.Series) -> str:
        label = names.meeting_label(r, lang)
        return esc(i18n.code("meeting_kind", r["kind"], lang)) + (f" {esc(label)}" if label else "")

    def place(r: pd.Series) -> str:
        return esc(names.place(r["city"], r["country_iso3"], lang))

    def role(r: pd.Series) -> str:
        keys = (["text.role_host"] if bool(r["hosted"]) else []) + (["text.role_chair"] if bool(r["chaired"]) else [])
        return esc(", ".join(i18n.t(k, lang) for k in keys))

    cols = [
        ("field.framework", lambda r: esc(_framework(r["framework_id"], lang))),
        ("field.meeting", kind),
        ("field.date", range_cell("start_date", "end_date", lang)),
        ("field.place", place),
        ("field.country_role", role),
        ("field.theme", lambda r: esc(r[f"theme_{lang}"] if isinstance(r[f"theme_{lang}"], str) else "")),
    ]
    return section(head, table(data.meetings, cols, lang))


def _programme(original: Any, english: Any, lang: str) -> str:
    """A programme's name, escaped: English on English pages; on Spanish pages its name in the state's language,
    marked as English where that is English (an English-speaking state's programme)."""
    original = original if isinstance(original, str) else english
    if lang == "en" or not isinstance(original, str):
        return esc(english)
    if original == english:
        return foreign(original, "en", lang)
    return esc(original)


def regularisations(data: CountryProfile, lang: str) -> Html:
    """The country's regularisation programmes: name, window, eligibility cut-off, permit, status."""
    head = i18n.t("section.regularisations", lang)
    if data.regularisations.empty:
        return section(head, paragraph(i18n.t("text.no_programmes", lang, country=_country(data.iso3, lang))))

    def name(r: pd.Series) -> str:
        if lang == "es" and r["name_lang"] == "en" and isinstance(r["name_original"], str):
            return foreign(r["name_original"], "en", lang)  # an English-speaking state's own name for it
        return _programme(r["name_original"], r["name_en"], lang)

    spans = range_cell("window_start_date", "window_end_date", lang)
    announced = date_cell("announced_date", lang)

    def window(r: pd.Series) -> str:
        return spans(r) if not pd.isna(r["window_start_date"]) else announced(r)

    def basis(r: pd.Series) -> str:
        if pd.isna(r["basis_kind"]):
            return ""
        number = r["basis_number"] if isinstance(r["basis_number"], str) else ""
        kind = esc(i18n.code("reg_instrument", r["basis_kind"], lang))
        if number and lang == "es" and r["name_lang"] == "en":
            return f"{kind} {foreign(number, 'en', lang)}"  # "Legal Notice No. 470 of 2025" is the instrument's own title
        return f"{kind} {esc(number)}".strip()

    cols = [
        ("field.programme", name),
        ("country.field.basis", basis),
        ("country.field.window", window),
        ("field.cutoff", date_cell("eligibility_cutoff_date", lang)),
        ("field.permit_months", lambda r: esc(_number(r["permit_months"], lang))),
        (
            "field.nationalities",
            lambda r: esc(_countries(r["target_nationalities"], lang)) or esc(i18n.t("text.all_nationalities", lang)),
        ),
        ("field.status", code_cell("reg_status", "status", lang)),
    ]
    return section(head, table(data.regularisations, cols, lang))


def consular(data: CountryProfile, lang: str) -> Html:
    """Which consular mechanisms cover the country's nationals abroad, with whom, where, and their status."""
    head = i18n.t("section.consular", lang)
    if data.consular.empty:
        return section(head, paragraph(i18n.t("text.no_consular", lang, country=_country(data.iso3, lang))))
    current = data.consular[data.consular["current"].fillna(False)]
    lead = paragraph(
        i18n.t(
            "text.consular_lead",
            lang,
            country=_country(data.iso3, lang),
            n=i18n.number(current["mechanism_id"].nunique(), lang),
            date=i18n.date(data.on, "day", lang),
        )
    )
    cols = [
        ("field.mechanism", lambda r: esc(r[f"name_{lang}"] if isinstance(r[f"name_{lang}"], str) else r["name_en"])),
        ("country.field.assisting", lambda r: esc(_countries(r["assisting_others"], lang))),
        (
            "field.where",
            lambda r: (
                esc(i18n.code("where", r["where"], lang))
                + (": " + esc(_countries(r["locations"], lang)) if isinstance(r["locations"], str) and r["locations"] else "")
            ),
        ),
        ("field.status", code_cell("coverage_status", "status", lang)),
        ("field.from", date_cell("from_date", lang, "from_precision")),
        ("field.until", date_cell("until_date", lang, "until_precision")),
        (
            "=" + i18n.t("field.applies_on", lang, date=i18n.date(data.on, "day", lang)),
            lambda r: esc(i18n.t("yes" if bool(r["current"]) else "no", lang)),
        ),
    ]
    frame = data.consular.sort_values(["current", "from_date"], ascending=[False, True], na_position="last", kind="stable")
    return section(head, lead, table(frame, cols, lang))


def practices(data: CountryProfile, lang: str) -> Html:
    """Practices that name the country: title, kind, period, the other countries."""
    head = i18n.t("section.practices", lang)
    if data.practices.empty:
        return section(head, paragraph(i18n.t("text.no_practices", lang, country=_country(data.iso3, lang))))

    def title_cell(r: pd.Series) -> str:
        own = r[f"title_{lang}"]
        return esc(own if isinstance(own, str) else r["title_en"])

    cols = [
        ("field.practice", title_cell),
        ("field.kind", code_cell("practice_kind", "kind", lang)),
        ("field.period", range_cell("start_date", "end_date", lang)),
        ("field.with", lambda r: esc(_countries(r["countries"], lang, skip=[data.iso3]))),
    ]
    return section(head, table(data.practices, cols, lang))


def figures(data: CountryProfile, lang: str) -> Html:
    """Figures about the country, each with its "as of" date and every published vintage (latest first)."""
    head = i18n.t("section.figures", lang)
    if data.figures.empty:
        return section(head, paragraph(i18n.t("text.no_figures", lang, country=_country(data.iso3, lang))))
    lead = paragraph(i18n.t("text.vintages_lead", lang))

    def vintage(r: pd.Series) -> str:
        if int(r["n_vintages"]) == 1:
            return ""
        key = "text.vintage_latest" if int(r["vintage"]) == 1 else "text.vintage_earlier"
        return esc(i18n.t(key, lang, k=i18n.number(int(r["vintage"]), lang), n=i18n.number(int(r["n_vintages"]), lang)))

    def value(r: pd.Series) -> str:
        qualifier = (
            i18n.code("qualifier", r["qualifier"], lang) if not pd.isna(r["qualifier"]) and str(r["qualifier"]) != "exact" else ""
        )
        unit = i18n.code("unit", r["unit"], lang) if not pd.isna(r["unit"]) and f"unit.{r['unit']}" in i18n.LABELS else ""
        return esc(" ".join(x for x in (qualifier, _number(r["value"], lang), unit) if x))

    written_in = dict(zip(data.regularisations["name_original"], data.regularisations["name_lang"]))

    def series(r: pd.Series) -> str:
        text = esc(r[f"title_{lang}"] if isinstance(r[f"title_{lang}"], str) else r["title_en"])
        programme = _programme(r["programme_original"], r["programme_en"], lang) if isinstance(r["programme_en"], str) else ""
        if programme and lang == "es" and written_in.get(r["programme_original"]) == "en":
            programme = foreign(r["programme_original"], "en", lang)  # the programme's own (English) name
        return text + (f'<br><span class="note">{programme}</span>' if programme else "")

    cols = [
        ("country.field.series", series),
        ("field.value", value),
        ("country.field.as_of", date_cell("as_of_date", lang)),
        ("field.published", date_cell("published_date", lang)),
    ]
    if (data.figures["n_vintages"] > 1).any():
        cols.append(("country.field.vintage", vintage))
    return section(head, lead, table(data.figures, cols, lang))


def conflicts(data: CountryProfile, lang: str) -> Html:
    """Where the sources about the country's records disagree."""
    head = i18n.t("section.conflicts", lang)
    if data.conflicts.empty:
        return section(head, paragraph(i18n.t("none", lang)))
    return section(head, comparison(data.conflicts, lang))


def sections(data: CountryProfile, lang: str) -> list[Html]:
    """Every section of the page, in order."""
    return [
        title(data, lang),
        overview(data, lang),
        frameworks(data, lang),
        meetings(data, lang),
        regularisations(data, lang),
        consular(data, lang),
        practices(data, lang),
        figures(data, lang),
        conflicts(data, lang),
    ]
