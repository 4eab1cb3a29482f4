"""Reports opened in a real headless Chromium (Debian's, driven by Playwright): no console errors,
no request outside the report folder, nothing executable from the data; screenshots kept as artifacts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from migresearch.build import publish as b
from migresearch.build.docs import CHROMIUM_FLAGS
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = CHROMIUM_FLAGS  # one list, in migresearch.build.docs (the docs screenshots use it too)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make browser` installs Debian's package")
        pytest.skip("chromium is not installed (make browser)")
    out = tmp_path_factory.mktemp("site")
    for pattern in ("10-*", "01-framework-profile-celac"):
        outcome = b.build(out=out, only=pattern, progress=False)
        assert outcome.exit_code == 0, outcome.messages
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.mark.parametrize("page_path", ["index.html", "en/10-eu-celac-dialogue.html", "es/01-framework-profile-celac.html"])
def test_report_in_headless_chromium(site: Path, browser, page_path: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    target = site / page_path
    page.goto(target.as_uri())
    page.wait_for_load_state("load")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / (page_path.replace("/", "_") + ".png")), full_page=True)
    assert errors == []
    outside = [u for u in requests if not (u.startswith(site.as_uri()) or u.startswith("data:"))]
    assert outside == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("h1").count() >= 1
    if page_path.startswith("es/"):
        assert page.evaluate("document.documentElement.lang") == "es"
        assert "Miembros a lo largo del tiempo" in page.inner_text("body")
    if page_path == "index.html":
        links = page.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert "en/10-eu-celac-dialogue.html" in links and "es/10-eu-celac-dialogue.html" in links
        for link in links:
            assert (site / link).is_file()
    page.close()
