"""Files, standard library only: atomic writes and content digests.

Both sit on the fast no-op path of ``migresearch build`` (which must not import pandas), and both
are what makes the build safe: a write is a temp file in the same folder, ``fsync`` and
``os.replace`` (nothing half-written), and whether anything changed is decided from content hashes
of the files, never from timestamps.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; on any failure the old file is untouched and no temp remains."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`write_bytes`)."""
    write_bytes(path, text.encode("utf-8"))


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
