"""migresearch: typed, cited, tested data on EU-LAC migration cooperation.

Importing the package is silent and cheap: no I/O, no network, and pandas,
pandera and the data are only touched when a function is called.

Examples
--------
>>> import migresearch
>>> migresearch.list_datasets()[:3]
['sources', 'countries', 'regions']
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from migresearch.validation.report import Report

from migresearch._version import __version__

__all__ = [
    "__version__",
    "list_datasets",
    "load",
    "describe",
    "validate",
    "data_version",
    "load_sources",
    "load_countries",
    "load_places",
    "load_regions",
    "load_gcm_objectives",
    "load_gcm_principles",
    "load_eu_presidencies",
    "load_frameworks",
    "load_memberships",
    "load_meetings",
    "load_forum_themes",
    "load_instruments",
    "load_un_votes",
    "load_regularisations",
    "load_regularisation_instruments",
    "load_consular_mechanisms",
    "load_consular_coverage",
    "load_practices",
    "load_series",
    "load_figures",
    "load_framework_objectives",
    "load_claims",
]


def list_datasets() -> list[str]:
    """Names of every registered table, parents first.

    Returns
    -------
    list of str
        The names :func:`load` accepts, in registry order.
    """
    from migresearch._api import list_datasets as _f

    return _f()


def load(name: str, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load one table, validated, with pandas nullable dtypes and parsed dates.

    Parameters
    ----------
    name : str
        A name of :func:`list_datasets` (``"meetings"``...).
    data_dir : str or os.PathLike, optional
        The folder of CSV files; default ``$MIGRESEARCH_DATA``, a checkout's ``data/`` or the shipped copy.

    Returns
    -------
    pandas.DataFrame
        One column per declared column; ``attrs`` holds title, description, licence, file and data version.

    Raises
    ------
    migresearch.errors.UnknownDatasetError
        For a name not in the registry (a ``KeyError``, with a did-you-mean).
    migresearch.errors.DataValidationError
        When the table or a table it references breaks its declaration (every problem listed).
    """
    from migresearch._api import load as _f

    return _f(name, data_dir)


def describe(name: str) -> pd.DataFrame:
    """The data dictionary of one table, read off its declaration.

    Parameters
    ----------
    name : str
        A name of :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        One row per column: ``column``, ``title``, ``type``, ``required``, ``key``, ``references``,
        ``constraints``, ``description``.

    Raises
    ------
    migresearch.errors.UnknownDatasetError
        For a name not in the registry.
    """
    from migresearch._api import describe as _f

    return _f(name)


def validate(data_dir: str | os.PathLike[str] | None = None) -> Report:
    """Validate every table of a data folder, collecting every problem in one pass (nothing is raised for bad data).

    Parameters
    ----------
    data_dir : str or os.PathLike, optional
        The folder of CSV files (default as for :func:`load`).

    Returns
    -------
    migresearch.validation.report.Report
        ``ok``, ``problems`` (each printable as ``data/<file>.csv:<line>:<column>: <value>: <rule>``) and
        ``parsed``.
    """
    from migresearch.validation import validate as _f

    return _f(data_dir)


def data_version(data_dir: str | os.PathLike[str] | None = None) -> str:
    """Short content hash of every registered data file (changes when any byte changes).

    Parameters
    ----------
    data_dir : str or os.PathLike, optional
        The folder of CSV files (default as for :func:`load`).

    Returns
    -------
    str
        The first 12 hexadecimal digits of a SHA-256 over the files' names and bytes.
    """
    from migresearch._api import data_version as _f

    return _f(data_dir)


def load_sources(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``sources`` table (``load("sources")``)."""
    return load("sources", data_dir)


def load_countries(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``countries`` table (``load("countries")``)."""
    return load("countries", data_dir)


def load_regions(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``regions`` table (``load("regions")``)."""
    return load("regions", data_dir)


def load_places(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``places`` table (``load("places")``)."""
    return load("places", data_dir)


def load_gcm_objectives(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``gcm_objectives`` table (``load("gcm_objectives")``)."""
    return load("gcm_objectives", data_dir)


def load_gcm_principles(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``gcm_principles`` table (``load("gcm_principles")``)."""
    return load("gcm_principles", data_dir)


def load_eu_presidencies(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``eu_presidencies`` table (``load("eu_presidencies")``)."""
    return load("eu_presidencies", data_dir)


def load_frameworks(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``frameworks`` table (``load("frameworks")``)."""
    return load("frameworks", data_dir)


def load_memberships(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``memberships`` table (``load("memberships")``)."""
    return load("memberships", data_dir)


def load_meetings(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``meetings`` table (``load("meetings")``)."""
    return load("meetings", data_dir)


def load_forum_themes(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``forum_themes`` table (``load("forum_themes")``)."""
    return load("forum_themes", data_dir)


def load_instruments(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``instruments`` table (``load("instruments")``)."""
    return load("instruments", data_dir)


def load_un_votes(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``un_votes`` table (``load("un_votes")``)."""
    return load("un_votes", data_dir)


def load_regularisations(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``regularisations`` table (``load("regularisations")``)."""
    return load("regularisations", data_dir)


def load_regularisation_instruments(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``regularisation_instruments`` table (``load("regularisation_instruments")``)."""
    return load("regularisation_instruments", data_dir)


def load_consular_mechanisms(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``consular_mechanisms`` table (``load("consular_mechanisms")``)."""
    return load("consular_mechanisms", data_dir)


def load_consular_coverage(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``consular_coverage`` table (``load("consular_coverage")``)."""
    return load("consular_coverage", data_dir)


def load_practices(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``practices`` table (``load("practices")``)."""
    return load("practices", data_dir)


def load_series(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``series`` table (``load("series")``)."""
    return load("series", data_dir)


def load_figures(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``figures`` table (``load("figures")``)."""
    return load("figures", data_dir)


def load_framework_objectives(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``framework_objectives`` table (``load("framework_objectives")``)."""
    return load("framework_objectives", data_dir)


def load_claims(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the ``claims`` table (``load("claims")``)."""
    return load("claims", data_dir)
