"""The registry in compiled form: each table's name, file, texts and column rules.

Compiling the pandera declarations needs pandas and pandera (about 2 s of
imports).  ``migresearch catalog`` therefore also writes
``datasets/_compiled.json`` from them, with a hash of the files that declare
them.  When that hash matches the files on disk, validation reads the JSON
and never imports pandas or pandera; when it does not (a schema was edited and
the catalog not yet regenerated), the declarations are compiled afresh, so
the answer is always the declaration's.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from migresearch.datasets._base import Column, Table

_PACKAGE = Path(__file__).resolve().parent
COMPILED = _PACKAGE / "datasets" / "_compiled.json"
#: The files whose content defines the tables (their hash guards the compiled JSON).
DECLARING = ("schema.py", "registry.py", "datasets/_base.py", "datasets/reference.py", "datasets/frameworks.py",
             "datasets/practices.py")


@dataclasses.dataclass(frozen=True)
class Info:
    """One registered table in compiled form."""

    name: str
    file: str
    title: str
    description: str
    family: str
    table: Table


def schema_hash() -> str:
    h = hashlib.sha256()
    for rel in DECLARING:
        h.update(rel.encode() + b"\0" + (_PACKAGE / rel).read_bytes() + b"\0")
    return h.hexdigest()


def _column_json(col: Column) -> dict[str, Any]:
    out = dataclasses.asdict(col)
    out["values"] = list(col.values) if col.values is not None else None
    return out


def _from_registry() -> dict[str, Info]:
    from migresearch.datasets._base import compile_schema
    from migresearch.registry import DATASETS

    return {s.name: Info(s.name, s.file, s.title, s.description, s.family, compile_schema(s.schema)) for s in DATASETS}


def _from_json(text: str) -> dict[str, Info] | None:
    data = json.loads(text)
    if data.get("schema_hash") != schema_hash():
        return None
    out = {}
    for d in data["datasets"]:
        cols = tuple(Column(**{**c, "values": tuple(c["values"]) if c["values"] is not None else None}) for c in d["columns"])
        out[d["name"]] = Info(d["name"], d["file"], d["title"], d["description"], d["family"], Table(cols, tuple(d["primary_key"])))
    return out


@functools.cache
def infos() -> dict[str, Info]:
    """Every table, parents first: from the compiled JSON when current, else from the declarations."""
    try:
        compiled = _from_json(COMPILED.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        compiled = None
    return compiled if compiled is not None else _from_registry()


def compiled_json() -> str:
    """The JSON that ``migresearch catalog`` writes (always compiled from the declarations)."""
    datasets = [
        {"name": i.name, "file": i.file, "title": i.title, "description": i.description, "family": i.family,
         "primary_key": list(i.table.primary_key), "columns": [_column_json(c) for c in i.table.columns]}
        for i in _from_registry().values()
    ]
    return json.dumps({"schema_hash": schema_hash(), "generated_by": "migresearch catalog; do not edit", "datasets": datasets},
                      indent=1, ensure_ascii=False) + "\n"


def names() -> list[str]:
    return list(infos())


def table(name: str) -> Table:
    return infos()[name].table


def file(name: str) -> str:
    return infos()[name].file
