"""Questions researchers ask of the data, answered from the validated tables.

Every function loads what it needs through :func:`migresearch.load` (so the
data is validated first), returns a typed ``DataFrame`` and never edits the
data.  Dates may be given as ``"2021-06-01"``, ``datetime.date`` or
``pandas.Timestamp``.  A date known only to the month or year counts from
the first day of that month or year (its *floor*); each answer carries the
precision so a report can say how sure it is.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import numpy as np
import pandas as pd

from migresearch._api import load
from migresearch.integrity import ACTIVE_STATES, replay

#: Roles that make a party a full participant (what ``members_on`` counts by default).
MEMBER_ROLES: tuple[str, ...] = ("member", "state_party")
#: Roles held by one party at a time: a new holder's term start ends the previous holder's term,
#: since sources often date a handover only by who took over.
EXCLUSIVE_ROLES: tuple[str, ...] = ("pro_tempore_presidency",)

_DataDir = str | os.PathLike[str] | None


def _day(value: Any) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    if ts is pd.NaT:
        raise ValueError(f"not a date: {value!r}")
    return ts.normalize()


def _check_framework(framework: str, data_dir: _DataDir) -> pd.Series:
    frameworks = load("frameworks", data_dir)
    hit = frameworks[frameworks["framework_id"] == framework]
    if hit.empty:
        valid = ", ".join(sorted(frameworks["framework_id"].astype(str)))
        raise KeyError(f"unknown framework {framework!r}; valid: {valid}")
    return hit.iloc[0]


def _states_on(events: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Replay dated events up to ``day``; one row per (party, role) with its state then."""
    rows = []
    dated = events[events["date"].notna() & (events["date"] <= day)]
    for (party, role), group in dated.groupby(["party", "role"], observed=True, sort=True):
        state, since, last = None, None, None
        for tag, _, after, _ in replay([(d.date(), e, i) for i, d, e in zip(group.index, group["date"], group["event"].astype(str))]):
            if after == "invalid":
                continue
            if after in ACTIVE_STATES and state not in ACTIVE_STATES:
                since = tag
            state, last = after, tag
        rows.append({"party": party, "role": role, "state": state, "since_row": since, "last_row": last})
    states = pd.DataFrame(rows, columns=["party", "role", "state", "since_row", "last_row"])
    for role in EXCLUSIVE_ROLES:
        holders = states[(states["role"] == role) & states["state"].isin(ACTIVE_STATES)]
        if len(holders) > 1:
            latest = holders["since_row"].map(lambda i: events.loc[i, "date"]).idxmax()
            states.loc[holders.index.drop(latest), "state"] = "succeeded"
    return states


def data_as_of(data_dir: _DataDir = None) -> dt.date:
    """The date the data stands at: the latest access date of any source (reports use it instead of today)."""
    return load("sources", data_dir)["accessed_date"].max().date()


def _events(data_dir: _DataDir) -> pd.DataFrame:
    m = load("memberships", data_dir)
    m["party"] = m["party_iso3"].fillna(m["party_org"])
    m["party_type"] = np.where(m["party_iso3"].notna(), "country", "organisation")
    return m


