"""One membership model: the validator's replay, `members_on` and the chart's spans agree on every framework and day
(issue 9 item 2), and the grammar is the one declaration of the event and role code lists."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migresearch
from migresearch import query
from migresearch.datasets import compiled, events
from migresearch.query.membership import _events, membership_spans
from migresearch.validation.tables import membership_histories

MEMBERSHIPS = migresearch.load("memberships")
FRAMEWORKS = sorted(set(MEMBERSHIPS["framework_id"].astype(str)))
PARSED = migresearch.validate().parsed


def validator_states(framework: str, day: dt.date, roles: tuple[str, ...]) -> set[tuple[str, str]]:
    """Who takes part on ``day`` according to the validator's replay of the raw CSV strings."""
    histories = {
        (party, role): steps
        for (fw, party, role), steps in membership_histories(PARSED).items()
        if fw == framework and role in roles
    }
    states = events.states_on(histories, day, role_of=lambda key: key[1])
    return {key for key, s in states.items() if s.active}


def chart_states(framework: str, day: dt.date) -> set[tuple[str, str]]:
    """Who the membership chart draws as active on ``day`` (the spans it is drawn from)."""
    frame = _events(None)
    frame = frame[(frame["framework_id"] == framework) & frame["role"].isin(events.MEMBER_ROLES)]
    spans = membership_spans(frame, "2100-01-01")
    ts = pd.Timestamp(day)
    on = spans[(spans["start"] <= ts) & (ts < spans["end"]) & spans["state"].isin(events.ACTIVE_STATES)]
    return set(zip(on["party"], on["role"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(framework=st.sampled_from(FRAMEWORKS), day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_validator_members_on_and_chart_agree(framework: str, day: dt.date) -> None:
    members = query.members_on(framework, day)
    got = set(zip(members["party"], members["role"]))
    assert got == validator_states(framework, day, events.MEMBER_ROLES) == chart_states(framework, day)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(framework=st.sampled_from(FRAMEWORKS), day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_every_role_agrees_including_exclusive_ones(framework: str, day: dt.date) -> None:
    everyone = query.members_on(framework, day, roles=events.ROLE_NAMES)
    assert set(zip(everyone["party"], everyone["role"])) == validator_states(framework, day, events.ROLE_NAMES)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_frameworks_of_and_overlaps_read_the_same_states(day: dt.date) -> None:
    matrix = query.overlaps(day)
    for country in ("COL", "BRA", "VEN", "ESP"):
        via_frameworks_of = set(query.frameworks_of(country, day)["framework_id"])
        via_overlaps = (
            set()
            if country not in matrix.index
            else {c for c in matrix.columns if c != "n_frameworks" and matrix.loc[country, c]}
        )
        via_members_on = {fw for fw in FRAMEWORKS if country in set(query.members_on(fw, day)["party"])}
        assert via_frameworks_of == via_overlaps == via_members_on


def test_grammar_is_the_declared_code_lists() -> None:
    table = compiled.table("memberships")
    assert table.by_name["event"].values == events.EVENT_NAMES
    assert table.by_name["role"].values == events.ROLE_NAMES
    assert set(MEMBERSHIPS["event"].cat.categories) == set(events.EVENT_NAMES)


def test_replay_steps() -> None:
    d = dt.date
    steps = events.replay(
        [
            (d(2001, 1, 1), "join", "a"),
            (d(2003, 1, 1), "suspend", "b"),
            (d(2003, 1, 1), "rejoin", "c"),
            (d(2002, 1, 1), "join", "x"),
        ]
    )
    assert [(s.tag, s.before, s.after, s.valid) for s in steps] == [
        ("a", None, "active", True),
        ("x", "active", "active", False),
        ("b", "active", "suspended", True),
        ("c", "suspended", "active", True),
    ]
    assert events.spans(steps) == [(d(2001, 1, 1), None, "active")]  # a same-day suspension never held for a day
    assert events.state_on(steps, d(2002, 6, 1)).since.tag == "a"
