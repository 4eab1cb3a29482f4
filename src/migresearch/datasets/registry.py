"""The registry: one tuple of dataset specs drives loading, docs, datapackage.json and tests.

Tables are listed parents first, so a child's foreign keys are checked
against an already-validated parent.
"""

from __future__ import annotations

from migresearch.datasets import frameworks as fw
from migresearch.datasets import practices as pr
from migresearch.datasets import reference as ref
from migresearch.datasets.compiled import compile_schema
from migresearch.datasets.fields import DatasetSpec

DATASETS: tuple[DatasetSpec, ...] = (
    DatasetSpec(
        "sources",
        "sources.csv",
        ref.Sources,
        "Sources",
        "Every source a fact is read from: producer, title, URL, publication and access dates, licence.",
        "reference",
    ),
    DatasetSpec(
        "countries",
        "countries.csv",
        ref.Countries,
        "Countries and territories",
        "ISO 3166-1 codes with English and Spanish names (CLDR) and UN M49 regions: the join key for every table.",
        "reference",
    ),
    DatasetSpec(
        "regions", "regions.csv", ref.Regions, "Regions", "Named groups of countries that figures are reported for.", "reference"
    ),
    DatasetSpec(
        "places",
        "places.csv",
        ref.Places,
        "Places",
        "Spanish names of cities the data records in English (Brussels: Bruselas), for Spanish pages.",
        "reference",
    ),
    DatasetSpec(
        "gcm_objectives",
        "gcm_objectives.csv",
        ref.GcmObjectives,
        "GCM objectives",
        "The 23 objectives of the Global Compact for Migration, in English and Spanish.",
        "reference",
    ),
    DatasetSpec(
        "gcm_principles",
        "gcm_principles.csv",
        ref.GcmPrinciples,
        "GCM guiding principles",
        "The 10 guiding principles of the Global Compact for Migration, in English and Spanish.",
        "reference",
    ),
    DatasetSpec(
        "eu_presidencies",
        "eu_presidencies.csv",
        ref.EuPresidencies,
        "Council of the EU presidencies",
        "The rotating presidency of the Council of the European Union, semester by semester.",
        "reference",
    ),
    DatasetSpec(
        "frameworks",
        "frameworks.csv",
        fw.Frameworks,
        "Cooperation frameworks",
        "Dialogues, consultative processes, integration bodies, compacts, forums, networks and projects.",
        "frameworks",
    ),
    DatasetSpec(
        "memberships",
        "memberships.csv",
        fw.Memberships,
        "Membership events",
        "Dated events of who joined, signed, ratified, was suspended from or left which framework, in which role.",
        "frameworks",
    ),
    DatasetSpec(
        "meetings",
        "meetings.csv",
        fw.Meetings,
        "Meetings",
        "High-level meetings, summits, conferences, rounds, reviews and forums, with dates, places, presidencies and themes.",
        "frameworks",
    ),
    DatasetSpec(
        "forum_themes",
        "forum_themes.csv",
        fw.ForumThemes,
        "Meeting themes",
        "The coded agenda themes of a meeting (the seven themes of the Bogotá forum of April 2025).",
        "frameworks",
    ),
    DatasetSpec(
        "instruments",
        "instruments.csv",
        fw.Instruments,
        "Instruments",
        "Decisions, agreements, declarations, resolutions, decrees and plans, with adoption and entry into force.",
        "frameworks",
    ),
    DatasetSpec(
        "un_votes",
        "un_votes.csv",
        fw.UnVotes,
        "UN General Assembly votes",
        "How each state voted on recorded UN General Assembly votes (resolution 73/195 endorsing the Global Compact for Migration).",
        "frameworks",
    ),
    DatasetSpec(
        "regularisations",
        "regularisations.csv",
        pr.Regularisations,
        "Regularisation programmes",
        "Regularisation programmes in Latin America and the Caribbean, one row per programme or phase.",
        "practices",
    ),
    DatasetSpec(
        "regularisation_instruments",
        "regularisation_instruments.csv",
        pr.RegularisationInstruments,
        "Regularisation instruments",
        "Laws, decrees, resolutions and other instruments of each regularisation programme, with issue and publication dates.",
        "practices",
    ),
    DatasetSpec(
        "consular_mechanisms",
        "consular_mechanisms.csv",
        pr.ConsularMechanisms,
        "Consular cooperation mechanisms",
        "Agreements, decisions, networks and platforms of consular cooperation.",
        "practices",
    ),
    DatasetSpec(
        "consular_coverage",
        "consular_coverage.csv",
        pr.ConsularCoverage,
        "Consular coverage",
        "Whose consulates may assist whose nationals, where, under which mechanism and from when.",
        "practices",
    ),
    DatasetSpec(
        "practices",
        "practices.csv",
        pr.Practices,
        "Practices",
        "Coded practices for the compendium of best practices, with GCM objectives, principles and forum themes.",
        "practices",
    ),
    DatasetSpec(
        "series",
        "series.csv",
        pr.StatSeries,
        "Statistical series",
        "The series that published figures belong to, with their unit and producer.",
        "practices",
    ),
    DatasetSpec(
        "figures",
        "figures.csv",
        pr.Figures,
        "Published figures",
        "Published figures with every vintage kept: reference date (as of) and publication date.",
        "practices",
    ),
    DatasetSpec(
        "framework_objectives",
        "framework_objectives.csv",
        pr.FrameworkObjectives,
        "Framework-objective crosswalk",
        "Which cooperation framework works on which GCM objective, and on what basis.",
        "practices",
    ),
    DatasetSpec(
        "claims",
        "claims.csv",
        ref.Claims,
        "Claims",
        "What each source says about a field of a record, kept where sources disagree.",
        "reference",
    ),
)

BY_NAME: dict[str, DatasetSpec] = {spec.name: spec for spec in DATASETS}

# Compile every declaration now: a rule `validate` could not apply refuses the registry at import
# (DeclarationError naming the model and column), instead of being dropped when validating.
for _spec in DATASETS:
    compile_schema(_spec.schema)
del _spec
