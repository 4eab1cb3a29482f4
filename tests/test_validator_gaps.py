"""Issue 14, item 5: the validator gaps the fault-injection pass found, each with its exact position.

A stray quote no longer hides the rest of its file (nor causes false foreign-key errors elsewhere),
every bad byte is reported, numbers that would not load exactly are refused, invisible and bidi
characters are refused by Unicode category, parent links may not form a cycle, exclusive roles have
one holder at a time, and a FIFO is refused without hanging.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import migresearch
from migresearch.errors import DataValidationError
from migresearch.validation import validate
from tests.conftest import ROOT, line_of, read_rows, write_rows


def problems(folder: Path) -> list[str]:
    return [str(p) for p in validate(folder).problems]


def assert_has(found: list[str], *expected: str) -> None:
    for e in expected:
        assert any(p.startswith(e) for p in found), f"expected a problem starting with {e!r}; got:\n" + "\n".join(found)


def record_where(path: Path, column: str, value: str) -> int:
    rows = read_rows(path)
    return next(i for i, r in enumerate(rows) if i and r[rows[0].index(column)] == value)


# --- a stray quote ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("insert", "rule"),
    [
        (',"oops"x', "malformed CSV: ',' expected after '\"' (reading resumes at line"),
        (
            ',"never closed',
            "malformed CSV: ',' expected after '\"' (reading resumes at line",
        ),  # swallows lines up to the next quote
    ],
)
def test_a_stray_quote_no_longer_hides_the_rest_of_its_file(data_copy: Path, edit, insert: str, rule: str) -> None:
    path = data_copy / "frameworks.csv"
    late = len(read_rows(path)) - 2
    edit(path, late, "status", "activ")
    late_line, bad_line = line_of(path, late), line_of(path, 2)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[bad_line - 1] = lines[bad_line - 1].replace(",", insert + ",", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(data_copy)
    assert_has(
        found,
        f"data/frameworks.csv:{bad_line}:: : {rule} {bad_line + 1}) (record 2)",
        f"data/frameworks.csv:{late_line}:status: activ: not in the code list",
    )
    false_fks = [p for p in found if "not found in frameworks.csv" in p]
    assert false_fks == [], f"{len(false_fks)} false foreign-key errors, e.g. {false_fks[:2]}"


def test_an_unclosed_quote_swallowing_the_file_is_resynchronised(data_copy: Path) -> None:
    """series.csv has no quote at all: an unclosed one reads to the end of the file, then reading resumes."""
    path = data_copy / "series.csv"
    assert '"' not in path.read_text(encoding="utf-8")
    rows = read_rows(path)
    late = len(rows) - 1
    rows[late][rows[0].index("series_id")] = "Bad Id"
    write_rows(path, rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",", ',"never closed ', 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    found = problems(data_copy)
    assert_has(
        found,
        "data/series.csv:3:: : malformed CSV: unexpected end of data (reading resumes at line 4) (record 2)",
        f"data/series.csv:{late + 1}:series_id: Bad Id: expected an identifier",
    )
    assert [p for p in found if "not found in series.csv" in p] == []  # figures.csv is not flooded with false errors


def test_every_bad_byte_is_reported(data_copy: Path) -> None:
    path = data_copy / "countries.csv"
    lines = path.read_bytes().split(b"\n")
    expected = []
    for number in (3, 5, 9):
        offset = len(lines[number - 1])
        lines[number - 1] += b"Per\xfa"
        expected.append(f"data/countries.csv:{number}:: 0xfa: not UTF-8 (byte offset {offset + 3} in the line")
    path.write_bytes(b"\n".join(lines))
    found = problems(data_copy)
    assert_has(found, *expected)
    assert len([p for p in found if "not UTF-8" in p]) == 3


# --- numbers that would not load exactly ---------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "column", "value", "rule"),
    [
        (
            "regularisations.csv",
            "permit_months",
            "12345678901234567890",
            "integer outside the 64-bit range -9223372036854775808 to 9223372036854775807",
        ),
        ("regularisations.csv", "permit_months", "9" * 5000, "integer outside the 64-bit range"),
        ("figures.csv", "value", "1" + "0" * 400, "too large for a 64-bit float"),
        (
            "figures.csv",
            "value",
            "0.12345678901234567890123",
            "more digits than a 64-bit float keeps: it would load as 0.12345678901234568",
        ),
        ("figures.csv", "value", "12345678901234567.5", "more digits than a 64-bit float keeps"),
    ],
)
def test_numbers_that_would_not_load_exactly_are_refused(
    data_copy: Path, edit, file: str, column: str, value: str, rule: str
) -> None:
    path = data_copy / file
    rows = read_rows(path)
    record = next(i for i, r in enumerate(rows) if i and r[rows[0].index(column)])
    edit(path, record, column, value)
    shown = value if len(value) <= 80 else value[:79] + "…"
    assert_has(problems(data_copy), f"data/{file}:{line_of(path, record)}:{column}: {shown}: {rule}")
    with pytest.raises(DataValidationError):  # never a bare OverflowError, an inf or a rounded value
        migresearch.load(file.removesuffix(".csv"), data_copy)


def test_exact_decimals_and_int64_bounds_still_load(data_copy: Path, edit) -> None:
    path = data_copy / "figures.csv"
    rows = read_rows(path)
    record = next(i for i, r in enumerate(rows) if i and r[rows[0].index("value")])
    edit(path, record, "value", "1234.5")
    edit(data_copy / "regularisations.csv", 1, "permit_months", str(2**63 - 1))
    assert problems(data_copy) == []
    assert migresearch.load("regularisations", data_copy)["permit_months"].iloc[0] == 2**63 - 1


# --- invisible and bidi characters, by category --------------------------------------------------


@pytest.mark.parametrize(
    "char",
    [
        "\u2028",  # LINE SEPARATOR (Zl)
        "\u2029",  # PARAGRAPH SEPARATOR (Zp)
        "\u061c",  # ARABIC LETTER MARK (Cf)
        "\U000e0041",  # TAG LATIN CAPITAL LETTER A (Cf)
        "\u00ad",  # SOFT HYPHEN (Cf)
        "\u2061",  # FUNCTION APPLICATION (Cf)
        "\ufff9",  # INTERLINEAR ANNOTATION ANCHOR (Cf)
        "\ue000",  # private use (Co)
        "\u0378",  # unassigned (Cn)
        "\u0085",  # NEXT LINE (Cc)
    ],
)
def test_invisible_and_bidi_characters_are_refused_by_category(data_copy: Path, edit, char: str) -> None:
    path = data_copy / "practices.csv"
    edit(path, 2, "title_en", f"Visible{char}text")
    found = problems(data_copy)
    line = line_of(path, 2)
    escaped = f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
    assert_has(found, f"data/practices.csv:{line}:title_en: Visible{escaped}text: ")
    assert any(f"U+{ord(char):04X}" in p for p in found)
    assert all(len(p.splitlines()) == 1 and char not in p for p in found)  # the message stays one line, the character escaped


def test_ordinary_non_ascii_text_is_still_accepted(data_copy: Path, edit) -> None:
    edit(data_copy / "practices.csv", 2, "title_en", "Perú, São Paulo — “quoted” 12\u00a0000 € ½ 😀")
    assert problems(data_copy) == []


# --- parent links ---------------------------------------------------------------------------------


def test_a_framework_that_is_its_own_parent_is_refused(data_copy: Path, edit) -> None:
    path = data_copy / "frameworks.csv"
    record = record_where(path, "framework_id", "celac")
    edit(path, record, "parent_id", "celac")
    assert_has(
        problems(data_copy),
        f"data/frameworks.csv:{line_of(path, record)}:parent_id: celac: circular `parent_id` links: celac → celac",
    )


def test_a_longer_cycle_of_parents_names_every_member(data_copy: Path, edit) -> None:
    path = data_copy / "frameworks.csv"
    a, b = record_where(path, "framework_id", "celac"), record_where(path, "framework_id", "rcm")
    edit(path, a, "parent_id", "rcm")
    edit(path, b, "parent_id", "celac")
    assert_has(
        problems(data_copy),
        f"data/frameworks.csv:{line_of(path, a)}:parent_id: rcm: circular `parent_id` links: celac → rcm → celac",
        f"data/frameworks.csv:{line_of(path, b)}:parent_id: celac: circular `parent_id` links: rcm → celac → rcm",
    )


# --- exclusive roles ------------------------------------------------------------------------------


def _add_event(path: Path, like: str, **values: str) -> int:
    rows = read_rows(path)
    h = rows[0]
    row = list(next(r for r in rows if r[0] == like))
    for k, v in values.items():
        row[h.index(k)] = v
    rows.append(row)
    write_rows(path, rows)
    return len(rows) - 1


def test_two_pro_tempore_presidencies_at_once_are_refused(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    _add_event(path, "celac-ppt-dom-start-2016", event_id="celac-ppt-dom-end", event="term_end", date="2018-06-01")
    slv = record_where(path, "event_id", "celac-ppt-slv-2017")
    rows = read_rows(path)
    slv_date = rows[slv][rows[0].index("date")]  # the recorded day of El Salvador's 2017 term (data may refine it)
    assert_has(
        problems(data_copy),
        f"data/memberships.csv:{line_of(path, slv)}:date: {slv_date}: SLV starts a pro_tempore_presidency term of celac "
        "while DOM holds it (term from 2016-01-27 at line",
    )


def test_two_holders_starting_on_the_same_day_are_refused(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    per = _add_event(path, "celac-ppt-mex-start-2020", event_id="celac-ppt-per-start-2020", party_iso3="PER")
    assert_has(
        problems(data_copy),
        f"data/memberships.csv:{line_of(path, per)}:date: 2020-01-08: PER starts a pro_tempore_presidency term of celac "
        "while MEX holds it",
    )


def test_a_recorded_handover_is_not_an_overlap(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    _add_event(path, "celac-ppt-dom-start-2016", event_id="celac-ppt-dom-end", event="term_end", date="2017-01-01")
    assert problems(data_copy) == []


# --- non-regular files ------------------------------------------------------------------------------


def test_a_fifo_is_refused_by_validate_load_and_data_version_without_hanging(data_copy: Path) -> None:
    import os

    fifo = data_copy / "figures.csv"
    fifo.unlink()
    os.mkfifo(fifo)
    code = (
        "import sys, migresearch; d = sys.argv[1]; r = migresearch.validate(d); print([str(p) for p in r.problems]);\n"
        "try:\n    migresearch.load('figures', d)\nexcept migresearch.errors.DataValidationError as e:\n    print('refused')\n"
        "print(len(migresearch.data_version(d)))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(data_copy)], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert f"data/figures.csv:0:: {fifo}: not a regular file" in out[0]
    assert out[1:] == ["refused", "12"]
