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
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from migresearch.errors import NotRegularFileError


def write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; on any failure the old file is untouched and no temp remains.

    ``durable=False`` skips the ``fsync`` (about 5 ms here): only for a file nobody needs after a crash
    (a report's result file, read once by the build and discarded with its staging folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`write_bytes`)."""
    write_bytes(path, text.encode("utf-8"))


def file_kind(mode: int) -> str:
    """What a ``st_mode`` is, in words (``"FIFO"``, ``"folder"``...)."""
    for test, name in (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "special file"


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a *regular* file, read without ever blocking on a FIFO or a device.

    The file is opened non-blocking and checked with ``fstat`` on the open descriptor (no race
    between the check and the read); anything else raises :class:`~migresearch.errors.NotRegularFileError`, and a file
    larger than ``limit`` bytes raises ``OSError(EFBIG)``.
    """
    import errno

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(errno.EINVAL, f"not a regular file (a {file_kind(st.st_mode)})", str(path))
        if limit is not None and st.st_size > limit:
            raise OSError(errno.EFBIG, f"file larger than {limit} bytes", str(path))
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def bytes_digest(items: Iterable[tuple[str, bytes | None]]) -> str:
    """SHA-256 over ``(name, content)`` pairs; ``None`` content hashes as absent (as :func:`files_digest`)."""
    h = hashlib.sha256()
    for name, data in items:
        h.update(name.encode() + b"\0")
        h.update(b"<missing>" if data is None else data)
        h.update(b"\0")
    return h.hexdigest()


def files_digest(files: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of ``files`` (a missing or non-regular file hashes as absent; never blocks)."""

    def content(path: Path) -> bytes | None:
        try:
            return read_regular(path)
        except OSError:
            return None

    return bytes_digest((path.name, content(path)) for path in files)
