"""The membership event grammar: what each event does to a party's state, and the state on a date.

Why one module: "a member on a date" used to be written three times (the
validator's replay, the queries, the chart), so a chart could disagree with
``members_on``.  Now the meaning of every event and role is one table below,
and the validator (:mod:`migresearch.validation.tables`), the questions
(:mod:`migresearch.query.membership`: ``members_on``, ``frameworks_of``,
``overlaps``), the framework profile and the membership chart all replay
histories with :func:`replay` and read states with :func:`state_on`,
:func:`states_on` and :func:`spans`.

Why here, among the declarations: the grammar *is* the declaration of the
``memberships.event`` and ``memberships.role`` code lists (both are read off
:data:`EVENTS` and :data:`ROLES`), and the validator, which sits below the
questions, replays with it.  Standard library only, so validation stays
pandas-free.

Adding an event or a role is one line in :data:`EVENTS` or :data:`ROLES`
(then ``migresearch catalog``): the code list, the validator, the queries and
the chart follow.  A party with no event yet is in state ``None`` ("not a
party").

>>> [s.after for s in replay([(dt.date(2001, 1, 1), "join", 1), (dt.date(2003, 1, 1), "suspend", 2)])]
['active', 'suspended']
>>> state_on(replay([(dt.date(2001, 1, 1), "join", 1)]), dt.date(2000, 1, 1)).state is None
True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

__all__ = [
    "ACTIVE_STATES",
    "EVENTS",
    "EVENT_NAMES",
    "EXCLUSIVE_ROLES",
    "MEMBER_ROLES",
    "ROLES",
    "ROLE_NAMES",
    "SHOWN_STATES",
    "STARTS",
    "Event",
    "PartyState",
    "Role",
    "Step",
    "replay",
    "spans",
    "state_on",
    "states_on",
]

State = str | None


@dataclasses.dataclass(frozen=True)
class Event:
    """One event of the grammar: the state it may follow and the state it leads to (``moves``)."""

    name: str
    same_day: int
    moves: Mapping[State, State]
    description: str


@dataclasses.dataclass(frozen=True)
class Role:
    """One role: whether it makes a full participant (``member``) and whether one party holds it at a time."""

    name: str
    member: bool
    exclusive: bool
    description: str


#: Every event, in code-list order: ``moves`` maps state before -> state after; events of the same day are
#: applied in the order of ``same_day`` (a new event takes a free number between its neighbours).
EVENTS: tuple[Event, ...] = (
    Event("join", 30, {None: "active", "signed": "active", "ratified": "active"}, "becomes a participant"),
    Event("sign", 10, {None: "signed"}, "signs the founding instrument"),
    Event("ratify", 20, {None: "ratified", "signed": "ratified"}, "ratifies it"),
    Event(
        "enter_into_force",
        40,
        {None: "active", "signed": "active", "ratified": "active", "active": "active"},
        "the instrument enters into force for the party",
    ),
    Event("suspend", 60, {"active": "suspended", "suspended": "suspended"}, "is suspended"),
    Event(
        "withdraw",
        80,
        {"active": "withdrawn", "suspended": "withdrawn", "signed": "withdrawn", "ratified": "withdrawn"},
        "leaves",
    ),
    Event("rejoin", 70, {"suspended": "active", "withdrawn": "active"}, "returns after a suspension or withdrawal"),
    Event("term_start", 50, {None: "in_term"}, "starts a term in a role held for a time"),
    Event("term_end", 90, {"in_term": None}, "ends its term"),
)

#: Every role, in code-list order.
ROLES: tuple[Role, ...] = (
    Role("member", member=True, exclusive=False, description="a full member"),
    Role("associate", member=False, exclusive=False, description="an associate"),
    Role("observer", member=False, exclusive=False, description="an observer"),
    Role("state_party", member=True, exclusive=False, description="a state party to a treaty or compact"),
    Role(
        "pro_tempore_presidency",
        member=False,
        exclusive=True,
        description="the rotating presidency: a new holder's term start ends the previous one's, "
        "since sources often date a handover only by who took over",
    ),
    Role("co_chair", member=False, exclusive=False, description="a co-chair"),
    Role("technical_secretariat", member=False, exclusive=False, description="the technical secretariat"),
    Role("organiser", member=False, exclusive=False, description="an organiser"),
)

EVENT_NAMES: tuple[str, ...] = tuple(e.name for e in EVENTS)
ROLE_NAMES: tuple[str, ...] = tuple(r.name for r in ROLES)
#: Roles that make a party a full participant (what ``members_on`` counts by default).
MEMBER_ROLES: tuple[str, ...] = tuple(r.name for r in ROLES if r.member)
#: Roles held by one party at a time.
EXCLUSIVE_ROLES: tuple[str, ...] = tuple(r.name for r in ROLES if r.exclusive)
#: States in which a party counts as taking part in the role.
ACTIVE_STATES: frozenset[str] = frozenset({"active", "in_term"})
#: States a membership chart draws (active or in a term, and suspended).
SHOWN_STATES: frozenset[str] = ACTIVE_STATES | {"suspended"}
#: Events that can start a history (allowed from "not a party").
STARTS: frozenset[str] = frozenset(e.name for e in EVENTS if None in e.moves)

_BY_NAME: dict[str, Event] = {e.name: e for e in EVENTS}
_RANK: dict[str, int] = {e.name: e.same_day for e in EVENTS}

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


@dataclasses.dataclass(frozen=True)
class Step(Generic[T]):
    """One event replayed: the state before and after it; an event the grammar does not allow is ``valid=False``
    and leaves the state as it was.  ``tag`` identifies the row (a line number, a frame index)."""

    tag: T
    day: dt.date
    event: str
    before: State
    after: State
    valid: bool
    previous: T | None


def replay(events: Iterable[tuple[dt.date, str, T]]) -> list[Step[T]]:
    """Replay one party's ``(day, event, tag)`` history in one role, oldest first (same day: grammar order)."""
    state: State = None
    prev: T | None = None
    out: list[Step[T]] = []
    for day, event, tag in sorted(events, key=lambda e: (e[0], _RANK.get(e[1], 1000))):
        moves = _BY_NAME[event].moves if event in _BY_NAME else {}
        if state in moves:
            out.append(Step(tag, day, event, state, moves[state], True, prev))
            state = moves[state]
        else:
            out.append(Step(tag, day, event, state, state, False, prev))
        prev = tag
    return out


