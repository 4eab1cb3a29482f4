"""What a reader sees on every built page: names not codes, no identifiers, no ISO dates, no raw missing
values, right plurals, no English on Spanish pages (see tests/visible_text.py for the rules and the
reviewed allow-list); and each page read in a real browser at a phone's and a laptop's width."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from migresearch.build.docs import CHROMIUM_FLAGS
from tests.conftest import ROOT
from tests.visible_text import scan

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = CHROMIUM_FLAGS  # one list, in migresearch.build.docs (the docs screenshots use it too)
PAGES = [
    "index.html",
    "es/index.html",
    "en/10-eu-celac-dialogue.html",
    "es/10-eu-celac-dialogue.html",
    "en/01-framework-profile-celac.html",
    "es/01-framework-profile-celac.html",
    "es/01-framework-profile-eu-lac-summits.html",
    "es/01-framework-profile-andean-parliament.html",
    "en/22-consular-cooperation.html",
    "es/23-framework-overlaps.html",
]


def test_every_page_reads_as_prose_for_a_reader(built_site: Path) -> None:
    pages = sorted(built_site.glob("*.html")) + sorted(built_site.glob("*/*.html"))
    assert len(pages) > 40
    findings = [
        f"{p.relative_to(built_site)}: {f.rule}: {f.text!r} in …{f.context}…"
        for p in pages
        for f in scan(p.read_text(encoding="utf-8"))
    ]
    assert findings == [], "\n".join(findings[:40]) + f"\n({len(findings)} in all)"


def test_the_scan_catches_what_it_should() -> None:
    bad_es = (
        '<html lang="es"><body><p>Brussels, BEL; presidencia SWE; 1 partes; start_date 1999-01-01; None; '
        'signed 26 May 1969</p><p class="sources">ISO 2013-01-01 SWE</p><p lang="en">the meeting</p></body></html>'
    )
    rules = {f.rule for f in scan(bad_es)}
    assert rules == {
        "code without its name",
        "wrong plural",
        "snake_case identifier",
        "ISO date",
        "raw missing value",
        "English word on a Spanish page",
    }
    good = '<html lang="es"><body><p>Bélgica (BEL); 1 parte; 2 partes; <span lang="en">signed</span></p></body></html>'
    assert scan(good) == []


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make browser` installs Debian's package")
        pytest.skip("chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_path", PAGES)
def test_page_at_phone_and_laptop_width(built_site: Path, browser, page_path: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((built_site / page_path).as_uri())
    page.wait_for_load_state("load")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{page_path.replace('/', '_').removesuffix('.html')}-{width}.png"), full_page=True)
    assert errors == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    assert page.evaluate("document.documentElement.lang") == ("es" if page_path.startswith("es/") else "en")
    no_alt = page.evaluate("[...document.images].filter(i => !i.alt || i.alt.includes('No description')).length")
    assert no_alt == 0
    if width == 390:  # a chart with a phone rendering is shown at its own size there (its labels stay readable)
        shrunk = page.evaluate(
            "[...document.querySelectorAll('picture img')].filter(i => i.clientWidth < 0.98 * i.naturalWidth)"
            ".map(i => i.alt.slice(0, 60))"
        )
        assert shrunk == [], shrunk
    page.close()


def test_every_data_cell_names_its_column_for_phone_cards(built_site: Path) -> None:
    """At phone width a data table's row is a card of "column: value" lines, read off each cell's data-label."""
    import re

    unnamed = []
    for page in sorted(built_site.glob("*/*.html")):
        for grid in re.findall(r'<table class="data[^"]*">.*?</table>', page.read_text(encoding="utf-8"), flags=re.S):
            cells = re.findall(r"<td(?:\s[^>]*)?>", grid)
            unnamed += [f"{page.relative_to(built_site)}: {c}" for c in cells if "data-label=" not in c]
    assert unnamed == [], "\n".join(unnamed[:20])
