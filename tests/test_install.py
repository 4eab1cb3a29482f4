"""The install is split by use: the core (load, validate, query) imports only what `pip install migresearch`
brings (pandas and Babel), and the wheel carries the data, the notebooks and both licences."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Packages the core must never import (they belong to the extras `schema`, `reports`, `lab`, `docs`).
NOT_CORE = (
    "pandera",
    "matplotlib",
    "papermill",
    "nbformat",
    "nbconvert",
    "nbclient",
    "jinja2",
    "IPython",
    "rich",
    "jupytext",
    "pydantic",
)

_BLOCKER = f"""
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {NOT_CORE!r}:
            raise ModuleNotFoundError(f"blocked in the core test: {{name}}", name=name)
        return None
sys.meta_path.insert(0, Block())
import migresearch
from migresearch import query
assert len(migresearch.load("meetings")) > 0
assert migresearch.validate().ok
assert len(query.members_on("mercosur", "2017-06-01")) > 0
migresearch.describe("countries")
print("core ok")
"""


def test_core_api_needs_no_extra() -> None:
    result = subprocess.run([sys.executable, "-c", _BLOCKER], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "core ok" in result.stdout


def test_core_dependencies_are_only_what_the_core_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = sorted(d.split(">")[0].split("=")[0].split("[")[0].strip().lower() for d in project["dependencies"])
    assert names == ["babel", "pandas"]
    assert project["requires-python"] == ">=3.11"
    assert set(project["optional-dependencies"]) >= {"schema", "reports", "lab", "docs", "test", "dev"}


@pytest.mark.slow
def test_wheel_ships_data_notebooks_and_licences(tmp_path: Path) -> None:
    uv = [shutil.which("uv")] if shutil.which("uv") else ["python3", "-m", "uv"]  # make installs uv beside python3
    if subprocess.run([*uv, "--version"], capture_output=True).returncode != 0:
        pytest.fail("uv is not installed (the Makefile installs it with pip)")
    subprocess.run([*uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel,) = tmp_path.glob("migresearch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "migresearch/data/meetings.csv" in names
    assert any(n.startswith("migresearch/notebooks/") and n.endswith(".ipynb") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE-DATA") for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata and "Requires-Python: >=3.11" in metadata


def test_notebooks_use_the_standard_python3_kernel() -> None:
    """Any Jupyter, papermill or nbconvert runs them without a custom kernel (tools/standard_kernel.py sets it)."""
    import json

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for path in [*notebooks, *(ROOT / "tests" / "regression").glob("*.ipynb"), *(ROOT / "docs").glob("*.ipynb")]:
        spec = json.loads(path.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
        assert spec["name"] == "python3", f"{path.name}: run `python tools/standard_kernel.py`"
        if path.with_suffix(".py").exists():
            assert "name: python3" in path.with_suffix(".py").read_text(encoding="utf-8"), path.with_suffix(".py").name


_REPORTS_WITHOUT_PANDERA = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pandera", "pydantic", "frictionless", "jupyterlab"):
            raise ModuleNotFoundError(f"not in the reports extra: {name}", name=name)
        return None
sys.meta_path.insert(0, Block())  # inherited by the build's forked workers
from pathlib import Path
from migresearch.build import build
outcome = build(out=Path(sys.argv[1]), only=sys.argv[2], langs=("en", "es"), progress=False)
print(outcome.exit_code, outcome.messages)
"""


@pytest.mark.slow
@pytest.mark.parametrize("only", ["01-framework-profile-can", "30-data-quality"])
def test_reports_build_with_the_reports_extra_alone(tmp_path: Path, only: str) -> None:
    """`pip install "migresearch[reports]"` has no pandera: no report may need it (two once did, for table titles)."""
    pytest.importorskip("papermill", reason="needs the reports extra")
    result = subprocess.run(
        [sys.executable, "-c", _REPORTS_WITHOUT_PANDERA, str(tmp_path / "site"), only],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("0 []"), result.stdout[-2000:]
