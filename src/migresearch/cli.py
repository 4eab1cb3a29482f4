"""Command line: ``migresearch validate | list | catalog | sample | build``.

Heavy libraries are imported inside the commands that need them, so
``migresearch build`` can decide that nothing changed in a fraction of a second.

Exit codes: 0 success, 1 problems found (bad data, a failed report), 2 a usage error (an unknown option,
a missing data folder, a ``--only`` pattern that matches nothing), 3 the output folder is locked by
another build, 130 interrupted.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from migresearch.errors import UsageError

#: Exit code of a usage error (argparse uses the same).
USAGE = 2


def _data_dir(args: argparse.Namespace) -> Path:
    """The data folder the command reads; a missing one is a usage error, not one problem per table."""
    from migresearch import paths

    directory = paths.data_dir(getattr(args, "data_dir", None))
    if not directory.is_dir():
        origin = (
            "--data-dir" if getattr(args, "data_dir", None) else (paths.ENV_VAR if os.environ.get(paths.ENV_VAR) else "default")
        )
        raise UsageError(f"data folder not found: {directory} ({origin})")
    return directory


def _say(args: argparse.Namespace, text: str) -> None:
    """A summary line on stderr, unless ``-q``."""
    if not args.quiet:
        print(text, file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from migresearch.validation import validate

    report = validate(_data_dir(args))
    n = len(report.parsed)
    rows = sum(len(p.records) for p in report.parsed.values())
    if args.format == "json":
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "tables": n,
                    "records": rows,
                    "problems": [
                        {"file": p.path, "line": p.line, "column": p.column, "value": p.value, "rule": p.rule, "record": p.record}
                        for p in report.problems
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0 if report.ok else 1
    for problem in report.problems:
        print(problem)
    if report.problems:
        _say(args, f"{len(report.problems)} problem(s) in {n} table(s)")
        return 1
    if args.verbose:
        for name, parsed in report.parsed.items():
            print(f"{name}: {len(parsed.records)} records", file=sys.stderr)
    _say(args, f"ok: {n} tables, {rows} records, no problems")
    return 0


def _list(args: argparse.Namespace) -> int:
    from migresearch import i18n
    from migresearch.datasets import compiled
    from migresearch.reports import REPORTS, plan

    if args.what in ("tables", "all"):
        print("tables:")
        for name, info in compiled.infos().items():
            print(f"  {name:<28} {info.title}")
    if args.what in ("reports", "all"):
        jobs = plan(_data_dir(args), langs=("en",))
        print("reports:")
        for spec in REPORTS:
            count = sum(1 for j in jobs if j.spec is spec)
            print(f"  {spec.name:<28} {i18n.t(spec.title_key, 'en')} ({count} page(s) per language)")
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from migresearch import paths
    from migresearch.datasets import catalog

    root = Path(args.out).resolve() if args.out else paths.project_root()
    if root is None:
        raise UsageError("not in a source checkout of migresearch: give --out DIR to write the catalog elsewhere")
    if args.check:
        stale = catalog.stale(root)
        for path in stale:
            print(f"{path}: out of date; run `migresearch catalog`")
        return 1 if stale else 0
    for path in catalog.write(root):
        if not args.quiet:
            print(f"wrote {path}")
    return 0


def _sample(args: argparse.Namespace) -> int:
    from migresearch.validation import sample

    for path in sample.write(args.n, args.seed, args.out, _data_dir(args)):
        if not args.quiet:
            print(f"wrote {path}")
    return 0


def _build(args: argparse.Namespace) -> int:
    import time

    started = time.perf_counter()
    directory = _data_dir(args)
    langs = tuple(x.strip() for x in args.lang.split(",") if x.strip())
    if not args.force:
        # The fast no-op: decided from the hashes of the data files, code and notebooks the last build recorded,
        # before the data is validated again, reports are planned or the index is drawn (see up_to_date).
        from migresearch.build.noop import up_to_date

        current = up_to_date(Path(args.out) if args.out else None, directory, args.only, langs)
        if current is not None:
            _say(args, f"0 built, {len(current)} up to date, 0 failed in {time.perf_counter() - started:.2f} s")
            return 0
    from migresearch.build.publish import run_cli
    from migresearch.errors import DataValidationError, ParameterError
    from migresearch.reports import plan

    if args.only:
        # No full validation here (it would cost every no-op build): plan() checks the ids it reads at their
        # cells and raises on bad ones; the build then validates everything first, one line per problem.
        try:
            matched = plan(directory, args.only, langs)
        except ParameterError as exc:
            raise UsageError(str(exc)) from None
        except DataValidationError:
            matched = None  # bad data: the build validates it first and reports every problem in one line each
        if matched is not None and not matched:
            names = sorted({j.slug for j in plan(directory, None, langs)} | {j.spec.name for j in plan(directory, None, langs)})
            close = difflib.get_close_matches(args.only, names, n=5, cutoff=0.5)
            hint = f"; close names: {', '.join(close)}" if close else "; `migresearch list reports` lists them"
            raise UsageError(f"--only {args.only!r} matches no report{hint}")
    return run_cli(args)


def _positive(text: str) -> int:
    """An argument that is a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def _version_text() -> str:
    from migresearch import __version__
    from migresearch.datasets.version import data_version

    try:
        version = data_version()
        data = f"data {version.id} of {version.date.isoformat() if version.date else 'unknown date'}"
    except OSError:
        data = "data not found"
    return f"migresearch {__version__} ({data})"


