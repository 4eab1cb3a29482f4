"""Every fact row quotes its source or says why not (issue 11, item 2).

The fact tables are read off the declarations: those with an ``evidence`` column.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from migresearch.datasets import compiled
from migresearch.validation import validate
from tests.conftest import line_of

RULE = 'a fact row needs an evidence quote, or a note starting "No evidence quote:" that says why'


def evidence_problems(folder: Path) -> list[str]:
    return [str(p) for p in validate(folder).problems if p.column == "evidence"]


def fact_tables() -> list[str]:
    return [n for n in compiled.names() if "evidence" in compiled.table(n).by_name]


def test_fact_tables_are_the_ones_declaring_evidence() -> None:
    names = fact_tables()
    assert {"figures", "meetings", "practices", "memberships"} <= set(names)
    assert "sources" not in names and "claims" not in names


@pytest.mark.parametrize("table", ["figures", "meetings", "eu_presidencies"])
def test_row_without_evidence_or_reason_fails_at_its_line(data_copy: Path, edit: Callable[..., None], table: str) -> None:
    path = data_copy / compiled.file(table)
    edit(path, 3, "evidence", "")
    edit(path, 3, "note", "Some caveat.")
    line = line_of(path, 3)
    found = evidence_problems(data_copy)
    assert f"data/{compiled.file(table)}:{line}:evidence: : {RULE} (record 3)" in found, found


@pytest.mark.parametrize(
    "note",
    [
        "No evidence quote: the cited page is not in the stored copies (searched 2026-12-01).",
        "Month from the article date. No evidence quote: not yet extracted from the cited source (checked 2026-12-01)",
    ],
)
def test_a_reason_note_lets_the_row_pass(data_copy: Path, edit: Callable[..., None], note: str) -> None:
    path = data_copy / "figures.csv"
    edit(path, 3, "evidence", "")
    edit(path, 3, "note", note)
    line = line_of(path, 3)
    assert not [p for p in evidence_problems(data_copy) if p.startswith(f"data/figures.csv:{line}:")]


@pytest.mark.parametrize("note", ["No evidence quote:", "See No evidence quote: elsewhere", ""])
def test_a_note_must_say_why(data_copy: Path, edit: Callable[..., None], note: str) -> None:
    path = data_copy / "figures.csv"
    edit(path, 3, "evidence", "")
    edit(path, 3, "note", note)
    line = line_of(path, 3)
    assert [p for p in evidence_problems(data_copy) if p.startswith(f"data/figures.csv:{line}:evidence:")]
