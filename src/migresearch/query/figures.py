"""Published figures with every vintage kept: what was known on a date (bitemporal look-ups).

A figure has a reference date (as of) and a publication date; :class:`FigureStore`
sorts a figures table once and answers "the latest figure for this date, as
known on that date" by binary search (see ``bench/figures.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from migresearch.errors import UnknownPlaceError, UnknownSeriesError
from migresearch.query._common import _DataDir, _day
from migresearch.query._common import table as load


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


def figure(
    series: str, place: str, as_of: Any | None = None, known_on: Any | None = None, data_dir: _DataDir = None
) -> pd.Series | None:
    """The figure of ``series`` for ``place`` as it was known on ``known_on``.

    ``known_on`` keeps only figures published on or before that date (what
    a reader could have known then); ``as_of`` keeps only figures whose
    reference date is on or before it.  Among those, the latest reference
    date wins, then the latest publication.

    Parameters
    ----------
    series : str
        A ``series_id`` of ``series.csv``.
    place : str
        An ISO 3166-1 alpha-3 code or a ``region_id`` (``"WORLD"``).
    as_of, known_on : str or datetime.date, optional
        ISO ``YYYY-MM-DD`` strings or date objects; ``None`` for no limit.
    data_dir : str or os.PathLike, optional
        The data folder.

    Returns
    -------
    pandas.Series or None
        The figure's row (value, dates, precision, qualifier, source), or ``None`` when nothing was known.

    Raises
    ------
    migresearch.errors.UnknownSeriesError, migresearch.errors.UnknownPlaceError
        For an id not in its table (``"world"``: did you mean ``'WORLD'``?).
    migresearch.errors.InvalidDateError
        For a date that is not ISO 8601.
    """
    series_ids = load("series", data_dir)["series_id"].astype(str)
    if series not in set(series_ids):
        raise UnknownSeriesError(series, series_ids)
    places = pd.concat([load("countries", data_dir)["iso3"], load("regions", data_dir)["region_id"]]).astype(str)
    if place not in set(places):
        raise UnknownPlaceError(place, places)
    for value in (as_of, known_on):
        if value is not None:
            _day(value)  # an unreadable date is an error even when no figure would match
    store = _store(data_dir)
    pos = store.lookup(series, place, as_of, known_on)
    if pos is None:
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
