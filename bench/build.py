"""Benchmark of `migresearch build` on the full report list, side by side in one run.

(a) naive: for every report, a `papermill` CLI call (real Jupyter kernel) then `jupyter nbconvert --to html --no-input`;
(b) `migresearch build --force`;
(c) the physical limit: the notebooks' jupytext scripts run as plain Python with the same parameters,
    all parameter sets in one process per core, no kernel, no HTML.

Ends with one JSON line: {"speedup_vs_naive": a/b, "ratio_to_plain": b/c, "noop_seconds": ...}.
`--naive-sample N` times (a) on every N-th report only and scales it to the full list (said in the output).
"""

from __future__ import annotations

import argparse
import json
import os
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
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - start


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
                "migresearch",
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--naive-sample", type=int, default=1, help="time the naive loop on every N-th report and scale up")
    ap.add_argument("--trials", type=int, default=3)
    args = ap.parse_args()
    jobs = plan()
    cores = os.cpu_count() or 1
    print(f"{len(jobs)} reports, {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        builds, plains = [], []
        for _ in range(args.trials):  # interleaved: b c b c ...
            builds.append(timed([str(BIN / "migresearch"), "build", "--force", "--out", str(tmpdir / "reports")]))
            plains.append(plain(jobs, cores))
        noops = [timed([str(BIN / "migresearch"), "build", "--out", str(tmpdir / "reports")]) for _ in range(5)]
        (tmpdir / "naive").mkdir()
        a, n_timed = naive(jobs, tmpdir / "naive", args.naive_sample)
    b, c = statistics.median(builds), statistics.median(plains)
    print(
        f"(a) naive papermill + nbconvert CLI loop: {a:8.1f} s"
        + (f"  (timed {n_timed} of {len(jobs)} reports, scaled)" if n_timed < len(jobs) else "")
    )
    print(f"(b) migresearch build --force:           {b:8.1f} s  (median of {args.trials}; min {min(builds):.1f})")
    print(f"(c) plain Python, one process per core:  {c:8.1f} s  (median of {args.trials}; min {min(plains):.1f})")
    print(f"no-op build (whole process):             {min(noops):8.3f} s  (min of 5; median {statistics.median(noops):.3f})")
    print(
        json.dumps(
            {
                "speedup_vs_naive": round(a / b, 2),
                "ratio_to_plain": round(b / c, 2),
                "noop_seconds": round(min(noops), 3),
                "reports": len(jobs),
                "naive_timed": n_timed,
            }
        )
    )


if __name__ == "__main__":
    main()
