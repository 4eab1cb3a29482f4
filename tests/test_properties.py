"""Property-based tests (hypothesis) of the cell parsers and the CSV reader."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migresearch.datasets.compiled import compile_schema
from migresearch.datasets.practices import Figures, Practices
from migresearch.datasets.reference import Claims
from migresearch.validation.cells import cell_rule, floor_ceil, parse_date
from migresearch.validation.csvfile import read_csv
from migresearch.validation.report import show

FIG = compile_schema(Figures)
PRACTICE = compile_schema(Practices)
CLAIMS = compile_schema(Claims)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()))
def test_every_real_iso_date_is_accepted_and_round_trips(d: dt.date) -> None:
    assert cell_rule(FIG.by_name["as_of_date"])(d.isoformat()) is None
    assert parse_date(d.isoformat()) == d


@given(st.text(max_size=12))
def test_date_rule_accepts_only_what_parses(s: str) -> None:
    ok = cell_rule(FIG.by_name["as_of_date"])(s) is None
    parsed = parse_date(s)
    assert ok == (parsed is not None and dt.date(1900, 1, 1) <= parsed <= dt.date.today())


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**12, places=3))
def test_plain_decimals_are_accepted_and_read_exactly(x) -> None:
    text = format(x, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    if text.startswith("0") and len(text) > 1 and not text.startswith("0."):
        return
    assert cell_rule(FIG.by_name["value"])(text) is None
    assert float(text) == float(x)


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([",", " ", ".", "\u00a0"]))
def test_grouped_numbers_are_refused(n: int, sep: str) -> None:
    grouped = f"{n:,}".replace(",", sep)
    if sep == ".":  # `1.234` is a valid plain decimal; `1.234.567` or `1.234,5` are not
        grouped += ",5"
    assert cell_rule(FIG.by_name["value"])(grouped) is not None


@given(st.lists(st.integers(min_value=-5, max_value=30), min_size=1, max_size=6))
def test_objective_lists(items: list[int]) -> None:
    text = "|".join(map(str, items))
    ok = cell_rule(PRACTICE.by_name["gcm_primary"])(text) is None
    assert ok == (all(1 <= i <= 23 for i in items) and len(set(items)) == len(items))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_precision_spans_contain_the_date(d: dt.date, precision: str) -> None:
    lo, hi = floor_ceil(d.isoformat(), precision)  # type: ignore[misc]
    assert lo <= d <= hi
    assert (hi - lo).days in {"day": {0}, "month": set(range(27, 31)), "year": {364, 365}}[precision]


@given(st.text(max_size=200))
def test_show_is_one_line(s: str) -> None:
    assert "\n" not in show(s) and "\r" not in show(s)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=30),
        min_size=1,
        max_size=8,
    )
)
def test_reader_line_numbers_follow_multiline_cells(tmp_path_factory, notes: list[str]) -> None:
    """Whatever the quoted cells contain, each problem points at the physical line its record starts on."""
    folder = Path(tmp_path_factory.mktemp("d"))
    rows = [CLAIMS.names]
    for i, note in enumerate(notes):
        rows.append([f"c{i}", "frameworks", "x", "field", "v", "", "src", note])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path = folder / "claims.csv"
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    parsed = read_csv(path, "data/claims.csv", CLAIMS, folder)
    expected, line = [], 2
    for note in notes:
        expected.append(line)
        line += note.count("\n") + 1
    assert parsed.lines == expected[: len(parsed.lines)]
    assert len(parsed.records) == len(notes)
