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

import ast
import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from migresearch.errors import DeclarationError

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
    min_length: int | None = None
    max_length: int | None = None
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


#: The field kinds the validator has a cell rule for (see :mod:`migresearch.validation.cells`).
KINDS: frozenset[str] = frozenset({"id", "text", "code", "integer", "decimal", "boolean", "date", "url", "list"})
#: Every ``metadata`` key the validator reads; any other key is a typo or a rule nothing applies.
META_KEYS: frozenset[str] = frozenset({
    "kind", "fk", "multiline", "not_future", "precision_column", "precision_of",
    "item", "item_pattern", "item_ge", "item_le", "item_values", "cldr",
})
#: What each pandera check becomes in a :class:`Column`; a check not listed here is refused, never dropped.
_CHECKS: dict[str, Any] = {
    "str_matches": lambda s: {"pattern": str(s["pattern"])},
    "isin": lambda s: {"values": tuple(s["allowed_values"])},
    "greater_than_or_equal_to": lambda s: {"ge": s["min_value"]},
    "less_than_or_equal_to": lambda s: {"le": s["max_value"]},
    "in_range": lambda s: {"ge": s["min_value"], "le": s["max_value"]} if s["include_min"] and s["include_max"] else None,
    "str_length": lambda s: {"min_length": s["min_value"], "max_length": s["max_value"]} if s.get("exact_value") is None else None,
}


def _refuse(model: type, column: str | None, what: str) -> DeclarationError:
    where = f"{model.__module__}.{model.__qualname__}" + (f".{column}" if column else "")
    return DeclarationError(
        f"{where}: {what}; `migresearch validate` would not apply it. Declare it with the constructors of "
        "migresearch.datasets.fields (ge=, le=, pattern=, code lists, str_length) or teach "
        "migresearch.datasets.compiled and migresearch.validation.cells the new rule."
    )


@functools.cache
def compile_schema(model: type) -> Table:
    """Read a pandera ``DataFrameModel`` into a :class:`Table` (cached per model).

    Every declared rule becomes part of the compiled table, or the declaration is refused with a
    :class:`~migresearch.errors.DeclarationError` naming the model and column: a check pandera knows but
    ``validate`` does not apply (``gt``, ``notin``, a custom check, a dataframe-wide check), a field kind
    without a cell rule, or a ``metadata`` key nothing reads.  So ``validate`` and pandera never disagree
    silently about what a table allows.
    """
    schema = model.to_schema()  # type: ignore[attr-defined]
    if schema.checks:
        names = ", ".join(str(getattr(c, "name", c)) for c in schema.checks)
        raise _refuse(model, None, f"dataframe-wide check(s) {names}")
    cols = []
    for name, col in schema.columns.items():
        meta = dict(col.metadata or {})
        unknown = sorted(set(meta) - META_KEYS)
        if unknown:
            raise _refuse(model, name, f"unknown metadata key(s) {', '.join(unknown)}")
        if meta.get("kind") not in KINDS:
            raise _refuse(model, name, f"unknown field kind {meta.get('kind')!r} (expected one of {', '.join(sorted(KINDS))})")
        info: dict[str, Any] = {}
        for check in col.checks:
            convert = _CHECKS.get(str(check.name))
            compiled = convert(check.statistics or {}) if convert else None
            if compiled is None:
                raise _refuse(model, name, f"check {check.name!r} {check.statistics or ''}".rstrip())
            info.update({k: v for k, v in compiled.items() if v is not None})
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
#: Where the declarations start: the registry and, through their imports, every module they are made of.
_ROOT_MODULE = "migresearch.datasets.registry"


@dataclasses.dataclass(frozen=True)
class Info:
    """One registered table in compiled form."""

    name: str
    file: str
    title: str
    description: str
    family: str
    table: Table


def declaring_modules() -> list[Path]:
    """The files that define the tables: the registry and every ``migresearch`` module it imports, transitively.

    Found by reading the imports (:mod:`ast`, no import of pandera), so a module a declaration starts to
    use (a new code-list module, the event grammar) guards the cache without anyone listing it.
    """
    seen: dict[str, Path] = {}
    stack = [_ROOT_MODULE]
    while stack:
        module = stack.pop()
        path = _module_path(module)
        if module in seen or path is None:
            continue
        seen[module] = path
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                stack.append(node.module)
                stack.extend(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                stack.extend(a.name for a in node.names)
    return sorted(seen.values())


def _module_path(module: str) -> Path | None:
    if module != "migresearch" and not module.startswith("migresearch."):
        return None
    parts = module.split(".")[1:]
    base = _PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def schema_hash() -> str:
    """Hash of the declarations themselves: the syntax trees of :func:`declaring_modules` (comments and
    formatting do not count), so an edited declaration is never answered from a stale compiled JSON."""
    h = hashlib.sha256()
    for path in declaring_modules():
        rel = path.relative_to(_PACKAGE).as_posix()
        h.update(rel.encode() + b"\0" + ast.dump(ast.parse(path.read_bytes())).encode() + b"\0")
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
