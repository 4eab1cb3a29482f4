"""The library's questions, answered for real cases (and refused clearly for bad ones)."""

from __future__ import annotations

import pandas as pd
import pytest

import migresearch
from migresearch import query

CELAC_33 = set(migresearch.load("regions").set_index("region_id").loc["CELAC", "members"].split("|"))


def test_celac_members_on_1_june_2021_exclude_suspended_brazil() -> None:
    members = query.members_on("celac", "2021-06-01")
    assert set(members["party"]) == CELAC_33 - {"BRA"}
    assert members["party"].is_unique and (members["role"] == "member").all()


def test_celac_members_before_and_after_brazil() -> None:
    assert "BRA" in set(query.members_on("celac", "2019-12-31")["party"])
    assert set(query.members_on("celac", "2023-06-01")["party"]) == CELAC_33


def test_which_frameworks_peru_belonged_to_in_2015() -> None:
    mid_2015 = set(query.frameworks_of("PER", "2015-07-01")["framework_id"])
    assert mid_2015 == {"can", "celac", "csm", "pacific-alliance"}
    wider = query.frameworks_of("PER", "2015-07-01", roles=("member", "state_party", "associate", "observer"))
    assert {"mercosur", "rcm"} & set(wider["framework_id"]) >= {"mercosur"}
    assert "quito-process" in set(query.frameworks_of("PER", "2019-01-01")["framework_id"])


def test_can_history() -> None:
    assert sorted(query.members_on("can", "1972-01-01")["party"]) == ["BOL", "CHL", "COL", "ECU", "PER"]
    assert sorted(query.members_on("can", "1975-01-01")["party"]) == ["BOL", "CHL", "COL", "ECU", "PER", "VEN"]
    assert "CHL" not in set(query.members_on("can", "1977-01-01")["party"])
    assert "VEN" in set(query.members_on("can", "2000-01-01")["party"])
    assert "VEN" not in set(query.members_on("can", "2007-01-01")["party"])
    assert "GBR" not in set(query.members_on("eu", "2020-02-01")["party"])
    assert "GBR" in set(query.members_on("eu", "2019-12-31")["party"])


def test_membership_history_is_ordered() -> None:
    history = query.membership_history("BRA")
    dated = history["date"].dropna()
    assert dated.is_monotonic_increasing
    events = list(history.loc[history["framework_id"] == "celac", "event"].astype(str))
    assert events == ["join", "suspend", "rejoin"]
    with pytest.raises(KeyError, match="unknown country code"):
        query.membership_history("XX")


def test_overlaps_matrix() -> None:
    matrix = query.overlaps("2020-06-01")
    assert matrix.loc["COL", "can"] and matrix.loc["COL", "csm"] and matrix.loc["COL", "celac"]
    assert not matrix.loc["BRA", "celac"]
    assert int(matrix.loc["COL", "n_frameworks"]) == int(matrix.loc["COL"].drop("n_frameworks").astype(bool).sum())


def test_timeline_orders_everything_dated() -> None:
    line = query.timeline("eu-celac-sdcm")
    assert set(line["kind"]) >= {"meeting"}
    assert line["date"].dropna().is_monotonic_increasing
    with pytest.raises(KeyError, match="unknown framework"):
        query.timeline("nope")


def test_figure_as_known_on_a_date() -> None:
    known_2021 = query.figure("r4v-venezuelans-abroad", "WORLD", known_on="2021-12-31")
    known_2024 = query.figure("r4v-venezuelans-abroad", "WORLD", known_on="2024-12-31")
    assert known_2021["value"] != known_2024["value"]
    assert known_2021["published_date"] <= pd.Timestamp("2021-12-31") < known_2024["published_date"]
    assert query.figure("r4v-venezuelans-abroad", "WORLD", known_on="2000-01-01") is None
    latest = query.figure("r4v-venezuelans-abroad", "WORLD")
    assert (
        latest["as_of_date"]
        == migresearch.load("figures").query("series_id == 'r4v-venezuelans-abroad' and place == 'WORLD'")["as_of_date"].max()
    )
    with pytest.raises(KeyError, match="unknown series"):
        query.figure("nope", "WORLD")


def test_figure_store_matches_a_naive_scan() -> None:
    figures = migresearch.load("figures")
    store = query.FigureStore(figures)
    for (series, place), group in figures.groupby(["series_id", "place"]):
        for known_on in group["published_date"].unique():
            known = group[group["published_date"] <= known_on]
            best = known[known["as_of_date"] == known["as_of_date"].max()].sort_values("published_date")
            got = store.frame.iloc[store.lookup(series, place, known_on=known_on)]
            assert got["as_of_date"] == best.iloc[-1]["as_of_date"] and got["published_date"] == best.iloc[-1]["published_date"]


def test_mipex_conflict_is_visible_not_resolved() -> None:
    assert query.figure("mipex-2020-overall", "ARG")["value"] == 58
    assert query.figure("mipex-2020-overall-secondary", "ARG")["value"] == 64
    assert not query.conflicts("figures").empty


