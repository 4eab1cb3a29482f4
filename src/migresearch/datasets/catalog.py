"""Generated descriptions of the data: ``data/datapackage.json``, ``docs/data-dictionary.md`` and the
compiled registry ``datasets/_compiled.json`` (see :mod:`migresearch.datasets.compiled`).

Both are read off the registry and the schemas; never edit them by hand.
Run ``migresearch catalog`` to regenerate them (``make reports`` does).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from migresearch import paths
from migresearch._version import __version__
from migresearch.datasets import compiled as _tables
from migresearch.datasets.compiled import Column
from migresearch.files import write_text

#: Licence of the curated compilation (the facts' own sources keep their terms; see `sources.licence`).
LICENCE = "CC-BY-4.0"


def constraint_text(col: Column) -> str:
    """A short human-readable statement of a column's rule."""
    parts = []
    if col.values:
        parts.append("one of: " + ", ".join(col.values) + (" (ordered)" if col.ordered else ""))
    if col.pattern and col.kind == "id":
        parts.append(f"pattern `{col.pattern}`")
    if col.ge is not None or col.le is not None:
        parts.append(f"range {col.ge if col.ge is not None else ''}–{col.le if col.le is not None else ''}")
    if col.kind == "list":
        item = col.meta.get("item")
        if item == "integer":
            parts.append(f"`|`-separated integers {col.meta.get('item_ge')}–{col.meta.get('item_le')}")
        elif item == "code":
            parts.append("`|`-separated, each one of: " + ", ".join(col.meta["item_values"]))
        else:
            parts.append("`|`-separated list")
    if col.max_length is not None:
        parts.append(f"at most {col.max_length} characters")
    if col.kind == "date":
        parts.append("YYYY-MM-DD" + (", not in the future" if col.meta.get("not_future") else ""))
    if col.meta.get("cldr"):
        parts.append(f"ISO 3166-1 {col.meta['cldr']} code known to CLDR")
    if col.meta.get("precision_column"):
        parts.append(f"precision in `{col.meta['precision_column']}`")
    return "; ".join(parts)


_TYPES = {
    "id": "string",
    "text": "string",
    "url": "string",
    "code": "string",
    "list": "string",
    "integer": "integer",
    "decimal": "number",
    "boolean": "boolean",
    "date": "date",
}


#: Data Package v2 profiles (https://datapackage.org/standard/).
PROFILES = "https://datapackage.org/profiles/2.0/"


