"""Benchmark of `migresearch build` on the whole declared report list (every report, both languages), side by side.

(a) naive: for every report, a `papermill` CLI call (real Jupyter kernel) then `jupyter nbconvert --to html --no-input`;
(b) `migresearch build --force` (full_seconds: the median);
(c) the physical limit: the notebooks' jupytext scripts run as plain Python with the same parameters,
    all parameter sets in one process per core, no kernel, no HTML;
(d) the no-op build (nothing changed), as a whole process;
(e) incremental: one row of `practices.csv` changed, then `migresearch build`: which reports it rebuilt,
    against the reports whose manifest entry says they read `practices`.

Every build reads a temporary copy of the data (`--data-dir`); the real data/ is never written.
Ends with one JSON line: {"speedup_vs_naive": a/b, "ratio_to_plain": b/c, "noop_seconds": ..., "reports": ...,
"full_seconds": b, "incremental_rebuilt": ..., "incremental_readers": ..., "incremental_seconds": ...}.
The index pages are not reports: they are counted apart (``incremental_index_rewritten``), since they name
the whole data's version and so change with any data change.
`--naive-sample N` times (a) on every N-th report only and scales it to the full list (said in the output).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from migresearch.reports import plan  # noqa: E402

PLAIN_WORKER = r"""
import contextlib, io, json, sys, os
os.environ.setdefault("MPLBACKEND", "Agg")
import jupytext
jobs = json.loads(sys.argv[1])
cache = {}
for script, params in jobs:
    if script not in cache:
        cache[script] = [c for c in jupytext.read(script).cells if c.cell_type == "code"]
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in cache[script]:
            exec(compile(cell.source, script, "exec"), namespace)
            if "parameters" in cell.metadata.get("tags", []):
                namespace.update(params)
"""


def timed(cmd: list[str], **kw: object) -> float:
    """Seconds ``cmd`` took; a failure stops the benchmark with the end of its stderr (a failed report, say)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)  # type: ignore[call-overload]
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def naive(jobs: list, out: Path, sample: int) -> tuple[float, int]:
    chosen = jobs[::sample]
    total = 0.0
    for job in chosen:
        nb = out / f"{job.lang}-{job.slug}.ipynb"
        params = []
        for k, v in job.params.items():
            params += ["-p", k, str(v)]
        total += timed(
            [
                str(BIN / "papermill"),
                str(ROOT / "notebooks" / job.spec.notebook),
                str(nb),
                "-k",
                "python3",
                "--no-progress-bar",
                *params,
            ],
            cwd=ROOT / "notebooks",
        )
        total += timed([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)])
    return total * len(jobs) / len(chosen), len(chosen)


def plain(jobs: list, cores: int) -> float:
    parts: list[list] = [[] for _ in range(cores)]
    for i, job in enumerate(jobs):
        parts[i % cores].append([str(ROOT / "notebooks" / job.spec.notebook.replace(".ipynb", ".py")), job.params])
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", PLAIN_WORKER, json.dumps(p)], cwd=ROOT / "notebooks") for p in parts if p]
    for p in procs:
        if p.wait() != 0:
            raise SystemExit("plain run failed")
    return time.perf_counter() - start


INDEX_PAGES = ("index.html", "en/index.html", "es/index.html")


def pages(out: Path) -> dict[str, tuple[int, int]]:
    """Each published report page and its (inode, mtime): a page a build rewrote has a new one (pages are swapped in).

    The index pages are not reports (no manifest entry, no tables read): see :func:`index_pages`."""
    found = {}
    for lang in ("en", "es"):
        for page in sorted((out / lang).glob("*.html")):
            if f"{lang}/{page.name}" in INDEX_PAGES:
                continue
            st = page.stat()
            found[f"{lang}/{page.name}"] = (st.st_ino, st.st_mtime_ns)
    return found


def index_pages(out: Path) -> dict[str, tuple[int, int]]:
    """The three index pages and their (inode, mtime).  They name the version of the *whole* data, so any data
    change rewrites them (identical bytes are never rewritten); they are counted apart from the reports."""
    return {rel: ((out / rel).stat().st_ino, (out / rel).stat().st_mtime_ns) for rel in INDEX_PAGES if (out / rel).is_file()}


