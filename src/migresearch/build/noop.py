"""The fast no-op of ``migresearch build``: decide that nothing changed from file hashes alone, in milliseconds.

A build that publishes records in its manifest a ``noop`` record (:func:`record`): a :func:`key` over the
hashes of everything the pages, manifest and index depend on (the data files, the package code, the
page template version, the notebooks), the declared reports with those up to date, and the data files
it hashed.  :func:`up_to_date` recomputes the key and answers without validating, planning, importing
pandas or Jinja, or drawing the index; anything it cannot vouch for sends the caller down the full path
(:mod:`migresearch.build.publish`), which behaves exactly as before.

Standard library only, and it imports neither the catalogue nor the planner: it is all that a no-op
``migresearch build`` process loads besides the command line.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from migresearch import files, paths

MANIFEST = "manifest.json"
LOCK = ".build.lock"
JOURNAL = ".publish-journal.json"
#: Bump when the page template or HTML conversion changes, so every report is rebuilt.
RENDER_VERSION = "2"

_PACKAGE = Path(__file__).resolve().parent.parent


def code_files() -> list[Path]:
    """Every module of the package (a code change rebuilds every report), in a stable order."""
    found: list[Path] = []
    for folder, dirs, names in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found.extend(Path(folder, n) for n in names if n.endswith(".py"))
    return sorted(found)


def code_hash() -> str:
    """The hash of the package's code (:func:`code_files`): in the manifest, every inputs hash and the no-op key."""
    return files.files_digest(code_files())


def key(data_hash: str, code: str, notebooks: Path, reports: Iterable[tuple[str, str]]) -> str:
    """What every page, the manifest and the index of a build depend on, in one hash: the whole data (so a
    no-op decided from it is stricter than the per-report read sets), the package code, the page template,
    the notebooks folder and each declared report's name and notebook bytes (``reports``: name, notebook)."""
    h = hashlib.sha256(b"noop\0")
    h.update(f"{data_hash}\0{code}\0{RENDER_VERSION}\0{notebooks}\n".encode())
    for name, notebook in reports:
        try:
            digest = hashlib.sha256(files.read_regular(notebooks / notebook)).hexdigest()
        except OSError:
            digest = "missing"
        h.update(f"{name}\0{notebook}\0{digest}\n".encode())
    return h.hexdigest()


def record(
    data_hash: str,
    code: str,
    notebooks: Path,
    reports: Iterable[tuple[str, str]],
    data_files: Sequence[str],
    declared: Sequence[tuple[str, str]],
    fresh: Sequence[str],
) -> dict[str, Any]:
    """The manifest's ``noop`` record: the :func:`key`, the data files hashed (in data-version order), every
    declared report (path and report name, so a later ``--only`` selects without planning) and those up to
    date when the manifest was written."""
    return {
        "key": key(data_hash, code, notebooks, reports),
        "reports": [list(r) for r in reports],
        "data_files": list(data_files),
        "declared": [list(d) for d in declared],
        "fresh": list(fresh),
    }


def _data_digest(data: Path, names: Sequence[str]) -> str | None:
    """The data version's digest over ``names``, or ``None`` if any is missing, not a regular file or a
    symlink out of the folder: the snapshot would refuse it, so the full path must run and say so."""
    root = data.resolve()
    items: list[tuple[str, bytes | None]] = []
    for name in names:
        path = data / name
        try:
            real = path.resolve(strict=True)
            if root not in real.parents:
                return None
            items.append((name, files.read_regular(real, 64 * 1024 * 1024)))
        except OSError:
            return None
    return files.bytes_digest(items)


def _stamp_ok() -> bool:
    """Whether ``SOURCE_DATE_EPOCH`` is unset or valid (the full path refuses a malformed one)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return True
    import datetime as dt

    text = epoch.strip()
    try:
        return text.isdigit() and dt.datetime.fromtimestamp(int(text), dt.UTC) is not None
    except (ValueError, OverflowError, OSError):
        return False


def _selected(declared: list[tuple[str, str]], only: str | None, langs: Sequence[str]) -> list[str]:
    """The declared reports a build with ``--only``/``--lang`` would plan (as :func:`migresearch.reports.plan`)."""
    if only is None:
        return [rel for rel, _ in declared if rel.split("/", 1)[0] in langs]
    import fnmatch

    from migresearch.reports import _may_match

    out = []
    for rel, name in declared:
        lang, page = rel.split("/", 1)
        slug = page[: -len(".html")]
        if lang in langs and _may_match(name, only) and (fnmatch.fnmatch(slug, only) or fnmatch.fnmatch(name, only)):
            out.append(rel)
    return out


def up_to_date(
    out: Path | None = None,
    data_dir: Path | None = None,
    only: str | None = None,
    langs: Sequence[str] = ("en", "es"),
    notebooks: Path | None = None,
) -> list[str] | None:
    """The selected reports' paths when a build would change nothing; ``None`` when the full path must run
    (to build, validate, recover, report a lock or an error).

    Nothing changed when the :func:`key` of the data files, code and notebooks equals the one the last build
    recorded, every selected report was up to date then and its page is still there, the index pages exist,
    nothing is pending (a journal, a staging folder, a report to withdraw) and no build holds the lock.  The
    full path would then only re-check what the key covers: the validation (cached by data and code hash),
    each report's inputs hash and the index (a function of the manifest, data and code).  Reads, never writes.
    """
    out = (out or paths.reports_dir()).resolve()
    data = paths.data_dir(data_dir)
    notebooks = (notebooks or paths.notebooks_dir()).resolve()
    if not _stamp_ok() or (out / JOURNAL).exists() or any(out.glob(".staging-*")):
        return None
    try:
        fd = os.open(out / LOCK, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # a build holds it exclusively: the full path says so
        except OSError:
            return None
        try:
            document = json.loads((out / MANIFEST).read_bytes())
            noop = document["noop"]
            declared = [(str(rel), str(name)) for rel, name in noop["declared"]]
            reports = [(str(name), str(notebook)) for name, notebook in noop["reports"]]
            data_files = [str(name) for name in noop["data_files"]]
            fresh = set(noop["fresh"])
            listed = {r["path"] for r in document["reports"]}
            data_hash, code = str(document["validated"]).split(":", 1)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        declared_langs = {rel.split("/", 1)[0] for rel, _ in declared}
        if any(lang not in declared_langs for lang in langs) or not listed <= {rel for rel, _ in declared}:
            return None  # an unsupported language (the full path names it) or a report to withdraw
        selected = _selected(declared, only, langs)
        if not selected or not all(rel in fresh and (out / rel).is_file() for rel in selected):
            return None
        if not all((out / page).is_file() for page in ("index.html", *(f"{lang}/index.html" for lang in declared_langs))):
            return None
        if code_hash() != code or _data_digest(data, data_files) != data_hash:
            return None
        if noop["key"] != key(data_hash, code, notebooks, reports):
            return None
        return selected
    finally:
        os.close(fd)


__all__ = ["JOURNAL", "LOCK", "MANIFEST", "RENDER_VERSION", "code_files", "code_hash", "key", "record", "up_to_date"]
