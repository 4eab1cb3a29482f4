"""The EU–CELAC dialogue report (notebook ``10-eu-celac-dialogue``): from the Lima summit to today,
the high-level meetings, the summits around them, the IOM/FIIAPP project, and how many meetings there were.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.present.charts import cited_chart, meetings_chart
from migresearch.present.html import Html, conflicts_table, esc, heading, meetings_table, paragraph, sources_note
from migresearch.reports.framework_profile import FrameworkProfile


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
