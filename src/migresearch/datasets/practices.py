"""Regional practice: regularisation programmes, consular cooperation, inclusion practices, figures."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from migresearch.datasets import fields as s

PROGRAMME_STATUS = ("announced", "open", "closed", "ongoing", "repealed", "replaced")
CUTOFF_KINDS = ("entry_before", "residence_since", "employed_since", "registered_by", "status_held_by", "none")
INSTRUMENT_KINDS = (
    "law",
    "provisional_measure",
    "decree",
    "resolution",
    "disposition",
    "portaria",
    "ministerial_order",
    "agreement",
    "cabinet_decision",
    "legal_notice",
    "court_ruling",
    "other",
)
INSTRUMENT_ROLES = ("creates", "regulates", "amends", "extends", "repeals", "related")
PRACTICE_KINDS = (
    "regularisation",
    "regular_pathway",
    "consular",
    "labour_market_inclusion",
    "health",
    "education",
    "recognition_of_qualifications",
    "financial_inclusion_remittances",
    "anti_xenophobia",
    "data_information",
    "documentation",
    "protection",
)
MECHANISM_KINDS = ("agreement", "decision", "network", "platform", "guide", "protocol")
COVERAGE_STATUS = ("signed", "ratified", "in_force", "operational", "activated")
COVERAGE_WHERE = ("third_state_without_own_consulate", "any_third_state", "listed")
UNITS = ("persons", "permits", "applications", "score", "usd", "programmes", "countries", "percent")


class Regularisations(pa.DataFrameModel):
    """Regularisation programmes, one row per programme or phase."""

    programme_id: Series[pd.StringDtype] = s.ident("Programme", "Stable identifier (country code and short name).")
    country_iso3: Series[pd.StringDtype] = s.ident(
        "Country", "Country running the programme.", pattern=s.ISO3, fk="countries.iso3"
    )
    name_original: Series[pd.StringDtype] = s.text("Name (original)", "Name in the original language.", nullable=False)
    name_en: Series[pd.StringDtype] = s.text(
        "Name (English)", "Name in English (our translation unless official).", nullable=False
    )
    announced_date: Series[pd.Timestamp] = s.date(
        "Announced",
        "When the programme was first made public: the earlier of its official announcement and the signature or publication "
        "of the instrument that creates it (never the opening of applications, which is `window_start_date`). "
        "Each instrument's own dates are in `regularisation_instruments`.",
        precision="announced_precision",
    )
    announced_precision: Series[pd.CategoricalDtype] = s.precision("announced_date")
    window_start_date: Series[pd.Timestamp] = s.date(
        "Window opens", "First day applications were accepted.", precision="window_start_precision"
    )
    window_start_precision: Series[pd.CategoricalDtype] = s.precision("window_start_date")
    window_end_date: Series[pd.Timestamp] = s.date(
        "Window closes",
        "Last day applications were accepted, including extensions known to us (earlier deadlines are in the note or in `claims`).",
        precision="window_end_precision",
    )
    window_end_precision: Series[pd.CategoricalDtype] = s.precision("window_end_date")
    eligibility_cutoff_date: Series[pd.Timestamp] = s.date(
        "Eligibility cut-off",
        "The date an eligibility condition refers to; `cutoff_kind` says which condition.",
        precision="eligibility_cutoff_precision",
    )
    eligibility_cutoff_precision: Series[pd.CategoricalDtype] = s.precision("eligibility_cutoff_date")
    cutoff_kind: Series[pd.CategoricalDtype] = s.code(
        CUTOFF_KINDS,
        "Cut-off kind",
        "What `eligibility_cutoff_date` means: `entry_before` (entered the country by that date), `residence_since` (lived in the "
        "country since or on that date), `employed_since` (worked in the country since that date), `registered_by` (registered in a census or register by that date), `status_held_by` "
        "(the applicant or a relative held a given permit or status on that date), `none` (no date condition); empty when unknown.",
        nullable=True,
    )
    target_nationalities: Series[pd.StringDtype] = s.plist(
        "Target nationalities", "Nationalities eligible; empty when open to all.", pattern=s.ISO3, fk="countries.iso3"
    )
    permit_type: Series[pd.StringDtype] = s.text("Permit", "Status or permit granted.")
    permit_months: Series[pd.Int64Dtype] = s.integer("Permit length (months)", "Validity of the permit in months.", ge=0)
    fee: Series[pd.StringDtype] = s.text("Fee", "Fee as the source states it (currency and amount, or `free`).")
    renewable: Series[pd.BooleanDtype] = s.boolean("Renewable", "Whether the permit can be renewed.")
    gcm_objectives: Series[pd.StringDtype] = s.plist(
        "GCM objectives", "Objectives the programme serves (1-23).", item="integer", ge=1, le=23, fk="gcm_objectives.objective"
    )
    status: Series[pd.CategoricalDtype] = s.code(PROGRAMME_STATUS, "Status", "Status as last reported.", nullable=True)
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["programme_id"]


class RegularisationInstruments(pa.DataFrameModel):
    """Legal instruments of regularisation programmes, one row per instrument and programme."""

    instrument_row_id: Series[pd.StringDtype] = s.ident(
        "Instrument row", "Stable identifier (programme id and a short instrument slug)."
    )
    programme_id: Series[pd.StringDtype] = s.ident(
        "Programme", "Programme the instrument belongs to.", fk="regularisations.programme_id"
    )
    kind: Series[pd.CategoricalDtype] = s.code(
        INSTRUMENT_KINDS, "Kind", "Kind of instrument (a supreme or executive decree is `decree`)."
    )
    role: Series[pd.CategoricalDtype] = s.code(
        INSTRUMENT_ROLES,
        "Role",
        "What the instrument does for the programme: creates, regulates, amends, extends, repeals it, or is related.",
        nullable=True,
    )
    number: Series[pd.StringDtype] = s.text(
        "Number", "Number as the instrument gives it (`836/2004`, `DS 010-2020-IN`); empty when it has none or it is unknown."
    )
    title: Series[pd.StringDtype] = s.text("Title", "Title or short description of the instrument, in the original language.")
    issued_date: Series[pd.Timestamp] = s.date(
        "Issued", "Date the instrument bears: signature, promulgation or adoption.", precision="issued_precision"
    )
    issued_precision: Series[pd.CategoricalDtype] = s.precision("issued_date")
    published_date: Series[pd.Timestamp] = s.date(
        "Published", "Publication in the official gazette (or equivalent).", precision="published_precision"
    )
    published_precision: Series[pd.CategoricalDtype] = s.precision("published_date")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["instrument_row_id"]


class ConsularMechanisms(pa.DataFrameModel):
    """Instruments and mechanisms of consular cooperation."""

    mechanism_id: Series[pd.StringDtype] = s.ident("Mechanism", "Stable identifier (slug).")
    name_en: Series[pd.StringDtype] = s.text("Name (English)", "Name in English.", nullable=False)
    name_es: Series[pd.StringDtype] = s.text("Name (Spanish)", "Name in Spanish.", nullable=False)
    kind: Series[pd.CategoricalDtype] = s.code(MECHANISM_KINDS, "Kind", "Kind of mechanism.")
    framework_id: Series[pd.StringDtype] = s.ident(
        "Framework", "Framework it belongs to.", nullable=True, fk="frameworks.framework_id"
    )
    instrument_id: Series[pd.StringDtype] = s.ident(
        "Instrument", "Instrument that creates it.", nullable=True, fk="instruments.instrument_id"
    )
    adopted_date: Series[pd.Timestamp] = s.date("Adopted", "Adopted or signed.", precision="adopted_precision")
    adopted_precision: Series[pd.CategoricalDtype] = s.precision("adopted_date")
    description_en: Series[pd.StringDtype] = s.text("Description (English)", "What it does, in our words.", multiline=True)
    description_es: Series[pd.StringDtype] = s.text("Description (Spanish)", "What it does, in our words.", multiline=True)
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["mechanism_id"]


class ConsularCoverage(pa.DataFrameModel):
    """Whose consulates may assist whose nationals, where, under which mechanism, from when."""

    coverage_id: Series[pd.StringDtype] = s.ident("Coverage", "Stable identifier.")
    mechanism_id: Series[pd.StringDtype] = s.ident(
        "Mechanism", "Mechanism granting the coverage.", fk="consular_mechanisms.mechanism_id"
    )
    assisting: Series[pd.StringDtype] = s.plist(
        "Assisting states", "States whose consulates may assist.", pattern=s.ISO3, fk="countries.iso3", nullable=False
    )
    nationals: Series[pd.StringDtype] = s.plist(
        "Nationals of", "States whose nationals may be assisted.", pattern=s.ISO3, fk="countries.iso3", nullable=False
    )
    where: Series[pd.CategoricalDtype] = s.code(
        COVERAGE_WHERE,
        "Where",
        "In which places: third states where the national's own state has no consulate, any third state, or the listed ones.",
    )
    locations: Series[pd.StringDtype] = s.plist(
        "Locations", "Listed places when `where` is `listed`.", pattern=s.ISO3, fk="countries.iso3"
    )
    status: Series[pd.CategoricalDtype] = s.code(COVERAGE_STATUS, "Status", "Legal or operational status from `from_date`.")
    from_date: Series[pd.Timestamp] = s.date("From", "Since when the status holds.", precision="from_precision")
    from_precision: Series[pd.CategoricalDtype] = s.precision("from_date")
    until_date: Series[pd.Timestamp] = s.date("Until", "When the status ended, if it did.", precision="until_precision")
    until_precision: Series[pd.CategoricalDtype] = s.precision("until_date")
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["coverage_id"]


class Practices(pa.DataFrameModel):
    """Practices for the compendium: regularisation, pathways, consular, inclusion, anti-xenophobia, data."""

    practice_id: Series[pd.StringDtype] = s.ident("Practice", "Stable identifier (slug).")
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "Title in English.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text("Title (Spanish)", "Title in Spanish.", nullable=False)
    summary_en: Series[pd.StringDtype] = s.text(
        "Summary (English)", "What was done and for whom, in our words.", nullable=False, multiline=True
    )
    summary_es: Series[pd.StringDtype] = s.text(
        "Summary (Spanish)", "Lo que se hizo y para quién, en nuestras palabras.", nullable=False, multiline=True
    )
    countries: Series[pd.StringDtype] = s.plist("Countries", "Countries where it runs.", pattern=s.ISO3, fk="countries.iso3")
    organisations: Series[pd.StringDtype] = s.text("Organisations", "Implementing organisations, separated by `; `.")
    kind: Series[pd.CategoricalDtype] = s.code(PRACTICE_KINDS, "Kind", "Main area of the practice.")
    start_date: Series[pd.Timestamp] = s.date("Start", "When it began.", precision="start_precision")
    start_precision: Series[pd.CategoricalDtype] = s.precision("start_date")
    end_date: Series[pd.Timestamp] = s.date("End", "When it ended; empty when ongoing or unknown.", precision="end_precision")
    end_precision: Series[pd.CategoricalDtype] = s.precision("end_date")
    gcm_primary: Series[pd.StringDtype] = s.plist(
        "GCM objectives (primary)",
        "Main objectives (1-23).",
        item="integer",
        ge=1,
        le=23,
        fk="gcm_objectives.objective",
        nullable=False,
    )
    gcm_secondary: Series[pd.StringDtype] = s.plist(
        "GCM objectives (secondary)", "Further objectives (1-23).", item="integer", ge=1, le=23, fk="gcm_objectives.objective"
    )
    gcm_principles: Series[pd.StringDtype] = s.plist(
        "GCM guiding principles", "Principles (1-10).", item="integer", ge=1, le=10, fk="gcm_principles.principle"
    )
    forum_themes: Series[pd.StringDtype] = s.plist(
        "Forum themes", "Themes 1-7 of the Bogotá forum (2025) the practice answers.", item="integer", ge=1, le=7
    )
    framework_ids: Series[pd.StringDtype] = s.plist("Frameworks", "Frameworks it belongs to.", fk="frameworks.framework_id")
    programme_id: Series[pd.StringDtype] = s.ident(
        "Programme", "Regularisation programme it describes, if any.", nullable=True, fk="regularisations.programme_id"
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["practice_id"]


class StatSeries(pa.DataFrameModel):
    """Statistical series that figures belong to."""

    series_id: Series[pd.StringDtype] = s.ident("Series", "Stable identifier (slug).")
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "What is counted or scored.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text("Title (Spanish)", "What is counted or scored.", nullable=False)
    unit: Series[pd.CategoricalDtype] = s.code(UNITS, "Unit", "Unit of the values.")
    producer: Series[pd.StringDtype] = s.text("Producer", "Who produces the series.", nullable=False)
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["series_id"]


class Figures(pa.DataFrameModel):
    """Published figures, bitemporal: every vintage kept with its reference date and publication date."""

    figure_id: Series[pd.StringDtype] = s.ident("Figure", "Stable identifier.")
    series_id: Series[pd.StringDtype] = s.ident("Series", "Series the figure belongs to.", fk="series.series_id")
    place: Series[pd.StringDtype] = s.ident(
        "Place", "Country (ISO alpha-3) or region code.", pattern=r"^[A-Z][A-Z0-9_]*$", fk="countries.iso3|regions.region_id"
    )
    value: Series[pd.Float64Dtype] = s.decimal("Value", "The figure, plain decimal.", nullable=False, ge=0)
    as_of_date: Series[pd.Timestamp] = s.date(
        "As of", "Reference date of the figure.", nullable=False, precision="as_of_precision", not_future=True
    )
    as_of_precision: Series[pd.CategoricalDtype] = s.precision("as_of_date", nullable=False)
    published_date: Series[pd.Timestamp] = s.date(
        "Published",
        "When the figure was published (known from this date on).",
        nullable=False,
        precision="published_precision",
        not_future=True,
    )
    published_precision: Series[pd.CategoricalDtype] = s.precision("published_date", nullable=False)
    programme_id: Series[pd.StringDtype] = s.ident(
        "Programme", "Regularisation programme the figure counts, if any.", nullable=True, fk="regularisations.programme_id"
    )
    qualifier: Series[pd.CategoricalDtype] = s.code(
        ("exact", "more_than", "about", "at_least", "up_to"),
        "Qualifier",
        "How the source qualifies the value (`more than 2.5 million`).",
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["figure_id"]


class FrameworkObjectives(pa.DataFrameModel):
    """Crosswalk: which framework works on which GCM objective."""

    link_id: Series[pd.StringDtype] = s.ident("Link", "Stable identifier (framework and objective).")
    framework_id: Series[pd.StringDtype] = s.ident("Framework", "Framework.", fk="frameworks.framework_id")
    objective: Series[pd.Int64Dtype] = s.integer(
        "Objective", "GCM objective 1-23.", nullable=False, ge=1, le=23, fk="gcm_objectives.objective"
    )
    basis: Series[pd.StringDtype] = s.text("Basis", "What in the source shows the framework works on it.", nullable=False)
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["link_id"]
