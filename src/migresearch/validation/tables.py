"""Rules across rows and files: foreign keys, temporal order, numbering, membership histories,
parent links without cycles and exclusive roles held by one party at a time.

Every rule reports a :class:`~migresearch.validation.report.Problem` at the
physical line of the offending row; a rule that involves two rows names the
other one's line in its message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import NamedTuple

from migresearch.datasets import compiled as _tables
from migresearch.datasets import events
from migresearch.validation.cells import floor_ceil
from migresearch.validation.csvfile import Parsed, strict_rule
from migresearch.validation.report import Problem

Rule = Callable[[dict[str, Parsed]], Iterator[Problem]]
_RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    _RULES.append(fn)
    return fn


def check(parsed: dict[str, Parsed]) -> list[Problem]:
    """Run the foreign-key check and every registered rule over already-parsed tables."""
    out: list[Problem] = list(_foreign_keys(parsed))
    for fn in _RULES:
        out.extend(fn(parsed))
    return out


def _rows(parsed: dict[str, Parsed], name: str) -> Iterator[tuple[int, int, dict[str, str]]]:
    table = parsed.get(name)
    if table is None:
        return
    for rec, (line, row) in enumerate(zip(table.lines, table.records), start=1):
        yield line, rec, row


def span(row: dict[str, str], date_col: str) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest day the row's ``date_col`` can stand for, given its precision column."""
    value = row.get(date_col, "")
    if not value:
        return None
    prec = row.get(date_col.removesuffix("_date") + "_precision") or row.get(date_col + "_precision") or "day"
    return floor_ceil(value, prec)


def _keys(parsed: dict[str, Parsed], table: str, column: str) -> set[str] | None:
    p = parsed.get(table)
    if p is None or column not in p.header or p.incomplete:
        return None  # a file that could not be read whole has no reliable key set: its own problems are reported
    return {r[column] for r in p.records if r.get(column)}