def members_on(framework: str, on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Parties of ``framework`` in one of ``roles`` on the date ``on``.

    A party counts from the event that made it active (join, entry into
    force, rejoin, start of a term) until it is suspended, withdraws or its
    term ends.  Returns ``party``, ``party_type``, ``role``, ``name_en``,
    ``name_es``, ``since`` (date of the activating event), its precision and
    ``source_id``, sorted by party.

    >>> sorted(members_on("can", "2015-06-01")["party"])
    ['BOL', 'COL', 'ECU', 'PER']
    """
    _check_framework(framework, data_dir)
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
    out = out.astype({"party": "string", "party_type": "string", "role": "string", "source_id": "string", "since_precision": "string"})
    return out.sort_values(["party", "role"]).reset_index(drop=True)[
        ["party", "party_type", "role", "name_en", "name_es", "since", "since_precision", "source_id"]
    ]


def _party_names(data_dir: _DataDir) -> pd.DataFrame:
    c = load("countries", data_dir)[["iso3", "name_en", "name_es"]].rename(columns={"iso3": "party"})
    f = load("frameworks", data_dir)[["framework_id", "name_en", "name_es"]].rename(columns={"framework_id": "party"})
    names = pd.concat([c, f], ignore_index=True)
    if names["party"].duplicated().any():
        dup = names.loc[names["party"].duplicated(), "party"].tolist()
        raise ValueError(f"party identifiers are ambiguous between countries and frameworks: {dup}")
    return names


def frameworks_of(country: str, on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Frameworks in which ``country`` (ISO alpha-3) held one of ``roles`` on the date ``on``.

    >>> "can" in set(frameworks_of("PER", "2015-07-01")["framework_id"])
    True
    """
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
    """Every membership event of ``country`` across all frameworks, oldest first (undated last)."""
    events = _events(data_dir)
    countries = set(load("countries", data_dir)["iso3"].astype(str))
    if country not in countries:
        raise KeyError(f"unknown country code {country!r} (ISO 3166-1 alpha-3 expected)")
    out = events[events["party"] == country]
    names = load("frameworks", data_dir)[["framework_id", "name_en", "name_es"]]
    out = out.merge(names, on="framework_id", how="left", validate="many_to_one")
    cols = ["date", "date_precision", "framework_id", "name_en", "name_es", "role", "event", "source_id", "inferred", "note"]
    return out.sort_values(["date", "framework_id"], na_position="last", kind="stable")[cols].reset_index(drop=True)


def overlaps(on: Any, roles: tuple[str, ...] = MEMBER_ROLES, data_dir: _DataDir = None) -> pd.DataFrame:
    """Which countries sit in which frameworks on ``on``: a boolean country × framework matrix.

    A column ``n_frameworks`` counts each country's frameworks; rows are countries that sit in at least one.
    """
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


def timeline(framework: str, data_dir: _DataDir = None) -> pd.DataFrame:
    """Everything dated about ``framework``: meetings, membership events and instruments, oldest first.

    Columns: ``date``, ``precision``, ``kind`` (meeting, membership, instrument), ``label_en``,
    ``label_es``, ``record_id``, ``source_id``, ``inferred``.
    """
    _check_framework(framework, data_dir)
    meetings = load("meetings", data_dir)
    meetings = meetings[meetings["framework_id"] == framework]
    label = (meetings["label"].fillna("") + " " + meetings["kind"].astype(str).str.replace("_", " ")).str.strip()
    parts = [
        pd.DataFrame({
            "date": meetings["start_date"], "precision": meetings["start_precision"].astype("string"), "kind": "meeting",
            "label_en": label + ": " + meetings["theme_en"].fillna(""), "label_es": label + ": " + meetings["theme_es"].fillna(""),
            "record_id": meetings["meeting_id"], "source_id": meetings["source_id"], "inferred": meetings["inferred"],
        })
    ]
    events = _events(data_dir)
    events = events[events["framework_id"] == framework]
    ev_label = events["party"] + " " + events["event"].astype(str) + " (" + events["role"].astype(str) + ")"
    parts.append(pd.DataFrame({
        "date": events["date"], "precision": events["date_precision"].astype("string"), "kind": "membership",
        "label_en": ev_label, "label_es": ev_label, "record_id": events["event_id"], "source_id": events["source_id"],
        "inferred": events["inferred"],
    }))
    inst = load("instruments", data_dir)
    inst = inst[inst["framework_id"] == framework]
    parts.append(pd.DataFrame({
        "date": inst["adopted_date"], "precision": inst["adopted_precision"].astype("string"), "kind": "instrument",
        "label_en": inst["title_en"], "label_es": inst["title_es"], "record_id": inst["instrument_id"],
        "source_id": inst["source_id"], "inferred": inst["inferred"],
    }))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else parts[0]
    out = out.astype({"kind": "string", "label_en": "string", "label_es": "string"})
    return out.sort_values(["date", "kind", "record_id"], na_position="last", kind="stable").reset_index(drop=True)


def conflicts(table: str | None = None, data_dir: _DataDir = None) -> pd.DataFrame:
    """Disagreements between sources: each (table, record, field) with two or more distinct claimed values.

    One row per claim, with ``n_values`` (distinct values in its group) and
    ``recorded_value`` (what the table itself holds, when the field is a
    column), so an analysis can show every side and what was chosen.
    """
    claims = load("claims", data_dir)
    if table is not None:
        claims = claims[claims["table"] == table]
    key = ["table", "record_id", "field"]
    n_values = claims.groupby(key)["value"].transform("nunique")
    out = claims.assign(n_values=n_values)
    out = out[out["n_values"] >= 2].copy()
    recorded = []
    frames: dict[str, pd.DataFrame] = {}
    for tbl, rec, fld in out[key].itertuples(index=False):
        if tbl not in frames:
            frame = load(tbl, data_dir)
            frames[tbl] = frame.set_index(frame.columns[0], drop=False)
        frame = frames[tbl]
        value = None
        if fld in frame.columns and rec in frame.index:
            v = frame.at[rec, fld]
            if not pd.isna(v):
                value = v.date().isoformat() if isinstance(v, pd.Timestamp) else str(v)
        recorded.append(value)
    out["recorded_value"] = pd.array(recorded, dtype="string")
    return out.sort_values(key + ["value"], kind="stable").reset_index(drop=True)


def consular_coverage(nationality: str, location: str, on: Any | None = None, data_dir: _DataDir = None) -> pd.DataFrame:
    """Whose consulates may assist a national of ``nationality`` in ``location``, under what, on ``on``.

    Rows are (assisting state, mechanism) pairs whose status period covers
    ``on`` (default: today).  ``condition`` says when the rule applies: most
    mechanisms cover only places where the national's own state has no
    consulate, which this package does not record, so the answer states the
    condition rather than assuming it.  The assisting state is never the
    national's own state nor the host state.

    >>> "ARG" in set(consular_coverage("BOL", "AUS", on="2020-01-01")["assisting_iso3"])
    True
    """
    day = _day(on if on is not None else dt.date.today())
    countries = set(load("countries", data_dir)["iso3"].astype(str))
    for code in (nationality, location):
        if code not in countries:
            raise KeyError(f"unknown country code {code!r} (ISO 3166-1 alpha-3 expected)")
    cov = load("consular_coverage", data_dir)
    mech = load("consular_mechanisms", data_dir)[["mechanism_id", "name_en", "name_es", "kind"]]
    in_force = cov["from_date"].notna() & (cov["from_date"] <= day) & (cov["until_date"].isna() | (cov["until_date"] >= day))
    covers = cov["nationals"].str.split("|").apply(lambda xs: nationality in xs)
    cov = cov[in_force & covers]
    listed = cov["where"].astype(str) == "listed"
    located = cov["locations"].fillna("").str.split("|").apply(lambda xs: location in xs)
    cov = cov[~listed | located]
    rows = cov.assign(assisting_iso3=cov["assisting"].str.split("|")).explode("assisting_iso3")
    rows = rows[(rows["assisting_iso3"] != nationality) & (rows["assisting_iso3"] != location)]
    conditions = {
        "third_state_without_own_consulate": f"where {nationality} has no consulate in {location}",
        "any_third_state": "in any third state",
        "listed": f"in {location} (listed)",
    }
    rows = rows.assign(condition=rows["where"].astype(str).map(conditions))
    rows = rows.merge(mech, on="mechanism_id", how="left", validate="many_to_one")
    cols = ["assisting_iso3", "mechanism_id", "name_en", "name_es", "kind", "status", "from_date", "from_precision",
            "condition", "coverage_id", "source_id"]
    out = rows[cols].astype({"assisting_iso3": "string", "condition": "string"})
    return out.sort_values(["assisting_iso3", "mechanism_id"], kind="stable").reset_index(drop=True)


class FigureStore:
    """Bitemporal look-ups over a figures table, sorted once and answered by binary search.

    ``lookup(series, place, as_of, known_on)`` returns the position (in
    ``frame``, which is left as given) of the figure with the latest
    reference date on or before ``as_of`` among those published on or before
    ``known_on`` (the latest publication wins a tie).  Building sorts once on
    a single integer key (group, publication day, reference day); each
    look-up is O(log n + k) for the k vintages of that series and place.
    """

    def __init__(self, figures: pd.DataFrame) -> None:
        self.frame = figures
        codes_s, uniq_s = pd.factorize(figures["series_id"].to_numpy(dtype=object))
        codes_p, uniq_p = pd.factorize(figures["place"].to_numpy(dtype=object))
        group = codes_s.astype("int64") * max(len(uniq_p), 1) + codes_p
        published = figures["published_date"].to_numpy(dtype="datetime64[D]").astype("int64")
        as_of = figures["as_of_date"].to_numpy(dtype="datetime64[D]").astype("int64")
        span_p = int(published.max() - published.min() + 1) if len(figures) else 1
        span_a = int(as_of.max() - as_of.min() + 1) if len(figures) else 1
        n_groups = int(group.max() + 1) if len(figures) else 1
        if n_groups * span_p * span_a < 2**62:
            key = (group * span_p + (published - published.min())) * span_a + (as_of - as_of.min())
            order = np.argsort(key, kind="stable")
        else:  # too wide for one integer key
            order = np.lexsort((as_of, published, group))
        self._order = order
        self._published = published[order]
        self._as_of = as_of[order]
        sorted_groups = group[order]
        starts = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]) if len(order) else np.array([], dtype=int)
        ends = np.r_[starts[1:], len(order)]
        first = sorted_groups[starts]
        self._groups = {
            (str(uniq_s[g // max(len(uniq_p), 1)]), str(uniq_p[g % max(len(uniq_p), 1)])): (int(a), int(b))
            for g, a, b in zip(first, starts, ends)
        }
        self.series_ids = frozenset(str(x) for x in uniq_s)

    @staticmethod
    def _days(value: Any) -> int:
        return int(np.datetime64(_day(value).date(), "D").astype("int64"))

    def lookup(self, series: str, place: str, as_of: Any | None = None, known_on: Any | None = None) -> int | None:
        """Row position in ``self.frame`` of the answer, or ``None`` when nothing was known."""
        group = self._groups.get((series, place))
        if group is None:
            return None
        a, b = group
        if known_on is not None:
            b = a + int(np.searchsorted(self._published[a:b], self._days(known_on), side="right"))
        if b <= a:
            return None
        as_of_slice = self._as_of[a:b]
        ok = np.ones(len(as_of_slice), dtype=bool)
        if as_of is not None:
            ok = as_of_slice <= self._days(as_of)
            if not ok.any():
                return None
        best = as_of_slice[ok].max()
        return int(self._order[a + int(np.flatnonzero(ok & (as_of_slice == best))[-1])])


def figure(series: str, place: str, as_of: Any | None = None, known_on: Any | None = None, data_dir: _DataDir = None) -> pd.Series | None:
    """The figure of ``series`` for ``place`` as it was known on ``known_on``.

    ``known_on`` keeps only figures published on or before that date (what
    a reader could have known then); ``as_of`` keeps only figures whose
    reference date is on or before it.  Among those, the latest reference
    date wins, then the latest publication.  Returns the figure's row (value,
    dates, precision, qualifier, source) or ``None`` when nothing was known.
    """
    store = _store(data_dir)
    pos = store.lookup(series, place, as_of, known_on)
    if pos is None:
        if series not in store.series_ids:
            raise KeyError(f"unknown series {series!r}; valid: {', '.join(sorted(store.series_ids))}")
        return None
    return store.frame.iloc[pos]


_STORES: dict[int, tuple[object, FigureStore]] = {}


def _store(data_dir: _DataDir) -> FigureStore:
    """The store of the current figures table (rebuilt when the validation cache sees the file change)."""
    from migresearch.validation import validate

    parsed = validate(data_dir, ["figures"]).parsed["figures"]
    hit = _STORES.get(id(parsed))
    if hit is None or hit[0] is not parsed:
        _STORES.clear()
        hit = (parsed, FigureStore(load("figures", data_dir)))
        _STORES[id(parsed)] = hit
    return hit[1]
