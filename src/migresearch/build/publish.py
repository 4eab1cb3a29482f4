"""``migresearch build``: regenerate every declared report in English and Spanish, incrementally and safely.

The flow, and what each step protects:

1. Take ``DIR/.build.lock`` (``fcntl``): two builds never interleave; the second fails at once.
2. Remove stale ``DIR/.staging-*`` folders a killed build left behind.
3. Plan the jobs from :data:`migresearch.reports.REPORTS` and check every parameter set against its
   allow-list *before anything runs*.
4. Hash each job's inputs (notebook bytes, parameters, package code, data files) with the standard
   library and skip those whose hash, status and HTML in ``DIR/manifest.json`` match.  Up to here nothing
   heavy is imported, so a no-op build costs a fraction of a second.
5. Run the rest in forked workers (:mod:`migresearch.build.engine`), writing only inside ``DIR/.staging-<run>/``.
6. Publish per report *pair*: only when every requested language of a report succeeded are its HTML files
   moved into ``DIR/<lang>/`` with ``os.replace``; otherwise the previous good files stay untouched and the
   failed notebooks go to ``DIR/_failed/<run>/`` with papermill's error banner.
7. Write ``manifest.json`` and ``index.html`` atomically, remove the staging folder, print a summary, and
   exit 0 only if every job succeeded.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from migresearch import __version__, files, paths
from migresearch.build.index import framework_names, write_index
from migresearch.datasets.version import data_version
from migresearch.errors import BuildLocked, NotebookNotFoundError, ParameterError
from migresearch.reports import LANGS, REPORTS, Job, ReportSpec, plan

__all__ = ["BuildLocked", "Outcome", "build", "run_cli"]

MANIFEST = "manifest.json"
LOCK = ".build.lock"
#: Bump when the page template or HTML conversion changes, so every report is rebuilt.
RENDER_VERSION = "2"


@dataclasses.dataclass
class Outcome:
    """What a build did: counts, failures, and its exit code."""

    built: list[str] = dataclasses.field(default_factory=list)
    skipped: list[str] = dataclasses.field(default_factory=list)
    failed: list[str] = dataclasses.field(default_factory=list)
    messages: list[str] = dataclasses.field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / LOCK, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(f"another build is running in {out} (lock {out / LOCK}); try again when it has finished") from None
        yield
    finally:
        fh.close()


def _code_files() -> list[Path]:
    """Every module of the package (a code change rebuilds every report)."""
    root = Path(__file__).resolve().parent.parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def inputs_hash(job: Job, notebook: Path, code_hash: str, data_hash: str) -> str:
    h = hashlib.sha256()
    h.update(notebook.read_bytes())
    h.update(json.dumps(job.params, sort_keys=True).encode())
    for part in (code_hash, data_hash, RENDER_VERSION, job.spec.name):
        h.update(b"\0" + part.encode())
    return h.hexdigest()


def read_manifest(out: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {r["path"]: r for r in data.get("reports", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def build_stamp() -> str:
    """UTC time of the build, or ``SOURCE_DATE_EPOCH`` when set (the single varying part of each page)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
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
) -> Outcome:
    """Build the reports; see the module docstring for the steps. Raises :class:`BuildLocked` or :class:`ParameterError`."""
    out = (out or paths.reports_dir()).resolve()
    data = paths.data_dir(data_dir)
    notebooks = (notebooks or paths.notebooks_dir()).resolve()
    outcome = Outcome()
    with locked(out):
        for stale in out.glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in out.glob("**/.tmp-*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        todo_jobs = plan(data, only, tuple(langs), reports)
        for job in todo_jobs:
            if not (notebooks / job.spec.notebook).is_file():
                raise NotebookNotFoundError(f"notebook not found: {notebooks / job.spec.notebook}")
        code_hash = files.files_digest(_code_files())
        data_hash = data_version(data).digest
        manifest = read_manifest(out)
        hashes = {job.relpath: inputs_hash(job, notebooks / job.spec.notebook, code_hash, data_hash) for job in todo_jobs}
        todo = []
        for job in todo_jobs:
            entry = manifest.get(job.relpath)
            fresh = (
                entry
                and entry.get("inputs_hash") == hashes[job.relpath]
                and entry.get("status") == "ok"
                and (out / job.relpath).is_file()
            )
            if force or not fresh:
                todo.append(job)
            else:
                outcome.skipped.append(job.relpath)
        if todo:
            _run(
                todo,
                out,
                data,
                notebooks,
                jobs or os.cpu_count() or 1,
                timeout,
                hashes,
                manifest,
                outcome,
                progress,
                data_hash,
                code_hash,
            )
        write_index(out, manifest, data_hash, framework_names(data), data)
    return outcome


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


def _run(
    todo: list[Job],
    out: Path,
    data: Path,
    notebooks: Path,
    n_jobs: int,
    timeout: float,
    hashes: dict[str, str],
    manifest: dict[str, dict[str, Any]],
    outcome: Outcome,
    progress: bool,
    data_hash: str,
    code_hash: str,
) -> None:
    from migresearch.build import engine
    from migresearch.files import write_text

    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"
    staging = out / f".staging-{run_id}"
    staging.mkdir()
    previous_env = os.environ.get(paths.ENV_VAR)
    os.environ[paths.ENV_VAR] = str(data)  # the forked reports read exactly the data that was hashed
    try:
        engine.warm_up()
        context = engine.PageContext(__version__, data_hash[:12], build_stamp())
        bar = _Bar(len(todo)) if progress else None
        with bar or contextlib.nullcontext():
            results = engine.run(
                todo, notebooks, staging, n_jobs, timeout, context, on_done=(lambda r: bar.advance(r)) if bar else None
            )
        by_pair: dict[str, list[engine.Result]] = {}
        for r in results:
            by_pair.setdefault(r.job.pair, []).append(r)
        for pair, group in sorted(by_pair.items()):
            good = all(r.status == "ok" for r in group)
            for r in sorted(group, key=lambda r: r.job.relpath):
                entry = {
                    "notebook": f"notebooks/{r.job.spec.notebook}",
                    "parameters": r.job.params,
                    "lang": r.job.lang,
                    "path": r.job.relpath,
                    "inputs_hash": hashes[r.job.relpath],
                    "status": r.status if good or r.status != "ok" else "withheld",
                    "seconds": round(r.seconds, 3),
                    "data_version": data_hash[:12],
                    "package_version": __version__,
                }
                if good:
                    target = out / r.job.relpath
                    try:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(r.html, target)  # type: ignore[arg-type]
                    except OSError as exc:  # disk full, read-only folder, file locked: the old report stays
                        entry["status"] = "failed"
                        outcome.failed.append(r.job.relpath)
                        outcome.messages.append(f"{r.job.relpath}: could not publish to {target}: {exc.strerror or exc}")
                    else:
                        outcome.built.append(r.job.relpath)
                else:
                    previous = manifest.get(r.job.relpath)
                    if previous and previous.get("status") == "ok" and (out / r.job.relpath).is_file():
                        entry["published"] = {
                            "inputs_hash": previous["inputs_hash"],
                            "data_version": previous.get("data_version"),
                        }
                    failed_dir = out / "_failed" / run_id / r.job.lang
                    failed_dir.mkdir(parents=True, exist_ok=True)
                    if r.notebook and r.notebook.is_file():
                        shutil.copy2(r.notebook, failed_dir / r.notebook.name)
                    if r.status != "ok":
                        outcome.failed.append(r.job.relpath)
                        msg = f"{r.job.relpath} ({r.job.spec.notebook}, {r.job.params}): {r.status}: {r.message}"
                        outcome.messages.append(msg)
                        (failed_dir / f"{r.job.slug}.log").write_text(msg + "\n", encoding="utf-8")
                    else:
                        outcome.messages.append(f"{r.job.relpath}: withheld because another language of {pair} failed")
                manifest[r.job.relpath] = entry
        header = {
            "package_version": __version__,
            "data_version": data_hash[:12],
            "code_hash": code_hash[:12],
            "git_commit": git_commit(),
        }
        write_text(
            out / MANIFEST,
            json.dumps({**header, "reports": [manifest[k] for k in sorted(manifest)]}, indent=1, ensure_ascii=False) + "\n",
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if previous_env is None:
            os.environ.pop(paths.ENV_VAR, None)
        else:
            os.environ[paths.ENV_VAR] = previous_env


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


def run_cli(args: argparse.Namespace) -> int:
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
        )
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except (ParameterError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in outcome.messages:
        print(f"FAILED {message}", file=sys.stderr)
    seconds = time.perf_counter() - started
    if not getattr(args, "quiet", False):
        print(
            f"{len(outcome.built)} built, {len(outcome.skipped)} up to date, {len(outcome.failed)} failed in {seconds:.2f} s",
            file=sys.stderr,
        )
    return outcome.exit_code