def _foreign_keys(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    for name, p in parsed.items():
        table = _tables.table(name)
        for col in table.columns:
            targets = col.fks
            if not targets or col.name not in p.header:
                continue
            key_sets = [_keys(parsed, t, c) for t, c in targets]
            if any(k is None for k in key_sets):
                continue  # the parent file itself is broken; its problems are reported
            allowed = set().union(*key_sets)  # type: ignore[arg-type]
            where = " or ".join(f"{_tables.file(t)}:{c}" for t, c in targets)
            for line, rec, row in _rows(parsed, name):
                value = row.get(col.name, "")
                if not value:
                    continue
                items = value.split("|") if col.kind == "list" else [value]
                for item in items:
                    if item and item not in allowed:
                        yield Problem(p.display, line, col.name, item, f"{item} not found in {where}", rec)


def _later(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    """True when interval ``b`` surely ends before interval ``a`` starts."""
    return a is not None and b is not None and b[1] < a[0]


def _order(parsed: dict[str, Parsed], table: str, start: str, end: str) -> Iterator[Problem]:
    p = parsed.get(table)
    for line, rec, row in _rows(parsed, table):
        if _later(span(row, start), span(row, end)):
            yield Problem(p.display, line, end, row[end], f"`{end}` is before `{start}` {row[start]}", rec)  # type: ignore[union-attr]


@rule
def _date_order(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    pairs = {
        "meetings": [("start_date", "end_date")],
        "instruments": [("adopted_date", "in_force_date")],
        "regularisations": [("window_start_date", "window_end_date"), ("announced_date", "window_end_date")],
        "regularisation_instruments": [("issued_date", "published_date")],
        "consular_coverage": [("from_date", "until_date")],
        "practices": [("start_date", "end_date")],
        "eu_presidencies": [("start_date", "end_date")],
    }
    for table, cols in pairs.items():
        for start, end in cols:
            yield from _order(parsed, table, start, end)


# --- EU presidencies ---------------------------------------------------------------------------


class Presidency(NamedTuple):
    semester: str
    start: dt.date
    end: dt.date
    iso3: str
    line: int


def presidencies(parsed: dict[str, Parsed]) -> list[Presidency]:
    out = []
    for line, _, row in _rows(parsed, "eu_presidencies"):
        s, e = span(row, "start_date"), span(row, "end_date")
        if s and e:
            out.append(Presidency(row["semester"], s[0], e[1], row.get("country_iso3", ""), line))
    return out


@rule
def _semesters(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("eu_presidencies")
    for line, rec, row in _rows(parsed, "eu_presidencies"):
        sem = row.get("semester", "")
        if len(sem) != 7:
            continue
        year, half = int(sem[:4]), sem[-1]
        want = (f"{year}-01-01", f"{year}-06-30") if half == "1" else (f"{year}-07-01", f"{year}-12-31")
        for col, value in zip(("start_date", "end_date"), want):
            if row.get(col) and row[col] != value:
                yield Problem(p.display, line, col, row[col], f"semester {sem} runs {want[0]} to {want[1]}", rec)  # type: ignore[union-attr]


# --- meetings ----------------------------------------------------------------------------------


@rule
def _meetings(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("meetings")
    if p is None:
        return
    terms = presidencies(parsed)
    series: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for line, rec, row in _rows(parsed, "meetings"):
        start, end = span(row, "start_date"), span(row, "end_date")
        if start is None and not row.get("note"):
            yield Problem(p.display, line, "start_date", "", "a meeting without a date needs a note saying why", rec)
        iso3 = row.get("eu_presidency_iso3", "")
        if iso3 and start and terms:
            for column, day in (("start_date", start), ("end_date", end or start)):
                overlapping = [t for t in terms if t.start <= day[1] and day[0] <= t.end]
                if overlapping and iso3 not in {t.iso3 for t in overlapping}:
                    held = ", ".join(sorted(f"{t.iso3} ({t.semester})" for t in overlapping))
                    when = row.get(column) or row["start_date"]
                    yield Problem(
                        p.display,
                        line,
                        "eu_presidency_iso3",
                        iso3,
                        f"meeting {column.removesuffix('_date')} {when} falls in the presidency of {held}, not {iso3}",
                        rec,
                    )
                    break
        if row.get("number"):
            series[(row.get("framework_id", ""), row.get("series", ""))].append((int(row["number"]), line, rec))
    for (framework, name), items in series.items():
        items.sort()
        expected = 1
        seen: dict[int, int] = {}
        for number, line, rec in items:
            if number in seen:
                yield Problem(
                    p.display,
                    line,
                    "number",
                    str(number),
                    f"duplicate number in series {framework}/{name} (first at line {seen[number]})",
                    rec,
                )
                continue
            seen[number] = line
            if number != expected:
                missing = f"{expected}" if number == expected + 1 else f"{expected}–{number - 1}"
                yield Problem(
                    p.display,
                    line,
                    "number",
                    str(number),
                    f"series {framework}/{name} jumps to {number}: no row for {missing} (add one with empty dates and a note if unknown)",
                    rec,
                )
            expected = number + 1


# --- memberships -------------------------------------------------------------------------------


def party_of(row: dict[str, str]) -> str:
    return row.get("party_iso3") or row.get("party_org") or ""


def membership_histories(parsed: dict[str, Parsed]) -> dict[tuple[str, str, str], list[events.Step[int]]]:
    """Every dated (framework, party, role) history of ``memberships``, replayed with the grammar; tags are lines."""
    groups: dict[tuple[str, str, str], list[tuple[dt.date, str, int]]] = defaultdict(list)
    for line, _, row in _rows(parsed, "memberships"):
        when = span(row, "date")
        if when is not None:
            groups[(row.get("framework_id", ""), party_of(row), row.get("role", ""))].append(
                (when[0], row.get("event", ""), line)
            )
    return {key: events.replay(history) for key, history in groups.items()}


@rule
def _memberships(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("memberships")
    if p is None:
        return
    established: dict[str, tuple[dt.date, dt.date] | None] = {}
    for _, _, row in _rows(parsed, "frameworks"):
        established[row.get("framework_id", "")] = span(row, "established_date")
    info: dict[int, tuple[int, dict[str, str]]] = {}
    for line, rec, row in _rows(parsed, "memberships"):
        if bool(row.get("party_iso3")) == bool(row.get("party_org")):
            yield Problem(
                p.display,
                line,
                "party_iso3",
                row.get("party_iso3", ""),
                "exactly one of `party_iso3` and `party_org` must be set",
                rec,
            )
        when = span(row, "date")
        fw = row.get("framework_id", "")
        if _later(established.get(fw), when):
            yield Problem(
                p.display,
                line,
                "date",
                row["date"],
                f"{party_of(row)} {row.get('event')} on {row['date']} before {fw} was established ({established[fw][0].isoformat()})",  # type: ignore[index]
                rec,
            )
        info[line] = (rec, row)
    for (fw, party, role), steps in membership_histories(parsed).items():
        for step in steps:
            if step.valid:
                continue
            rec, row = info[step.tag]
            had = f"previous event at line {step.previous}" if step.previous else "no earlier event"
            if step.before is None:
                later = sorted((s.day, s.tag) for s in steps if s.event in events.STARTS and s.day > step.day)
                if later:
                    had = f"it only joins on {later[0][0].isoformat()} at line {later[0][1]}"
            state = step.before or "not a party"
            yield Problem(
                p.display,
                step.tag,
                "event",
                row.get("event", ""),
                f"{party} cannot {row.get('event')} {fw} as {role} on {row['date']} while {state} ({had})",
                rec,
            )


# --- other tables ------------------------------------------------------------------------------


@rule
def _coverage(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("consular_coverage")
    if p is None:
        return
    for line, rec, row in _rows(parsed, "consular_coverage"):
        listed = row.get("where") == "listed"
        if listed != bool(row.get("locations")):
            yield Problem(
                p.display,
                line,
                "locations",
                row.get("locations", ""),
                "`locations` is required exactly when `where` is `listed`",
                rec,
            )


@rule
def _practices(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("practices")
    if p is None:
        return
    for line, rec, row in _rows(parsed, "practices"):
        both = set(filter(None, row.get("gcm_primary", "").split("|"))) & set(
            filter(None, row.get("gcm_secondary", "").split("|"))
        )
        if both:
            yield Problem(
                p.display,
                line,
                "gcm_secondary",
                row["gcm_secondary"],
                f"objective(s) {'|'.join(sorted(both, key=int))} already primary",
                rec,
            )


@rule
def _claims(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    p = parsed.get("claims")
    if p is None:
        return
    key_cache: dict[str, set[str] | None] = {}
    for line, rec, row in _rows(parsed, "claims"):
        name = row.get("table", "")
        if name not in _tables.infos():
            yield Problem(p.display, line, "table", name, f"unknown table; expected one of {', '.join(_tables.names())}", rec)
            continue
        target = _tables.table(name)
        pk = target.primary_key[0] if target.primary_key else None
        if name not in key_cache:
            key_cache[name] = _keys(parsed, name, pk) if pk else None
        keys = key_cache[name]
        if keys is not None and row.get("record_id") and row["record_id"] not in keys:
            yield Problem(
                p.display, line, "record_id", row["record_id"], f"{row['record_id']} not found in {_tables.file(name)}:{pk}", rec
            )
        col = target.by_name.get(row.get("field", ""))
        if col is not None and row.get("value"):
            broken = strict_rule(col)(row["value"])
            if broken:
                yield Problem(p.display, line, "value", row["value"], f"not a valid {name}.{col.name}: {broken}", rec)


# --- evidence ----------------------------------------------------------------------------------

#: A note that explains a missing quote: a sentence ``No evidence quote: <why>`` anywhere in the note.
NO_EVIDENCE = re.compile(r"(?:^|[.!?)\]]\s+)No evidence quote:\s*\S")


@rule
def _evidence(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    """Every row of a fact table (one declaring an ``evidence`` column) quotes its source or says why not."""
    for name, p in parsed.items():
        if "evidence" not in _tables.table(name).by_name or "evidence" not in p.header:
            continue
        for line, rec, row in _rows(parsed, name):
            if not row.get("evidence") and not NO_EVIDENCE.search(row.get("note", "")):
                yield Problem(
                    p.display,
                    line,
                    "evidence",
                    "",
                    'a fact row needs an evidence quote, or a note starting "No evidence quote:" that says why',
                    rec,
                )


# --- parent links and exclusive roles (issue 14) ---------------------------------------------------


@rule
def _parent_cycles(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    """A column that points at its own table's key (``frameworks.parent_id``) must form a tree: no row its own ancestor."""
    for name, p in parsed.items():
        table = _tables.table(name)
        if len(table.primary_key) != 1:
            continue
        pk = table.primary_key[0]
        for col in table.columns:
            if col.name == pk or (name, pk) not in col.fks or col.name not in p.header:
                continue
            parent: dict[str, str] = {}
            where: dict[str, tuple[int, int]] = {}
            for line, rec, row in _rows(parsed, name):
                key = row.get(pk, "")
                if key and key not in where:
                    where[key] = (line, rec)
                    if row.get(col.name):
                        parent[key] = row[col.name]
            reported: set[frozenset[str]] = set()
            for start in sorted(parent):
                chain: list[str] = []
                seen: dict[str, int] = {}
                node = start
                while node in parent and node not in seen:
                    seen[node] = len(chain)
                    chain.append(node)
                    node = parent[node]
                if node not in seen:
                    continue
                cycle = chain[seen[node] :]
                if frozenset(cycle) in reported:
                    continue
                reported.add(frozenset(cycle))
                for i, member in enumerate(cycle):
                    loop = " → ".join([*cycle[i:], *cycle[:i], member])
                    line, rec = where[member]
                    yield Problem(p.display, line, col.name, parent[member], f"circular `{col.name}` links: {loop}", rec)


class _Term(NamedTuple):
    party: str
    start: tuple[dt.date, dt.date]
    line: int
    record: int
    date: str
    end: tuple[dt.date, dt.date] | None = None
    end_line: int | None = None
    end_date: str = ""


@rule
def _exclusive_roles(parsed: dict[str, Parsed]) -> Iterator[Problem]:
    """Roles one party holds at a time (:data:`~migresearch.datasets.events.EXCLUSIVE_ROLES`): two terms of a
    framework's role must not overlap.  A new holder's term start ends the previous term when no end is
    recorded (sources often date a handover only by who took over), so an overlap is a term that surely
    starts inside another's recorded term, or two holders starting on the same day."""
    p = parsed.get("memberships")
    if p is None:
        return
    dated = []
    for line, rec, row in _rows(parsed, "memberships"):
        when = span(row, "date")
        if when is not None and row.get("role") in events.EXCLUSIVE_ROLES and row.get("event") in ("term_start", "term_end"):
            dated.append((when, line, rec, row))
    dated.sort(key=lambda t: (t[0][0], t[1]))
    terms: dict[tuple[str, str], list[_Term]] = defaultdict(list)
    open_terms: dict[tuple[str, str, str], int] = {}
    for when, line, rec, row in dated:
        fw, role, party = row.get("framework_id", ""), row["role"], party_of(row)
        key = (fw, role, party)
        if row["event"] == "term_start":
            open_terms[key] = len(terms[(fw, role)])
            terms[(fw, role)].append(_Term(party, when, line, rec, row["date"]))
        elif key in open_terms:
            i = open_terms.pop(key)
            terms[(fw, role)][i] = terms[(fw, role)][i]._replace(end=when, end_line=line, end_date=row["date"])
    for (fw, role), held in terms.items():
        for i, a in enumerate(held):
            for b in held[i + 1 :]:
                if b.party == a.party:
                    continue
                same_day = a.start == b.start and a.start[0] == a.start[1]
                inside = a.end is not None and a.start[1] < b.start[0] and b.start[1] < a.end[0]
                if same_day or inside:
                    until = f" to {a.end_date} (line {a.end_line})" if a.end is not None else ""
                    yield Problem(
                        p.display,
                        b.line,
                        "date",
                        b.date,
                        f"{b.party} starts a {role} term of {fw} while {a.party} holds it (term from {a.date} at line "
                        f"{a.line}{until}): one holder at a time",
                        b.record,
                    )
