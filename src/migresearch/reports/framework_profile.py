"""The framework profile report (notebook ``01-framework-profile``): what one cooperation framework is,
where it sits, who took part in it and when, its meetings and instruments, and where its sources disagree.

:func:`collect` is the analysis: pure, language-free, returning typed frames
any other analysis can reuse.  The section functions present it in a page's
language; the notebook calls ``collect`` once and shows one section per cell.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.datasets.events import MEMBER_ROLES, ROLE_NAMES
from migresearch.errors import UnknownFrameworkError
from migresearch.present import names
from migresearch.present.charts import chart, meetings_chart, membership_chart, membership_spans
from migresearch.present.conflicts import comparison
from migresearch.present.html import (
    Html,
    code_cell,
    concat,
    date_cell,
    esc,
    facts,
    link,
    meetings_table,
    paragraph,
    prose,
    section,
    table,
    title_block,
)

#: Every declared role: the profile lists members, observers, presidencies... alike.
ALL_ROLES: tuple[str, ...] = ROLE_NAMES


@dataclasses.dataclass(frozen=True)
class Profile:
    """One framework's profile, as data.

    Attributes
    ----------
    framework : one row of ``frameworks`` (the framework itself).
    parent, children : the framework it belongs to (0 or 1 row) and those under it.
    events : its membership events (every role), oldest first, undated last; ``party`` is the ISO code or framework id.
    members_now : :func:`migresearch.query.members_on` for every role on ``on``.
    undated : member parties never counted because no date of joining is recorded (``party``).
    spans : membership periods of members and state parties (``party``, ``start``, ``end``, ``state``).
    meetings, instruments : its meetings and instruments, oldest first.
    conflicts : disagreements between sources about the framework, its meetings, events or instruments.
    on : the date the profile stands at (the data date unless given).
    """

    framework: pd.DataFrame
    parent: pd.DataFrame
    children: pd.DataFrame
    events: pd.DataFrame
    members_now: pd.DataFrame
    undated: pd.DataFrame
    spans: pd.DataFrame
    meetings: pd.DataFrame
    instruments: pd.DataFrame
    conflicts: pd.DataFrame
    on: dt.date

    @property
    def framework_id(self) -> str:
        return str(self.framework["framework_id"].iloc[0])

    @property
    def row(self) -> pd.Series:
        return self.framework.iloc[0]


def collect(framework: str, on: dt.date | None = None) -> Profile:
    """The profile of ``framework`` (a ``framework_id``) on ``on`` (default: the data date).

    Raises :class:`~migresearch.errors.UnknownFrameworkError` (with a did-you-mean hint) for an unknown framework.

    >>> collect("can").framework_id
    'can'
    """
    frameworks = load("frameworks")
    row = frameworks[frameworks["framework_id"] == framework]
    if row.empty:
        raise UnknownFrameworkError(framework, frameworks["framework_id"].astype(str))
    day = on or query.data_as_of()
    parent_id = row["parent_id"].iloc[0]
    parent = frameworks[frameworks["framework_id"] == parent_id] if not names.missing(parent_id) else frameworks.iloc[0:0]
    children = frameworks[frameworks["parent_id"] == framework].sort_values("framework_id")
    events = query._events(None)
    events = events[events["framework_id"] == framework].sort_values(["date", "event_id"], na_position="last")
    now = query.members_on(framework, day, roles=ALL_ROLES)
    members = events[events["role"].isin(MEMBER_ROLES)]
    undated = query.undated_members(framework, day)
    meetings = load("meetings")
    meetings = meetings[meetings["framework_id"] == framework].sort_values(["start_date", "meeting_id"], na_position="last")
    instruments = load("instruments")
    instruments = instruments[instruments["framework_id"] == framework].sort_values(
        ["adopted_date", "instrument_id"], na_position="last"
    )
    related = {framework} | set(meetings["meeting_id"]) | set(events["event_id"]) | set(instruments["instrument_id"])
    conflicts = query.conflicts(records=related)  # only the records shown: only their tables are read
    return Profile(
        framework=row.reset_index(drop=True),
        parent=parent.reset_index(drop=True),
        children=children.reset_index(drop=True),
        events=events.reset_index(drop=True),
        members_now=now,
        undated=pd.DataFrame({"party": pd.array(undated, dtype="string")}),
        spans=membership_spans(members, day),
        meetings=meetings.reset_index(drop=True),
        instruments=instruments.reset_index(drop=True),
        conflicts=conflicts[conflicts["record_id"].isin(related)].reset_index(drop=True),
        on=day,
    )


def _host(url: object) -> str:
    """A website named by its host (``iom.int``), not its whole address."""
    from urllib.parse import urlparse

    return "" if names.missing(url) else urlparse(str(url)).netloc.removeprefix("www.")


# --- sections --------------------------------------------------------------------------------------


def title(data: Profile, lang: str) -> Html:
    """The framework's name in the page's language, and what the page is."""
    return title_block(names.framework(data.framework_id, lang), i18n.t("report.framework_profile", lang))


def overview(data: Profile, lang: str) -> Html:
    """What the framework is: acronym, kind, scope, parent, secretariat, legal force, founding, status, website."""
    r = data.row
    binding = "" if pd.isna(r["binding"]) else i18n.t("yes" if r["binding"] else "no", lang)
    items = [
        ("field.acronym", lambda row: esc(row[f"acronym_{lang}"] if not names.missing(row[f"acronym_{lang}"]) else "")),
        ("field.kind", code_cell("kind", "kind", lang)),
        ("field.scope", code_cell("scope", "scope", lang)),
        ("field.parent", lambda row: esc(names.framework(row["parent_id"], lang))),
        ("field.secretariat", lambda row: prose(row, "secretariat", lang)),
        ("field.binding", lambda row: esc(binding)),
        ("field.established", date_cell("established_date", lang)),
        ("field.founding_instrument", lambda row: prose(row, "founding_instrument", lang)),
        ("field.status", code_cell("status", "status", lang)),
        ("field.website", lambda row: link(_host(row["url"]), row["url"])),
    ]
    return section(i18n.t("section.overview", lang), facts(r, items, lang, [r["source_id"]]))


def children(data: Profile, lang: str) -> Html | None:
    """The frameworks under this one (nothing when there are none)."""
    if data.children.empty:
        return None
    cols = [
        ("field.name", lambda row: esc(names.framework(row["framework_id"], lang))),
        ("field.kind", code_cell("kind", "kind", lang)),
    ]
    return section(i18n.t("section.children", lang), table(data.children, cols, lang))


def _by_name(parties: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows in the alphabetical order of their parties' names in ``lang`` (a reader looks a country up by name)."""
    from migresearch.reports._common import sort_by_name

    named = parties.assign(_name=parties["party"].map(lambda p: names.party(p, lang, short=False)))
    return sort_by_name(named, "_name").drop(columns="_name")


