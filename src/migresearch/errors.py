"""Every public exception of migresearch, in one module, under one base class :class:`MigresearchError`.

Why one module: a user catches what a call raises without knowing which module
raised it (``except migresearch.errors.MigresearchError``), a newcomer finds every
error the package can raise in one place, and the same wrong input raises the
same exception wherever it is given: an unknown framework id is an
:class:`UnknownFrameworkError` in ``query.members_on``, ``query.timeline`` and the
framework profile alike, always with a did-you-mean hint.

Each class also derives from the built-in exception callers caught before this
module existed (``KeyError`` for an unknown id, ``ValueError`` for a bad value,
``TypeError`` for a wrong type), so existing ``except`` clauses keep working.

Standard library only and importing nothing from the package, so every layer
can raise from it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migresearch.validation.report import Problem

__all__ = [
    "AmbiguousKeyError",
    "BuildConfigError",
    "BuildLocked",
    "CellTimeout",
    "DataValidationError",
    "DeclarationError",
    "InvalidDateError",
    "MigresearchError",
    "MissingParametersCell",
    "MissingSourceError",
    "NotebookNotFoundError",
    "NotInCheckoutError",
    "UsageError",
    "NotRegularFileError",
    "OutputError",
    "ParameterError",
    "ParameterTypeError",
    "ParameterValueError",
    "UnknownCountryError",
    "UnknownDatasetError",
    "UnknownFieldError",
    "UnknownFrameworkError",
    "UnknownIdError",
    "UnknownPlaceError",
    "UnknownSeriesError",
    "UnknownSourceError",
    "UnsafePathError",
    "UnsupportedLanguageError",
    "did_you_mean",
]


class MigresearchError(Exception):
    """Base class of every exception migresearch raises on purpose."""


def did_you_mean(value: object, valid: Iterable[str]) -> str | None:
    """The valid value closest to ``value``: an exact match ignoring case first, then the closest spelling.

    >>> did_you_mean("per", ["PER", "PRY"])
    'PER'
    >>> did_you_mean("meeting", ["meetings", "memberships"])
    'meetings'
    >>> did_you_mean("zzz", ["PER"]) is None
    True
    """
    options = [str(v) for v in valid]
    text = str(value)
    folded = {v.casefold(): v for v in options}
    if text.casefold() in folded:
        return folded[text.casefold()]
    close = difflib.get_close_matches(text, options, n=1) or difflib.get_close_matches(
        text.casefold(), [v.casefold() for v in options], n=1
    )
    if close:
        return folded.get(close[0], close[0])
    return None


# --- unknown identifiers --------------------------------------------------------------------------


class UnknownIdError(MigresearchError, KeyError):
    """An identifier that is not in its table or code list.

    ``kind`` names what was looked up (``"framework"``, ``"country code"``...),
    ``value`` the value given, ``valid`` every accepted value and ``suggestion``
    the closest one (or ``None``).  The message says all of it on one line.
    """

    kind = "identifier"
    #: What a valid value looks like, said after the kind (e.g. "(ISO 3166-1 alpha-3 expected)").
    expected = ""

    def __init__(self, value: object, valid: Iterable[str], kind: str | None = None) -> None:
        self.value = value
        self.valid = tuple(sorted(str(v) for v in valid))
        if kind is not None:
            self.kind = kind
        self.suggestion = did_you_mean(value, self.valid)
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion is not None else ""
        expected = f" ({self.expected})" if self.expected else ""
        shown = ", ".join(self.valid[:40]) + (f", ... ({len(self.valid)} in all)" if len(self.valid) > 40 else "")
        sep = " " if hint else ". "
        super().__init__(f"unknown {self.kind} {value!r}{expected}{hint}{sep}Valid: {shown}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class UnknownDatasetError(UnknownIdError):
    """A dataset (table) name that is not in the registry; the message lists the valid ones."""

    kind = "dataset"

    def __init__(self, value: object, valid: Iterable[str]) -> None:
        super().__init__(value, valid)
        # the registry's historic wording, which users and tests rely on
        hint = f" Did you mean {self.suggestion!r}?" if self.suggestion is not None else ""
        self.args = (f"unknown dataset {value!r}.{hint} Valid names: {', '.join(valid)}",)


class UnknownFrameworkError(UnknownIdError):
    """A framework id that is not in ``frameworks.csv:framework_id``."""

    kind = "framework"


class UnknownCountryError(UnknownIdError):
    """A country code that is not in ``countries.csv:iso3``."""

    kind = "country code"
    expected = "ISO 3166-1 alpha-3 expected"


class UnknownPlaceError(UnknownIdError):
    """A place that is neither a country code nor a region id."""

    kind = "place"
    expected = "an ISO 3166-1 alpha-3 code or a region_id of regions.csv"


class UnknownSeriesError(UnknownIdError):
    """A series id that is not in ``series.csv:series_id``."""

    kind = "series"


class UnknownFieldError(UnknownIdError):
    """A field (column or claimed field) that a table does not have."""

    kind = "field"


class UnknownSourceError(UnknownIdError):
    """A source id that is not in ``sources.csv:source_id``."""

    kind = "source"


# --- bad values -----------------------------------------------------------------------------------


class InvalidDateError(MigresearchError, ValueError):
    """A date given in a form the API does not read: only ISO 8601 ``YYYY-MM-DD`` strings and date objects.

    ``"01/06/2019"`` is refused rather than guessed: it is the 1st of June in
    Latin America and Europe and the 6th of January in the United States.
    """

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(
            f"not a date: {value!r}; give an ISO 8601 string 'YYYY-MM-DD' (e.g. '2019-06-01') "
            "or a datetime.date (day/month orders such as '01/06/2019' are ambiguous and refused)"
        )


class AmbiguousKeyError(MigresearchError, ValueError):
    """A join key that means two things (a party id that is both a country and a framework)."""


class MissingSourceError(MigresearchError, ValueError):
    """A table or chart that would be shown without a source."""


class ParameterError(MigresearchError, ValueError):
    """A parameter set that is not allowed: unknown name, wrong type or value outside the allow-list."""


class ParameterTypeError(ParameterError, TypeError):
    """A parameter value of a type a notebook cannot receive (only str, int, float and bool)."""


class ParameterValueError(ParameterError, UnknownIdError):
    """A report parameter value outside its allow-list (a framework id, say): both a
    :class:`ParameterError` and an :class:`UnknownIdError`, with the same did-you-mean."""

    def __init__(self, report: str, name: str, value: object, valid: Iterable[object]) -> None:
        UnknownIdError.__init__(self, value, [str(v) for v in valid], kind=f"value of parameter {name!r}")
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion is not None else ""
        shown = ", ".join(map(str, valid))
        sep = " " if hint else "; "
        self.args = (f"{report}: {name}={value!r} is not allowed{hint}{sep}valid values: {shown}",)


class UnsupportedLanguageError(ParameterError):
    """A report language other than those of :data:`migresearch.i18n.LANGS`."""

    def __init__(self, lang: object, langs: Iterable[str]) -> None:
        self.lang = lang
        self.langs = tuple(langs)
        close = did_you_mean(lang, self.langs)
        hint = f"; did you mean {close!r}?" if close is not None and close != lang else ""
        super().__init__(f"unsupported language {lang!r}; expected one of {', '.join(self.langs)}{hint}")


# --- the data and its declarations --------------------------------------------------------------


class DataValidationError(MigresearchError, ValueError):
    """Raised by :func:`migresearch.load` when the data breaks its declaration.

    ``problems`` holds every :class:`~migresearch.validation.report.Problem`, each printable as
    ``data/<file>.csv:<line>:<column>: <value>: <rule>``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} data problem(s):\n{head}{more}")


