"""Former location of :mod:`migresearch.datasets.catalog`, kept so that existing imports keep working.

Import from :mod:`migresearch.datasets.catalog` instead; this module will be removed in a later version.
"""

import warnings

from migresearch import paths
from migresearch.datasets.catalog import LICENCE, constraint_text, data_dictionary, datapackage, stale, targets, write

__all__ = ["LICENCE", "constraint_text", "data_dictionary", "datapackage", "stale", "targets", "write", "paths"]

warnings.warn("migresearch.catalog is deprecated; import from migresearch.datasets.catalog", DeprecationWarning, stacklevel=2)