@dataclasses.dataclass(frozen=True)
class PartyState(Generic[T]):
    """A party's state in one role on a day: the state, the step that made it take part, and the last valid step."""

    state: State
    since: Step[T] | None
    last: Step[T] | None

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_STATES


def state_on(steps: Sequence[Step[T]], day: dt.date) -> PartyState[T]:
    """The state after every valid step on or before ``day``."""
    state: State = None
    since: Step[T] | None = None
    last: Step[T] | None = None
    for step in steps:
        if step.day > day:
            break
        if not step.valid:
            continue
        if step.after in ACTIVE_STATES and state not in ACTIVE_STATES:
            since = step
        state, last = step.after, step
    return PartyState(state, since, last)


def states_on(histories: Mapping[K, Sequence[Step[T]]], day: dt.date, role_of: Callable[[K], str]) -> dict[K, PartyState[T]]:
    """The state of every history on ``day``; of several active holders of an exclusive role, the one who
    started last holds it and the others are ``"succeeded"`` (ties: the first key in sorted order)."""
    out = {key: state_on(steps, day) for key, steps in histories.items()}
    for role in EXCLUSIVE_ROLES:
        holders = sorted((k for k, s in out.items() if role_of(k) == role and s.active), key=repr)
        if len(holders) > 1:
            latest = max(holders, key=lambda k: _since_day(out[k]))
            for k in holders:
                if k != latest:
                    out[k] = dataclasses.replace(out[k], state="succeeded")
    return out


def _since_day(state: PartyState[T]) -> dt.date:
    return state.since.day if state.since is not None else dt.date.min


def spans(steps: Sequence[Step[T]]) -> list[tuple[dt.date, dt.date | None, str]]:
    """The periods a history spends in a drawn state (:data:`SHOWN_STATES`): ``(start, end, state)``,
    ``end`` exclusive and ``None`` while it lasts.  A day ``d`` is in a period when ``start <= d < end``."""
    out: list[tuple[dt.date, dt.date | None, str]] = []
    state: State = None
    start: dt.date | None = None
    valid = [step for step in steps if step.valid]
    for day, group in itertools.groupby(valid, key=lambda step: step.day):
        after = list(group)[-1].after  # the state at the end of the day: a same-day change never held
        if after == state:  # e.g. enter_into_force while already active
            continue
        if state in SHOWN_STATES and start is not None:
            out.append((start, day, state))
        state, start = after, day
    if state in SHOWN_STATES and start is not None:
        out.append((start, None, state))
    return out