class DeclarationError(MigresearchError, TypeError):
    """A table declaration that ``validate`` cannot apply (an unknown check or field kind): refused, never dropped."""


# --- files and the build ----------------------------------------------------------------------------


class NotInCheckoutError(MigresearchError, FileNotFoundError):
    """Something only a source checkout has (the notebooks) was asked for from an installed package."""


class NotebookNotFoundError(MigresearchError, FileNotFoundError):
    """A declared report's notebook is missing."""


class BuildLocked(MigresearchError, RuntimeError):
    """Another build holds the lock on the output folder."""


class CellTimeout(MigresearchError):
    """A cell ran longer than the allowed time."""


class MissingParametersCell(MigresearchError, ValueError):
    """The notebook has no cell tagged ``parameters``."""


class UsageError(MigresearchError):
    """A command line that cannot be carried out as given (a missing data folder, a ``--only`` pattern that
    matches nothing, ``catalog`` outside a checkout without ``--out``): one line, exit code 2."""


# --- build faults (issue 14) ------------------------------------------------------------------------


class UnsafePathError(MigresearchError, ValueError):
    """A path built from data or parameters that would leave its root folder (``../`` segments, a symlink)."""


class BuildConfigError(MigresearchError, ValueError):
    """A build setting that cannot be used, such as a ``SOURCE_DATE_EPOCH`` that is not a whole number of seconds."""


class OutputError(MigresearchError, OSError):
    """The output folder cannot be written (read-only, full disk, not a folder); the message names the path."""

    def __str__(self) -> str:  # one line: what could not be done, where, and why (OSError would add "[Errno n]")
        return str(self.strerror)


class NotRegularFileError(MigresearchError, OSError):
    """A FIFO, socket, device or folder where a regular file was expected (refused without reading, so never a hang)."""
