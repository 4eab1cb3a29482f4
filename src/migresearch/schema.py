"""Former location of :mod:`migresearch.datasets.fields`, kept so that existing imports keep working.

Import from :mod:`migresearch.datasets.fields` instead; this module will be removed in a later version.
"""

import warnings

from migresearch.datasets.fields import (
    ISO3,
    MAX_CELL,
    MAX_EVIDENCE,
    MAX_FILE_BYTES,
    PRECISIONS,
    SLUG,
    DatasetSpec,
    boolean,
    code,
    date,
    decimal,
    evidence,
    ident,
    inferred,
    inferred_from,
    integer,
    note,
    plist,
    precision,
    source_id,
    text,
    url,
)

__all__ = [
    "ISO3",
    "MAX_CELL",
    "MAX_EVIDENCE",
    "MAX_FILE_BYTES",
    "PRECISIONS",
    "SLUG",
    "DatasetSpec",
    "boolean",
    "code",
    "date",
    "decimal",
    "evidence",
    "ident",
    "inferred",
    "inferred_from",
    "integer",
    "note",
    "plist",
    "precision",
    "source_id",
    "text",
    "url",
]

warnings.warn("migresearch.schema is deprecated; import from migresearch.datasets.fields", DeprecationWarning, stacklevel=2)
