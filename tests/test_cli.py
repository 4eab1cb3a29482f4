"""`migresearch validate` and `catalog` as a user runs them: exit codes and one line per problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "migresearch", *args], capture_output=True, text=True, timeout=120)


def test_validate_clean_data_exits_0() -> None:
    result = run("validate")
    assert result.returncode == 0 and result.stdout == "" and "no problems" in result.stderr


def test_validate_broken_copy_exits_1_with_one_line_per_problem(data_copy: Path, edit) -> None:
    edit(data_copy / "frameworks.csv", 1, "status", "activ")
    edit(data_copy / "figures.csv", 2, "value", "1.234,5")
    result = run("validate", "--data-dir", str(data_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data/frameworks.csv:2:status: activ: not in the code list: active, dormant")
    assert any(line.startswith("data/figures.csv:3:value: 1.234,5: not a plain decimal") for line in lines)
    assert "2 problem(s)" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("validate", "--no-such-flag").returncode == 2
    assert run().returncode == 2


def test_catalog_check_is_clean() -> None:
    assert run("catalog", "--check").returncode == 0
