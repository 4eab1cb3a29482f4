"""Every fact of the two seed documents is a cited record, asserted by value; every flagged conflict is kept."""

from __future__ import annotations

import pandas as pd
import pytest

import migresearch
from migresearch import query


@pytest.fixture(scope="module")
def meetings() -> pd.DataFrame:
    return migresearch.load("meetings").set_index("meeting_id")


def day(value: str) -> pd.Timestamp:
    return pd.Timestamp(value)


HLMS = [
    # number, start, end, city, EU presidency, theme keyword (seed 000)
    (1, "2009-09-25", None, "Brussels", "SWE", "development"),
    (2, "2010-02-17", "2010-02-18", "Madrid", "ESP", "health"),
    (3, "2010-03-15", "2010-03-16", "Madrid", "ESP", "vulnerable groups"),
    (4, "2010-12-17", None, None, "BEL", "irregular migration"),
    (5, "2011-05-24", "2011-05-25", "Brussels", "HUN", "regular migration"),
    (6, "2012-05-25", None, None, "DNK", "economic growth"),
    (7, "2012-11-28", None, None, "CYP", "trafficking"),
    (8, "2013-11-26", "2013-11-27", "Brussels", "LTU", "xenophobia"),
    (9, "2014-11-13", None, "Brussels", "ITA", ""),
]


@pytest.mark.parametrize(("number", "start", "end", "city", "presidency", "theme"), HLMS)
def test_dialogue_high_level_meetings(
    meetings: pd.DataFrame, number: int, start: str, end: str | None, city: str | None, presidency: str, theme: str
) -> None:
    hlm = meetings[(meetings["framework_id"] == "eu-celac-sdcm") & (meetings["series"] == "hlm") & (meetings["number"] == number)]
    assert len(hlm) == 1
    row = hlm.iloc[0]
    assert row["start_date"] == day(start) and str(row["start_precision"]) == "day"
    assert (pd.isna(row["end_date"]) and end is None) or row["end_date"] == day(end)
    assert (pd.isna(row["city"]) and city is None) or row["city"] == city
    assert row["eu_presidency_iso3"] == presidency
    assert theme.lower() in row["theme_en"].lower()
    assert isinstance(row["source_id"], str)


def test_hlm_vii_year_is_inferred_from_the_cypriot_presidency(meetings: pd.DataFrame) -> None:
    row = meetings.loc["eu-celac-sdcm-hlm-07"]
    assert row["inferred"] == "start_date"
    assert "Cypr" in row["inferred_from"] and "2012" in row["inferred_from"]
    presidencies = migresearch.load("eu_presidencies").set_index("semester")
    assert presidencies.loc["2012-H2", "country_iso3"] == "CYP"


def test_dialogue_origins_and_parent() -> None:
    frameworks = migresearch.load("frameworks").set_index("framework_id")
    assert frameworks.loc["eu-celac-sdcm", "parent_id"] == "gamm"
    assert frameworks.loc["eulac-iom-fiiapp", "parent_id"] == "eu-celac-sdcm"
    assert "FIIAPP" in frameworks.loc["eulac-iom-fiiapp", "secretariat"]
    summits = migresearch.load("meetings")
    lima = summits[(summits["framework_id"] == "eu-lac-summits") & (summits["city"] == "Lima")].iloc[0]
    assert lima["start_date"] == day("2008-05-01") and str(lima["start_precision"]) == "month"
    launch = summits[(summits["framework_id"] == "eu-celac-sdcm") & (summits["kind"] == "launch")].iloc[0]
    assert launch["start_date"].strftime("%Y-%m") == "2009-06"


def test_bogota_forum(meetings: pd.DataFrame) -> None:
    forum = meetings.loc["sela-bogota-forum-2025"]
    assert forum["start_date"] == day("2025-04-02") and forum["end_date"] == day("2025-04-03")
    assert forum["city"] == "Bogotá" and forum["country_iso3"] == "COL" and forum["modality"] == "hybrid"
    assert set(forum["organisers"].split("|")) >= {"sela", "COL", "iom", "can"}
    assert set(forum["languages"].split("|")) == {"es", "en"}
    assert "consular" in forum["audience"].lower()
    themes = migresearch.load("forum_themes")
    themes = themes[themes["meeting_id"] == "sela-bogota-forum-2025"]
    assert sorted(themes["number"]) == list(range(1, 8))
    assert "878" in themes.set_index("number").loc[6, "title_en"]


def test_forum_context_facts(meetings: pd.DataFrame) -> None:
    review = meetings[(meetings["framework_id"] == "gcm-lac-review") & (meetings["start_date"].dt.year == 2025)].iloc[0]
    assert (review["start_date"], review["end_date"]) == (day("2025-03-18"), day("2025-03-20"))
    sela = migresearch.load("memberships")
    sela = sela[(sela["party_org"] == "sela") & (sela["framework_id"] == "csm")].iloc[0]
    assert sela["role"] == "observer" and sela["date"] == day("2023-12-01") and str(sela["date_precision"]) == "month"
    instruments = migresearch.load("instruments").set_index("instrument_id")
    assert "Andean Migration Statute" in instruments.loc["can-decision-878", "title_en"]
    frameworks = migresearch.load("frameworks").set_index("framework_id")
    assert frameworks.loc["plan-2035", "kind"] == "regional_plan"


