"""``migresearch build``: regenerate every declared report in English and Spanish, incrementally and safely.

The flow, and what each step protects:

0. (The command line only.) The fast no-op, :func:`migresearch.build.noop.up_to_date`: when the hashes of
   the data files, code and notebooks match the ``noop`` record the last build left in the manifest, every
   selected report is up to date and nothing is pending, the build ends there, in milliseconds, without
   validating, planning or drawing the index.  Anything else takes the steps below.
1. Take ``DIR/.build.lock`` (``fcntl``): two builds never interleave; the second fails at once.  The lock
   file names its holder's pid; a lock left by a build that is gone is taken over with a note, and the
   report processes never keep it (they close it, and die with their parent: :mod:`~migresearch.build.engine`).
2. Finish what a killed build left: roll back a half-done publish from ``DIR/.publish-journal.json``
   (so the last published set is whole again), then remove stale ``DIR/.staging-*`` folders.
3. Take a **snapshot** of the data: every ``*.csv`` is read once, as bytes (never blocking on a FIFO),
   hashed, and copied into ``DIR/.staging-<run>/data/``.  Everything after this reads the snapshot, so
   an edit during the run is ignored by it (and noted at the end); footers, manifest and data agree.
4. **Validate** the snapshot (cached in the manifest by data and code hash): bad data stops the build
   before anything is planned or run, with every ``data/<file>.csv:<line>:<column>`` problem.
5. Plan the jobs from :data:`migresearch.reports.REPORTS` and check every parameter set against its
   allow-list; every output path is resolved and must stay inside ``DIR`` (:func:`migresearch.paths.inside`).
6. Hash each job's inputs (notebook bytes, parameters, package code, and the data *of the tables the
   report read last time*, as its manifest entry lists them) with the standard library and skip those
   whose hash, status and HTML in ``DIR/manifest.json`` match: a change to one table rebuilds only the
   reports that read it.  A report built for the first time, or whose entry does not say what it read,
   is built.  Up to here nothing heavy is imported, so a no-op build costs a fraction of a second.
7. Run the rest in forked workers (:mod:`migresearch.build.engine`), writing only inside the staging folder.
   Each report process observes which tables it reads (:func:`migresearch.build.engine.observe_reads`) and
   sends them back with its result; its manifest entry stores them (``tables``) and its inputs hash covers
   those tables only (``<table>#keys`` where a report only asked which ids a table holds: hashed as its key
   column alone).  Reports run longest first, as the last build timed them.  Pages and manifest entries name the whole data's version they were built from, so
   a page skipped after a change to a table it did not read keeps the version it was built with.
8. Publish in two phases: a journal lists every file to swap in (and the pages of reports no longer
   declared, which are withdrawn); each pair is swapped in as one (the old files kept as hard links, and
   put back if any file of the pair fails); then the manifest is written and the journal removed.  A
   kill at any point is rolled back by the next build, so both languages of a report become visible
   together or not at all and the manifest describes exactly what is published.
9. Write ``index.html``, remove the staging folder, print a summary, and exit 0 only if every job succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import functools
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from migresearch import __version__, files, paths
from migresearch.build import REPORTS_PER_PROCESS, noop
from migresearch.build.index import framework_names, write_index
from migresearch.build.noop import JOURNAL, LOCK, MANIFEST, RENDER_VERSION  # shared with the fast no-op path
from migresearch.errors import (
    BuildConfigError,
    BuildLocked,
    DataValidationError,
    NotebookNotFoundError,
    NotRegularFileError,
    OutputError,
    ParameterError,
    UnsafePathError,
)
from migresearch.reports import LANGS, REPORTS, Job, ReportSpec, mark_validated, plan

__all__ = ["BuildLocked", "Outcome", "build", "run_cli"]


@dataclasses.dataclass
class Outcome:
    """What a build did: counts, failures, notes, and its exit code."""

    built: list[str] = dataclasses.field(default_factory=list)
    skipped: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    messages: list[str] = dataclasses.field(default_factory=list)
    #: Things the build did on its own that a user should know (a lock taken over, a publish rolled back).
    notes: list[str] = dataclasses.field(default_factory=list)
    withdrawn: list[str] = dataclasses.field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _output_error(exc: OSError, path: Path, doing: str) -> OutputError:
    why = exc.strerror or str(exc)
    return OutputError(exc.errno or errno.EIO, f"cannot {doing} {path}: {why}", str(path))


# --- 1. the lock ------------------------------------------------------------------------------------


def _holder(fd: int) -> int | None:
    """The pid written in the lock file, or ``None``."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
        return int(text.split()[0]) if text else None
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _open_lock(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise _output_error(exc, path, "create the lock file") from None


@contextlib.contextmanager
def locked(out: Path, outcome: Outcome | None = None) -> Iterator[int]:
    """Hold ``out/.build.lock`` for the ``with`` block; yield its file descriptor (report processes close it).

    Raises :class:`BuildLocked` while a live build holds it.  When the pid in the file is gone:
    either the kernel already released the lock (the build was killed) and it is simply taken, or a
    leftover process that inherited it still holds it, and the lock *file* is replaced by a new one
    (``os.replace``), which this build locks; both say so in ``outcome.notes``.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_error(exc, out, "create the output folder") from None
    path = out / LOCK
    notes = outcome.notes if outcome is not None else []
    for _ in range(5):
        fd = _open_lock(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if holder is None or _alive(holder):
                who = f" (pid {holder})" if holder else ""
                raise BuildLocked(
                    f"another build{who} is running in {out} (lock {path}); try again when it has finished"
                ) from None
            taken = _take_over(out, path)
            if taken is None:
                continue
            fd = taken
            notes.append(f"took over the lock {path}: its build (pid {holder}) is gone, but a leftover process still held it")
            break
        if os.path.exists(path) and os.stat(path).st_ino != os.fstat(fd).st_ino:
            os.close(fd)  # replaced by a take-over between our open and our lock: lock the new file
            continue
        holder = _holder(fd)
        if holder is not None and holder != os.getpid() and not _alive(holder):
            notes.append(f"took over the lock {path} of a build (pid {holder}) that is gone without finishing")
        break
    else:
        raise BuildLocked(f"could not take the lock {path}: it keeps being replaced")
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    except OSError as exc:
        os.close(fd)
        raise _output_error(exc, path, "write the lock file") from None
    try:
        yield fd
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # a clean exit leaves no holder behind
        os.close(fd)


def _take_over(out: Path, path: Path) -> int | None:
    """A fresh lock file, locked, swapped in for the stale one; ``None`` if another build was faster."""
    tmp = out / f".build.lock.{os.getpid()}"
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.replace(tmp, path)
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    if os.stat(path).st_ino != os.fstat(fd).st_ino:
        os.close(fd)
        return None
    return fd


# --- 2. recovery ----------------------------------------------------------------------------------


def _sha(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def _read(path: Path) -> bytes | None:
    try:
        return files.read_regular(path)
    except OSError:
        return None


def recover(out: Path, outcome: Outcome) -> None:
    """Roll back a publish that a killed (or failed) build left half-done, from its journal.

    A journal whose manifest is the one on disk was committed: it is only removed.  Otherwise every
    swapped file is put back from its hard-link backup (and a first-time page removed), so the files
    are again those the manifest on disk describes.
    """
    journal_path = out / JOURNAL
    raw = _read(journal_path)
    if raw is None:
        return
    try:
        journal = json.loads(raw)
        ops = journal["ops"]
        staging = paths.inside(out, journal["staging"])
    except (ValueError, KeyError, TypeError, UnsafePathError):
        outcome.notes.append(f"removed an unreadable publish journal {journal_path}")
        journal_path.unlink()
        return
    if journal.get("manifest_sha256") and journal["manifest_sha256"] == _sha(_read(out / MANIFEST)):
        journal_path.unlink()
        return
    restored = 0
    for op in reversed(ops):
        target = paths.inside(out, op["target"])
        backup = paths.inside(staging, op["backup"]) if op.get("backup") else None
        if backup is not None and backup.exists():
            os.replace(backup, target)
            restored += 1
        elif not op.get("had_old") and target.exists():
            target.unlink()
            restored += 1
    journal_path.unlink()
    outcome.notes.append(
        f"rolled back an interrupted publish ({journal.get('run', '?')}): {restored} file(s) restored to the last published set"
    )


# --- 3, 4. the snapshot and validation ----------------------------------------------------------


def _data_files(data_dir: Path) -> list[Path]:
    """The registered tables' files: the same files, in the same order, as the data version
    (:func:`migresearch.datasets.version.data_version`), so the snapshot's digest is that version."""
    from migresearch.datasets.version import data_files

    return data_files(data_dir)


@dataclasses.dataclass
class Snapshot:
    """The data as the build read it once at its start: a private copy, its hash, and any file refused."""

    folder: Path
    digest: str
    problems: list[Any]
    #: Each registered table's SHA-256 (of its file's bytes; ``"missing"`` when unreadable), by table name.
    tables: dict[str, str] = dataclasses.field(default_factory=dict)


def snapshot(data: Path, folder: Path) -> Snapshot:
    """Read every ``data/*.csv`` once (regular files only, never blocking), hash the bytes and copy them to ``folder``."""
    from migresearch.datasets import compiled
    from migresearch.datasets.compiled import MAX_FILE_BYTES
    from migresearch.validation.report import Problem

    folder.mkdir(parents=True, exist_ok=True)
    items: list[tuple[str, bytes | None]] = []
    problems = []
    root = data.resolve()
    for path in _data_files(data):
        display = paths.display_path(path, data)
        content: bytes | None = None
        try:
            real = path.resolve(strict=True)
            if root not in real.parents:
                problems.append(Problem(display, 0, "", str(real), "path resolves outside the data folder (unsafe symlink)"))
            else:
                content = files.read_regular(real, MAX_FILE_BYTES)
        except NotRegularFileError as exc:
            problems.append(Problem(display, 0, "", str(path), f"{exc.strerror}; refused"))
        except OSError as exc:
            problems.append(Problem(display, 0, "", str(path), f"unreadable: {exc.strerror or exc}"))
        items.append((path.name, content))
        if content is not None:
            (folder / path.name).write_bytes(content)
    tables = {name: _sha(content) or "missing" for name, (_, content) in zip(compiled.names(), items, strict=True)}
    for name, (_, content) in zip(compiled.names(), items, strict=True):
        tables[name + KEYS] = _keys_digest(compiled.table(name).names[0], content)
    return Snapshot(folder, files.bytes_digest(items), problems, tables)


#: A report that only asked which ids a table holds (:func:`migresearch._api.keys_of`) records ``<table>#keys``.
KEYS = "#keys"


def _keys_digest(column: str, content: bytes | None) -> str:
    """SHA-256 of one column's text, row by row (the key column: what ``<table>#keys`` reads); of the whole
    file when that column cannot be found (the validation then refuses the file anyway)."""
    import csv
    import io

    if content is None:
        return "missing"
    try:
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
        index = next(rows).index(column)
        h = hashlib.sha256(b"keys\0")
        for row in rows:
            h.update((row[index] if index < len(row) else "\0missing").encode() + b"\n")
        return h.hexdigest()
    except (UnicodeDecodeError, csv.Error, StopIteration, ValueError):
        return _sha(content) or "missing"


def _live_digest(data: Path) -> str:
    return files.files_digest(_data_files(data))


# --- 0. the fast no-op path (migresearch.build.noop) ----------------------------------------------


def _noop_record(
    declared: Sequence[Job],
    manifest: dict[str, dict[str, Any]],
    out: Path,
    notebooks: Path,
    reports: Sequence[ReportSpec],
    code_hash: str,
    data_hash: str,
    digests: dict[str, str],
) -> dict[str, Any]:
    """The manifest's ``noop`` record (:func:`migresearch.build.noop.record`): the declared reports up to date
    now are those that pass the planning step's own test (status ok, page present, inputs hash over the
    tables it read)."""
    from migresearch.datasets import compiled

    sources: dict[str, bytes | None] = {}
    fresh = []
    for job in declared:
        entry = manifest.get(job.relpath)
        read = read_set(entry)
        if not entry or read is None or entry.get("status") != "ok" or not (out / job.relpath).is_file():
            continue
        if job.spec.notebook not in sources:
            sources[job.spec.notebook] = _read(notebooks / job.spec.notebook)
        source = sources[job.spec.notebook]
        if source is not None and entry.get("inputs_hash") == inputs_hash(job, source, code_hash, tables_hash(read, digests)):
            fresh.append(job.relpath)
    return noop.record(
        data_hash,
        code_hash,
        notebooks,
        [(spec.name, spec.notebook) for spec in reports],
        [compiled.file(name) for name in compiled.names()],
        [(job.relpath, job.spec.name) for job in declared],
        fresh,
    )


# --- 5, 6. planning and hashing ----------------------------------------------------------------


def tables_hash(tables: Sequence[str], digests: dict[str, str]) -> str:
    """The data part of a report's inputs when it is known which tables it read: those tables' digests only."""
    h = hashlib.sha256(b"tables\0")
    for name in sorted(set(tables)):
        h.update(f"{name}\0{digests.get(name, 'absent')}\n".encode())
    return h.hexdigest()


def read_set(entry: dict[str, Any] | None) -> list[str] | None:
    """The tables a manifest entry says its report read, or ``None`` when it does not say (built before this was recorded)."""
    tables = entry.get("tables") if entry else None
    if isinstance(tables, list) and all(isinstance(t, str) for t in tables):
        return tables
    return None


def inputs_hash(job: Job, notebook: Path | bytes, code_hash: str, data_hash: str) -> str:
    """What a report's page depends on: notebook bytes, parameters, package code, page template, and the data
    (``data_hash``: the whole snapshot's digest, or :func:`tables_hash` of the tables the report read)."""
    h = hashlib.sha256()
    h.update(notebook if isinstance(notebook, bytes) else files.read_regular(notebook))
    h.update(json.dumps(job.params, sort_keys=True).encode())
    for part in (code_hash, data_hash, RENDER_VERSION, job.spec.name):
        h.update(b"\0" + part.encode())
    return h.hexdigest()


def read_manifest_document(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def read_manifest(out: Path) -> dict[str, dict[str, Any]]:
    try:
        return {r["path"]: r for r in read_manifest_document(out).get("reports", [])}
    except (KeyError, TypeError):
        return {}


def build_stamp() -> str:
    """UTC time of the build, or ``SOURCE_DATE_EPOCH`` when set (the single varying part of each page).

    A ``SOURCE_DATE_EPOCH`` that is not a whole, non-negative number of seconds raises :class:`BuildConfigError`.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        moment = dt.datetime.now(dt.UTC)
    else:
        text = epoch.strip()
        try:
            if not text.isdigit():
                raise ValueError(epoch)
            moment = dt.datetime.fromtimestamp(int(text), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise BuildConfigError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds since 1970-01-01 (e.g. 1700000000)"
            ) from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build(
    out: Path | None = None,
    jobs: int | None = None,
    only: str | None = None,
    langs: Sequence[str] = LANGS,
    force: bool = False,
    timeout: float = 300,
    reports: tuple[ReportSpec, ...] = REPORTS,
    data_dir: Path | None = None,
    notebooks: Path | None = None,
    progress: bool = True,
    reports_per_process: int | None = None,
) -> Outcome:
    """Build the reports; see the module docstring for the steps.

    Raises :class:`BuildLocked`, :class:`ParameterError`, :class:`BuildConfigError` or :class:`OutputError`
    for what stops a build before it starts; data problems and failed reports are in the :class:`Outcome`.
    """
    out = (out or paths.reports_dir()).resolve()
    data = paths.data_dir(data_dir)
    notebooks = (notebooks or paths.notebooks_dir()).resolve()
    stamp = build_stamp()  # a malformed SOURCE_DATE_EPOCH stops the build before it touches anything
    for lang in langs:
        if lang not in LANGS:
            plan(data, None, tuple(langs), ())  # raises the one error for an unsupported language
    outcome = Outcome()
    with locked(out, outcome) as lock_fd:
        recover(out, outcome)
        for stale in out.glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in out.glob("**/.tmp-*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"
        staging = out / f".staging-{run_id}"
        try:
            staging.mkdir()
        except OSError as exc:
            raise _output_error(exc, staging, "create the staging folder") from None
        try:
            _build(
                out,
                staging,
                run_id,
                data,
                notebooks,
                jobs,
                only,
                tuple(langs),
                force,
                timeout,
                reports,
                progress,
                stamp,
                lock_fd,
                outcome,
                reports_per_process=reports_per_process,
            )
        finally:
            if (out / JOURNAL).exists():  # interrupted mid-publish (Ctrl-C, an unexpected error): undo it now,
                with contextlib.suppress(Exception):  # while the backups in the staging folder still exist
                    recover(out, outcome)
            shutil.rmtree(staging, ignore_errors=True)
    return outcome


def _build(
    out: Path,
    staging: Path,
    run_id: str,
    data: Path,
    notebooks: Path,
    jobs: int | None,
    only: str | None,
    langs: tuple[str, ...],
    force: bool,
    timeout: float,
    reports: tuple[ReportSpec, ...],
    progress: bool,
    stamp: str,
    lock_fd: int,
    outcome: Outcome,
    *,
    reports_per_process: int | None = None,
) -> None:
    try:
        snap = snapshot(data, staging / "data")
    except OSError as exc:
        raise _output_error(exc, staging / "data", "write the data snapshot in") from None
    data_hash = snap.digest
    code_hash = noop.code_hash()  # the one definition, shared with the fast no-op path
    document = read_manifest_document(out)
    manifest = read_manifest(out)
    problems = list(snap.problems)
    validated = f"{data_hash}:{code_hash}"
    if not problems and document.get("validated") != validated:
        from migresearch.validation import validate

        problems = validate(snap.folder).problems
    if problems:
        outcome.failed.append("data")
        outcome.messages.append(f"DataValidationError: {len(problems)} data problem(s), no report was built: {problems[0]}")
        outcome.messages.extend(str(p) for p in problems[1:50])
        if len(problems) > 50:
            outcome.messages.append(f"... and {len(problems) - 50} more (run `migresearch validate`)")
        return
    mark_validated(snap.folder)
    try:
        todo_jobs = plan(snap.folder, only, langs, reports)
        declared_jobs = plan(snap.folder, None, LANGS, reports)
        declared = {job.relpath for job in declared_jobs}
    except DataValidationError as exc:  # the validator passed, so only a race or a bug gets here
        outcome.failed.append("data")
        outcome.messages.append(f"DataValidationError: {exc.problems[0] if exc.problems else exc}")
        return
    for job in todo_jobs:
        paths.inside(out, job.relpath)
        if not (notebooks / job.spec.notebook).is_file():
            raise NotebookNotFoundError(f"notebook not found: {notebooks / job.spec.notebook}")
    sources = {job.spec.notebook: files.read_regular(notebooks / job.spec.notebook) for job in todo_jobs}  # read once
    todo = []
    for job in todo_jobs:
        entry = manifest.get(job.relpath)
        read = read_set(entry)  # unknown for a first build (or an old manifest): rebuilt, as a change would be
        fresh = (
            entry
            and read is not None
            and entry.get("inputs_hash")
            == inputs_hash(job, sources[job.spec.notebook], code_hash, tables_hash(read, snap.tables))
            and entry.get("status") == "ok"
            and (out / job.relpath).is_file()
        )
        if force or not fresh:
            todo.append(job)
        else:
            outcome.skipped.append(job.relpath)
    withdrawn = sorted(path for path in manifest if path not in declared)
    noop_record = functools.partial(
        _noop_record, declared_jobs, out=out, notebooks=notebooks, reports=reports, code_hash=code_hash
    )
    if todo or withdrawn:
        _run(
            todo,
            withdrawn,
            out,
            staging,
            run_id,
            snap.folder,
            notebooks,
            jobs or os.cpu_count() or 1,
            timeout,
            sources,
            snap.tables,
            manifest,
            outcome,
            progress,
            data_hash,
            code_hash,
            stamp,
            lock_fd,
            noop_record,
            reports_per_process=reports_per_process,
        )
    elif (
        document.get("noop") != noop_record(manifest, data_hash=data_hash, digests=snap.tables)
        or document.get("validated") != validated
    ):
        # nothing to build, but the data or code changed where no report reads (or the record is missing):
        # the header is brought up to date (the reports' entries stay as they are), so the next no-op is fast
        header = _header(data_hash, code_hash) | {"noop": noop_record(manifest, data_hash=data_hash, digests=snap.tables)}
        try:
            files.write_bytes(out / MANIFEST, _manifest_bytes(header, manifest))
        except OSError as exc:
            outcome.notes.append(f"could not update {out / MANIFEST}: {exc.strerror or exc} (the next build checks again)")
    try:
        write_index(out, manifest, data_hash, framework_names(snap.folder), snap.folder)
    except OSError as exc:
        outcome.failed.append("index.html")
        outcome.messages.append(
            f"index.html: could not write {out / 'index.html'}: {exc.strerror or exc}; the previous index stays"
        )
    if _live_digest(data) != data_hash:
        outcome.notes.append(
            f"the data changed during the build; this build used the data as it was at its start "
            f"(data version {data_hash[:12]}): build again to use the new data"
        )


def git_commit() -> str | None:
    """The commit of the source checkout, read from ``.git`` without running git; ``None`` outside a checkout."""
    root = paths.project_root()
    git = root / ".git" if root else None
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()  # type: ignore[operator]
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).is_file():  # type: ignore[operator]
            return (git / ref).read_text(encoding="utf-8").strip()  # type: ignore[operator]
        for line in (git / "packed-refs").read_text(encoding="utf-8").splitlines():  # type: ignore[operator]
            if line.endswith(" " + ref):
                return line.split()[0]
    except (OSError, TypeError):
        pass
    return None


# --- 7. running -------------------------------------------------------------------------------------


def _run(
    todo: list[Job],
    withdrawn: list[str],
    out: Path,
    staging: Path,
    run_id: str,
    data: Path,
    notebooks: Path,
    n_jobs: int,
    timeout: float,
    sources: dict[str, bytes],
    digests: dict[str, str],
    manifest: dict[str, dict[str, Any]],
    outcome: Outcome,
    progress: bool,
    data_hash: str,
    code_hash: str,
    stamp: str,
    lock_fd: int,
    noop_record: Callable[..., dict[str, Any]],
    *,
    reports_per_process: int | None = None,
) -> None:
    results: list[Any] = []
    if todo:
        from migresearch.build import engine

        previous_env = os.environ.get(paths.ENV_VAR)
        os.environ[paths.ENV_VAR] = str(data)  # the forked reports read exactly the snapshot that was hashed
        # longest first (as the last build timed them; new ones first): on few cores the build then ends with
        # short reports, not with one long report running alone while the other workers idle
        todo = sorted(todo, key=lambda job: -_last_seconds(manifest.get(job.relpath)))
        try:
            engine.warm_up()
            context = engine.PageContext(__version__, data_hash[:12], stamp)
            bar = _Bar(len(todo)) if progress else None
            with bar or contextlib.nullcontext():
                results = engine.run(
                    todo,
                    notebooks,
                    staging,
                    n_jobs,
                    timeout,
                    context,
                    on_done=(lambda r: bar.advance(r)) if bar else None,
                    close_fds=(lock_fd,),
                    per_process=reports_per_process or REPORTS_PER_PROCESS,
                )
        finally:
            if previous_env is None:
                os.environ.pop(paths.ENV_VAR, None)
            else:
                os.environ[paths.ENV_VAR] = previous_env
    by_pair: dict[str, list[Any]] = {}
    for r in results:
        by_pair.setdefault(r.job.pair, []).append(r)
    entries: dict[str, dict[str, Any]] = {}
    swaps: dict[str, list[tuple[str, Path | None]]] = {}
    for pair, group in sorted(by_pair.items()):
        good = all(r.status == "ok" for r in group)
        for r in sorted(group, key=lambda r: r.job.relpath):
            # the hash covers the tables the run read; when they are unknown (it died), the whole data
            data_part = tables_hash(r.tables, digests) if r.tables is not None else data_hash
            entries[r.job.relpath] = {
                "notebook": f"notebooks/{r.job.spec.notebook}",
                "parameters": r.job.params,
                "lang": r.job.lang,
                "path": r.job.relpath,
                "inputs_hash": inputs_hash(r.job, sources[r.job.spec.notebook], code_hash, data_part),
                "status": r.status if good or r.status != "ok" else "withheld",
                "seconds": round(r.seconds, 3),
                "data_version": data_hash[:12],
                "package_version": __version__,
            }
            if r.tables is not None:
                entries[r.job.relpath]["tables"] = r.tables
            if good:
                swaps.setdefault(pair, []).append((r.job.relpath, r.html))
            else:
                _keep_failed(out, run_id, r, pair, outcome)
    for path in withdrawn:
        swaps.setdefault(f"withdraw:{path}", []).append((path, None))
    failed_pairs = _publish(out, staging, run_id, swaps, outcome)
    for pair, group in by_pair.items():
        if pair in swaps and pair not in failed_pairs:
            outcome.built.extend(r.job.relpath for r in sorted(group, key=lambda r: r.job.relpath))
        elif pair in failed_pairs:
            for r in group:
                entries[r.job.relpath]["status"] = "failed"
                outcome.failed.append(r.job.relpath)
    for relpath, entry in entries.items():
        previous = manifest.get(relpath)
        if (
            entry["status"] != "ok"
            and previous
            and (previous.get("status") == "ok" or "published" in previous)
            and (out / relpath).is_file()
        ):
            entry["published"] = previous.get("published") or {
                "inputs_hash": previous["inputs_hash"],
                "data_version": previous.get("data_version"),
            }
        manifest[relpath] = entry
    for path in withdrawn:
        if f"withdraw:{path}" not in failed_pairs:
            manifest.pop(path, None)
            outcome.withdrawn.append(path)
    header = _header(data_hash, code_hash) | {"noop": noop_record(manifest, data_hash=data_hash, digests=digests)}
    _commit(out, staging, _manifest_bytes(header, manifest), outcome)


def _header(data_hash: str, code_hash: str) -> dict[str, Any]:
    return {
        "package_version": __version__,
        "data_version": data_hash[:12],
        "code_hash": code_hash[:12],
        "git_commit": git_commit(),
        "validated": f"{data_hash}:{code_hash}",
    }


def _manifest_bytes(header: dict[str, Any], manifest: dict[str, dict[str, Any]]) -> bytes:
    document = json.dumps({**header, "reports": [manifest[k] for k in sorted(manifest)]}, indent=1, ensure_ascii=False) + "\n"
    return document.encode("utf-8")


def _last_seconds(entry: dict[str, Any] | None) -> float:
    """How long a report took when last built (its manifest entry); unknown counts as the longest."""
    try:
        seconds = float((entry or {})["seconds"])
    except (KeyError, TypeError, ValueError):
        return float("inf")
    return seconds if seconds == seconds else float("inf")


def _keep_failed(out: Path, run_id: str, r: Any, pair: str, outcome: Outcome) -> None:
    """The failed notebook and a one-line log in ``_failed/<run>/<lang>/``; written atomically (never a truncated copy)."""
    if r.status != "ok":
        outcome.failed.append(r.job.relpath)
        msg = f"{r.job.relpath} ({r.job.spec.notebook}, {r.job.params}): {r.status}: {r.message}"
        outcome.messages.append(msg)
    else:
        outcome.messages.append(f"{r.job.relpath}: withheld because another language of {pair} failed")
        msg = ""
    try:
        folder = paths.inside(out, f"_failed/{run_id}/{r.job.lang}")
        if r.notebook and r.notebook.is_file():
            files.write_bytes(paths.inside(folder, r.notebook.name), files.read_regular(r.notebook))
        if msg:
            files.write_text(paths.inside(folder, f"{r.job.slug}.log"), msg + "\n")
    except OSError as exc:
        outcome.notes.append(
            f"{r.job.relpath}: could not keep the failed notebook in {out / '_failed' / run_id}: "
            f"{exc.strerror or exc} (nothing partial was left)"
        )


# --- 8. publishing --------------------------------------------------------------------------------


def _write_journal(out: Path, journal: dict[str, Any]) -> None:
    files.write_text(out / JOURNAL, json.dumps(journal, indent=1) + "\n")


def _publish(
    out: Path, staging: Path, run_id: str, swaps: dict[str, list[tuple[str, Path | None]]], outcome: Outcome
) -> set[str]:
    """Swap in each group of files as one (a pair, or one withdrawn page); return the groups that failed.

    Phase one writes the journal (every target and its backup); phase two swaps group by group, keeping
    each old file as a hard link in the staging folder and putting the group back if any file fails.
    """
    ops: list[dict[str, Any]] = []
    for group, items in sorted(swaps.items()):
        for relpath, _ in items:
            target = paths.inside(out, relpath)
            ops.append({"group": group, "target": relpath, "backup": f"backup/{relpath}", "had_old": target.exists()})
    if not ops:
        return set()
    journal = {"run": run_id, "staging": staging.name, "ops": ops, "manifest_sha256": None}
    try:
        _write_journal(out, journal)
    except OSError as exc:
        for items in swaps.values():
            outcome.messages.append(
                f"{', '.join(r for r, _ in items)}: could not publish: {exc.strerror or exc} ({out / JOURNAL})"
            )
        return set(swaps)
    failed: set[str] = set()
    by_target = {op["target"]: op for op in ops}
    for group, items in sorted(swaps.items()):
        done: list[tuple[Path, Path, bool]] = []
        try:
            for relpath, source in items:
                target = paths.inside(out, relpath)
                backup = paths.inside(staging, by_target[relpath]["backup"])
                had_old = by_target[relpath]["had_old"]
                backup.parent.mkdir(parents=True, exist_ok=True)
                if source is None:  # a withdrawn page: moved aside, restored on failure
                    os.replace(target, backup)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if had_old:
                        _keep_old(target, backup)
                    os.replace(source, target)
                done.append((target, backup, had_old))
        except OSError as exc:
            failed.add(group)
            where = exc.filename or (out / items[len(done)][0])
            what = "withdraw" if items[0][1] is None else "publish"
            outcome.messages.append(
                f"{items[len(done)][0]}: could not {what} to {where}: {exc.strerror or exc}; "
                f"{'the previous pages of ' + group if what == 'publish' else 'it'} stay as they were"
            )
            for target, backup, had_old in reversed(done):
                try:
                    if backup.exists():
                        os.replace(backup, target)
                    elif not had_old:
                        target.unlink()
                except OSError as undo:
                    outcome.notes.append(f"could not put back {target} ({undo.strerror}); the next build will")
    return failed


def _keep_old(target: Path, backup: Path) -> None:
    """``backup`` becomes the old ``target`` (a hard link; a copy where links are not supported)."""
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)


def _commit(out: Path, staging: Path, manifest: bytes, outcome: Outcome) -> None:
    """Write the manifest, then drop the journal: the publish is then final. On failure, roll back now."""
    journal_path = out / JOURNAL
    try:
        if journal_path.exists():
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            journal["manifest_sha256"] = _sha(manifest)
            _write_journal(out, journal)
        files.write_bytes(out / MANIFEST, manifest)
    except OSError as exc:
        outcome.failed.append(MANIFEST)
        outcome.messages.append(
            f"{MANIFEST}: could not write {out / MANIFEST}: {exc.strerror or exc}; this build's pages were rolled back"
        )
        outcome.built.clear()
        with contextlib.suppress(OSError, ValueError):
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
            journal["manifest_sha256"] = None
            _write_journal(out, journal)
        recover(out, outcome)
        return
    with contextlib.suppress(FileNotFoundError):
        journal_path.unlink()


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("[bold]building reports"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            transient=False,
            disable=not sys.stderr.isatty(),
        )
        self.task = self.progress.add_task("", total=total)

    def __enter__(self) -> _Bar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def advance(self, result: Any) -> None:
        self.progress.update(self.task, advance=1, description=f"{result.job.relpath}: {result.status}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().replace("\r", " ")
    return " / ".join(line.strip() for line in text.splitlines() if line.strip()) or type(exc).__name__


def run_cli(args: argparse.Namespace) -> int:
    """The ``build`` command: exit 0 (all built or up to date), 1 (data problems, a failed report or publish),
    2 (refused before starting: parameters, settings, notebooks, an unwritable output folder), 3 (locked)."""
    started = time.perf_counter()
    langs = tuple(x.strip() for x in args.lang.split(",") if x.strip())
    try:
        outcome = build(
            out=Path(args.out) if args.out else None,
            jobs=args.jobs,
            only=args.only,
            langs=langs,
            force=args.force,
            timeout=args.timeout,
            data_dir=Path(args.data_dir) if getattr(args, "data_dir", None) else None,
            progress=not getattr(args, "quiet", False),
            reports_per_process=getattr(args, "reports_per_process", None),
        )
    except BuildLocked as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 3
    except (ParameterError, BuildConfigError, UnsafePathError, FileNotFoundError, OutputError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:  # anything else the system refused (disk full while cleaning up, ...): one line, named
        where = f" {exc.filename}:" if exc.filename else ""
        print(f"error:{where} {exc.strerror or _one_line(exc)}", file=sys.stderr)
        return 1
    for note in outcome.notes:
        print(f"note: {note}", file=sys.stderr)
    for message in outcome.messages:
        print(f"FAILED {_one_line(Exception(message))}", file=sys.stderr)
    seconds = time.perf_counter() - started
    withdrawn = f", {len(outcome.withdrawn)} withdrawn" if outcome.withdrawn else ""
    if not getattr(args, "quiet", False):
        print(
            f"{len(outcome.built)} built, {len(outcome.skipped)} up to date, {len(outcome.failed)} failed{withdrawn} "
            f"in {seconds:.2f} s",
            file=sys.stderr,
        )
    return outcome.exit_code