class _Version(argparse.Action):
    """``--version``: computed only when asked (it reads the data files)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the package version and the data version, then exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(_version_text())
        parser.exit()


def parser() -> argparse.ArgumentParser:
    from migresearch.build import REPORTS_PER_PROCESS  # standard library only, like the rest of this start-up path

    common = argparse.ArgumentParser(add_help=False)
    talk = common.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print only problems and errors, no summary")
    talk.add_argument("-v", "--verbose", action="store_true", help="print more detail (per table, per report)")

    p = argparse.ArgumentParser(
        prog="migresearch",
        description="Typed, cited data and bilingual reports on EU-LAC migration cooperation.",
        epilog="Exit codes: 0 ok, 1 problems found, 2 usage error, 3 output folder locked, 130 interrupted.",
    )
    p.add_argument("--version", action=_Version)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_help = "folder of CSV files (default: $MIGRESEARCH_DATA, else data/ of a checkout, else the copy in the package)"

    v = sub.add_parser(
        "validate",
        parents=[common],
        help="check every data file: schemas, keys, foreign keys, temporal rules",
        description="Check every data file; print one line per problem, all of them in one pass.",
    )
    v.add_argument("--data-dir", help=data_help)
    v.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one `file:line:column: value: rule` line per problem (default); json: one document",
    )
    v.set_defaults(func=_validate)

    ls = sub.add_parser(
        "list",
        parents=[common],
        help="list the tables and the reports",
        description="List the registered tables and the declared reports.",
    )
    ls.add_argument("what", nargs="?", choices=("all", "tables", "reports"), default="all", help="what to list (default: all)")
    ls.add_argument("--data-dir", help=data_help)
    ls.set_defaults(func=_list)

    c = sub.add_parser(
        "catalog",
        parents=[common],
        help="regenerate data/datapackage.json, the data dictionary and the compiled registry",
        description="Regenerate the generated files from the declarations (inside a checkout, or under --out).",
    )
    c.add_argument("--check", action="store_true", help="only report generated files that are out of date (exit 1 if any)")
    c.add_argument(
        "--out", default=None, help="folder to write data/ and docs/ into (default: the checkout; required outside one)"
    )
    c.set_defaults(func=_catalog)
    s = sub.add_parser(
        "sample",
        parents=[common],
        help="write a review sheet (CSV and HTML) of random fact rows with their evidence and source links",
        description="Draw random fact rows (seeded) and write them with their evidence and sources for a human check.",
    )
    s.add_argument("--n", type=int, required=True, help="number of fact rows to draw")
    s.add_argument("--seed", type=int, required=True, help="random seed (same seed and data, same rows)")
    s.add_argument("--out", default=".", help="output folder (default: the current folder)")
    s.add_argument("--data-dir", help=data_help)
    s.set_defaults(func=_sample)

    b = sub.add_parser(
        "build",
        parents=[common],
        help="regenerate the English and Spanish reports",
        description="Build every declared report in both languages; only what changed is rebuilt.",
    )
    b.add_argument("--out", default=None, help="output folder (default: reports/ of a checkout, else ./reports)")
    b.add_argument("--data-dir", help=data_help)
    b.add_argument("--jobs", type=int, default=None, help="parallel workers (default: number of cores)")
    b.add_argument("--only", default=None, help="only reports whose name matches this glob pattern (exit 2 if none does)")
    b.add_argument("--lang", default="en,es", help="comma-separated languages (default: en,es)")
    b.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    b.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell (default: 300)")
    b.add_argument(
        "--reports-per-process",
        type=_positive,
        default=None,
        metavar="N",
        help=f"reports one process runs, its state put back between two (default: {REPORTS_PER_PROCESS}; 1: a fresh process for each)",
    )
    b.set_defaults(func=_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"migresearch {args.command}: error: {exc}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