def test_narrowed_conflicts_equal_the_filtered_whole_and_read_only_their_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """``table`` (one or several) and ``records`` narrow before the recorded values are looked up, so a report asking
    about its own records reads only their tables (the build's record of reads, and so its rebuilds, follow)."""
    whole = query.conflicts()
    records = {"celac", "csm-conference-10", "eu-bel-join", "blz-amnesty-2022"}
    narrowed = query.conflicts(["frameworks", "meetings", "memberships"], records=records)
    expected = whole[whole["table"].isin(["frameworks", "meetings", "memberships"]) & whole["record_id"].isin(records)]
    pd.testing.assert_frame_equal(narrowed, expected.reset_index(drop=True))
    assert set(narrowed["table"]) == {"frameworks", "meetings", "memberships"}
    pd.testing.assert_frame_equal(query.conflicts("frameworks", records="celac"), query.conflicts(records=["celac"]))
    loaded: list[str] = []
    real = query.load
    monkeypatch.setattr(query, "load", lambda name, data_dir=None: loaded.append(name) or real(name, data_dir))
    query.conflicts(records={"celac"})
    assert sorted(set(loaded)) == ["claims", "frameworks"]  # not practices, not every table with a disputed claim


def test_consular_coverage_for_a_bolivian_abroad() -> None:
    help_ = query.consular_coverage("BOL", "AUS", on="2020-01-01")
    assisting = set(help_["assisting_iso3"])
    assert {"ARG", "BRA", "CHL", "PRY", "URY"} <= assisting and {"COL", "ECU", "PER"} <= assisting
    assert "BOL" not in assisting and "AUS" not in assisting
    assert help_["condition"].str.contains("no consulate").all()
    assert help_["mechanism_id"].notna().all() and help_["source_id"].notna().all()


def test_consular_coverage_respects_dates_and_codes() -> None:
    assert query.consular_coverage("BOL", "AUS", on="1900-06-01").empty
    with pytest.raises(KeyError):
        query.consular_coverage("BOLIVIA", "AUS")


def test_joins_refuse_ambiguous_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """A party id that is both a country and a framework would fan out a join: it is refused."""
    real = migresearch.load

    def fake(name: str, data_dir: object = None) -> pd.DataFrame:
        frame = real(name)
        if name == "frameworks":
            frame.loc[0, "framework_id"] = "PER"
        return frame

    monkeypatch.setattr(query, "load", fake)
    with pytest.raises(ValueError, match="ambiguous"):
        query._party_names(None)


def test_one_pro_tempore_presidency_at_a_time() -> None:
    """A later holder's term start ends the previous one's term even when the handover is not dated."""
    ppt = ("pro_tempore_presidency",)
    assert list(query.members_on("celac", "2016-06-01", roles=ppt)["party"]) == ["DOM"]
    assert list(query.members_on("celac", "2020-06-01", roles=ppt)["party"]) == ["MEX"]


def test_mercosur_history() -> None:
    assert sorted(query.members_on("mercosur", "1992-01-01")["party"]) == ["ARG", "BRA", "PRY", "URY"]
    # Paraguay suspended (June 2012 - August 2013) while Venezuela joined
    assert sorted(query.members_on("mercosur", "2013-01-01")["party"]) == ["ARG", "BRA", "URY", "VEN"]
    # Venezuela suspended since December 2016; Bolivia a full member since August 2024
    assert sorted(query.members_on("mercosur", "2025-01-01")["party"]) == ["ARG", "BOL", "BRA", "PRY", "URY"]


def test_gcm_endorsement_vote_counts() -> None:
    import migresearch

    votes = migresearch.load_un_votes()
    counts = votes[votes["resolution"] == "A/RES/73/195"]["vote"].value_counts().to_dict()
    # the 60 LAC and EU states: 44 yes, 3 no, 6 abstentions, 7 absent
    assert counts == {"yes": 44, "absent": 7, "abstain": 6, "no": 3}
    assert "CHL" not in set(query.members_on("gcm", "2019-06-01")["party"])


def test_undated_members_are_named_not_counted() -> None:
    """A join without a date is never a member on a date; undated_members names those parties, except one that left."""
    undated = query.undated_members("iom", "2026-12-01")
    counted = set(query.members_on("iom", "2026-12-01")["party"])
    assert "ARG" in undated and "ARG" not in counted  # IOM Argentina: member, admission date not found
    assert not set(undated) & counted
    assert "JAM" not in query.undated_members("sela", "2026-12-01")  # Jamaica left SELA (undated departure)


def test_overlaps_page_names_the_undated_members() -> None:
    from migresearch.reports import overlaps

    data = overlaps.collect("es")
    assert "ARG" in set(data.undated.loc[data.undated["framework_id"] == "iom", "party"])
    text = " ".join(str(b) for b in overlaps.membership_section(data))
    assert "No se cuentan en OIM porque no consta la fecha de ingreso: Alemania, Argentina" in text
