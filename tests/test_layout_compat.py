"""The flat modules' former import paths that tests, benchmarks and users imported keep working, with a warning."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("migresearch.registry", "DATASETS", "migresearch.datasets.registry"),
        ("migresearch.catalog", "datapackage", "migresearch.datasets.catalog"),
        ("migresearch.schema", "ident", "migresearch.datasets.fields"),
    ],
)
def test_former_paths_still_import_with_a_deprecation_warning(old: str, name: str, new: str) -> None:
    code = f"import importlib; old = importlib.import_module({old!r}); new = importlib.import_module({new!r}); print(getattr(old, {name!r}) is getattr(new, {name!r}))"
    result = subprocess.run(
        [sys.executable, "-W", "always::DeprecationWarning", "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "True", result.stdout + result.stderr
    assert f"{old} is deprecated; import from {new}" in result.stderr
