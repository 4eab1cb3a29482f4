"""What every question shares: the one loader seam, dates read the same way, ids checked the same way.

The same wrong input raises the same exception in every question (see
:mod:`migresearch.errors`): an unknown framework, country or code is an
:class:`~migresearch.errors.UnknownIdError` with a did-you-mean hint, and a date
that is not ISO 8601 is an :class:`~migresearch.errors.InvalidDateError`.

Every table a question reads goes through :func:`table`, which calls
``migresearch.query.load`` at call time: a test or a benchmark can feed every
question other frames by patching that one name.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from migresearch.errors import InvalidDateError, UnknownCountryError, UnknownFrameworkError, UnknownIdError
from migresearch.validation.cells import parse_date

_DataDir = str | os.PathLike[str] | None


def table(name: str, data_dir: _DataDir) -> pd.DataFrame:
    """A validated, typed table, read through ``migresearch.query.load``."""
    from migresearch import query

    return query.load(name, data_dir)


def _day(value: Any) -> pd.Timestamp:
    """A date argument as a day: an ISO 8601 ``YYYY-MM-DD`` string or a date object, nothing else.

    ``datetime.date``, ``datetime.datetime``, ``pandas.Timestamp`` and
    ``numpy.datetime64`` are date objects; a string must be ISO (``"01/06/2019"``
    is the 1st of June to some readers and the 6th of January to others, so it
    is refused with :class:`~migresearch.errors.InvalidDateError`, never guessed).

    >>> _day("2019-06-01").date().isoformat()
    '2019-06-01'
    >>> _day("01/06/2019")
    Traceback (most recent call last):
    ...
    migresearch.errors.InvalidDateError: not a date: '01/06/2019'; give an ISO 8601 string 'YYYY-MM-DD' (e.g. '2019-06-01') or a datetime.date (day/month orders such as '01/06/2019' are ambiguous and refused)
    """
    if isinstance(value, str):
        day = parse_date(value)
        if day is None:
            raise InvalidDateError(value)
        return pd.Timestamp(day)
    if isinstance(value, (dt.date, np.datetime64)) and not pd.isna(value):
        return pd.Timestamp(value).normalize()
    raise InvalidDateError(value)


def _check_framework(framework: str, data_dir: _DataDir) -> pd.Series:
    """The framework's row, or :class:`~migresearch.errors.UnknownFrameworkError` with a did-you-mean."""
    frameworks = table("frameworks", data_dir)
    hit = frameworks[frameworks["framework_id"] == framework]
    if hit.empty:
        raise UnknownFrameworkError(framework, frameworks["framework_id"].astype(str))
    return hit.iloc[0]


def _check_country(code: str, data_dir: _DataDir) -> str:
    """``code`` if it is in ``countries.csv:iso3``, else :class:`~migresearch.errors.UnknownCountryError`."""
    countries = table("countries", data_dir)["iso3"].astype(str)
    if code not in set(countries):
        raise UnknownCountryError(code, countries)
    return code


def _check_codes(values: Iterable[str], dataset: str, column: str, kind: str) -> tuple[str, ...]:
    """``values`` if each is in the declared code list of ``dataset.column``, else an :class:`UnknownIdError`."""
    from migresearch.datasets import compiled

    allowed = compiled.table(dataset).by_name[column].values or ()
    values = (values,) if isinstance(values, str) else tuple(values)
    for value in values:
        if value not in allowed:
            raise UnknownIdError(value, allowed, kind=kind)
    return values


def data_as_of(data_dir: _DataDir = None) -> dt.date:
    """The date the data stands at: the latest access date of any source (reports use it instead of today)."""
    return table("sources", data_dir)["accessed_date"].max().date()
