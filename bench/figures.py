"""Benchmark: bitemporal figure look-ups (``FigureStore`` / ``figure()``) against DuckDB, side by side.

Run from the project root (DuckDB is a benchmark-only dependency, see bench/requirements.txt)::

    uv pip install -p .venv -r bench/requirements.txt
    .venv/bin/python bench/figures.py                    # 200 series x 50 places x 100 vintages = 1,000,000 rows

A synthetic figures table is generated in memory with exactly the dtypes of
``migresearch.load("figures")`` (nothing is written to data/), its rows
shuffled so that neither side profits from a pre-sorted input.  Within each
(series, place) the publication dates are distinct, so "latest reference
date, then latest publication" has exactly one answer and both sides must
agree on every query (asserted).

Measured, each repeated ``--trials`` times (median and minimum), the two
sides interleaved:

(i)   a batch of ``--queries`` random (series, place, known_on) look-ups with
      the store built / the table loaded: ``FigureStore.lookup`` plus fetching
      the row (what ``figure()`` returns) versus one parametrised DuckDB query
      per look-up (``WHERE series_id=? AND place=? AND published_date<=?
      ORDER BY as_of_date DESC, published_date DESC LIMIT 1``).  The public
      ``figure()`` is timed too, with its store pre-built, so its per-call
      overhead shows;
(ii)  building the ``FigureStore`` (one sort) versus creating the DuckDB
      in-memory table from the same DataFrame;
(iii) one cold query: build + 1 look-up versus table creation + 1 query.

Ratios are pandas/DuckDB: below 1.0 means migresearch is faster.  The last
line of stdout is ONE JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _common import table

SQL = (
    "SELECT * FROM figures WHERE series_id = ? AND place = ? AND published_date <= ? "
    "ORDER BY as_of_date DESC, published_date DESC LIMIT 1"
)
SQL_AS_OF = (
    "SELECT * FROM figures WHERE series_id = ? AND place = ? AND published_date <= ? AND as_of_date <= ? "
    "ORDER BY as_of_date DESC, published_date DESC LIMIT 1"
)
FIRST_DAY = np.datetime64("2000-01-01", "D")
N_DAYS = 9500  # publication dates 2000-01-01 .. 2026-01-05


def fmt_s(x: float) -> str:
    if x < 0.001:
        return f"{x * 1e6:.0f} µs"
    if x < 1:
        return f"{x * 1000:.2f} ms"
    return f"{x:.2f} s"


# --- data -----------------------------------------------------------------------------------------


def reference_dtypes() -> pd.Series:
    """The dtypes ``load("figures")`` returns, read off the declaration (no data file needed)."""
    from migresearch.validation import table_of
    from migresearch.validation.csvfile import Parsed, to_frame

    table = table_of("figures")
    empty = {c.name: "" for c in table.columns}
    frame = to_frame(Parsed(Path("figures.csv"), "figures.csv", table.names, [2], [empty], []), table)
    return frame.dtypes


def make_figures(n_series: int, n_places: int, n_vintages: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    groups = n_series * n_places
    n = groups * n_vintages
    series = np.array([f"bench-series-{i:03d}" for i in range(n_series)], dtype=object)
    places = np.array([f"P{j:03d}" for j in range(n_places)], dtype=object)
    # distinct publication days within each (series, place): one answer per query
    pub_days = np.empty((groups, n_vintages), dtype=np.int64)
    for g in range(groups):
        pub_days[g] = rng.choice(N_DAYS, size=n_vintages, replace=False)
    published = FIRST_DAY + pub_days.ravel()
    lag = rng.integers(0, 730, size=n)
    as_of = (published - lag).astype("datetime64[M]").astype("datetime64[D]")  # month precision: first of month
    g_idx = np.repeat(np.arange(groups), n_vintages)
    v_idx = np.tile(np.arange(n_vintages), groups)
    figure_id = [f"fig-{g}-{v}" for g, v in zip(g_idx.tolist(), v_idx.tolist())]
    frame = pd.DataFrame(
        {
            "figure_id": figure_id,
            "series_id": series[g_idx // n_places],
            "place": places[g_idx % n_places],
            "value": np.round(rng.random(n) * 1e6, 1),
            "as_of_date": as_of.astype("datetime64[ns]"),
            "as_of_precision": "month",
            "published_date": published.astype("datetime64[ns]"),
            "published_precision": "day",
            "programme_id": None,
            "qualifier": rng.choice(np.array(["exact", "about", "more_than"], dtype=object), size=n),
            "source_id": "bench-source",
            "inferred": None,
            "inferred_from": None,
            "note": None,
        }
    )
    ref = reference_dtypes()
    frame = frame[list(ref.index)].astype(ref.to_dict())
    frame = frame.iloc[rng.permutation(n)].reset_index(drop=True)
    assert (frame.dtypes == ref).all(), f"dtypes differ from load('figures'):\n{frame.dtypes}\n{ref}"
    return frame


def make_queries(frame: pd.DataFrame, n: int, seed: int) -> list[tuple[str, str, dt.datetime]]:
    rng = np.random.default_rng(seed + 1)
    series = frame["series_id"].unique()
    places = frame["place"].unique()
    days = rng.integers(-400, N_DAYS + 200, size=n)  # some before any publication: answer None
    out = []
    for s, p, d in zip(rng.choice(series, n), rng.choice(places, n), days):
        day = (FIRST_DAY + int(d)).astype(dt.date)
        out.append((str(s), str(p), dt.datetime(day.year, day.month, day.day)))
    return out


# --- the two sides --------------------------------------------------------------------------------


def pandas_batch(store, queries) -> tuple[float, list[str | None]]:
    frame = store.frame
    answers: list[str | None] = []
    t0 = time.perf_counter()
    for s, p, k in queries:
        pos = store.lookup(s, p, known_on=k)
        row = frame.iloc[pos] if pos is not None else None
        answers.append(None if row is None else row["figure_id"])
    return time.perf_counter() - t0, answers


def lookup_only_batch(store, queries) -> float:
    t0 = time.perf_counter()
    for s, p, k in queries:
        store.lookup(s, p, known_on=k)
    return time.perf_counter() - t0


def figure_batch(queries, data_dir: Path | None) -> tuple[float, float, int]:
    """Public ``figure()`` with its store pre-built; returns (total s, time spent on misses, misses)."""
    from migresearch.query import figure

    total = miss_time = 0.0
    misses = 0
    for s, p, k in queries:
        t0 = time.perf_counter()
        row = figure(s, p, known_on=k, data_dir=data_dir)
        t = time.perf_counter() - t0
        total += t
        if row is None:
            misses += 1
            miss_time += t
    return total, miss_time, misses


def duckdb_load(duckdb, frame: pd.DataFrame):
    con = duckdb.connect()
    con.register("figures_df", frame)
    con.execute("CREATE TABLE figures AS SELECT * FROM figures_df")
    con.unregister("figures_df")
    return con


def duckdb_batch(con, queries) -> tuple[float, list[str | None]]:
    answers: list[str | None] = []
    t0 = time.perf_counter()
    for s, p, k in queries:
        row = con.execute(SQL, [s, p, k]).fetchone()
        answers.append(None if row is None else row[0])
    return time.perf_counter() - t0, answers


# --- main -----------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--series", type=int, default=200)
    ap.add_argument("--places", type=int, default=50)
    ap.add_argument("--vintages", type=int, default=100)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20251126)
    args = ap.parse_args()

    try:
        import duckdb
    except ImportError:
        print("bench/figures.py: duckdb is not installed; it is a benchmark-only dependency.")
        print("Install it with:  uv pip install -p .venv -r bench/requirements.txt")
        print(json.dumps({"duckdb": "missing", "per_query_ratio_vs_duckdb": None, "cold_ratio_vs_duckdb": None}))
        return

    from migresearch import _api, query
    from migresearch.datasets.compiled import MAX_FILE_BYTES
    from migresearch.query import FigureStore

    n_rows = args.series * args.places * args.vintages
    print(
        f"bench/figures.py: python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}, "
        f"duckdb {duckdb.__version__}, {os.cpu_count()} CPU(s), {args.trials} trials"
    )
    t0 = time.perf_counter()
    frame = make_figures(args.series, args.places, args.vintages, args.seed)
    print(
        f"generated {len(frame):,} figure rows ({args.series} series x {args.places} places x {args.vintages} vintages) "
        f"in {fmt_s(time.perf_counter() - t0)}; {frame.memory_usage(deep=True).sum() / 1e6:.0f} MB in memory"
    )
    try:  # the real table, when present and valid, must have the same dtypes
        real = _api.load("figures")
        assert (real.dtypes == frame.dtypes).all(), "synthetic dtypes differ from load('figures')"
        print(f"dtypes checked against load('figures') ({len(real)} shipped rows)")
    except Exception as exc:
        print(f"dtypes checked against the declaration only (load('figures') unavailable: {type(exc).__name__})")
    queries = make_queries(frame, args.queries, args.seed)

    # (ii) + (iii): cold = build / load, then one query; interleaved trials
    build, cold_q, load, dcold_q = [], [], [], []
    store = con = None
    for _ in range(args.trials):
        store = con = None
        t0 = time.perf_counter()
        store = FigureStore(frame)
        t1 = time.perf_counter()
        pos = store.lookup(*queries[0][:2], known_on=queries[0][2])
        _ = store.frame.iloc[pos] if pos is not None else None
        t2 = time.perf_counter()
        build.append(t1 - t0)
        cold_q.append(t2 - t1)
        t0 = time.perf_counter()
        con = duckdb_load(duckdb, frame)
        t1 = time.perf_counter()
        con.execute(SQL, list(queries[0])).fetchone()
        t2 = time.perf_counter()
        load.append(t1 - t0)
        dcold_q.append(t2 - t1)

    # correctness: every query, both sides; and a second pass with as_of (FigureStore only path)
    _, pa_answers = pandas_batch(store, queries)
    _, dk_answers = duckdb_batch(con, queries)
    mismatches = [(q, a, b) for q, a, b in zip(queries, pa_answers, dk_answers) if a != b]
    assert not mismatches, f"{len(mismatches)} answers differ, e.g. {mismatches[:3]}"
    rng = np.random.default_rng(args.seed + 2)
    as_of_checked = 0
    for s, p, k in queries[: max(1, len(queries) // 5)]:
        a = (FIRST_DAY + int(rng.integers(0, N_DAYS))).astype(dt.date)
        a = dt.datetime(a.year, a.month, a.day)
        pos = store.lookup(s, p, as_of=a, known_on=k)
        mine = None if pos is None else store.frame.iloc[pos]["figure_id"]
        row = con.execute(SQL_AS_OF, [s, p, k, a]).fetchone()
        theirs = None if row is None else row[0]
        assert mine == theirs, f"as_of look-up differs for {(s, p, k, a)}: {mine} vs {theirs}"
        as_of_checked += 1
    n_none = sum(a is None for a in pa_answers)
    print(
        f"answers agree on all {len(queries)} queries ({n_none} with no figure known yet), "
        f"and on {as_of_checked} further queries with as_of"
    )

    # figure(): prime its store cache with the synthetic store (figure() keys its cache on the validated parse
    # of figures.csv, so no CSV of 1M rows is needed)
    from migresearch import validation

    parsed = validation.validate(None, ["figures"]).parsed["figures"]
    query._STORES.clear()
    query._STORES[id(parsed)] = (parsed, store)
    try:
        # (i) batches, interleaved
        pa_t, lk_t, dk_t, fg_t, fg_miss_t = [], [], [], [], []
        fg_misses = 0
        for _ in range(args.trials):
            pa_t.append(pandas_batch(store, queries)[0])
            dk_t.append(duckdb_batch(con, queries)[0])
            lk_t.append(lookup_only_batch(store, queries))
            total, miss_t, fg_misses = figure_batch(queries, None)
            fg_t.append(total)
            fg_miss_t.append(miss_t)
    finally:
        query._STORES.clear()
    csv_bytes_1m = len(frame.iloc[:10000].to_csv(index=False).encode()) / 10000 * n_rows

    nq = len(queries)
    med = statistics.median
    per = {k: (med(v) / nq, min(v) / nq) for k, v in {"pandas": pa_t, "lookup": lk_t, "duckdb": dk_t, "figure": fg_t}.items()}
    ratio_q = per["pandas"][0] / per["duckdb"][0]
    table(
        f"(i) {nq} random (series, place, known_on) look-ups over {n_rows:,} rows, store built / table loaded "
        f"({args.trials} trials, per query)",
        ["path", "median", "min", "vs DuckDB"],
        [
            ["FigureStore.lookup + row (pandas/numpy)", fmt_s(per["pandas"][0]), fmt_s(per["pandas"][1]), f"{ratio_q:.3f}"],
            [
                "  FigureStore.lookup only (row position)",
                fmt_s(per["lookup"][0]),
                fmt_s(per["lookup"][1]),
                f"{per['lookup'][0] / per['duckdb'][0]:.3f}",
            ],
            [
                "  figure() public API, store cached",
                fmt_s(per["figure"][0]),
                fmt_s(per["figure"][1]),
                f"{per['figure'][0] / per['duckdb'][0]:.3f}",
            ],
            ["DuckDB, one SQL query per look-up", fmt_s(per["duckdb"][0]), fmt_s(per["duckdb"][1]), "1.000"],
        ],
    )
    if fg_misses:
        print(
            f"  figure(): {fg_misses} of {nq} queries have no answer; they cost {fmt_s(med(fg_miss_t) / fg_misses)} each "
            f"(hits: {fmt_s((med(fg_t) - med(fg_miss_t)) / (nq - fg_misses))} each)"
        )
    if csv_bytes_1m > MAX_FILE_BYTES:
        print(
            f"  note: such a figures.csv exceeds the validator's limit of {MAX_FILE_BYTES / 2**20:.0f} MiB, so load('figures') "
            "and figure() could not read it; FigureStore is measured on the in-memory frame"
        )

    cold_pa = [b + q for b, q in zip(build, cold_q)]
    cold_dk = [b + q for b, q in zip(load, dcold_q)]
    ratio_cold = med(cold_pa) / med(cold_dk)
    table(
        f"(ii)/(iii) one-off costs over {n_rows:,} rows ({args.trials} trials)",
        ["step", "median", "min", "vs DuckDB"],
        [
            [
                "(ii) build FigureStore (sort + group index)",
                fmt_s(med(build)),
                fmt_s(min(build)),
                f"{med(build) / med(load):.3f}",
            ],
            ["(ii) DuckDB: connect + CREATE TABLE from DataFrame", fmt_s(med(load)), fmt_s(min(load)), "1.000"],
            ["(iii) cold: build + 1 look-up", fmt_s(med(cold_pa)), fmt_s(min(cold_pa)), f"{ratio_cold:.3f}"],
            ["(iii) cold: DuckDB load + 1 query", fmt_s(med(cold_dk)), fmt_s(min(cold_dk)), "1.000"],
        ],
    )
    table(
        "summary (pandas/DuckDB, goal <= 1.0)",
        ["measure", "ratio", "verdict"],
        [
            ["per query (store built)", f"{ratio_q:.3f}", "PASS" if ratio_q <= 1.0 else "FAIL"],
            ["cold (build + 1 query)", f"{ratio_cold:.3f}", "PASS" if ratio_cold <= 1.0 else "FAIL"],
        ],
    )
    print(
        json.dumps(
            {
                "per_query_ratio_vs_duckdb": round(ratio_q, 4),
                "cold_ratio_vs_duckdb": round(ratio_cold, 4),
                "pandas_per_query_ms": round(per["pandas"][0] * 1000, 4),
                "duckdb_per_query_ms": round(per["duckdb"][0] * 1000, 4),
                "build_store_s": round(med(build), 4),
                "duckdb_load_s": round(med(load), 4),
                "lookup_only_per_query_ms": round(per["lookup"][0] * 1000, 4),
                "figure_api_per_query_ms": round(per["figure"][0] * 1000, 4),
                "figure_api_miss_ms": round(med(fg_miss_t) / fg_misses * 1000, 2) if fg_misses else None,
                "cold_pandas_s": round(med(cold_pa), 4),
                "cold_duckdb_s": round(med(cold_dk), 4),
                "rows": n_rows,
                "queries": nq,
                "trials": args.trials,
                "duckdb": duckdb.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
