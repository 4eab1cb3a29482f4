"""The data version: one identifier for one state of the data, computed here and nowhere else.

It is the first 12 hex digits of a SHA-256 over the names and bytes of every registered table's file,
with the data's date beside it: the latest access date of any source (the day the data was last checked
against its sources). ``df.attrs``, report footers, the build manifest, the index and
``migresearch --version`` all show this pair. Standard library only: the no-op build path uses it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
from pathlib import Path

from migresearch import files, paths
from migresearch.datasets import compiled


@dataclasses.dataclass(frozen=True)
class DataVersion:
    """One state of the data: ``id`` (12 hex digits of the content hash), the full ``digest`` and ``date``."""

    digest: str
    date: dt.date | None

    @property
    def id(self) -> str:
        return self.digest[:12]

    def __str__(self) -> str:
        return f"{self.date.isoformat() if self.date else 'undated'} ({self.id})"


def data_files(directory: Path) -> list[Path]:
    """The file of every registered table in ``directory``, in registry order."""
    return [directory / compiled.file(name) for name in compiled.names()]


def _latest_access(directory: Path) -> dt.date | None:
    latest: dt.date | None = None
    try:
        with (directory / compiled.file("sources")).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    day = dt.date.fromisoformat(row.get("accessed_date") or "")
                except ValueError:
                    continue
                latest = day if latest is None or day > latest else latest
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return latest


def data_version(data_dir: str | os.PathLike[str] | Path | None = None) -> DataVersion:
    """The version of the data in ``data_dir`` (default: the package's data folder).

    >>> v = data_version()
    >>> len(v.id), v.id == v.digest[:12]
    (12, True)
    """
    directory = paths.data_dir(data_dir)
    return DataVersion(files.files_digest(data_files(directory)), _latest_access(directory))
