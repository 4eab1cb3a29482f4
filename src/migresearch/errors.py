"""Every public exception of migresearch, in one module.

A user catches what a call raises without knowing which module raised it,
and a newcomer finds every error the package can raise in one place.  This
module is standard library only and imports nothing from the package, so every
layer can raise from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migresearch.validation.report import Problem


class UnknownDatasetError(KeyError):
    """Raised for a dataset name that is not in the registry; the message lists the valid ones."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class DataValidationError(ValueError):
    """Raised by :func:`migresearch.load` when the data breaks its declaration.

    ``problems`` holds every :class:`~migresearch.validation.report.Problem`, each printable as
    ``data/<file>.csv:<line>:<column>: <value>: <rule>``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{head}{more}")


class ParameterError(ValueError):
    """A parameter set that is not allowed: unknown name, wrong type or value outside the allow-list."""


class BuildLocked(RuntimeError):
    """Another build holds the lock on the output folder."""


class CellTimeout(Exception):
    """A cell ran longer than the allowed time."""


class MissingParametersCell(ValueError):
    """The notebook has no cell tagged ``parameters``."""


# --- build faults (issue 14) ------------------------------------------------------------------------
# The architecture work moves every class above under one base class; until it lands, the classes the
# build needs are declared here under that base (merge: keep one MigresearchError, the other's bases).

class MigresearchError(Exception):
    """Base class of every exception migresearch raises on purpose."""


class UnsafePathError(MigresearchError, ValueError):
    """A path built from data or parameters that would leave its root folder (``../`` segments, a symlink)."""


class BuildConfigError(MigresearchError, ValueError):
    """A build setting that cannot be used, such as a ``SOURCE_DATE_EPOCH`` that is not a whole number of seconds."""


class OutputError(MigresearchError, OSError):
    """The output folder cannot be written (read-only, full disk, not a folder); the message names the path."""

    def __str__(self) -> str:  # one line: what could not be done, where, and why (OSError would add "[Errno n]")
        return str(self.strerror)
