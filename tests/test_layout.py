"""The layout of the design card exists, and import is silent and offline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_layout() -> None:
    for path in [
        "pyproject.toml",
        "README.md",
        "Makefile",
        "CHANGELOG.md",
        "CITATION.cff",
        ".ci/run",
        "uv.lock",
        "src/migresearch/py.typed",
        "notebooks",
        "data",
        "reports",
        "tests",
        "bench",
        "docs/data-dictionary.md",
        "data/datapackage.json",
    ]:
        assert (ROOT / path).exists(), path


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reports" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_changelog_has_a_data_section() -> None:
    assert "### Data" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


AUDIT = r"""
import sys
events = []
def hook(event, args):
    if event.startswith("socket") or event in ("urllib.Request", "subprocess.Popen", "os.system"):
        events.append(event)
    if event == "open" and args and isinstance(args[0], str) and not args[0].endswith((".py", ".pyc", ".pth", ".so")):
        if "/migresearch" in args[0] or args[0].endswith(".csv"):
            events.append(f"open {args[0]}")
sys.addaudithook(hook)
import migresearch
print(repr(events))
print(sorted(m for m in ("pandas", "pandera", "matplotlib", "papermill") if m in sys.modules))
"""


def test_import_is_silent_offline_and_light() -> None:
    result = subprocess.run([sys.executable, "-W", "error", "-c", AUDIT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    events, heavy = result.stdout.splitlines()
    assert events == "[]", events
    assert heavy == "[]", heavy


def test_installed_layout_reads_data_through_importlib_resources(tmp_path: Path) -> None:
    """As in the wheel (pyproject force-includes data/ as migresearch/data): no checkout, no $MIGRESEARCH_DATA."""
    import os
    import shutil

    site = tmp_path / "site"
    shutil.copytree(ROOT / "src" / "migresearch", site / "migresearch", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", site / "migresearch" / "data")
    env = {k: v for k, v in os.environ.items() if k != "MIGRESEARCH_DATA"} | {"PYTHONPATH": str(site)}
    code = (
        "import migresearch, migresearch.paths as p; print(p.project_root(), p.data_dir().relative_to(p._PACKAGE_DIR), "
        "len(migresearch.load('countries')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    import migresearch

    expected = str(len(migresearch.load("countries")))
    assert result.stdout.split() == ["None", "data", expected], result.stdout + result.stderr
