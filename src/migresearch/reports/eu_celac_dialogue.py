"""The EU–CELAC dialogue report (notebook ``10-eu-celac-dialogue``): from the Lima summit to today,
the high-level meetings, the summits around them, the IOM/FIIAPP project, and how many meetings there were.

:func:`collect` is the analysis (pure, language-free frames); the section
functions present it in a page's language.  The disagreement about the number
of meetings comes from ``claims`` and is shown as such, never resolved here.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.present import names
from migresearch.present.charts import chart, meetings_chart
from migresearch.present.conflicts import comparison
from migresearch.present.html import Html, concat, meetings_table, paragraph, section, sources_note, title_block
from migresearch.reports import framework_profile

DIALOGUE = "eu-celac-sdcm"
SUMMITS = "eu-lac-summits"
PROJECT = "eulac-iom-fiiapp"


@dataclasses.dataclass(frozen=True)
class Dialogue:
    """The dialogue's history, as data.

    Attributes
    ----------
    lima : the Lima summit (2008), where the dialogue was proposed (0 or 1 row of ``meetings``).
    launch : the dialogue's launch meeting(s).
    hlms : its high-level meetings, oldest first; ``numbered`` those with an ordinal.
    hlm_claims : what the sources say about the number of high-level meetings (``claims`` rows).
    summits : the EU-LAC / EU-CELAC summits, oldest first.
    project : the IOM/FIIAPP project's profile (``None`` when the data has no such framework).
    project_conflicts, other_conflicts : disagreements about the project, and about the meetings and summits.
    """

    lima: pd.DataFrame
    launch: pd.DataFrame
    hlms: pd.DataFrame
    numbered: pd.DataFrame
    hlm_claims: pd.DataFrame
    summits: pd.DataFrame
    project: framework_profile.Profile | None
    project_conflicts: pd.DataFrame
    other_conflicts: pd.DataFrame


def _of(meetings: pd.DataFrame, framework: str) -> pd.DataFrame:
    m = meetings[meetings["framework_id"] == framework]
    return m.sort_values(["start_date", "meeting_id"], na_position="last").reset_index(drop=True)


def collect() -> Dialogue:
    """The dialogue's meetings, summits, project and the sources' disagreements about them.

    >>> len(collect().numbered) >= 9
    True
    """
    meetings = load("meetings")
    dialogue, summits = _of(meetings, DIALOGUE), _of(meetings, SUMMITS)
    hlms = dialogue[dialogue["kind"] == "high_level_meeting"].reset_index(drop=True)
    frameworks = set(load("frameworks")["framework_id"])
    ids = set(dialogue["meeting_id"]) | set(summits["meeting_id"]) | {SUMMITS}
    conflicts = query.conflicts(records=ids | {DIALOGUE, PROJECT})  # only the records shown: only their tables are read
    return Dialogue(
        lima=summits[summits["city"] == "Lima"].reset_index(drop=True),
        launch=dialogue[dialogue["kind"] == "launch"].reset_index(drop=True),
        hlms=hlms,
        numbered=hlms[hlms["number"].notna()].reset_index(drop=True),
        hlm_claims=conflicts[(conflicts["record_id"] == DIALOGUE) & (conflicts["field"] == "hlm_count")].reset_index(drop=True),
        summits=summits,
        project=framework_profile.collect(PROJECT) if PROJECT in frameworks else None,
        project_conflicts=conflicts[conflicts["record_id"] == PROJECT].reset_index(drop=True),
        other_conflicts=conflicts[conflicts["record_id"].isin(ids)].reset_index(drop=True),
    )


# --- sections --------------------------------------------------------------------------------------


def title(data: Dialogue, lang: str) -> Html:
    """The report's title."""
    return title_block(i18n.t("report.eu_celac_dialogue", lang))


def origins(data: Dialogue, lang: str) -> Html:
    """Where the dialogue was proposed and when it was launched."""
    head = i18n.t("section.origins", lang)
    if data.lima.empty or data.launch.empty:
        return section(head, paragraph(i18n.t("none", lang)))
    lima, launch = data.lima.iloc[0], data.launch.iloc[0]
    summit = f"{names.place(lima['city'], lima['country_iso3'], lang)}, {i18n.date(lima['start_date'], str(lima['start_precision']), lang)}"
    text = i18n.t(
        "text.launch", lang, summit=summit, launch=i18n.date(launch["start_date"], str(launch["start_precision"]), lang)
    )
    return section(head, paragraph(text), sources_note(list(data.lima["source_id"]) + list(data.launch["source_id"]), lang))


def hlms(data: Dialogue, lang: str) -> Html:
    """The high-level meetings on a time line and in a table: dates, place, presidency, co-chair, theme."""
    drawn = chart(meetings_chart(data.hlms, lang), data.hlms["source_id"], lang, i18n.t("chart.meetings_title", lang))
    return section(i18n.t("section.hlm", lang), drawn, meetings_table(data.hlms, lang))


def hlm_count(data: Dialogue, lang: str) -> Html:
    """How many high-level meetings the data holds, and what each source says."""
    parts: list[Html | None] = []
    if len(data.numbered):
        first, last = (names.meeting_label(data.numbered.iloc[i], lang) for i in (0, -1))
        parts.append(paragraph(i18n.plural("text.hlm_listed", len(data.numbered), lang, first=first, last=last)))
    if len(data.hlm_claims):
        parts += [paragraph(i18n.t("text.hlm_claims", lang)), comparison(data.hlm_claims, lang, intro=False)]
    return section(i18n.t("section.hlm_count", lang), *parts)


def summits(data: Dialogue, lang: str) -> Html:
    """The bi-regional summits around the dialogue."""
    return section(i18n.t("section.summits", lang), meetings_table(data.summits, lang))


def project(data: Dialogue, lang: str) -> Html:
    """The IOM/FIIAPP project that supported the dialogue: its profile and the sources' disagreements about it."""
    head = i18n.t("section.project", lang)
    if data.project is None:
        return section(head, paragraph(i18n.t("none", lang)))
    overview = framework_profile.overview(data.project, lang)
    claims = comparison(data.project_conflicts, lang) if len(data.project_conflicts) else None
    return section(head, Html(overview.markup.replace("<h2>", "<h3>").replace("</h2>", "</h3>")), claims)


def conflicts(data: Dialogue, lang: str) -> Html:
    """Where the sources about the meetings and summits disagree."""
    body = comparison(data.other_conflicts, lang) if len(data.other_conflicts) else paragraph(i18n.t("none", lang))
    return section(i18n.t("section.conflicts", lang), body)


def sections(data: Dialogue, lang: str) -> list[Html]:
    """Every section of the page, in order."""
    return [
        title(data, lang),
        origins(data, lang),
        hlms(data, lang),
        hlm_count(data, lang),
        summits(data, lang),
        project(data, lang),
        conflicts(data, lang),
    ]


def page(data: Dialogue, lang: str) -> Html:
    """The whole report as one block."""
    return concat(*sections(data, lang))


__all__ = [
    "Dialogue",
    "DialogueReport",
    "collect",
    "conflicts",
    "hlm_count",
    "hlms",
    "origins",
    "page",
    "project",
    "sections",
    "summits",
    "title",
]


class DialogueReport:
    """The dialogue report in one language: :func:`collect` plus the section functions, bound.

    Kept for code written against the first reports; new code calls ``collect`` and the sections.
    """

    def __init__(self, lang: str) -> None:
        self.lang = i18n.check_lang(lang)
        self.data = collect()

    def sections(self) -> list[Html]:
        return sections(self.data, self.lang)
