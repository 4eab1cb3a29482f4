"""Former location of :mod:`migresearch.datasets.registry`, kept so that existing imports keep working.

Import from :mod:`migresearch.datasets.registry` instead; this module will be removed in a later version.
"""

import warnings

from migresearch.datasets.registry import BY_NAME, DATASETS

__all__ = ["BY_NAME", "DATASETS"]

warnings.warn("migresearch.registry is deprecated; import from migresearch.datasets.registry", DeprecationWarning, stacklevel=2)