def members(data: Profile, lang: str) -> Html:
    """Who took part and when: the count on the data date, the membership chart, the parties now, every event."""
    head = i18n.t("section.members", lang)
    if data.events.empty:
        return section(head, paragraph(i18n.t("text.no_members", lang)))
    n = int(data.members_now["role"].isin(MEMBER_ROLES).sum())
    count = paragraph(i18n.plural("text.members_count", n, lang, date=i18n.date(data.on, "day", lang)))
    undated = (
        paragraph(i18n.t("text.undated", lang, parties=names.parties(list(data.undated["party"]), lang)))
        if len(data.undated)
        else None
    )
    member_events = data.events[data.events["role"].isin(MEMBER_ROLES)]
    fallback = None
    if len(data.spans):
        first = data.spans.iloc[0]
        fallback = paragraph(i18n.plural("text.same_span", len(data.spans), lang, since=i18n.date(first["start"], "month", lang)))
    drawn = chart(
        membership_chart(member_events, lang, data.on) if len(member_events) else None,
        member_events["source_id"],
        lang,
        i18n.t("chart.members_title", lang),
        fallback,
    )
    now_cols = [
        ("field.party", lambda row: esc(names.party(row["party"], lang, short=False))),
        ("field.role", code_cell("role", "role", lang)),
        ("field.since", date_cell("since", lang, "since_precision")),
    ]
    dated = date_cell("date", lang)
    event_cols = [
        ("field.date", lambda row: dated(row) or f'<span class="gap">{esc(i18n.t("date.not_recorded", lang))}</span>'),
        ("field.party", lambda row: esc(names.party(row["party"], lang, short=False))),
        ("field.role", code_cell("role", "role", lang)),
        ("field.event", code_cell("event", "event", lang)),
    ]
    from migresearch.reports.country_profile import country_links  # back to the members' country profiles

    links = country_links(data.members_now["party"], lang, data.on)
    return section(
        head,
        count,
        undated,
        drawn,
        section(i18n.t("section.members_now", lang), table(_by_name(data.members_now, lang), now_cols, lang), links, level=3),
        section(
            i18n.t("section.events", lang),
            table(_by_name(data.events, lang).sort_values("date", kind="stable", na_position="last"), event_cols, lang),
            level=3,
        ),
    )


