"""Benchmark: import cost, ``load()`` per table, ``validate()`` of the shipped data and of a 100x folder.

Run from the project root::

    .venv/bin/python bench/validate.py                 # the shipped data/, 5 trials
    .venv/bin/python bench/validate.py --trials 7 --factor 100 --data-dir some/folder

Every measurement is repeated (``--trials``) and reported as median and minimum.
Start-up costs are measured in fresh subprocesses (``python -c ...``) with the
variants interleaved (A B A B ...) so that drift on a shared machine hits
both sides alike.  The script prints a readable table and ends with ONE JSON
line on stdout::

    {"import_s": ..., "import_ratio_vs_bare_python": ..., "validate_shipped_s": ...,
     "validate_100x_s": ..., "rows_shipped": ..., "rows_100x": ..., ...}

Goals (from the issue): validating the shipped data takes < 1 s once the
package is imported; validating a folder 100 times bigger takes < 10 s.

The 100x folder is generated in a temporary directory and deleted afterwards:
parent tables (:data:`PARENTS`) are copied unchanged; every other table is
repeated ``factor`` times, copy ``r`` getting the suffix ``-r<r>`` on its own
primary key (copy 0 keeps the original keys) and on every foreign-key
reference into another repeated table, so copy ``r`` of ``memberships``
points at copy ``r`` of ``frameworks``.  Membership histories and meeting
numbering therefore stay per copy and the folder stays valid.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import table  # bench/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
#: Tables copied unchanged into the multiplied folder (their keys have fixed formats: ISO codes,
#: objective numbers, semesters) -- every other table is repeated.
PARENTS = ("sources", "countries", "regions", "gcm_objectives", "gcm_principles", "eu_presidencies", "series")
GOAL_SHIPPED_S = 1.0
GOAL_100X_S = 10.0


# --- small helpers ------------------------------------------------------------------------------


def stats(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), min(values)


def fmt_s(x: float | None) -> str:
    if x is None:
        return "-"
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s"


def run_wall(args: list[str]) -> float:
    """Wall time of one fresh subprocess (start-up included)."""
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def run_worker(mode: str, data_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", mode, "--data-dir", str(data_dir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- worker: runs in a fresh process and prints one JSON line -------------------------------------


def worker(mode: str, data_dir: str) -> None:
    if mode == "lazy":
        # What a user pays: `import migresearch` then the first validate() (which imports pandas,
        # pandera and the schemas lazily and compiles every schema).
        t0 = time.perf_counter()
        import migresearch

        t1 = time.perf_counter()
        report = migresearch.validate(data_dir)
        t2 = time.perf_counter()
        result = {"import_s": t1 - t0, "first_s": t2 - t1}
    else:
        # Imports done first (untimed in first_s); then the first call (schemas compiled on the
        # way) and a warm call with the report cache cleared (schemas already compiled).
        t0 = time.perf_counter()
        import migresearch.validation as v

        t1 = time.perf_counter()
        report = v.validate(data_dir)
        t2 = time.perf_counter()
        v._CACHE.clear()
        report = v.validate(data_dir)
        t3 = time.perf_counter()
        result = {"import_s": t1 - t0, "first_s": t2 - t1, "warm_s": t3 - t2}
    rules = collections.Counter(f"{p.path}: {p.rule}" for p in report.problems)
    result.update(
        rows=sum(len(p.records) for p in report.parsed.values()),
        rows_by_table={k: len(p.records) for k, p in report.parsed.items()},
        problems=len(report.problems),
        problem_kinds=dict(rules.most_common(20)),
    )
    print(json.dumps(result))


# --- the multiplied folder ------------------------------------------------------------------------


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, strict=True))


def multiply(src: Path, dst: Path, factor: int) -> dict[str, int]:
    """Write ``src`` into ``dst`` with every non-parent table repeated ``factor`` times (see module doc).

    Returns the number of data rows written per file.
    """
    from migresearch.datasets.registry import DATASETS
    from migresearch.validation import table_of

    dst.mkdir(parents=True, exist_ok=True)
    registered = {spec.file for spec in DATASETS}
    for path in src.glob("*.csv"):
        if path.name not in registered:
            shutil.copy2(path, dst / path.name)
    present = {spec.name: _read(src / spec.file) for spec in DATASETS if (src / spec.file).is_file()}
    repeated = [n for n in present if n not in PARENTS]
    # Original primary-key values of every repeated table: a reference is suffixed only when it
    # points at one of them (a multi-target key such as `countries.iso3|frameworks.framework_id`
    # keeps its country codes).
    keys: dict[str, set[str]] = {}
    for name in repeated:
        rows = present[name]
        pk = table_of(name).primary_key
        if len(pk) != 1 or not rows or pk[0] not in rows[0]:
            raise SystemExit(f"cannot multiply {name}: expected a one-column primary key in its header")
        i = rows[0].index(pk[0])
        keys[name] = {r[i] for r in rows[1:] if i < len(r)}

    written: dict[str, int] = {}
    for spec in DATASETS:
        name = spec.name
        if name not in present:
            continue
        if name in PARENTS:
            shutil.copy2(src / spec.file, dst / spec.file)
            written[spec.file] = len(present[name]) - 1
            continue
        header, *rows = present[name]
        table = table_of(name)
        pos = {c: i for i, c in enumerate(header)}
        own = [
            pos[c.name] for c in table.columns if c.name in pos and (c.name in table.primary_key or (c.unique and c.kind == "id"))
        ]
        odd = [c.name for c in table.columns if c.unique and c.kind != "id" and c.name not in table.primary_key]
        if odd:
            print(f"warning: {name}: unique non-identifier columns {odd} are repeated as is", file=sys.stderr)
        refs = []
        for col in table.columns:
            targets = [t for t, _ in col.fks if t in keys]
            if targets and col.name in pos:
                refs.append((pos[col.name], col.kind == "list", targets))
        claim_cols = (pos["table"], pos["record_id"]) if name == "claims" and {"table", "record_id"} <= pos.keys() else None

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for r in range(factor):
            if r == 0:
                w.writerows(rows)
                continue
            suf = f"-r{r}"
            for row in rows:
                new = list(row)
                for i in own:
                    if i < len(new) and new[i]:
                        new[i] += suf
                for i, is_list, targets in refs:
                    if i >= len(new) or not new[i]:
                        continue
                    items = new[i].split("|") if is_list else [new[i]]
                    new[i] = "|".join(x + suf if any(x in keys[t] for t in targets) else x for x in items)
                if claim_cols:
                    ti, ri = claim_cols
                    if ri < len(new) and ti < len(new) and new[ti] in keys and new[ri] in keys[new[ti]]:
                        new[ri] += suf
                w.writerow(new)
        (dst / spec.file).write_text(buf.getvalue(), encoding="utf-8", newline="")
        written[spec.file] = len(rows) * factor
    return written


# --- the benchmark --------------------------------------------------------------------------------


def bench_import(trials: int) -> dict:
    variants = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import migresearch'": [sys.executable, "-c", "import migresearch"],
        "... + migresearch.list_datasets()": [sys.executable, "-c", "import migresearch; migresearch.list_datasets()"],
        "python -c 'import pandas'": [sys.executable, "-c", "import pandas"],
        "python -c 'import migresearch.validation'": [sys.executable, "-c", "import migresearch.validation"],
    }
    times: dict[str, list[float]] = {k: [] for k in variants}
    for args in variants.values():  # warm-up: byte-code caches, page cache
        run_wall(args)
    for _ in range(trials):
        for k, args in variants.items():
            times[k].append(run_wall(args))
    bare = times["python -c pass"]
    pkg = times["python -c 'import migresearch'"]
    ratios = [a / b for a, b in zip(pkg, bare)]
    rows = []
    for k, ts in times.items():
        med, lo = stats(ts)
        rows.append([k, fmt_s(med), fmt_s(lo), f"{med / statistics.median(bare):.1f}x", fmt_s(med - statistics.median(bare))])
    table(
        f"(a) start-up, fresh subprocess, wall time ({trials} trials each, interleaved)",
        ["command", "median", "min", "vs pass", "extra"],
        rows,
    )
    print(
        f"import migresearch vs bare python: ratio {statistics.median(ratios):.2f} (median of per-trial ratios), "
        f"difference {fmt_s(statistics.median(pkg) - statistics.median(bare))}"
    )
    return {
        "import_s": statistics.median(pkg),
        "bare_python_s": statistics.median(bare),
        "ratio": statistics.median(pkg) / statistics.median(bare),
        "list_datasets_s": statistics.median(times["... + migresearch.list_datasets()"]),
        "import_validation_s": statistics.median(times["python -c 'import migresearch.validation'"]),
    }


def bench_validate(data_dir: Path, trials: int, label: str) -> dict:
    runs: dict[str, list[dict]] = {"imported": [], "lazy": []}
    for _ in range(trials):
        for mode, results in runs.items():
            results.append(run_worker(mode, data_dir))
    first = [r["first_s"] for r in runs["imported"]]
    warm = [r["warm_s"] for r in runs["imported"]]
    lazy = [r["first_s"] for r in runs["lazy"]]
    imp = [r["import_s"] for r in runs["imported"]]
    info = runs["imported"][0]
    rows = [
        ["validate(), first call after `import migresearch.validation`", *map(fmt_s, stats(first))],
        ["validate(), again in-process (_CACHE cleared, schemas compiled)", *map(fmt_s, stats(warm))],
        ["migresearch.validate() right after `import migresearch` (lazy imports)", *map(fmt_s, stats(lazy))],
        ["  (for reference: `import migresearch.validation` in-process)", *map(fmt_s, stats(imp))],
    ]
    table(
        f"({label}) validate {data_dir} -- {info['rows']} rows, {info['problems']} problem(s); fresh process per trial ({trials} trials)",
        ["step", "median", "min"],
        rows,
    )
    if info["problems"]:
        print("  problems reported:")
        for k, n in info["problem_kinds"].items():
            print(f"    {n:6d} x {k}")
    return {
        "first_s": statistics.median(first),
        "warm_s": statistics.median(warm),
        "lazy_s": statistics.median(lazy),
        "rows": info["rows"],
        "rows_by_table": info["rows_by_table"],
        "problems": info["problems"],
        "problem_kinds": info["problem_kinds"],
    }


def bench_load(data_dir: Path, trials: int) -> None:
    import migresearch
    from migresearch import validation
    from migresearch.validation import DataValidationError

    names = migresearch.list_datasets()
    for name in names:  # compile every schema once, so no table pays for another's compilation
        validation.table_of(name)
    first: dict[str, list[float]] = {n: [] for n in names}
    second: dict[str, list[float]] = {n: [] for n in names}
    status: dict[str, str] = {}
    for _ in range(trials):
        for name in names:
            validation._CACHE.clear()
            for bucket in (first, second):
                t0 = time.perf_counter()
                try:
                    frame = migresearch.load(name, data_dir)
                    status[name] = f"{len(frame)} rows"
                except DataValidationError as exc:
                    status[name] = f"not loadable: {len(exc.problems)} problem(s)"
                bucket[name].append(time.perf_counter() - t0)
    rows = []
    for name in names:
        f_med, f_min = stats(first[name])
        s_med, s_min = stats(second[name])
        rows.append([name, fmt_s(f_med), fmt_s(f_min), fmt_s(s_med), fmt_s(s_min), status[name]])
    table(
        f"(b) migresearch.load(name), in-process, validation cache cleared before each table ({trials} trials)",
        ["table", "1st median", "1st min", "2nd median", "2nd min", "result"],
        rows,
    )
    print("  1st call validates the table and every table it references, then builds the typed frame;")
    print("  2nd call hits the validation cache but still builds the frame and hashes every data file (data_version).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--factor", type=int, default=100, help="how many times to repeat the child tables (default 100)")
    ap.add_argument("--data-dir", type=Path, default=None, help="data folder (default: the package's data folder)")
    ap.add_argument("--worker", choices=("imported", "lazy"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, str(args.data_dir))
        return

    from migresearch import paths

    data_dir = paths.data_dir(args.data_dir)
    print(f"bench/validate.py: python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), data {data_dir}, {args.trials} trials")
    imp = bench_import(args.trials)
    shipped = bench_validate(data_dir, args.trials, "c")
    bench_load(data_dir, args.trials)

    with tempfile.TemporaryDirectory(prefix="migresearch-bench-") as tmp:
        big = Path(tmp) / "data"
        t0 = time.perf_counter()
        written = multiply(data_dir, big, args.factor)
        gen_s = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in big.glob("*.csv"))
        print(f"\n(d) generated {big}: {sum(written.values())} rows, {size / 1e6:.1f} MB in {fmt_s(gen_s)}")
        multiplied = bench_validate(big, args.trials, f"d, {args.factor}x")
    # The multiplied folder must be as valid as the original: every problem kind it reports must
    # already be reported for the shipped data (e.g. "file not found" while tables are missing).
    new_kinds = sorted(set(multiplied["problem_kinds"]) - set(shipped["problem_kinds"]))
    valid_100x = multiplied["problems"] == 0 or not new_kinds
    if multiplied["problems"] and not new_kinds:
        print(
            f"note: the {args.factor}x folder reports only problems the shipped data already has "
            f"({shipped['problems']} shipped, {multiplied['problems']} multiplied)."
        )
    if new_kinds:
        print(f"WARNING: the {args.factor}x folder has problems the shipped data does not have (generator fault?):")
        for k in new_kinds:
            print(f"    {multiplied['problem_kinds'][k]:6d} x {k}")

    factor_rows = multiplied["rows"] / shipped["rows"] if shipped["rows"] else float("nan")
    rows = [
        [
            "import migresearch (fresh process)",
            fmt_s(imp["import_s"]),
            f"{imp['ratio']:.2f}x bare python (+{fmt_s(imp['import_s'] - imp['bare_python_s'])})",
            "-",
        ],
        [
            "validate shipped, after import",
            fmt_s(shipped["first_s"]),
            f"goal < {GOAL_SHIPPED_S:.0f} s",
            "PASS" if shipped["first_s"] < GOAL_SHIPPED_S else "FAIL",
        ],
        [
            "validate shipped, incl. lazy imports",
            fmt_s(shipped["lazy_s"]),
            f"goal < {GOAL_SHIPPED_S:.0f} s (stricter reading)",
            "PASS" if shipped["lazy_s"] < GOAL_SHIPPED_S else "FAIL",
        ],
        [
            f"validate {args.factor}x, after import",
            fmt_s(multiplied["first_s"]),
            f"goal < {GOAL_100X_S:.0f} s",
            "PASS" if multiplied["first_s"] < GOAL_100X_S else "FAIL",
        ],
    ]
    table("summary (medians)", ["measure", "time", "target", "verdict"], rows)
    print(
        f"rows: shipped {shipped['rows']}, {args.factor}x folder {multiplied['rows']} ({factor_rows:.1f}x: parent tables are not repeated); "
        f"throughput after import: {multiplied['rows'] / multiplied['first_s']:,.0f} rows/s"
    )
    missing = [k for k, v in shipped["problem_kinds"].items() if k.endswith("file not found")]
    if missing:
        print(f"note: {len(missing)} table file(s) missing from {data_dir}; the numbers cover only the tables present.")

    print(
        json.dumps(
            {
                "import_s": round(imp["import_s"], 4),
                "import_ratio_vs_bare_python": round(imp["ratio"], 2),
                "validate_shipped_s": round(shipped["first_s"], 4),
                "validate_100x_s": round(multiplied["first_s"], 4),
                "rows_shipped": shipped["rows"],
                "rows_100x": multiplied["rows"],
                "import_diff_s": round(imp["import_s"] - imp["bare_python_s"], 4),
                "validate_shipped_incl_lazy_imports_s": round(shipped["lazy_s"], 4),
                "validate_shipped_warm_s": round(shipped["warm_s"], 4),
                "validate_100x_warm_s": round(multiplied["warm_s"], 4),
                "problems_shipped": shipped["problems"],
                "problems_100x": multiplied["problems"],
                "valid_100x": valid_100x,
                "factor": args.factor,
                "trials": args.trials,
            }
        )
    )


if __name__ == "__main__":
    main()
