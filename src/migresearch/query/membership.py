"""Who took part in which framework, in which role, on a date: membership questions.

The meaning of every event and role is the grammar of
:mod:`migresearch.datasets.events` (the one the validator replays with); this
module turns its states into frames: ``members_on``, ``frameworks_of``,
``overlaps``, ``membership_history`` and the spans the membership chart draws.

Every function loads what it needs through :func:`migresearch.load` (so the
data is validated first), returns a typed ``DataFrame`` and never edits the
data.  Dates may be given as ``"2021-06-01"``, ``datetime.date`` or
``pandas.Timestamp``.  A date known only to the month or year counts from
the first day of that month or year (its *floor*); each answer carries the
precision so a report can say how sure it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from migresearch.datasets import events as ev
from migresearch.datasets.events import ACTIVE_STATES, EXCLUSIVE_ROLES, MEMBER_ROLES
from migresearch.errors import AmbiguousKeyError
from migresearch.query._common import _check_codes, _check_country, _check_framework, _DataDir, _day
from migresearch.query._common import table as load

__all__ = [
    "EXCLUSIVE_ROLES",
    "MEMBER_ROLES",
    "frameworks_of",
    "members_on",
    "membership_history",
    "membership_spans",
    "overlaps",
    "undated_members",
]


def _histories(events: pd.DataFrame) -> dict[tuple[str, str], list[ev.Step[Any]]]:
    """Each dated (party, role) history of ``events`` (one framework's membership rows), replayed; tags are row labels."""
    dated = events[events["date"].notna()]
    out: dict[tuple[str, str], list[ev.Step[Any]]] = {}
    for (party, role), group in dated.groupby(["party", "role"], observed=True, sort=True):
        out[(str(party), str(role))] = ev.replay(
            [(d.date(), e, i) for i, d, e in zip(group.index, group["date"], group["event"].astype(str))]
        )
    return out


def _states_on(events: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """The state of every (party, role) of ``events`` on ``day`` (the grammar's :func:`~migresearch.datasets.events.states_on`).

    One row per (party, role): ``state``, ``since_row`` (the row that made it take part) and ``last_row``.
    """
    states = ev.states_on(_histories(events), day.date(), role_of=lambda key: key[1])
    rows = [
        {
            "party": party,
            "role": role,
            "state": st.state,
            "since_row": st.since.tag if st.since else None,
            "last_row": st.last.tag if st.last else None,
        }
        for (party, role), st in states.items()
    ]
    return pd.DataFrame(rows, columns=["party", "role", "state", "since_row", "last_row"])


def membership_spans(events: pd.DataFrame, until: Any) -> pd.DataFrame:
    """The periods each (party, role) of ``events`` spends active, in a term or suspended, as a chart draws them.

    Columns ``party``, ``role``, ``start``, ``end`` (exclusive; ``until`` while it lasts), ``state``.
    """
    end_day = _day(until)
    rows = []
    for (party, role), steps in _histories(events).items():
        for start, end, state in ev.spans(steps):
            rows.append(
                {
                    "party": party,
                    "role": role,
                    "start": pd.Timestamp(start),
                    "end": pd.Timestamp(end) if end is not None else end_day,
                    "state": state,
                }
            )
    return pd.DataFrame(rows, columns=["party", "role", "start", "end", "state"])


def _events(data_dir: _DataDir) -> pd.DataFrame:
    """Membership rows with ``party`` and ``party_type``: the frame every membership question starts from.

    Without ``attrs`` (no answer built from it carries the table's), which pandas would otherwise
    deep-copy into every column and row taken from it.
    """
    m = load("memberships", data_dir)
    m.attrs = {}
    m["party"] = m["party_iso3"].fillna(m["party_org"])
    m["party_type"] = np.where(m["party_iso3"].notna(), "country", "organisation")
    return m


def members_on(framework: str, on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Parties of ``framework`` in one of ``roles`` on the date ``on``.

    A party counts from the event that made it active (join, entry into
    force, rejoin, start of a term) until it is suspended, withdraws or its
    term ends, as the grammar of :mod:`migresearch.datasets.events` says.

    Parameters
    ----------
    framework : str
        A ``framework_id`` of ``frameworks.csv``.
    on : str or datetime.date
        The day asked about: ISO ``YYYY-MM-DD`` or a date object.
    roles : tuple of str, default MEMBER_ROLES
        Roles counted (``("member", "state_party")``); any of ``ROLE_NAMES``.
    data_dir : str or os.PathLike, optional
        The data folder (default as for :func:`migresearch.load`).

    Returns
    -------
    pandas.DataFrame
        ``party``, ``party_type``, ``role``, ``name_en``, ``name_es``, ``since`` (date of the
        activating event), ``since_precision`` and ``source_id``, sorted by party.

    Raises
    ------
    migresearch.errors.UnknownFrameworkError
        For an unknown framework (with a did-you-mean); an unknown role is an ``UnknownIdError``.
    migresearch.errors.InvalidDateError
        For a date that is not ISO 8601 (``"01/06/2019"``).

    >>> sorted(members_on("can", "2015-06-01")["party"])
    ['BOL', 'COL', 'ECU', 'PER']
    """
    _check_framework(framework, data_dir)
    roles = _check_codes(roles, "memberships", "role", "role")
    day = _day(on)
    events = _events(data_dir)
    events = events[(events["framework_id"] == framework) & events["role"].isin(roles)]
    states = _states_on(events, day)
    active = states[states["state"].isin(ACTIVE_STATES)]
    since = events.loc[active["since_row"].astype("int64")] if len(active) else events.iloc[0:0]
    out = pd.DataFrame(
        {
            "party": active["party"].to_numpy(),
            "party_type": since["party_type"].to_numpy(),
            "role": active["role"].astype(str).to_numpy(),
            "since": since["date"].to_numpy(),
            "since_precision": since["date_precision"].astype(str).to_numpy(),
            "source_id": since["source_id"].to_numpy(),
        }
    )
    out = out.merge(_party_names(data_dir), on="party", how="left", validate="many_to_one")
    out = out.astype(
        {"party": "string", "party_type": "string", "role": "string", "source_id": "string", "since_precision": "string"}
    )
    return out.sort_values(["party", "role"]).reset_index(drop=True)[
        ["party", "party_type", "role", "name_en", "name_es", "since", "since_precision", "source_id"]
    ]


def undated_members(framework: str, on: Any, data_dir: _DataDir = None) -> list[str]:
    """Parties with a member or state-party event of ``framework`` that has no date, and that
    :func:`members_on` therefore does not count on ``on`` (sorted codes).

    A join without a date cannot be placed on a timeline, so it never makes a party a member on a
    date; reports name these parties so that a reader does not take them for non-members.

    >>> "ARG" in undated_members("iom", "2026-12-01")
    True
    """
    _check_framework(framework, data_dir)
    events = _events(data_dir)
    events = events[(events["framework_id"] == framework) & events["role"].isin(MEMBER_ROLES)]
    counted = set(members_on(framework, on, data_dir=data_dir)["party"])
    kinds = events.groupby("party")["event"].agg(set)
    left = {p for p, k in kinds.items() if "withdraw" in k and "rejoin" not in k}  # a party that left is no member
    return sorted(set(events.loc[events["date"].isna(), "party"].astype(str)) - counted - left)


def _party_names(data_dir: _DataDir) -> pd.DataFrame:
    c = load("countries", data_dir)[["iso3", "name_en", "name_es"]].rename(columns={"iso3": "party"})
    f = load("frameworks", data_dir)[["framework_id", "name_en", "name_es"]].rename(columns={"framework_id": "party"})
    names = pd.concat([c, f], ignore_index=True)
    if names["party"].duplicated().any():
        dup = names.loc[names["party"].duplicated(), "party"].tolist()
        raise AmbiguousKeyError(f"party identifiers are ambiguous between countries and frameworks: {dup}")
    return names


def frameworks_of(country: str, on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Frameworks in which ``country`` held one of ``roles`` on the date ``on``.

    Parameters
    ----------
    country : str
        An ISO 3166-1 alpha-3 code of ``countries.csv``.
    on : str or datetime.date
        The day asked about: ISO ``YYYY-MM-DD`` or a date object.
    roles : tuple of str, default MEMBER_ROLES
        Roles counted.
    data_dir : str or os.PathLike, optional
        The data folder.

    Returns
    -------
    pandas.DataFrame
        ``framework_id``, ``role``, ``since``, ``name_en``, ``name_es``, ``kind``.

    Raises
    ------
    migresearch.errors.UnknownCountryError
        For a code not in ``countries.csv`` (``"per"``: did you mean ``'PER'``?).
    migresearch.errors.InvalidDateError
        For a date that is not ISO 8601.

    >>> "can" in set(frameworks_of("PER", "2015-07-01")["framework_id"])
    True
    """
    _check_country(country, data_dir)
    roles = _check_codes(roles, "memberships", "role", "role")
    day = _day(on)
    events = _events(data_dir)
    events = events[(events["party"] == country) & events["role"].isin(roles)]
    rows = []
    for framework, group in events.groupby("framework_id", sort=True):
        states = _states_on(group, day)
        for _, st in states[states["state"].isin(ACTIVE_STATES)].iterrows():
            rows.append({"framework_id": framework, "role": st["role"], "since": group.loc[st["since_row"], "date"]})
    out = pd.DataFrame(rows, columns=["framework_id", "role", "since"])
    names = load("frameworks", data_dir)[["framework_id", "name_en", "name_es", "kind"]]
    out = out.merge(names, on="framework_id", how="left", validate="many_to_one")
    return out.astype({"framework_id": "string", "role": "string"}).reset_index(drop=True)


def membership_history(country: str, data_dir: _DataDir = None) -> pd.DataFrame:
    """Every membership event of ``country`` across all frameworks, oldest first (undated last).

    Raises :class:`~migresearch.errors.UnknownCountryError` for a code not in ``countries.csv``.
    """
    _check_country(country, data_dir)
    events = _events(data_dir)
    out = events[events["party"] == country]
    names = load("frameworks", data_dir)[["framework_id", "name_en", "name_es"]]
    out = out.merge(names, on="framework_id", how="left", validate="many_to_one")
    cols = ["date", "date_precision", "framework_id", "name_en", "name_es", "role", "event", "source_id", "inferred", "note"]
    return out.sort_values(["date", "framework_id"], na_position="last", kind="stable")[cols].reset_index(drop=True)


def overlaps(on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Which countries sit in which frameworks on ``on``: a boolean country × framework matrix.

    A column ``n_frameworks`` counts each country's frameworks; rows are countries that sit in at least one.
    ``on`` is an ISO ``YYYY-MM-DD`` string or a date object; ``roles`` as for :func:`members_on`.
    """
    roles = _check_codes(roles, "memberships", "role", "role")
    day = _day(on)
    events = _events(data_dir)
    events = events[(events["party_type"] == "country") & events["role"].isin(roles)]
    pairs = []
    for framework, group in events.groupby("framework_id", sort=True):
        states = _states_on(group, day)
        for party in states.loc[states["state"].isin(ACTIVE_STATES), "party"]:
            pairs.append((party, framework))
    if not pairs:
        return pd.DataFrame(columns=["n_frameworks"])
    frame = pd.DataFrame(pairs, columns=["country", "framework"]).drop_duplicates()
    matrix = pd.crosstab(frame["country"], frame["framework"]).astype(bool)
    matrix["n_frameworks"] = matrix.sum(axis=1)
    return matrix.sort_values("n_frameworks", ascending=False, kind="stable")
