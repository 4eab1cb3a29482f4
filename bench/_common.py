"""Shared printing for the benchmark scripts."""

from __future__ import annotations


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """Print an aligned text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join((str(c).rjust(w) if j else str(c).ljust(w)) for j, (c, w) in enumerate(zip(r, widths))))
