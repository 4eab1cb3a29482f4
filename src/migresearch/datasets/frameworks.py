"""Cooperation frameworks: the frameworks, dated membership events, meetings, themes and instruments."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from migresearch.datasets import events as ev
from migresearch.datasets import fields as s

FRAMEWORK_KINDS = (
    "bi_regional_dialogue",
    "regional_consultative_process",
    "regional_integration_body",
    "global_compact",
    "global_forum",
    "regional_plan",
    "agreement_regime",
    "network",
    "programme_project",
    "eu_policy_framework",
    "summit_series",
    "intergovernmental_organisation",
)
SCOPES = ("global", "bi_regional", "regional", "subregional", "national")
FRAMEWORK_STATUS = ("active", "dormant", "ended", "suspended")
#: Roles and events are read off the membership grammar (one line there adds one here).
ROLES = ev.ROLE_NAMES
EVENTS = ev.EVENT_NAMES
MEETING_KINDS = (
    "high_level_meeting",
    "summit",
    "conference",
    "ministerial",
    "round",
    "regional_review",
    "global_review",
    "forum",
    "technical_meeting",
    "launch",
)
MODALITIES = ("in_person", "virtual", "hybrid")
UN_VOTES = ("yes", "no", "abstain", "absent")
INSTRUMENT_TYPES = (
    "decision",
    "agreement",
    "declaration",
    "resolution",
    "decree",
    "law",
    "plan",
    "action_plan",
    "statute",
    "communication",
    "protocol",
)


class Frameworks(pa.DataFrameModel):
    """Cooperation frameworks: dialogues, processes, integration bodies, compacts, networks, projects."""

    framework_id: Series[pd.StringDtype] = s.ident("Framework", "Stable identifier (slug).")
    name_en: Series[pd.StringDtype] = s.text("Name (English)", "Name in English.", nullable=False)
    name_es: Series[pd.StringDtype] = s.text("Name (Spanish)", "Name in Spanish.", nullable=False)
    acronym_en: Series[pd.StringDtype] = s.text("Acronym (English)", "Usual English acronym, if any.")
    acronym_es: Series[pd.StringDtype] = s.text("Acronym (Spanish)", "Usual Spanish acronym, if any.")
    kind: Series[pd.CategoricalDtype] = s.code(FRAMEWORK_KINDS, "Kind", "What sort of framework this is.")
    scope: Series[pd.CategoricalDtype] = s.code(SCOPES, "Scope", "Geographic reach.")
    parent_id: Series[pd.StringDtype] = s.ident(
        "Parent", "Framework this one sits under (the dialogue under GAMM).", nullable=True, fk="frameworks.framework_id"
    )
    secretariat: Series[pd.StringDtype] = s.text("Secretariat", "Who runs the secretariat or technical secretariat.")
    secretariat_es: Series[pd.StringDtype] = s.text("Secretariat (Spanish)", "The secretariat, in Spanish (for Spanish pages).")
    binding: Series[pd.BooleanDtype] = s.boolean(
        "Binding", "Whether the framework creates legally binding obligations; empty when mixed or unknown."
    )
    established_date: Series[pd.Timestamp] = s.date(
        "Established", "When it was established or launched.", precision="established_precision"
    )
    established_precision: Series[pd.CategoricalDtype] = s.precision("established_date")
    founding_instrument: Series[pd.StringDtype] = s.text("Founding instrument", "Instrument or meeting that created it.")
    founding_instrument_es: Series[pd.StringDtype] = s.text(
        "Founding instrument (Spanish)", "The founding instrument, in Spanish (for Spanish pages)."
    )
    status: Series[pd.CategoricalDtype] = s.code(FRAMEWORK_STATUS, "Status", "Current status as last reported.")
    url: Series[pd.StringDtype] = s.url("Website", "Official website, if any.")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["framework_id"]


class Memberships(pa.DataFrameModel):
    """Dated membership events: who joined, signed, ratified, was suspended or left which framework."""

    event_id: Series[pd.StringDtype] = s.ident("Event", "Stable identifier of the event.")
    framework_id: Series[pd.StringDtype] = s.ident("Framework", "Framework concerned.", fk="frameworks.framework_id")
    party_iso3: Series[pd.StringDtype] = s.ident(
        "Party (country)",
        "Country concerned; empty when the party is an organisation.",
        pattern=s.ISO3,
        nullable=True,
        fk="countries.iso3",
    )
    party_org: Series[pd.StringDtype] = s.ident(
        "Party (organisation)",
        "Organisation concerned (a framework id); empty when the party is a country.",
        nullable=True,
        fk="frameworks.framework_id",
    )
    role: Series[pd.CategoricalDtype] = s.code(ROLES, "Role", "Capacity in which the party takes part.")
    event: Series[pd.CategoricalDtype] = s.code(EVENTS, "Event", "What happened on the date.")
    date: Series[pd.Timestamp] = s.date("Date", "When it happened; empty when not found (see note).", precision="date_precision")
    date_precision: Series[pd.CategoricalDtype] = s.precision("date")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["event_id"]


class Meetings(pa.DataFrameModel):
    """Meetings of a framework: high-level meetings, summits, conferences, rounds, reviews, forums."""

    meeting_id: Series[pd.StringDtype] = s.ident("Meeting", "Stable identifier of the meeting.")
    framework_id: Series[pd.StringDtype] = s.ident("Framework", "Framework the meeting belongs to.", fk="frameworks.framework_id")
    series: Series[pd.StringDtype] = s.ident(
        "Series", "Numbered series within the framework (e.g. `hlm`, `summit`); numbers run 1, 2, ... per series."
    )
    number: Series[pd.Int64Dtype] = s.integer("Number", "Ordinal within the series; empty for unnumbered meetings.", ge=1)
    label: Series[pd.StringDtype] = s.text("Label", "Ordinal as the sources write it (I, II, ...).")
    kind: Series[pd.CategoricalDtype] = s.code(MEETING_KINDS, "Kind", "Kind of meeting.")
    start_date: Series[pd.Timestamp] = s.date("Start", "First day; empty when not found (see note).", precision="start_precision")
    start_precision: Series[pd.CategoricalDtype] = s.precision("start_date")
    end_date: Series[pd.Timestamp] = s.date(
        "End", "Last day; empty when a one-day meeting or unknown.", precision="end_precision"
    )
    end_precision: Series[pd.CategoricalDtype] = s.precision("end_date")
    city: Series[pd.StringDtype] = s.text("City", "City, in English; empty when the source does not say.")
    country_iso3: Series[pd.StringDtype] = s.ident("Country", "Host country.", pattern=s.ISO3, nullable=True, fk="countries.iso3")
    eu_presidency_iso3: Series[pd.StringDtype] = s.ident(
        "EU presidency",
        "Council presidency at the time (checked against `eu_presidencies`).",
        pattern=s.ISO3,
        nullable=True,
        fk="countries.iso3",
    )
    lac_chair_iso3: Series[pd.StringDtype] = s.ident(
        "LAC chair", "LAC co-chair, host or pro tempore presidency.", pattern=s.ISO3, nullable=True, fk="countries.iso3"
    )
    theme_en: Series[pd.StringDtype] = s.text("Theme (English)", "Theme or main topics in English.")
    theme_es: Series[pd.StringDtype] = s.text("Theme (Spanish)", "Theme or main topics in Spanish.")
    modality: Series[pd.CategoricalDtype] = s.code(MODALITIES, "Modality", "In person, virtual or hybrid.", nullable=True)
    organisers: Series[pd.StringDtype] = s.plist(
        "Organisers",
        "Organising bodies: framework ids, or ISO alpha-3 codes for a state's government.",
        pattern=r"^([a-z0-9][a-z0-9._-]*|[A-Z]{3})$",
        fk="frameworks.framework_id|countries.iso3",
    )
    audience: Series[pd.StringDtype] = s.text("Audience", "Who the meeting is aimed at.")
    languages: Series[pd.StringDtype] = s.plist(
        "Languages", "Working languages (ISO 639-1).", item="code", values=("en", "es", "pt", "fr")
    )
    outcome_document: Series[pd.StringDtype] = s.text("Outcome document", "Declaration or document adopted.")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["meeting_id"]


class ForumThemes(pa.DataFrameModel):
    """The coded themes of a meeting's agenda (the Bogotá forum's seven themes)."""

    theme_id: Series[pd.StringDtype] = s.ident("Theme", "Stable identifier (meeting id and number).")
    meeting_id: Series[pd.StringDtype] = s.ident("Meeting", "Meeting whose agenda this is.", fk="meetings.meeting_id")
    number: Series[pd.Int64Dtype] = s.integer("Number", "Theme number on the agenda.", nullable=False, ge=1)
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "Theme in English (our wording).", nullable=False)
    title_es: Series[pd.StringDtype] = s.text("Title (Spanish)", "Theme in Spanish (our wording).", nullable=False)
    gcm_objectives: Series[pd.StringDtype] = s.plist(
        "GCM objectives", "GCM objectives the theme addresses (1-23).", item="integer", ge=1, le=23, fk="gcm_objectives.objective"
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["theme_id"]


class Instruments(pa.DataFrameModel):
    """Decisions, agreements, declarations, resolutions, decrees and plans."""

    instrument_id: Series[pd.StringDtype] = s.ident("Instrument", "Stable identifier (slug).")
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "Title in English.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text("Title (Spanish)", "Title in Spanish.", nullable=False)
    short_name: Series[pd.StringDtype] = s.text("Short name", "Usual citation form (e.g. `Decision 878`).")
    type: Series[pd.CategoricalDtype] = s.code(INSTRUMENT_TYPES, "Type", "Kind of instrument.")
    framework_id: Series[pd.StringDtype] = s.ident(
        "Framework", "Framework it was adopted in.", nullable=True, fk="frameworks.framework_id"
    )
    adopted_date: Series[pd.Timestamp] = s.date("Adopted", "Adopted or signed.", precision="adopted_precision")
    adopted_precision: Series[pd.CategoricalDtype] = s.precision("adopted_date")
    in_force_date: Series[pd.Timestamp] = s.date("In force", "Entry into force.", precision="in_force_precision")
    in_force_precision: Series[pd.CategoricalDtype] = s.precision("in_force_date")
    parties: Series[pd.StringDtype] = s.plist("Parties", "States party or signatory.", pattern=s.ISO3, fk="countries.iso3")
    binding: Series[pd.BooleanDtype] = s.boolean("Binding", "Legally binding or not; empty when unknown.")
    url: Series[pd.StringDtype] = s.url("URL", "Where the text can be read.")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["instrument_id"]


class UnVotes(pa.DataFrameModel):
    """How each state voted on a recorded UN General Assembly vote (e.g. resolution 73/195 endorsing the GCM)."""

    vote_id: Series[pd.StringDtype] = s.ident("Vote", "Stable identifier (resolution and country).")
    resolution: Series[pd.StringDtype] = s.text(
        "Resolution", "Symbol of the resolution voted on (e.g. `A/RES/73/195`).", nullable=False
    )
    date: Series[pd.Timestamp] = s.date("Date", "Day of the vote.", precision="date_precision")
    date_precision: Series[pd.CategoricalDtype] = s.precision("date")
    country_iso3: Series[pd.StringDtype] = s.ident("Country", "State whose vote this is.", pattern=s.ISO3, fk="countries.iso3")
    vote: Series[pd.CategoricalDtype] = s.code(UN_VOTES, "Vote", "Yes, no, abstain, or absent (did not vote).")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["vote_id"]
