"""The framework profile report (notebook ``01-framework-profile``): one framework, its members,
meetings, instruments and the disagreements between its sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.datasets.events import MEMBER_ROLES, ROLE_NAMES
from migresearch.errors import UnknownFrameworkError
from migresearch.present.charts import cited_chart, meetings_chart, membership_chart
from migresearch.present.html import (
    Html,
    _localised,
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

#: Every declared role: the profile lists members, observers, presidencies... alike.
ALL_ROLES: tuple[str, ...] = ROLE_NAMES

class FrameworkProfile:
    """The sections of the framework profile report (notebook ``01-framework-profile``)."""

    def __init__(self, framework: str, lang: str, on: dt.date | None = None) -> None:
        self.lang = i18n.check_lang(lang)
        frameworks = load("frameworks")
        hit = frameworks[frameworks["framework_id"] == framework]
        if hit.empty:
            raise UnknownFrameworkError(framework, frameworks["framework_id"].astype(str))
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
        out.append(paragraph(i18n.t("text.members_count", lang, n=int(now["role"].isin(MEMBER_ROLES).sum()),
                                    date=i18n.date(self.on, "day", lang))))
        members = self.events[self.events["role"].isin(MEMBER_ROLES)]
        undated = sorted(set(members.loc[members["date"].isna(), "party"]) - set(now["party"]))
        if undated:
            out.append(paragraph(i18n.t("text.undated", lang, parties=", ".join(undated))))
        out += cited_chart(membership_chart(members, lang, self.on), members["source_id"], lang)
        out.append(heading("section.members_now", lang, level=3))
        cols = [("field.party", lambda row: esc(row["party"]) + " " + esc(row[f"name_{lang}"])),
                ("field.role", code_cell("role", "role", lang)),
                ("field.since", date_cell("since", lang, "since_precision"))]
        out.append(table(now, cols, lang))
        from migresearch.reports.country_profile import country_links  # links back to the members' country profiles

        links = country_links(now["party"], lang, self.on)
        if links is not None:
            out.append(links)
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
