"""Command line: ``migresearch validate | catalog | sample | build``.

Heavy libraries are imported inside the commands that need them, so
``migresearch build`` can decide that nothing changed in a fraction of a second.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _validate(args: argparse.Namespace) -> int:
    from migresearch.validation import validate

    report = validate(args.data_dir)
    for problem in report.problems:
        print(problem)
    n = len(report.parsed)
    if report.problems:
        print(f"{len(report.problems)} problem(s) in {n} table(s)", file=sys.stderr)
        return 1
    rows = sum(len(p.records) for p in report.parsed.values())
    print(f"ok: {n} tables, {rows} records, no problems", file=sys.stderr)
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from migresearch.datasets import catalog

    if args.check:
        stale = catalog.stale()
        for path in stale:
            print(f"{path}: out of date; run `migresearch catalog`")
        return 1 if stale else 0
    for path in catalog.write():
        print(f"wrote {path}")
    return 0


def _sample(args: argparse.Namespace) -> int:
    from migresearch.validation import sample

    for path in sample.write(args.n, args.seed, args.out, args.data_dir):
        print(f"wrote {path}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from migresearch.build import run_cli

    return run_cli(args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="migresearch", description="Typed, cited data and bilingual reports on EU-LAC migration cooperation.")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every data file: schemas, keys, foreign keys, temporal rules")
    v.add_argument("--data-dir", help="folder of CSV files (default: the package's data, or $MIGRESEARCH_DATA)")
    v.set_defaults(func=_validate)
    c = sub.add_parser("catalog", help="regenerate data/datapackage.json and docs/data-dictionary.md")
    c.add_argument("--check", action="store_true", help="only report generated files that are out of date")
    c.set_defaults(func=_catalog)
    s = sub.add_parser("sample", help="write a review sheet (CSV and HTML) of random fact rows with their evidence and source links")
    s.add_argument("--n", type=int, required=True, help="number of fact rows to draw")
    s.add_argument("--seed", type=int, required=True, help="random seed (same seed and data, same rows)")
    s.add_argument("--out", default=".", help="output folder (default: the current folder)")
    s.add_argument("--data-dir", help="folder of CSV files (default: the package's data, or $MIGRESEARCH_DATA)")
    s.set_defaults(func=_sample)
    b = sub.add_parser("build", help="regenerate the English and Spanish reports")
    b.add_argument("--out", default=None, help="output folder (default: reports/)")
    b.add_argument("--jobs", type=int, default=None, help="parallel workers (default: number of cores)")
    b.add_argument("--only", default=None, help="only reports whose name matches this glob pattern")
    b.add_argument("--lang", default="en,es", help="comma-separated languages (default: en,es)")
    b.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    b.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    b.set_defaults(func=_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
