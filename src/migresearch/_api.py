"""The public loading API: list, load and describe the registered tables."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from migresearch.datasets import compiled as _tables
from migresearch.errors import UnknownDatasetError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["UnknownDatasetError", "data_version", "describe", "list_datasets", "load"]

#: The tables read in this process since :func:`record_reads` (``None``: nobody is recording).
_READS: set[str] | None = None


def record_reads() -> set[str]:
    """Start recording which tables this process reads; return the set that every later read adds to.

    ``migresearch build`` calls it in each forked report process and stores what the report read in
    its manifest, so a change to one table rebuilds only the reports that read it.  Every
    :func:`load` adds its table's name (cache hits too); the build adds what it observes otherwise.
    """
    global _READS
    _READS = set()
    return _READS


def note_read(name: str) -> None:
    """Add ``name`` to the tables being recorded (nothing when nobody records, or inside :func:`keys_of`)."""
    if _READS is not None and not _QUIET:
        _READS.add(name)


#: Suffix of a recorded read of a table's primary keys only (``practices#keys``): what :func:`keys_of` reads.
KEYS = "#keys"
_QUIET: list[bool] = []


def keys_of(name: str, data_dir: str | os.PathLike[str] | None = None) -> pd.Series:
    """The first (primary-key) column of table ``name``, recorded as a read of ``name#keys``, not of the table.

    A page that only asks which ids exist (to name a record an English note mentions) depends on the
    table's keys, not on its other cells: the build hashes ``name#keys`` as the key column's text alone, so a
    changed summary in ``practices.csv`` does not rebuild it, while a new or renamed practice does.
    """
    _QUIET.append(True)
    try:
        frame = load(name, data_dir)
    finally:
        _QUIET.pop()
    note_read(name + KEYS)
    return frame[frame.columns[0]]


def note_keys_read(names: list[str]) -> None:
    """Record a read of the keys of each of ``names`` (see :func:`keys_of`), for a caller that cached them."""
    for name in names:
        note_read(name + KEYS)


def list_datasets() -> list[str]:
    """Names of every registered table, parents first.

    >>> "meetings" in list_datasets()
    True
    """
    return _tables.names()


def _spec(name: str) -> _tables.Info:
    try:
        return _tables.infos()[name]
    except (KeyError, TypeError):
        raise UnknownDatasetError(name, _tables.names()) from None


def load(name: str, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load one table, validated, with pandas nullable dtypes and parsed dates.

    The table and every table it references are validated first; any
    problem raises :class:`~migresearch.errors.DataValidationError`
    listing all of them.  ``df.attrs`` carries the title, description,
    licence, file and data version.

    >>> df = load("gcm_objectives")
    >>> int(df["objective"].max())
    23
    """
    return _typed(name, data_dir)[1].copy(deep=True)


def _typed(name: str, data_dir: str | os.PathLike[str] | None) -> tuple[tuple[str, str, object], pd.DataFrame]:
    """What :func:`load` returns before its copy (the cached frame itself, never to be modified), recorded
    as a read and validated as :func:`load` does; with the key of its cache entry and validated parse."""
    from migresearch.datasets.catalog import LICENCE
    from migresearch.validation import DataValidationError, table_of, validate
    from migresearch.validation.csvfile import to_frame

    spec = _spec(name)
    note_read(name)  # before validation: a report that fails on a table still read it
    report = validate(data_dir, [name])
    if report.problems:
        raise DataValidationError(report.problems)
    key = (str(report.data_dir), name)
    cached = _FRAMES.get(key)
    if cached is not None and cached[0] is report.parsed[name]:
        return (*key, cached[0]), cached[1]
    from migresearch.datasets.version import data_version as _version

    frame = to_frame(report.parsed[name], table_of(name))
    version = _version(data_dir)
    frame.attrs.update(
        name=spec.name,
        title=spec.title,
        description=spec.description,
        licence=LICENCE,
        file=spec.file,
        data_version=version.id,
        data_date=version.date.isoformat() if version.date else None,
    )
    _FRAMES[key] = (report.parsed[name], frame)
    return (*key, report.parsed[name]), frame


#: The typed frame last built per (data folder, table), with the validated parse it was built from;
#: a new parse (the file changed) replaces it.
_FRAMES: dict[tuple[str, str], tuple[object, pd.DataFrame]] = {}


def read(name: str, data_dir: str | os.PathLike[str] | None = None, index: str | None = None) -> pd.DataFrame:
    """Table ``name`` for the package's own code that only reads it: :func:`load`'s validated frame,
    recorded as a read on every call like :func:`load`, but neither deep-copied nor carrying ``attrs``
    (which pandas would deep-copy into every frame derived from it); indexed by the column ``index``
    when given (built once per validated parse, not on every call).

    The frame is a shallow copy where pandas copies on write (always from pandas 3), so assigning to it
    (``frame[c] = ...``, ``.loc[...] = ...``) never reaches the cache; writing into one of its arrays in
    place (``frame[c].array[i] = ...``) would, so a caller that needs that uses :func:`load`.  Under a
    pandas without copy-on-write (2.x by default) it is a deep copy, as :func:`load`'s is.
    """
    entry, frame = _typed(name, data_dir)
    bare = _BARE.get((entry[:2], index))
    if bare is None or bare[0] is not entry[2]:
        plain = frame.copy(deep=False)
        plain.attrs = {}
        bare = (entry[2], plain if index is None else plain.set_index(index))
        _BARE[(entry[:2], index)] = bare
    return bare[1].copy(deep=not _copy_on_write())


def _copy_on_write() -> bool:
    """True when pandas copies shared data before a write to it: always from pandas 3, an option in pandas 2."""
    import pandas as pd

    if int(pd.__version__.split(".", 1)[0]) >= 3:
        return True
    return pd.get_option("mode.copy_on_write") is True


#: Per (data folder, table) and index column: the parse :func:`read` last built its frame from, and that frame.
_BARE: dict[tuple[tuple[str, str], str | None], tuple[object, pd.DataFrame]] = {}


def describe(name: str) -> pd.DataFrame:
    """The data dictionary of one table: one row per column, read off its declaration.

    >>> describe("countries").loc[0, "column"]
    'iso3'
    """
    import pandas as pd

    from migresearch.datasets.catalog import constraint_text
    from migresearch.validation import table_of

    _spec(name)
    table = table_of(name)
    rows = []
    for col in table.columns:
        rows.append(
            {
                "column": col.name,
                "title": col.title,
                "type": col.kind,
                "required": not col.nullable,
                "key": "primary" if col.name in table.primary_key else ("unique" if col.unique else ""),
                "references": (col.meta.get("fk") or "").replace("|", " or "),
                "constraints": constraint_text(col),
                "description": col.description,
            }
        )
    return pd.DataFrame(rows)


def data_version(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The data version's identifier: 12 hex digits of the content hash of every registered data file.

    See :mod:`migresearch.datasets.version`, which also gives the data's date.
    """
    from migresearch.datasets.version import data_version as _version

    return _version(data_dir).id