@pytest.mark.parametrize(
    ("table", "record", "field", "values"),
    [
        ("frameworks", "eu-celac-sdcm", "hlm_count", {"7", "8", "9"}),
        ("frameworks", "eulac-iom-fiiapp", "duration_months", {"36", "48", "54"}),
        ("frameworks", "csm", "established_date", None),
        ("frameworks", "celac", "established_date", None),
        ("meetings", "sela-bogota-forum-2025", "organisers", None),
    ],
)
def test_conflicts_are_kept(table: str, record: str, field: str, values: set[str] | None) -> None:
    conflicts = query.conflicts()
    rows = conflicts[(conflicts["table"] == table) & (conflicts["record_id"] == record) & (conflicts["field"] == field)]
    assert rows["value"].nunique() >= 2, (table, record, field)
    if values is not None:
        assert set(rows["value"]) == values


def test_brazil_celac_suspension_conflict() -> None:
    conflicts = query.conflicts("memberships")
    values = set(
        conflicts.loc[conflicts["record_id"].str.contains("bra") & conflicts["record_id"].str.contains("celac"), "value"]
    )
    assert {"2020-01-15", "2020-01-16"} <= values


def test_presidency_order_revision_is_a_recorded_conflict() -> None:
    conflicts = query.conflicts("eu_presidencies")
    row = conflicts[conflicts["record_id"] == "2017-H2"]
    assert set(row["value"]) == {"GBR", "EST"}
    assert migresearch.load("eu_presidencies").set_index("semester").loc["2017-H2", "country_iso3"] == "EST"


def test_presidencies_cover_2004_to_2026_without_gaps() -> None:
    p = migresearch.load("eu_presidencies")
    assert list(p["semester"]) == [f"{y}-H{h}" for y in range(2004, 2027) for h in (1, 2)]


def test_reference_tables_are_complete() -> None:
    countries = migresearch.load("countries").set_index("iso3")
    regions = migresearch.load("regions").set_index("region_id")
    celac = regions.loc["CELAC", "members"].split("|")
    eu = regions.loc["EU27", "members"].split("|")
    assert len(celac) == 33 and len(eu) == 27
    assert set(celac) | set(eu) | {"GBR", "CUW", "ABW"} <= set(countries.index)
    assert (countries.loc[celac, "region"] == "Latin America and the Caribbean").all()
    assert len(migresearch.load("gcm_objectives")) == 23 and len(migresearch.load("gcm_principles")) == 10


def test_country_names_are_cldr_unless_overridden() -> None:
    from babel import Locale

    countries = migresearch.load("countries")
    en, es = Locale("en").territories, Locale("es").territories
    for row in countries.itertuples():
        assert row.name_en == en[row.iso2], row.iso3
        if pd.isna(row.name_es_override):
            assert row.name_es == es[row.iso2], row.iso3


def test_every_source_is_cited_or_explained() -> None:
    sources = set(migresearch.load("sources")["source_id"])
    cited = set()
    for name in migresearch.list_datasets():
        frame = migresearch.load(name)
        if "source_id" in frame.columns and name != "sources":
            cited |= set(frame["source_id"].dropna())
    assert cited <= sources
    assert len(cited) / len(sources) > 0.8


def test_practices_for_the_compendium() -> None:
    practices = migresearch.load("practices")
    assert len(practices) >= 40
    assert practices[["summary_en", "summary_es", "title_es"]].notna().all().all()
    themes = practices["forum_themes"].dropna().str.split("|").explode().astype(int)
    assert set(themes) >= {1, 2, 3, 4}
    kinds = set(practices["kind"].astype(str))
    assert {"regularisation", "consular", "anti_xenophobia", "labour_market_inclusion"} <= kinds


def test_regularisation_programmes_of_the_fact_base() -> None:
    r = migresearch.load("regularisations")
    assert len(r) >= 25
    assert {"COL", "PER", "BRA", "ECU", "CHL", "CRI", "DOM", "PAN", "ARG", "MEX"} <= set(r["country_iso3"])
    col = r[r["country_iso3"] == "COL"]
    assert col["name_original"].str.contains("Estatuto Temporal de Protección").any()


def test_regularisation_cutoff_kind_and_instruments() -> None:
    r = migresearch.load("regularisations")
    assert len(r) >= 90
    dated = r["eligibility_cutoff_date"].notna()
    kind = r["cutoff_kind"].astype("string")
    # a cut-off date always says what it means; `none` never carries a date
    assert kind[dated].notna().all()
    assert not (kind[dated] == "none").any()
    inst = migresearch.load("regularisation_instruments")
    assert set(inst["programme_id"]) <= set(r["programme_id"])
    assert all(row.startswith(f"{prog}--") for row, prog in zip(inst["instrument_row_id"], inst["programme_id"]))
    # Res. 6616 (2025) waives Crisol de Razas fines; it is not an instrument of the 2025 humanitarian permit
    res6616 = inst[inst["number"] == "6616"]
    assert set(res6616["programme_id"]) == {"pan-crisol-de-razas"}
