"""What every question shares: the one loader seam, dates read the same way, ids checked the same way.

Every table a question reads goes through :func:`table`, which calls
``migresearch.query.load`` at call time: a test or a benchmark can feed every
question other frames by patching that one name.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pandas as pd

_DataDir = str | os.PathLike[str] | None


def table(name: str, data_dir: _DataDir) -> pd.DataFrame:
    """A validated, typed table, read through ``migresearch.query.load``."""
    from migresearch import query

    return query.load(name, data_dir)


def _day(value: Any) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    if ts is pd.NaT:
        raise ValueError(f"not a date: {value!r}")
    return ts.normalize()


def _check_framework(framework: str, data_dir: _DataDir) -> pd.Series:
    frameworks = table("frameworks", data_dir)
    hit = frameworks[frameworks["framework_id"] == framework]
    if hit.empty:
        valid = ", ".join(sorted(frameworks["framework_id"].astype(str)))
        raise KeyError(f"unknown framework {framework!r}; valid: {valid}")
    return hit.iloc[0]


def data_as_of(data_dir: _DataDir = None) -> dt.date:
    """The date the data stands at: the latest access date of any source (reports use it instead of today)."""
    return table("sources", data_dir)["accessed_date"].max().date()
