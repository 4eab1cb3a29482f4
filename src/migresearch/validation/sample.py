"""A review sheet of random fact rows, for a human to check each against its cited source.

``migresearch sample --n 30 --seed 20261202`` draws ``n`` rows, reproducibly for a given
seed and data, from every fact table (a table that declares an ``evidence`` column) and
writes them as CSV and HTML with each row's table, key, key values, evidence quote and the
title and address of the cited source.  The HTML escapes every cell and links only
``http(s)`` addresses.  Standard library only, like :func:`~migresearch.validation.validate`.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import os
import random
from collections.abc import Sequence
from pathlib import Path

from migresearch.datasets import compiled as _tables
from migresearch.errors import DataValidationError

#: Columns shown in their own field (or not at all) rather than among the key values.
_NOT_KEY_VALUES = {"evidence", "note", "inferred", "inferred_from", "source_id"}
#: Longest text cell shown among the key values; longer ones are cut.
_TEXT_LIMIT = 80

COLUMNS = [
    "n",
    "table",
    "key",
    "where",
    "key_values",
    "evidence",
    "source_id",
    "source_title",
    "source_url",
    "held",
    "reviewer_note",
]


@dataclasses.dataclass(frozen=True)
class Sampled:
    """One drawn fact row and what a reviewer needs to check it."""

    table: str
    key: str
    where: str  # ``data/<file>.csv:<line>``
    key_values: str
    evidence: str
    source_id: str
    source_title: str
    source_url: str


def fact_tables() -> list[str]:
    """Registered tables that declare an ``evidence`` column, in registry order."""
    return [n for n in _tables.names() if "evidence" in _tables.table(n).by_name]


def _key_values(table: str, row: dict[str, str]) -> str:
    spec = _tables.table(table)
    pk = set(spec.primary_key)
    parts = []
    for col in spec.columns:
        name, value = col.name, row.get(col.name, "")
        if not value or name in pk or name in _NOT_KEY_VALUES or name.endswith("_precision"):
            continue
        if col.kind == "date":
            prec = row.get(name.removesuffix("_date") + "_precision") or row.get(name + "_precision")
            value = f"{value} ({prec})" if prec else value
        elif col.kind == "text" and len(value) > _TEXT_LIMIT:
            value = value[: _TEXT_LIMIT - 1] + "…"
        parts.append(f"{name}={value}")
    return "; ".join(parts)


def draw(n: int, seed: int, data_dir: str | os.PathLike[str] | None = None) -> list[Sampled]:
    """``n`` fact rows drawn at random (all of them when there are fewer); same seed and data, same rows."""
    from migresearch.validation import validate

    if n < 0:
        raise ValueError("n must be zero or more")
    names = fact_tables()
    report = validate(data_dir, names)
    if report.problems:
        raise DataValidationError(report.problems)
    sources = {r["source_id"]: r for r in report.parsed["sources"].records} if "sources" in report.parsed else {}
    population = []
    for name in names:
        parsed = report.parsed[name]
        pk = _tables.table(name).primary_key
        for line, row in zip(parsed.lines, parsed.records):
            population.append((name, "|".join(row.get(k, "") for k in pk), f"{parsed.display}:{line}", row))
    picked = random.Random(seed).sample(population, min(n, len(population)))
    out = []
    for name, key, where, row in picked:
        src = sources.get(row.get("source_id", ""), {})
        out.append(
            Sampled(
                name,
                key,
                where,
                _key_values(name, row),
                row.get("evidence", ""),
                row.get("source_id", ""),
                src.get("title", ""),
                src.get("url", ""),
            )
        )
    return out


def to_csv(rows: Sequence[Sampled]) -> str:
    """The review sheet as CSV (UTF-8, ``\\n`` line ends), with empty ``held`` and ``reviewer_note`` columns."""
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for i, r in enumerate(rows, start=1):
        w.writerow([i, r.table, r.key, r.where, r.key_values, r.evidence, r.source_id, r.source_title, r.source_url, "", ""])
    return buf.getvalue()


def _link(url: str, text: str) -> str:
    label = html.escape(text or url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{label}</a>'
    return label


def to_html(rows: Sequence[Sampled], title: str = "Review sheet") -> str:
    """The review sheet as a standalone HTML page; every cell escaped, sources linked."""
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in ["#", "table", "key", "where", "key values", "evidence", "source", "held?"])
    body = []
    for i, r in enumerate(rows, start=1):
        source = _link(r.source_url, r.source_title or r.source_id)
        if r.source_url:
            source += f"<br><small>{esc(r.source_id)} · {esc(r.source_url)}</small>"
        body.append(
            f"<tr><td>{i}</td><td>{esc(r.table)}</td><td><code>{esc(r.key)}</code></td><td><code>{esc(r.where)}</code></td>"
            f"<td>{esc(r.key_values)}</td><td><q>{esc(r.evidence)}</q></td><td>{source}</td><td></td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:4px;vertical-align:top;font-size:90%}"
        "td:nth-child(6){max-width:28em}</style></head><body>\n"
        f"<h1>{esc(title)}</h1>\n<p>Check each row's key values against the cited source; "
        "mark it held or not, and note what differs.</p>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table></body></html>\n"
    )


def write(n: int, seed: int, out: str | os.PathLike[str] = ".", data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Draw and write ``sample-<seed>-<n>.csv`` and ``.html`` into ``out``; returns the two paths."""
    rows = draw(n, seed, data_dir)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"sample-{seed}-{n}"
    csv_path, html_path = folder / f"{stem}.csv", folder / f"{stem}.html"
    csv_path.write_text(to_csv(rows), encoding="utf-8", newline="")
    html_path.write_text(to_html(rows, f"Review sheet: {len(rows)} fact rows, seed {seed}"), encoding="utf-8")
    return [csv_path, html_path]