def meetings(data: Profile, lang: str) -> Html:
    """The framework's meetings on a time line and in a table (place, presidency, chair and theme by name)."""
    head = i18n.t("section.meetings", lang)
    if data.meetings.empty:
        return section(head, paragraph(i18n.t("none", lang)))
    drawn = chart(meetings_chart(data.meetings, lang), data.meetings["source_id"], lang, i18n.t("chart.meetings_title", lang))
    return section(head, drawn, meetings_table(data.meetings, lang))


def instruments(data: Profile, lang: str) -> Html:
    """The instruments the framework adopted: title (linked), type, adoption and entry into force."""

    def titled(row: pd.Series) -> str:
        own = row.get(f"title_{lang}")
        if not names.missing(own):
            return link(own, row["url"])
        return link(row["title_en"], row["url"], "en") + (
            f' <span class="gap">({esc(i18n.t("gap.only_en", lang))})</span>' if lang != "en" else ""
        )

    cols = [
        ("field.title", titled),
        ("field.type", code_cell("instrument_type", "type", lang)),
        ("field.adopted", date_cell("adopted_date", lang)),
        ("field.in_force", date_cell("in_force_date", lang)),
    ]
    return section(i18n.t("section.instruments", lang), table(data.instruments, cols, lang))


def conflicts(data: Profile, lang: str) -> Html:
    """Where the sources about this framework disagree, as a comparison."""
    head = i18n.t("section.conflicts", lang)
    if data.conflicts.empty:
        return section(head, paragraph(i18n.t("none", lang)))
    groups = data.conflicts.groupby(["table", "record_id", "field"]).ngroups
    return section(
        head, paragraph(i18n.plural("text.conflicts_count", groups, lang)), comparison(data.conflicts, lang, intro=False)
    )


def sections(data: Profile, lang: str) -> list[Html]:
    """Every section of the page, in order (what the build shows)."""
    parts = [
        title(data, lang),
        overview(data, lang),
        children(data, lang),
        members(data, lang),
        meetings(data, lang),
        instruments(data, lang),
        conflicts(data, lang),
    ]
    return [p for p in parts if p is not None]


def page(data: Profile, lang: str) -> Html:
    """The whole report as one block."""
    return concat(*sections(data, lang))


class FrameworkProfile:
    """The profile of one framework in one language: :func:`collect` plus the section functions, bound.

    Kept for code written against the first reports; new code calls ``collect`` and the sections.
    """

    def __init__(self, framework: str, lang: str, on: dt.date | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        self.data = collect(framework, on)

    def sections(self) -> list[Html]:
        return sections(self.data, self.lang)