def readers_of(out: Path, table: str) -> set[str]:
    """The reports whose manifest entry lists ``table`` among the tables they read."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {r["path"] for r in manifest["reports"] if table in (r.get("tables") or [])}


def change_one_row(data: Path, table: str = "practices") -> str:
    """Change one cell of the first data row of ``data/<table>.csv`` (a free-text summary); return the row's id."""
    import csv
    import io

    path = data / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index("summary_en")
    rows[1][column] += " (changed by bench/build.py)"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return rows[1][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--naive-sample", type=int, default=15, help="time the naive loop on every N-th report and scale up")
    ap.add_argument("--trials", type=int, default=3)
    args = ap.parse_args()
    jobs = plan()
    cores = os.cpu_count() or 1
    print(f"{len(jobs)} reports (the whole declared list, both languages), {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        data = tmpdir / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_staging"))
        os.environ["MIGRESEARCH_DATA"] = str(data)  # the plain floor and the naive loop read the copy too
        out = tmpdir / "reports"
        build = [str(BIN / "migresearch"), "build", "--out", str(out), "--data-dir", str(data)]
        builds, plains = [], []
        for _ in range(args.trials):  # interleaved: b c b c ...
            builds.append(timed([*build, "--force"]))
            plains.append(plain(jobs, cores))
        noops = [timed(build) for _ in range(5)]
        readers = readers_of(out, "practices")
        before, index_before = pages(out), index_pages(out)
        row = change_one_row(data)
        incremental = timed(build)
        after, index_after = pages(out), index_pages(out)
        rebuilt = {page for page, stat in after.items() if before.get(page) != stat}
        index_rewritten = sorted(page for page, stat in index_after.items() if index_before.get(page) != stat)
        (tmpdir / "naive").mkdir()
        a, n_timed = naive(jobs, tmpdir / "naive", args.naive_sample)
    b, c = statistics.median(builds), statistics.median(plains)
    print(
        f"(a) naive papermill + nbconvert CLI loop: {a:8.1f} s"
        + (
            f"  (timed on every {args.naive_sample}th report: {n_timed} of {len(jobs)}, scaled to all)"
            if n_timed < len(jobs)
            else ""
        )
    )
    print(f"(b) migresearch build --force:           {b:8.1f} s  (median of {args.trials}; min {min(builds):.1f})")
    print(f"(c) plain Python, one process per core:  {c:8.1f} s  (median of {args.trials}; min {min(plains):.1f})")
    print(f"(d) no-op build (whole process):         {min(noops):8.3f} s  (min of 5; median {statistics.median(noops):.3f})")
    print(
        f"(e) incremental, practices.csv row {row!r} changed: {incremental:.1f} s; rebuilt {len(rebuilt)} of {len(jobs)}, "
        f"{len(readers)} read practices; rebuilt exactly the readers: {rebuilt == readers}"
    )
    print(f"    index pages rewritten (they show the whole data's version): {len(index_rewritten)} {index_rewritten}")
    if rebuilt != readers:
        print(f"    rebuilt, not readers: {sorted(rebuilt - readers)}; readers not rebuilt: {sorted(readers - rebuilt)}")
    non_readers = sorted({p for p in after} - readers)
    print(
        f"    reports that do not read practices: {len(non_readers)}"
        + (f" ({', '.join(non_readers[:6])}...)" if non_readers else "")
    )
    goals = [
        ("speedup over the naive loop >= 40", a / b >= 40),
        ("ratio to the plain-Python floor <= 1.15", b / c <= 1.15),
        ("no-op < 0.1 s", min(noops) < 0.1),
        ("incremental rebuild touches only the readers of practices", rebuilt == readers),
    ]
    for goal, met in goals:
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
    print(
        json.dumps(
            {
                "speedup_vs_naive": round(a / b, 2),
                "ratio_to_plain": round(b / c, 2),
                "noop_seconds": round(min(noops), 3),
                "reports": len(jobs),
                "full_seconds": round(b, 1),
                "incremental_rebuilt": len(rebuilt),
                "incremental_readers": len(readers),
                "incremental_only_readers": rebuilt == readers,
                "incremental_index_rewritten": len(index_rewritten),
                "incremental_seconds": round(incremental, 1),
                "naive_timed": n_timed,
                "trials": args.trials,
            }
        )
    )


if __name__ == "__main__":
    main()
