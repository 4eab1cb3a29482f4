"""Questions researchers ask of the data, answered from the validated tables.

Every function loads what it needs through :func:`migresearch.load` (so the
data is validated first), returns a typed ``DataFrame`` and never edits the
data.  The questions are grouped by what they are about:

- :mod:`~migresearch.query.membership`: ``members_on``, ``frameworks_of``, ``membership_history``, ``overlaps``, ``undated_members``;
- :mod:`~migresearch.query.frameworks`: ``timeline``, ``conflicts``;
- :mod:`~migresearch.query.consular`: ``consular_coverage``;
- :mod:`~migresearch.query.figures`: ``figure`` and the bitemporal :class:`~migresearch.query.figures.FigureStore`.

This ``__init__`` only names them: a submodule (and pandas) is imported when
one of its names is first used, so ``import migresearch.query`` stays cheap.
Every table a question reads goes through ``migresearch.query.load``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from migresearch._api import load
    from migresearch.query._common import _check_framework as _check_framework
    from migresearch.query._common import _day as _day
    from migresearch.query._common import data_as_of
    from migresearch.query.consular import consular_coverage
    from migresearch.query.figures import _STORES as _STORES
    from migresearch.query.figures import FigureStore, figure
    from migresearch.query.figures import _store as _store
    from migresearch.query.frameworks import conflicts, timeline
    from migresearch.query.membership import (
        EXCLUSIVE_ROLES,
        MEMBER_ROLES,
        frameworks_of,
        members_on,
        membership_history,
        overlaps,
        undated_members,
    )
    from migresearch.query.membership import (
        _events as _events,
    )
    from migresearch.query.membership import (
        _party_names as _party_names,
    )
    from migresearch.query.membership import (
        _states_on as _states_on,
    )

#: Each public (and test-facing private) name and the module that defines it.
_WHERE: dict[str, str] = {
    "load": "migresearch._api",
    "data_as_of": "migresearch.query._common",
    "_day": "migresearch.query._common",
    "_check_framework": "migresearch.query._common",
    "MEMBER_ROLES": "migresearch.query.membership",
    "EXCLUSIVE_ROLES": "migresearch.query.membership",
    "members_on": "migresearch.query.membership",
    "frameworks_of": "migresearch.query.membership",
    "membership_history": "migresearch.query.membership",
    "overlaps": "migresearch.query.membership",
    "undated_members": "migresearch.query.membership",
    "_events": "migresearch.query.membership",
    "_party_names": "migresearch.query.membership",
    "_states_on": "migresearch.query.membership",
    "timeline": "migresearch.query.frameworks",
    "conflicts": "migresearch.query.frameworks",
    "consular_coverage": "migresearch.query.consular",
    "FigureStore": "migresearch.query.figures",
    "figure": "migresearch.query.figures",
    "_store": "migresearch.query.figures",
    "_STORES": "migresearch.query.figures",
}

__all__ = [
    "EXCLUSIVE_ROLES",
    "MEMBER_ROLES",
    "FigureStore",
    "conflicts",
    "consular_coverage",
    "data_as_of",
    "figure",
    "frameworks_of",
    "load",
    "members_on",
    "membership_history",
    "overlaps",
    "timeline",
    "undated_members",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'migresearch.query' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
