"""Consular cooperation: whose consulates may help a national, where, under which mechanism, on a date.

The answer states the condition under which a mechanism applies (most cover
only places where the national's own state has no consulate, which the data
does not record) rather than assuming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from migresearch.query._common import _check_codes, _check_country, _DataDir, _day
from migresearch.query._common import table as load

#: The status counted by default: what a national may rely on (not signed-only or ratified-only instruments).
DEFAULT_STATUS: tuple[str, ...] = ("in_force",)


def consular_coverage(
    nationality: str,
    location: str,
    on: Any | None = None,
    data_dir: _DataDir = None,
    status: str | Iterable[str] = DEFAULT_STATUS,
) -> pd.DataFrame:
    """Whose consulates may assist a national of ``nationality`` in ``location``, under what, on ``on``.

    Parameters
    ----------
    nationality, location
        ISO 3166-1 alpha-3 codes of ``countries.csv`` (an unknown code raises
        :class:`~migresearch.errors.UnknownCountryError` with a did-you-mean).
    on
        The day asked about: an ISO ``YYYY-MM-DD`` string or a date object (default: today).
    status
        The coverage statuses counted (default ``"in_force"``); ask for others
        (``("signed", "ratified", "in_force", "operational", "activated")``) explicitly.

    Returns
    -------
    pandas.DataFrame
        One row per (assisting state, mechanism) whose status period in ``status``
        covers ``on``; when several coverage rows of one mechanism apply, the one
        whose status started last.  ``condition`` says when the rule applies: most
        mechanisms cover only places where the national's own state has no
        consulate, which this package does not record, so the answer states the
        condition rather than assuming it.  The assisting state is never the
        national's own state nor the host state.

    >>> "ARG" in set(consular_coverage("BOL", "AUS", on="2020-01-01")["assisting_iso3"])
    True
    """
    day = _day(on if on is not None else dt.date.today())
    statuses = _check_codes(status, "consular_coverage", "status", "coverage status")
    for code in (nationality, location):
        _check_country(code, data_dir)
    cov = load("consular_coverage", data_dir)
    mech = load("consular_mechanisms", data_dir)[["mechanism_id", "name_en", "name_es", "kind"]]
    in_force = cov["from_date"].notna() & (cov["from_date"] <= day) & (cov["until_date"].isna() | (cov["until_date"] >= day))
    covers = cov["nationals"].str.split("|").apply(lambda xs: nationality in xs)
    cov = cov[in_force & covers & cov["status"].astype(str).isin(statuses)]
    listed = cov["where"].astype(str) == "listed"
    located = cov["locations"].fillna("").str.split("|").apply(lambda xs: location in xs)
    cov = cov[~listed | located]
    rows = cov.assign(assisting_iso3=cov["assisting"].str.split("|")).explode("assisting_iso3")
    rows = rows[(rows["assisting_iso3"] != nationality) & (rows["assisting_iso3"] != location)]
    rows = rows.sort_values(["from_date", "coverage_id"], kind="stable").drop_duplicates(
        ["mechanism_id", "assisting_iso3"], keep="last"
    )
    conditions = {
        "third_state_without_own_consulate": f"where {nationality} has no consulate in {location}",
        "any_third_state": "in any third state",
        "listed": f"in {location} (listed)",
    }
    rows = rows.assign(condition=rows["where"].astype(str).map(conditions))
    rows = rows.merge(mech, on="mechanism_id", how="left", validate="many_to_one")
    cols = [
        "assisting_iso3",
        "mechanism_id",
        "name_en",
        "name_es",
        "kind",
        "status",
        "from_date",
        "from_precision",
        "condition",
        "coverage_id",
        "source_id",
    ]
    out = rows[cols].astype({"assisting_iso3": "string", "condition": "string"})
    return out.sort_values(["assisting_iso3", "mechanism_id"], kind="stable").reset_index(drop=True)
