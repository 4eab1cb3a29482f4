"""Rules within one file: date precision companions, inferred fields, primary and unique keys.

They need the whole file (a duplicate key names the line of the first
occurrence) but no other table; rules across tables live in
:mod:`migresearch.validation.tables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from migresearch.datasets.compiled import Table, cldr_codes
from migresearch.validation.cells import parse_date
from migresearch.validation.report import Problem

if TYPE_CHECKING:
    from migresearch.validation.csvfile import Parsed


def check_rows(parsed: Parsed, table: Table) -> None:
    """Rules within one file: precision companions, inferred fields, primary and unique keys, CLDR code pairs."""
    problems, display = parsed.problems, parsed.display
    _check_cldr_pairs(parsed, table)
    precisions = [(c.name, c.meta["precision_column"]) for c in table.columns if c.meta.get("precision_column")]
    has_inferred = "inferred" in table.by_name and "inferred_from" in table.by_name
    keyed = [c.name for c in table.columns if c.unique] + (["\x00pk"] if table.primary_key else [])
    seen: dict[str, dict[tuple[str, ...], int]] = {k: {} for k in keyed}
    for rec_no, (line, row) in enumerate(zip(parsed.lines, parsed.records), start=1):
        for date_col, prec_col in precisions:
            d, p = row.get(date_col, ""), row.get(prec_col, "")
            if (d == "") != (p == ""):
                col, val = (prec_col, p) if d == "" else (prec_col, p)
                rule = f"`{prec_col}` must be set exactly when `{date_col}` is set"
                problems.append(Problem(display, line, col, val, rule, rec_no))
            elif d and p in ("month", "year"):
                pd_ = parse_date(d)
                if pd_ and (pd_.day != 1 or (p == "year" and pd_.month != 1)):
                    first = "the first of the month" if p == "month" else "1 January"
                    problems.append(
                        Problem(display, line, date_col, d, f"a date with {p} precision is stored as {first}", rec_no)
                    )
        if has_inferred:
            inf, why = row.get("inferred", ""), row.get("inferred_from", "")
            if inf and not why:
                problems.append(
                    Problem(display, line, "inferred_from", why, "an inferred value needs its reason in `inferred_from`", rec_no)
                )
            if why and not inf:
                problems.append(
                    Problem(display, line, "inferred", inf, "`inferred_from` is set but no field is listed in `inferred`", rec_no)
                )
            for name in filter(None, inf.split("|")):
                if name not in table.by_name or name in ("inferred", "inferred_from", "source_id", "note"):
                    problems.append(Problem(display, line, "inferred", name, "not a fact column of this table", rec_no))
        for key in keyed:
            cols: tuple[str, ...] = table.primary_key if key == "\x00pk" else (key,)
            value = tuple(row.get(c, "") for c in cols)
            if any(v == "" for v in value):
                continue
            seen_at = seen[key].get(value)
            if seen_at is None:
                seen[key][value] = line
            else:
                label = ",".join(f"{c}={v}" for c, v in zip(cols, value))
                kind = "primary key" if key == "\x00pk" else "value in unique column"
                problems.append(
                    Problem(
                        display, line, cols[0], ",".join(value), f"duplicate {kind} {label} (first at line {seen_at})", rec_no
                    )
                )


def _check_cldr_pairs(parsed: Parsed, table: Table) -> None:
    """An alpha-3 or numeric code names the same country as the row's alpha-2 code (per CLDR)."""
    by_kind = {str(c.meta["cldr"]): c.name for c in table.columns if c.meta.get("cldr")}
    alpha2 = by_kind.get("alpha2")
    others = [(k, n) for k, n in by_kind.items() if k != "alpha2"]
    if alpha2 is None or not others:
        return
    codes, _ = cldr_codes()
    for rec_no, (line, row) in enumerate(zip(parsed.lines, parsed.records), start=1):
        two = row.get(alpha2, "")
        for which, name in others:
            value = row.get(name, "")
            expected = codes[which].get(value)
            if two and expected is not None and two in codes["alpha2"] and expected != two:
                parsed.problems.append(
                    Problem(
                        parsed.display,
                        line,
                        name,
                        value,
                        f"CLDR gives {value} the alpha-2 code {expected}, but `{alpha2}` is {two}",
                        rec_no,
                    )
                )
