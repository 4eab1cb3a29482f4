"""The declarations in compiled form: each table's columns and rules, readable without pandera.

Compiling the pandera declarations needs pandas and pandera (about 2 s of
imports).  ``migresearch catalog`` therefore also writes
``datasets/_compiled.json`` from them, with a hash of the files that declare
them.  When that hash matches the files on disk, validation reads the JSON
and never imports pandas or pandera; when it does not (a schema was edited and
the catalog not yet regenerated), the declarations are compiled afresh, so
the answer is always the declaration's.

This module is standard library only: it is the vocabulary (:class:`Column`,
:class:`Table`) shared by the declarations above it and the checker that
reads them (:mod:`migresearch.validation`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

#: Identifier pattern shared by every slug-style primary key.
SLUG = r"^[a-z0-9][a-z0-9._-]*$"
#: Longest text cell accepted (characters); longer cells are an error.
MAX_CELL = 4000
#: Largest data file accepted (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclasses.dataclass(frozen=True, eq=False)
class Column:
    """A column's rule, compiled from its declaration."""

    name: str
    kind: str
    nullable: bool
    title: str
    description: str
    meta: dict[str, Any]
    pattern: str | None = None
    values: tuple[str, ...] | None = None
    ordered: bool = False
    ge: float | None = None
    le: float | None = None
    unique: bool = False

    @property
    def fks(self) -> tuple[tuple[str, str], ...]:
        """Foreign-key targets as ``(table, column)`` pairs (a value may match any of them)."""
        spec = self.meta.get("fk")
        if not spec:
            return ()
        return tuple(tuple(t.split(".", 1)) for t in spec.split("|"))  # type: ignore[misc]


@dataclasses.dataclass(frozen=True)
class Table:
    """A compiled schema: its columns in declared order and its primary key."""

    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    @functools.cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


@functools.cache
def compile_schema(model: type) -> Table:
    """Read a pandera ``DataFrameModel`` into a :class:`Table` (cached per model)."""
    schema = model.to_schema()  # type: ignore[attr-defined]
    cols = []
    for name, col in schema.columns.items():
        meta = dict(col.metadata or {})
        info: dict[str, Any] = {}
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "str_matches":
                info["pattern"] = str(stats["pattern"])
            elif check.name == "isin":
                info["values"] = tuple(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                info["ge"] = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                info["le"] = stats["max_value"]
        dtype = col.dtype.type
        if meta.get("kind") == "code":
            info["ordered"] = bool(getattr(dtype, "ordered", False))
        cols.append(
            Column(
                name=name,
                kind=meta["kind"],
                nullable=bool(col.nullable),
                title=col.title or name,
                description=col.description or "",
                meta=meta,
                unique=bool(col.unique),
                **info,
            )
        )
    unique = schema.unique or []
    pk = tuple([unique] if isinstance(unique, str) else unique)
    return Table(tuple(cols), pk)

_PACKAGE = Path(__file__).resolve().parent.parent
COMPILED = _PACKAGE / "datasets" / "_compiled.json"
#: The files whose content defines the tables (their hash guards the compiled JSON).
DECLARING = ("datasets/fields.py", "datasets/registry.py", "datasets/compiled.py", "datasets/reference.py",
             "datasets/frameworks.py", "datasets/practices.py")


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
    from migresearch.datasets.registry import DATASETS

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
