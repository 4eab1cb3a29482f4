"""Generate the documentation pages that come from the code: ``docs/reports.md`` with a screenshot of each
report, and ``docs/contributing.md`` from the README's "How to add" sections.

``make docs`` runs ``python -m migresearch.build.docs`` and then ``mkdocs build --strict``. The pages
written here are generated (listed in ``.gitignore``), like ``site/``: the report list is the declared
one (:data:`migresearch.reports.REPORTS`), never a hand-written copy.

Screenshots: one page per report (its first parameter set, in English) is built into a temporary folder
with :func:`migresearch.build.build` and photographed by Debian's headless Chromium through Playwright.
Without Chromium the page still lists every report, and says that its screenshot is missing.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from migresearch import i18n, paths
from migresearch.reports import REPORTS, ReportSpec, plan

#: Chromium flags for this workplace (no network, no sandbox as root); the browser tests import this list.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _first_jobs() -> dict[str, str]:
    """For each report, the slug of its first English page."""
    out: dict[str, str] = {}
    for job in plan(langs=("en",)):
        out.setdefault(job.spec.name, job.slug)
    return out


def screenshots(img: Path) -> dict[str, Path]:
    """Build the first page of every report and photograph it at 1280 px; ``{report name: png}``."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {}
    from playwright.sync_api import sync_playwright

    from migresearch.build import build

    first = _first_jobs()
    img.mkdir(parents=True, exist_ok=True)
    shots: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        for slug in first.values():
            outcome = build(out=out, only=slug, langs=("en",), progress=False)
            if outcome.exit_code != 0:
                raise RuntimeError(f"report {slug} failed to build: {outcome.messages}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            for name, slug in first.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto((out / "en" / f"{slug}.html").as_uri())
                page.wait_for_load_state("load")
                shots[name] = img / f"{name}.png"
                page.screenshot(path=str(shots[name]), clip={"x": 0, "y": 0, "width": 1280, "height": 900})
                page.close()
            browser.close()
    return shots


def reports_page(shots: dict[str, Path]) -> str:
    """``docs/reports.md``: every declared report, its question in one sentence, its parameters, a screenshot."""
    first = _first_jobs()
    lines = [
        "# The reports",
        "",
        "Every report is built in English and Spanish by `migresearch build` (or `make reports`) from a",
        "notebook in `notebooks/`; the list below is generated from the declared report list.",
        "",
    ]
    groups: dict[str, list[ReportSpec]] = {}
    for spec in REPORTS:
        groups.setdefault(spec.group, []).append(spec)
    for group, specs in groups.items():
        lines += [f"## {i18n.t(f'group.{group}', 'en') if f'group.{group}' in i18n.LABELS else group.title()}", ""]
        for spec in sorted(specs, key=lambda s: (s.order, s.name)):
            title = i18n.t(spec.title_key, "en")
            lines += [f"### {title}", ""]
            if spec.summary_key:
                lines += [i18n.t(spec.summary_key, "en"), ""]
            params = ", ".join(f"`{k}`" for k in spec.allowed if k != "lang")
            lines += [
                f"Notebook `notebooks/{spec.notebook}`; parameters: {params + ', ' if params else ''}`lang` (`en`, `es`).",
                "",
            ]
            if spec.name in shots:
                lines += [
                    f"![{title}: the first screen of `{first.get(spec.name, spec.name)}.html`](img/{shots[spec.name].name})",
                    "",
                ]
            else:
                lines += ["*(No screenshot: Chromium was not available when these pages were generated.)*", ""]
    return "\n".join(lines) + "\n"


def contributing_page(readme: str) -> str:
    """``docs/contributing.md``: the README's sections on adding facts, tables, reports (one text, two places)."""
    sections = re.split(r"(?m)^## ", readme)
    wanted = [s for s in sections if s.lower().startswith(("how to add", "conventions of the data", "how to cite"))]
    body = "\n".join("## " + s.strip() + "\n" for s in wanted)
    return "# Contributing\n\nFrom the README (the one copy of these instructions).\n\n" + body


def main(argv: list[str] | None = None) -> int:
    root = paths.project_root()
    if root is None:
        print("migresearch.build.docs: run it in a source checkout", file=sys.stderr)
        return 2
    docs = root / "docs"
    shots = screenshots(docs / "img")
    (docs / "reports.md").write_text(reports_page(shots), encoding="utf-8")
    (docs / "contributing.md").write_text(contributing_page((root / "README.md").read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote docs/reports.md ({len(shots)} screenshots) and docs/contributing.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