def _field(col: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": col.name, "type": _TYPES[col.kind], "title": col.title, "description": col.description}
    if col.kind == "list":
        # v2 list fields: the delimiter and the item type, instead of an opaque string
        item = col.meta.get("item")
        field.update(type="list", delimiter="|", itemType="integer" if item == "integer" else "string")
    if col.kind == "code" and col.values:
        # v2 categorical: the code list, ordered where the declaration says so (a precision, say)
        field["categories"] = list(col.values)
        if col.ordered:
            field["categoriesOrdered"] = True
    if col.kind == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    if col.kind == "date":
        field["format"] = "%Y-%m-%d"
    if col.kind == "url":
        field["format"] = "uri"
    constraints: dict[str, Any] = {}
    if not col.nullable:
        constraints["required"] = True
    if col.values:
        constraints["enum"] = list(col.values)
    if col.pattern and col.kind in ("id", "url"):
        constraints["pattern"] = col.pattern.removeprefix("^").removesuffix("$")
    if col.ge is not None:
        constraints["minimum"] = col.ge
    if col.le is not None:
        constraints["maximum"] = col.le
    if col.max_length is not None:
        constraints["maxLength"] = col.max_length
    if col.min_length is not None:
        constraints["minLength"] = col.min_length
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage() -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the shipped tables."""
    resources = []
    for spec in _tables._from_registry().values():
        table = spec.table
        fks = []
        for col in table.columns:
            targets = col.fks
            # Frictionless keys are single-valued and single-target: lists and either-or keys are checked by `validate` only.
            if len(targets) == 1 and col.kind != "list":
                ref_table, ref_col = targets[0]
                fks.append(
                    {
                        "fields": [col.name],
                        "reference": {"resource": "" if ref_table == spec.name else ref_table, "fields": [ref_col]},
                    }
                )
        schema: dict[str, Any] = {
            "$schema": PROFILES + "tableschema.json",
            "fields": [_field(c) for c in table.columns],
            "missingValues": [""],
            "primaryKey": list(table.primary_key),
        }
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": spec.name,
                "path": spec.file,
                "title": spec.title,
                "description": spec.description,
                "$schema": PROFILES + "dataresource.json",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"$schema": PROFILES + "tabledialect.json", "delimiter": ",", "doubleQuote": True, "header": True},
                "schema": schema,
            }
        )
    return {
        "$schema": PROFILES + "datapackage.json",
        "name": "migresearch",
        "title": "migresearch: EU-LAC migration cooperation data",
        "description": "Cooperation frameworks, memberships, meetings, instruments, regularisation programmes, "
        "consular cooperation, practices and figures for EU-Latin America and Caribbean migration research. "
        "Generated from the package's schemas by `migresearch catalog`; do not edit.",
        "version": __version__,
        "licenses": [
            {"name": LICENCE, "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}
        ],
        "contributors": [{"title": "migresearch contributors", "roles": ["creator"]}],
        # Every row cites one source of the `sources` resource; the package lists them all once.
        "sources": _sources(),
        "resources": resources,
    }


def _sources() -> list[dict[str, str]]:
    """The package's sources: title and address of every row of ``sources.csv`` (stdlib csv, no pandas)."""
    import csv

    path = paths.data_dir() / _tables.file("sources")
    with path.open(encoding="utf-8", newline="") as fh:
        return [{"title": r["title"], "path": r["url"]} for r in csv.DictReader(fh) if r.get("url")]


def data_dictionary() -> str:
    """The data dictionary as Markdown: every table, every column, from the declarations."""
    lines = [
        "# Data dictionary",
        "",
        "Generated by `migresearch catalog` from the schemas in `src/migresearch/datasets/`; do not edit.",
        "Dates are ISO 8601; a `*_precision` column says whether its date is known to the day, month or year.",
        "`inferred` lists the columns of a row whose value was deduced, and `inferred_from` says from what.",
        "",
    ]
    for spec in _tables._from_registry().values():
        table = spec.table
        lines += [
            f"## `{spec.name}`: {spec.title}",
            "",
            spec.description,
            "",
            f"File `data/{spec.file}`; primary key `{', '.join(table.primary_key)}`.",
            "",
            "| column | title | type | required | references | rule | description |",
            "|---|---|---|---|---|---|---|",
        ]
        for col in table.columns:
            cells = [
                f"`{col.name}`",
                col.title,
                col.kind,
                "yes" if not col.nullable else "",
                (col.meta.get("fk") or "").replace("|", " or "),
                constraint_text(col),
                col.description,
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def targets(root: Path | None = None) -> dict[Path, str]:
    """Each generated file and the content it should have."""
    base = root or paths.project_root() or Path.cwd()
    return {
        base / "data" / "datapackage.json": json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n",
        base / "docs" / "data-dictionary.md": data_dictionary(),
        _tables.COMPILED: _tables.compiled_json(),
    }


def stale(root: Path | None = None) -> list[Path]:
    """Generated files whose content is not what the schemas produce now."""
    out = []
    for path, content in targets(root).items():
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != content:
            out.append(path)
    return out


def write(root: Path | None = None) -> list[Path]:
    """Regenerate the files that are stale (atomically); return the ones written."""
    written = []
    for path, content in targets(root).items():
        if path in stale(root):
            write_text(path, content)
            written.append(path)
    return written
