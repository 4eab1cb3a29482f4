"""`migresearch validate` and `catalog` as a user runs them: exit codes and one line per problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


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


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_reports_per_process_must_be_a_whole_number_of_at_least_one(tmp_path: Path, value: str) -> None:
    done = run("build", "--out", str(tmp_path / "out"), "--reports-per-process", value)
    assert done.returncode == 2
    assert "--reports-per-process" in done.stderr
    assert not (tmp_path / "out").exists()  # refused before anything is written


def test_catalog_check_is_clean() -> None:
    assert run("catalog", "--check").returncode == 0


def test_version_names_package_and_data_version() -> None:
    import migresearch
    from migresearch.datasets.version import data_version

    result = run("--version")
    version = data_version()
    assert result.returncode == 0
    assert result.stdout.strip() == f"migresearch {migresearch.__version__} (data {version.id} of {version.date.isoformat()})"
    assert migresearch.load("meetings").attrs["data_version"] == version.id == migresearch.data_version()


def test_validate_json_format(data_copy: Path, edit) -> None:
    import json

    edit(data_copy / "frameworks.csv", 1, "status", "activ")
    result = run("validate", "--format", "json", "--data-dir", str(data_copy))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["problems"][0] == {
        "file": "data/frameworks.csv",
        "line": 2,
        "column": "status",
        "value": "activ",
        "rule": report["problems"][0]["rule"],
        "record": 1,
    }
    assert json.loads(run("validate", "--format", "json").stdout)["ok"] is True


def test_missing_data_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("validate", "--data-dir", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert "data folder not found" in result.stderr


def test_build_only_without_match_exits_2_with_close_names(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path / "out"), "--only", "10-eu-celac-dialog")
    assert result.returncode == 2
    assert "matches no report" in result.stderr and "10-eu-celac-dialogue" in result.stderr
    assert not (tmp_path / "out").exists()


def test_list_names_tables_and_reports() -> None:
    result = run("list")
    assert result.returncode == 0
    assert "meetings" in result.stdout and "10-eu-celac-dialogue" in result.stdout


def test_quiet_prints_nothing_on_success() -> None:
    result = run("validate", "-q")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_every_option_is_described() -> None:
    from migresearch.cli import parser

    def walk(p):  # type: ignore[no-untyped-def]
        for action in p._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{p.prog} {action.option_strings} has no help text"
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                for sub in action.choices.values():
                    walk(sub)

    walk(parser())


def test_catalog_outside_a_checkout_needs_out(tmp_path: Path, monkeypatch) -> None:
    from migresearch import cli, paths

    monkeypatch.setattr(paths, "project_root", lambda: None)
    monkeypatch.setenv(
        paths.ENV_VAR, str(Path(__file__).resolve().parent.parent / "data")
    )  # outside a checkout: the wheel's or $MIGRESEARCH_DATA
    assert cli.main(["catalog"]) == 2
    assert cli.main(["catalog", "--check", "--out", str(tmp_path)]) == 1  # nothing generated there yet
    assert cli.main(["catalog", "-q", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "data" / "datapackage.json").is_file() and (tmp_path / "docs" / "data-dictionary.md").is_file()
    assert cli.main(["catalog", "--check", "--out", str(tmp_path)]) == 0
