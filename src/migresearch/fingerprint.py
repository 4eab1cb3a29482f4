"""Content hashes (standard library only: used on the fast no-op path of ``migresearch build``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_digest(files: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of ``files`` (a missing file hashes as absent)."""
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<missing>")
        h.update(b"\0")
    return h.hexdigest()
