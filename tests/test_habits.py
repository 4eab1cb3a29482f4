"""The habits of the repository (issue 9 item 6): `make help`, lint before tests in CI, pre-commit hooks that
need no download, jupytext pairing, notebook checkpoints ignored, dev tools installed from the lock."""

from __future__ import annotations

import subprocess
import tomllib

from tests.conftest import ROOT


def test_make_help_lists_every_documented_target() -> None:
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    for target in ("reports", "test", "lint", "format", "setup", "bench", "clean", "help"):
        assert f"make {target}" in out, out


def test_ci_lints_before_it_tests() -> None:
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
        if line.startswith("make ")
    ]
    assert lines[:2] == ["make lint", "make test"]  # then the core tests on other Pythons and at the floors
    assert set(lines[2:]) <= {"make core-test", "make floors"}


def test_lint_runs_format_ruff_mypy_and_the_layer_contract() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for tool in ("ruff format --check", "ruff check", "mypy", "lint-imports"):
        assert tool in lint, tool
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["type"]: c for c in config["tool"]["importlinter"]["contracts"]}
    assert set(contracts) == {"layers", "forbidden"}
    assert {"pandas", "pandera", "matplotlib", "papermill"} <= set(contracts["forbidden"]["forbidden_modules"])
    contract = contracts["layers"]
    order = contract["layers"]
    assert [order.index(x) for x in ("cli", "build", "reports", "present", "query", "validation", "datasets")] == sorted(
        order.index(x) for x in ("cli", "build", "reports", "present", "query", "validation", "datasets")
    )


def test_dev_tools_come_from_the_lock() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dev = " ".join(config["project"]["optional-dependencies"]["dev"])
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    for tool in ("ruff", "mypy", "import-linter", "pre-commit", "nbstripout"):
        assert tool in dev and f'name = "{tool}"' in lock, tool
    assert "--locked" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_pre_commit_hooks_are_local_and_cover_the_habits() -> None:
    text = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "repo: local" in text and "https://" not in text  # nothing is downloaded
    for hook in ("id: ruff-format", "id: ruff", "id: mypy", "id: nbstripout"):
        assert hook in text, hook


def test_jupytext_pairs_notebooks_and_checkpoints_are_ignored() -> None:
    assert tomllib.loads((ROOT / "jupytext.toml").read_text(encoding="utf-8"))["formats"] == "ipynb,py:percent"
    assert ".ipynb_checkpoints/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
