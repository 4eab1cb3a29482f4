"""The bad inputs of RELIABILITY.md (items 1-27): each gives a precise error, all in one pass.

Every test corrupts a private copy of the shipped data and asserts the exact
``data/<file>.csv:<line>:<column>: <value>: <rule>`` line (or its start).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import migresearch
from migresearch.validation import DataValidationError, validate
from tests.conftest import line_of, read_rows, write_rows


def problems(folder: Path) -> list[str]:
    return [str(p) for p in validate(folder).problems]


def has(found: list[str], expected: str) -> bool:
    return any(p.startswith(expected) for p in found)


def assert_has(folder: Path, *expected: str) -> list[str]:
    found = problems(folder)
    for e in expected:
        assert has(found, e), f"expected a problem starting with {e!r}; got:\n" + "\n".join(found)
    return found


def test_shipped_data_is_clean() -> None:
    report = migresearch.validate()
    assert report.problems == [], "\n".join(map(str, report.problems))


# 1 --------------------------------------------------------------------------------------------


def test_missing_column_is_reported_and_load_refuses(data_copy: Path) -> None:
    path = data_copy / "practices.csv"
    rows = read_rows(path)
    i = rows[0].index("gcm_primary")
    write_rows(path, [r[:i] + r[i + 1 :] for r in rows])
    assert_has(data_copy, "data/practices.csv:1:gcm_primary: : missing column")
    with pytest.raises(DataValidationError) as err:
        migresearch.load("practices", data_copy)
    assert any(p.column == "gcm_primary" and p.rule == "missing column" for p in err.value.problems)


# 2, 3 -----------------------------------------------------------------------------------------


def test_unknown_column_suggests_the_declared_name(data_copy: Path) -> None:
    path = data_copy / "instruments.csv"
    rows = read_rows(path)
    pos = rows[0].index("title_en")
    rows[0][pos] = "titel_en"
    write_rows(path, rows)
    assert_has(data_copy, f"data/instruments.csv:1:#{pos + 1}: titel_en: unknown column; did you mean 'title_en'?")


def test_duplicate_header_names_both_positions(data_copy: Path) -> None:
    path = data_copy / "frameworks.csv"
    rows = read_rows(path)
    a, b = rows[0].index("name_en"), rows[0].index("name_es")
    rows[0][b] = "name_en"
    write_rows(path, rows)
    assert_has(data_copy, f"data/frameworks.csv:1:name_en: name_en: duplicate column name at positions {a + 1} and {b + 1}")


# 4, 5, 6 --------------------------------------------------------------------------------------


def test_bom_is_reported_without_key_error(data_copy: Path) -> None:
    path = data_copy / "countries.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    found = assert_has(data_copy, "data/countries.csv:1:: \\ufeff: UTF-8 byte order mark (BOM)")
    assert not any("unknown column" in p for p in found), found  # the first column is still recognised


def test_semicolon_file_is_refused_not_read_as_one_column(data_copy: Path) -> None:
    path = data_copy / "regions.csv"
    rows = read_rows(path)
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    found = assert_has(data_copy, "data/regions.csv:1:")
    assert any("expected ',' delimiter, found ';'" in p for p in found)


def test_non_utf8_byte_names_line_and_offset(data_copy: Path) -> None:
    path = data_copy / "countries.csv"
    text = path.read_bytes()
    lines = text.split(b"\n")
    lines[3] = lines[3] + b"Per\xfa"  # cp1252 'ú' at the end of line 4
    path.write_bytes(b"\n".join(lines))
    offset = len(lines[3]) - 1
    assert_has(data_copy, f"data/countries.csv:4:: 0xfa: not UTF-8 (byte offset {offset} in the line")


# 7, 8, 9, 10 ----------------------------------------------------------------------------------


def test_extra_and_missing_cells(data_copy: Path) -> None:
    path = data_copy / "gcm_principles.csv"
    rows = read_rows(path)
    n = len(rows[0])
    rows[2] = rows[2] + ["surplus"]
    rows[4] = rows[4][:-1]
    write_rows(path, rows)
    assert_has(
        data_copy,
        f"data/gcm_principles.csv:{line_of(path, 2)}:#{n + 1}: surplus: extra cell: {n + 1} cells, header has {n} (record 2)",
        f"data/gcm_principles.csv:{line_of(path, 4)}:{rows[0][-1]}: : missing cell: {n - 1} cells, header has {n} (record 4)",
    )


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_row_is_rejected(data_copy: Path, blank: str) -> None:
    path = data_copy / "gcm_principles.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, blank)
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_has(data_copy, "data/gcm_principles.csv:4:: : blank row (blank lines are not allowed) (record 3)")


def test_multiline_cell_then_bad_row_reports_record_and_physical_line(data_copy: Path, edit) -> None:
    path = data_copy / "meetings.csv"
    edit(path, 2, "note", "first line\nsecond line\nthird line")
    edit(path, 5, "start_date", "2021-13-01")
    line = line_of(path, 5)
    assert line == 5 + 1 + 2  # two extra physical lines from the multi-line note
    assert_has(data_copy, f"data/meetings.csv:{line}:start_date: 2021-13-01: expected ISO 8601 date YYYY-MM-DD (record 5)")


# 11, 12, 13 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2021-13-01", "31/12/2023", "03/04/2021", "2021-02-30", "2021-1-5", " 2021-01-05"])
def test_dates_are_iso_only(data_copy: Path, edit, value: str) -> None:
    path = data_copy / "instruments.csv"
    edit(path, 1, "adopted_date", value)
    edit(path, 1, "adopted_precision", "day")
    assert_has(data_copy, f"data/instruments.csv:2:adopted_date: {value}: expected ISO 8601 date YYYY-MM-DD (record 1)")


@pytest.mark.parametrize("value", ["1.234,5", "1,500", "5 000", "12%", "1e3", "+5", ".5"])
def test_localised_numbers_are_refused(data_copy: Path, edit, value: str) -> None:
    path = data_copy / "figures.csv"
    edit(path, 1, "value", value)
    assert_has(data_copy, f"data/figures.csv:2:value: {value}: not a plain decimal")


def test_range_and_type_errors_in_one_column_are_both_reported(data_copy: Path, edit) -> None:
    path = data_copy / "figures.csv"
    edit(path, 1, "value", "1.234,5")
    edit(path, 2, "value", "-5")
    edit(path, 3, "as_of_date", "2999-01-01")
    edit(path, 3, "as_of_precision", "day")
    path_m = data_copy / "meetings.csv"
    edit(path_m, 1, "start_date", "1850-01-01")
    edit(path_m, 1, "start_precision", "day")
    assert_has(
        data_copy,
        "data/figures.csv:2:value: 1.234,5: not a plain decimal",
        "data/figures.csv:3:value: -5: must be ≥ 0",
        "data/figures.csv:4:as_of_date: 2999-01-01: date is in the future",
        "data/meetings.csv:2:start_date: 1850-01-01: date before 1900-01-01",
    )


# 14, 15 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "column", "value"),
    [
        ("frameworks.csv", "status", "activ"),
        ("memberships.csv", "event", "joinde"),
        ("sources.csv", "language", "ES "),
        ("sources.csv", "language", "ES"),
    ],
)
def test_code_list_violations_list_the_allowed_values(data_copy: Path, edit, file: str, column: str, value: str) -> None:
    edit(data_copy / file, 1, column, value)
    found = assert_has(data_copy, f"data/{file}:2:{column}: {value}: not in the code list: ")
    assert any("en, es" in p or "active" in p or "join" in p for p in found)


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("0", "items must be integers 1–23, separator '|'"),
        ("24", "items must be integers 1–23, separator '|'"),
        ("O7", "items must be integers 1–23, separator '|'"),
        ("7;9", "items must be integers 1–23, separator '|'"),
        ("7|7", "duplicate item in list"),
        ("7| 9", "items must be integers 1–23, separator '|'"),
        ("7||9", "empty item in '|'-separated list"),
    ],
)
def test_gcm_objective_tags(data_copy: Path, edit, value: str, rule: str) -> None:
    edit(data_copy / "practices.csv", 1, "gcm_primary", value)
    edit(data_copy / "practices.csv", 1, "gcm_secondary", "")
    assert_has(data_copy, f"data/practices.csv:{line_of(data_copy / 'practices.csv', 1)}:gcm_primary: {value}: {rule}")


# 16, 17 ---------------------------------------------------------------------------------------


def test_namibia_and_null_like_strings_stay_strings(data_copy: Path) -> None:
    path = data_copy / "countries.csv"
    rows = read_rows(path)
    header = rows[0]
    row = dict.fromkeys(header, "")
    row.update(
        iso3="NAM",
        iso2="NA",
        numeric="516",
        name_en="Namibia",
        name_es="Namibia",
        region="Africa",
        subregion="Sub-Saharan Africa",
        sovereign="true",
        source_id=rows[1][header.index("source_id")],
        note="None",
    )
    rows.append([row[h] for h in header])
    write_rows(path, rows)
    df = migresearch.load("countries", data_copy)
    nam = df[df["iso3"] == "NAM"].iloc[0]
    assert nam["iso2"] == "NA" and nam["note"] == "None"


@pytest.mark.parametrize("word", ["null", "nan", "None", "NA", "N/A"])
def test_null_like_words_in_text_are_kept(data_copy: Path, edit, word: str) -> None:
    edit(data_copy / "frameworks.csv", 1, "secretariat", word)
    df = migresearch.load("frameworks", data_copy)
    assert df.loc[0, "secretariat"] == word


@pytest.mark.parametrize(
    ("value", "rule"), [("UK", "expected an identifier matching ^[A-Z]{3}$"), ("XXX", "XXX not found in countries.csv:iso3")]
)
def test_unknown_country_codes(data_copy: Path, edit, value: str, rule: str) -> None:
    edit(data_copy / "meetings.csv", 1, "country_iso3", value)
    assert_has(data_copy, f"data/meetings.csv:2:country_iso3: {value}: {rule}")


@pytest.mark.parametrize("ident", ["007", "1e3", "0"])
def test_numeric_looking_ids_are_kept_verbatim(data_copy: Path, edit, ident: str) -> None:
    sources = data_copy / "sources.csv"
    old = read_rows(sources)[1][0]
    edit(sources, 1, "source_id", ident)
    for name in migresearch.list_datasets():
        path = data_copy / f"{name}.csv"
        rows = read_rows(path)
        if "source_id" in rows[0] and name != "sources":
            i = rows[0].index("source_id")
            write_rows(path, [rows[0]] + [[*r[:i], ident if r[i] == old else r[i], *r[i + 1 :]] for r in rows[1:]])
    assert problems(data_copy) == []
    assert migresearch.load("sources", data_copy).loc[0, "source_id"] == ident


# 18, 19, 20 -----------------------------------------------------------------------------------


def test_duplicate_primary_key_names_both_rows(data_copy: Path, edit) -> None:
    path = data_copy / "frameworks.csv"
    first = read_rows(path)[1][0]
    edit(path, 3, "framework_id", first)
    assert_has(
        data_copy,
        f"data/frameworks.csv:{line_of(path, 3)}:framework_id: {first}: duplicate primary key framework_id={first} (first at line 2)",
    )


def test_dangling_foreign_key(data_copy: Path, edit) -> None:
    edit(data_copy / "memberships.csv", 1, "framework_id", "f9")
    assert_has(data_copy, "data/memberships.csv:2:framework_id: f9: f9 not found in frameworks.csv:framework_id")


@pytest.mark.parametrize(
    ("column", "value", "rule"),
    [
        ("framework_id", "celac ", "expected an identifier matching"),
        ("framework_id", "CELAC", "expected an identifier matching"),
        ("party_iso3", "pe", "expected an identifier matching ^[A-Z]{3}$"),
    ],
)
def test_near_miss_keys_are_errors_not_silent_mismatches(data_copy: Path, edit, column: str, value: str, rule: str) -> None:
    path = data_copy / "memberships.csv"
    edit(path, 1, "party_org", "")
    edit(path, 1, column, value)
    assert_has(data_copy, f"data/memberships.csv:2:{column}: {value}: {rule}")


def test_nfd_text_is_refused(data_copy: Path, edit) -> None:
    edit(data_copy / "countries.csv", 1, "note", "Peru\u0301")
    assert_has(data_copy, "data/countries.csv:2:note: Peru\u0301: text is not in Unicode NFC form")


# 21 -------------------------------------------------------------------------------------------


def test_withdrawal_before_joining_names_both_rows(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    rows = read_rows(path)
    h = rows[0]
    base = dict.fromkeys(h, "")
    base.update(framework_id="csm", party_iso3="FRA", role="member", source_id=rows[1][h.index("source_id")])
    join = {**base, "event_id": "test-join", "event": "join", "date": "2012-05-03", "date_precision": "day"}
    leave = {**base, "event_id": "test-leave", "event": "withdraw", "date": "2010-01-01", "date_precision": "day"}
    rows += [[join[c] for c in h], [leave[c] for c in h]]
    write_rows(path, rows)
    n = len(rows)
    assert_has(
        data_copy,
        f"data/memberships.csv:{n}:event: withdraw: FRA cannot withdraw csm as member on 2010-01-01 while not a party "
        f"(it only joins on 2012-05-03 at line {n - 1})",
    )


@pytest.mark.parametrize(
    ("events", "rule"),
    [
        (
            [("join", "2001-01-01"), ("join", "2003-01-01")],
            "cannot join csm as member on 2003-01-01 while active (previous event at line",
        ),
        ([("suspend", "2001-01-01")], "cannot suspend csm as member on 2001-01-01 while not a party"),
        (
            [("join", "2001-01-01"), ("withdraw", "2002-01-01"), ("suspend", "2003-01-01")],
            "cannot suspend csm as member on 2003-01-01 while withdrawn",
        ),
    ],
)
def test_membership_event_order(data_copy: Path, events: list[tuple[str, str]], rule: str) -> None:
    path = data_copy / "memberships.csv"
    rows = read_rows(path)
    h = rows[0]
    for i, (event, date) in enumerate(events):
        row = dict.fromkeys(h, "")
        row.update(
            event_id=f"t{i}",
            framework_id="csm",
            party_iso3="FRA",
            role="member",
            event=event,
            date=date,
            date_precision="day",
            source_id=rows[1][h.index("source_id")],
        )
        rows.append([row[c] for c in h])
    write_rows(path, rows)
    assert any(rule in p for p in problems(data_copy)), problems(data_copy)


def test_event_before_framework_exists(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    rows = read_rows(path)
    h = rows[0]
    row = dict.fromkeys(h, "")
    row.update(
        event_id="early",
        framework_id="quito-process",
        party_iso3="FRA",
        role="member",
        event="join",
        date="1990-01-01",
        date_precision="day",
        source_id=rows[1][h.index("source_id")],
    )
    write_rows(path, rows + [[row[c] for c in h]])
    assert any("FRA join on 1990-01-01 before quito-process was established" in p for p in problems(data_copy))


# 22 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/x", "www.example.org"])
def test_source_urls_must_be_http(data_copy: Path, edit, url: str) -> None:
    edit(data_copy / "sources.csv", 1, "url", url)
    assert_has(data_copy, f"data/sources.csv:2:url: {url}: expected an absolute http:// or https:// URL")


def test_figure_without_source_or_as_of(data_copy: Path, edit) -> None:
    path = data_copy / "figures.csv"
    edit(path, 1, "source_id", "")
    edit(path, 2, "as_of_date", "")
    edit(path, 2, "as_of_precision", "")
    assert_has(
        data_copy,
        "data/figures.csv:2:source_id: : required value is empty",
        "data/figures.csv:3:as_of_date: : required value is empty",
    )


# 25, 26, 27 -----------------------------------------------------------------------------------


def test_empty_and_header_only_files(data_copy: Path) -> None:
    (data_copy / "regions.csv").write_bytes(b"")
    gp = data_copy / "gcm_principles.csv"
    gp.write_text(gp.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    assert_has(
        data_copy,
        "data/regions.csv:0:: : empty file: no header",
        "data/gcm_principles.csv:1:: : no records: the file has a header only",
    )


def test_missing_file_and_unsafe_symlink(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "regions.csv").unlink()
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("x\n", encoding="utf-8")
    (data_copy / "series.csv").unlink()
    os.symlink(outside, data_copy / "series.csv")
    assert_has(data_copy, "data/regions.csv:0:: ", "data/series.csv:0:: ")
    found = problems(data_copy)
    assert any("regions.csv" in p and "file not found" in p for p in found)
    assert any("series.csv" in p and "outside the data folder" in p for p in found)


def test_huge_cell_and_huge_file_are_bounded(data_copy: Path, edit) -> None:
    edit(data_copy / "frameworks.csv", 1, "note", "x" * 1_000_000)
    big = data_copy / "claims.csv"
    with big.open("ab") as fh:
        fh.truncate(65 * 1024 * 1024)
    assert_has(data_copy, "data/frameworks.csv:2:note: xxxx", "data/claims.csv:0:: 68157440: file larger than")
    assert any("cell longer than 4000 characters" in p for p in problems(data_copy))


# 31: control, bidi and zero-width characters ------------------------------------------------------


@pytest.mark.parametrize("char", ["\u202e", "\x00", "\u200b", "\x07"])
def test_invisible_characters_are_refused(data_copy: Path, edit, char: str) -> None:
    edit(data_copy / "practices.csv", 1, "title_en", f"evil{char}title")
    found = assert_has(data_copy, f"data/practices.csv:{line_of(data_copy / 'practices.csv', 1)}:title_en: evil\\u")
    assert any("forbidden control, bidi or zero-width character" in p for p in found)


def test_all_problems_in_one_pass_across_files(data_copy: Path, edit) -> None:
    edit(data_copy / "frameworks.csv", 1, "status", "activ")
    edit(data_copy / "figures.csv", 1, "value", "12%")
    edit(data_copy / "meetings.csv", 3, "start_date", "03/04/2021")
    found = problems(data_copy)
    assert sum(1 for p in found if "activ" in p or "12%" in p or "03/04/2021" in p) >= 3


def test_column_order_must_follow_the_schema(data_copy: Path) -> None:
    path = data_copy / "regions.csv"
    rows = read_rows(path)
    write_rows(path, [[r[1], r[0], *r[2:]] for r in rows])
    assert_has(data_copy, "data/regions.csv:1:name_en: name_en: column order differs from the schema: expected 'region_id' here")
    assert migresearch.validate(data_copy).ok is False


def test_meeting_outside_its_stated_presidency(data_copy: Path, edit) -> None:
    path = data_copy / "meetings.csv"
    record = next(i for i, r in enumerate(read_rows(path)) if r[0] == "eu-celac-sdcm-hlm-07")
    edit(path, record, "eu_presidency_iso3", "IRL")
    assert_has(
        data_copy,
        f"data/meetings.csv:{line_of(path, record)}:eu_presidency_iso3: IRL: "
        "meeting start 2012-11-28 falls in the presidency of CYP (2012-H2), not IRL",
    )


def test_meeting_numbers_must_be_contiguous(data_copy: Path, edit) -> None:
    path = data_copy / "meetings.csv"
    record = next(i for i, r in enumerate(read_rows(path)) if r[0] == "eu-celac-sdcm-hlm-09")
    edit(path, record, "number", "11")
    assert_has(
        data_copy, f"data/meetings.csv:{line_of(path, record)}:number: 11: series eu-celac-sdcm/hlm jumps to 11: no row for 9–10"
    )


def test_tables_validated_after_the_whole_folder_reuse_its_parse_and_agree(data_copy: Path, edit) -> None:
    """After a clean validation of the whole folder, asking for some tables reuses their parse (the build's
    warm-up parses every file once); the answer is what validating them alone gives.  A changed file, or a
    folder with a problem, is read again, so the problem is still found."""
    from migresearch import datasets
    from migresearch.validation import _CACHE

    whole = validate(data_copy)
    assert whole.ok
    for name in datasets.compiled.names():
        reused = validate(data_copy, [name])
        assert reused.ok and all(reused.parsed[n] is whole.parsed[n] for n in reused.parsed)
    for name in ("gcm_objectives", "meetings", "practices", "claims"):  # a leaf, two with references, all
        reused = validate(data_copy, [name])
        _CACHE.clear()
        alone = validate(data_copy, [name])
        assert alone.ok and sorted(alone.parsed) == sorted(reused.parsed)
        assert all(alone.parsed[n].records == reused.parsed[n].records for n in alone.parsed)
        whole = validate(data_copy)
    edit(data_copy / "meetings.csv", 1, "framework_id", "no-such-framework")
    assert not validate(data_copy, ["meetings"]).ok  # changed since the whole was validated: read again
    assert not validate(data_copy).ok
    assert not validate(data_copy, ["meetings"]).ok
