"""Notebooks: committed without outputs, twins in sync, typed parameters, real kernel runs, regression."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest

from migresearch.reports import REPORTS
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REGRESSION = ROOT / "tests" / "regression" / "10-eu-celac-dialogue-en.ipynb"


def cells(nb: nbformat.NotebookNode) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", []))) for c in nb.cells]


def test_every_notebook_is_declared_and_named() -> None:
    assert {p.name for p in NOTEBOOKS} == {r.notebook for r in REPORTS}
    for path in NOTEBOOKS:
        assert path.stem[:2].isdigit() and path.stem[2] == "-" and path.stem == path.stem.lower()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_jupytext_twin_in_sync(path: Path) -> None:
    twin = jupytext.read(path.with_suffix(".py"))
    assert cells(twin) == cells(nbformat.read(path, as_version=4)), f"run `jupytext --sync {path}`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_holds_typed_literals(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    tree = ast.parse(tagged[0].source)
    spec = next(r for r in REPORTS if r.notebook == path.name)
    names = set()
    for node in tree.body:
        assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), ast.dump(node)
        names.add(node.target.id)  # type: ignore[attr-defined]
    assert names == set(spec.allowed)
    assert all("#" in line for line in tagged[0].source.splitlines() if line.strip())


@pytest.mark.slow
def test_runs_in_a_real_jupyter_kernel(tmp_path: Path) -> None:
    """The notebook also runs as a researcher runs it: papermill's own engine and the `migresearch` kernel."""
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "01-framework-profile.ipynb"),
        str(out),
        parameters={"framework": "csm", "lang": "es"},
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=300,
        cwd=str(tmp_path),
    )
    executed = nbformat.read(out, as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "Conferencia Suramericana sobre Migraciones" in html and "Miembros a lo largo del tiempo" in html


@pytest.mark.slow
def test_dialogue_regression(nb_regression, tmp_path: Path) -> None:
    """pytest-notebook: outputs of the dialogue report (English) against the stored ones.

    PNG bytes, timings and metadata are ignored; tables and text are compared. After a reviewed data
    change, regenerate with `pytest tests/test_notebooks.py --nb-force-regen`.
    """
    if not REGRESSION.exists():
        shutil.copy(ROOT / "notebooks" / "10-eu-celac-dialogue.ipynb", REGRESSION)
        nb_regression.force_regen = True
    nb_regression.diff_ignore = (
        "/metadata",
        "/cells/*/metadata",
        "/cells/*/execution_count",
        "/cells/*/outputs/*/execution_count",
        "/cells/*/outputs/*/data/image/png",
        "/cells/*/outputs/*/data/text/plain",
        "/cells/*/outputs/*/metadata",
    )
    # charts are inline images inside the HTML outputs: compare the markup, not the pixels
    nb_regression.diff_replace = (
        ("/cells/*/outputs/*/data/text/html", r"data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png"),
    )
    nb_regression.exec_timeout = 300
    nb_regression.exec_cwd = str(tmp_path)
    nb_regression.check(str(REGRESSION))
