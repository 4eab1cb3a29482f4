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
import re
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
        pairs = (str(t).split(".", 1) for t in str(spec).split("|"))
        return tuple((table, column) for table, column in pairs)


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
META_KEYS: frozenset[str] = frozenset(
    {
        "kind",
        "fk",
        "multiline",
        "not_future",
        "precision_column",
        "precision_of",
        "item",
        "item_pattern",
        "item_ge",
        "item_le",
        "item_values",
        "cldr",
    }
)
#: What each pandera check becomes in a :class:`Column`; a check not listed here is refused, never dropped.
_CHECKS: dict[str, Any] = {
    "str_matches": lambda s: {"pattern": str(s["pattern"])},
    "isin": lambda s: {"values": tuple(s["allowed_values"])},
    "greater_than_or_equal_to": lambda s: {"ge": s["min_value"]},
    "less_than_or_equal_to": lambda s: {"le": s["max_value"]},
    "in_range": lambda s: {"ge": s["min_value"], "le": s["max_value"]} if s["include_min"] and s["include_max"] else None,
    "str_length": lambda s: (
        {"min_length": s["min_value"], "max_length": s["max_value"]} if s.get("exact_value") is None else None
    ),
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
    # Options that change what a table accepts, which the strict reader does not do: refused, never ignored.
    for option in ("coerce", "add_missing_columns", "drop_invalid_rows"):
        if getattr(schema, option, False):
            raise _refuse(model, None, f"Config.{option} = True")
    if schema.index is not None:
        raise _refuse(model, None, "an index field (tables are read with a plain row index)")
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
        for option, bad in (("coerce", True), ("regex", True), ("required", False), ("drop_invalid_rows", True)):
            if getattr(col, option, not bad) == bad:
                raise _refuse(model, name, f"field option {option}={bad}")
        if col.default is not None:
            raise _refuse(model, name, "a default value (an empty cell is unknown, never filled in)")
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


_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<base>migresearch(?:\.\w+)*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#]+)"
    r"|import[ \t]+(?P<module>migresearch(?:\.\w+)*))",
    re.MULTILINE,
)


def _imports(source: str) -> list[str]:
    """The ``migresearch`` modules a source imports at run time (imports under ``if TYPE_CHECKING:`` do not count).

    A line scan, not :mod:`ast`: this runs before every validation in a fresh process and must cost
    a millisecond, not a tenth of a second.
    """
    kept: list[str] = []
    skip_deeper_than: int | None = None
    for line in source.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        if line.strip() in ("if TYPE_CHECKING:", "if typing.TYPE_CHECKING:"):
            skip_deeper_than = indent
            continue
        kept.append(line)
    out: list[str] = []
    for m in _IMPORT.finditer("\n".join(kept)):
        if m["module"]:
            out.append(m["module"])
            continue
        out.append(m["base"])
        for name in m["names"].strip("() \n").split(","):
            name = name.split(" as ")[0].strip()
            if name:
                out.append(f"{m['base']}.{name}")
    return out


def declaring_modules() -> list[Path]:
    """The files that define the tables: the registry and every ``migresearch`` module it imports, transitively.

    Found by reading the imports (no import of pandera), so a module a declaration starts to use (a new
    code-list module, the event grammar) guards the cache without anyone listing it.
    """
    seen: dict[str, Path] = {}
    stack = [_ROOT_MODULE]
    while stack:
        module = stack.pop()
        path = _module_path(module)
        if module in seen or path is None:
            continue
        seen[module] = path
        stack.extend(_imports(path.read_text(encoding="utf-8")))
    return sorted(set(seen.values()))


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
    """Hash of the declarations themselves: the bytes of every module :func:`declaring_modules` finds, so an
    edited declaration, wherever it lives, is never answered from a stale compiled JSON."""
    h = hashlib.sha256()
    for path in declaring_modules():
        rel = path.relative_to(_PACKAGE).as_posix()
        h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
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
        out[d["name"]] = Info(
            d["name"], d["file"], d["title"], d["description"], d["family"], Table(cols, tuple(d["primary_key"]))
        )
    return out


@functools.cache
def infos() -> dict[str, Info]:
    """Every table, parents first: from the compiled JSON when current, else from the declarations."""
    try:
        compiled = _from_json(COMPILED.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        compiled = None
    return compiled if compiled is not None else _from_registry()


# --- CLDR codes ------------------------------------------------------------------------------------

CldrCodes = dict[str, dict[str, str]]


def _user_assigned(alpha2: str) -> bool:
    """ISO 3166-1's user-assigned alpha-2 codes (AA, QM-QZ, XA-XZ, ZZ), which CLDR lists as private use;
    Kosovo's XK, a CLDR territory, is kept."""
    return alpha2 != "XK" and (alpha2 in ("AA", "ZZ") or (alpha2[0] == "Q" and alpha2[1] >= "M") or alpha2[0] == "X")


def cldr_from_babel() -> tuple[CldrCodes, str]:
    """ISO 3166-1 codes as CLDR knows them, read from Babel: ``{"alpha3"|"numeric"|"alpha2": {code: alpha-2}}``.

    From CLDR's territory aliases, which map every alpha-3 and numeric code to its alpha-2 code.
    """
    import babel
    from babel.core import get_global

    aliases = get_global("territory_aliases")
    alpha3 = {k: v[0] for k, v in aliases.items() if len(k) == 3 and k.isalpha() and len(v) == 1 and not _user_assigned(v[0])}
    numeric = {k: v[0] for k, v in aliases.items() if len(k) == 3 and k.isdigit() and len(v) == 1 and not _user_assigned(v[0])}
    alpha2 = {v: v for v in alpha3.values()}
    return {
        "alpha3": dict(sorted(alpha3.items())),
        "numeric": dict(sorted(numeric.items())),
        "alpha2": dict(sorted(alpha2.items())),
    }, f"Babel {babel.__version__}"


@functools.cache
def cldr_codes() -> tuple[CldrCodes, str]:
    """The CLDR codes validation checks against, and where they come from.

    ``migresearch catalog`` stores them in the compiled JSON, read here while the declarations are current
    (loading Babel's CLDR tables costs about 0.3 s), so validation gives the same answer whatever Babel is
    installed; otherwise they are read from the installed Babel. The stored file records no Babel version:
    the codes are the content, and they are the same from the oldest supported Babel (2.14) to today's.
    """
    try:
        data = json.loads(COMPILED.read_text(encoding="utf-8"))
        stored = data["cldr"]
        if data.get("schema_hash") == schema_hash():
            return {k: dict(stored[k]) for k in ("alpha3", "numeric", "alpha2")}, "as stored by migresearch catalog"
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return cldr_from_babel()


def compiled_json() -> str:
    """The JSON that ``migresearch catalog`` writes (always compiled from the declarations)."""
    datasets = [
        {
            "name": i.name,
            "file": i.file,
            "title": i.title,
            "description": i.description,
            "family": i.family,
            "primary_key": list(i.table.primary_key),
            "columns": [_column_json(c) for c in i.table.columns],
        }
        for i in _from_registry().values()
    ]
    codes = cldr_from_babel()
    return (
        json.dumps(
            {
                "schema_hash": schema_hash(),
                "generated_by": "migresearch catalog; do not edit",
                "datasets": datasets,
                "cldr": codes[0],
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )


def names() -> list[str]:
    return list(infos())


def table(name: str) -> Table:
    return infos()[name].table


def file(name: str) -> str:
    return infos()[name].file
