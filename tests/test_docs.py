"""The documentation site builds strictly (any warning fails), from the code, with a screenshot per report;
the getting-started notebook runs under papermill with the standard kernel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_getting_started_notebook_runs_under_papermill(tmp_path: Path) -> None:
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(ROOT / "docs" / "getting-started.ipynb"),
        str(out),
        parameters={"country": "URY"},
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=300,
        cwd=str(tmp_path),
    )
    executed = nbformat.read(out, as_version=4)
    text = "".join(
        str(o.get("data", {}).get("text/plain", "")) for c in executed.cells if c.cell_type == "code" for o in c.outputs
    )
    assert "mercosur" in text and "memberships" in text


def test_docs_build_strictly(tmp_path: Path) -> None:
    if shutil.which("chromium") is None and os.environ.get("CI"):
        pytest.fail("chromium is not installed; `make browser` installs Debian's package")
    gen = subprocess.run([sys.executable, "-m", "migresearch.build.docs"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert gen.returncode == 0, gen.stderr[-3000:]
    reports = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    from migresearch.reports import REPORTS

    for spec in REPORTS:
        assert f"notebooks/{spec.notebook}" in reports
    if shutil.which("chromium"):
        assert reports.count("](img/") == len(REPORTS)
    site = tmp_path / "site"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "members_on" in api and "MigresearchError" in api
