"""Compare two build outputs: does a change (a faster renderer, a new cache) leave every page as it was?

Build the reports before and after into two folders, then::

    .venv/bin/python bench/compare_builds.py BEFORE_DIR AFTER_DIR

Three checks, over every ``*.html`` page of both folders:

- the page's text: the HTML with every inline ``data:image/png`` image cut out and build timestamps
  (``2026-12-01T10:00:00Z``) blanked, which must be equal;
- every inline PNG, in page order: the same bytes, or else the same pixels (decoded with PIL, compared
  with ``ImageChops.difference``) and the same size and mode; each one counted as which;
- the tables each report is recorded as reading (``manifest.json``, what the incremental build rebuilds
  by), which must be equal.

Prints the problems found and ends with one JSON line; the exit code is 1 when any check fails.
"""

from __future__ import annotations

import base64
import io
import json
import re
import sys
from pathlib import Path

from PIL import Image, ImageChops

PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _same_pixels(a: str, b: str) -> bool:
    one, two = (Image.open(io.BytesIO(base64.b64decode(x))) for x in (a, b))
    if one.size != two.size or one.mode != two.mode:
        return False
    return ImageChops.difference(one.convert("RGBA"), two.convert("RGBA")).getbbox() is None


def _reads(folder: Path) -> dict[str, list[str] | None]:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return {}
    return {str(r.get("path")): r.get("tables") for r in json.loads(manifest.read_text())["reports"]}


def compare(before: Path, after: Path) -> dict[str, object]:
    pages = sorted(p.relative_to(before) for p in before.rglob("*.html"))
    problems = [f"{p}: only in {after}" for p in sorted({p.relative_to(after) for p in after.rglob("*.html")} - set(pages))]
    images = same_bytes = same_pixels = 0
    for rel in pages:
        if not (after / rel).is_file():
            problems.append(f"{rel}: only in {before}")
            continue
        one, two = (STAMP.sub("T", (folder / rel).read_text(encoding="utf-8")) for folder in (before, after))
        if PNG.sub("IMG", one) != PNG.sub("IMG", two):
            problems.append(f"{rel}: the page's text differs")
        a, b = PNG.findall(one), PNG.findall(two)
        if len(a) != len(b):
            problems.append(f"{rel}: {len(a)} images before, {len(b)} after")
            continue
        for k, (x, y) in enumerate(zip(a, b)):
            images += 1
            if x == y:
                same_bytes += 1
            elif _same_pixels(x, y):
                same_pixels += 1
            else:
                problems.append(f"{rel}: image {k} differs")
    reads_before, reads_after = _reads(before), _reads(after)
    changed = sorted(k for k in reads_before.keys() | reads_after.keys() if reads_before.get(k) != reads_after.get(k))
    problems += [f"{k}: recorded table reads differ" for k in changed]
    return {
        "pages": len(pages),
        "images": images,
        "byte_identical": same_bytes,
        "pixel_identical_only": same_pixels,
        "reports_with_reads": len(reads_before),
        "problems": problems,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    result = compare(Path(argv[0]), Path(argv[1]))
    problems = result["problems"]
    assert isinstance(problems, list)
    print(
        f"{result['pages']} pages, {result['images']} images: {result['byte_identical']} byte-identical, "
        f"{result['pixel_identical_only']} pixel-identical only; reads of {result['reports_with_reads']} reports; "
        f"{len(problems)} problems"
    )
    for line in problems[:40]:
        print("  ", line)
    print(json.dumps({**result, "problems": len(problems)}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
