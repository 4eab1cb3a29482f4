"""`migresearch sample`: a reproducible review sheet of random fact rows (issue 11, item 2)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from migresearch.cli import main
from migresearch.validation import sample


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    a, b = sample.draw(20, 7), sample.draw(20, 7)
    assert a == b and len(a) == 20
    assert [r.key for r in sample.draw(20, 8)] != [r.key for r in a]


def test_rows_come_from_fact_tables_with_their_source() -> None:
    rows = sample.draw(40, 1)
    assert {r.table for r in rows} <= set(sample.fact_tables())
    assert len({(r.table, r.key) for r in rows}) == 40
    for r in rows:
        assert r.where.startswith("data/") and r.source_id
        assert r.source_url or r.source_title


def test_more_rows_than_exist_gives_all_of_them() -> None:
    everything = sample.draw(10**6, 3)
    assert len(everything) == len({(r.table, r.key) for r in everything}) > 100


def test_html_escapes_evidence_and_links_only_web_addresses(data_copy: Path, edit: Callable[..., None]) -> None:
    path = data_copy / "figures.csv"
    edit(path, 1, "evidence", "<script>alert(1)</script> & “quoted”")
    rows = sample.draw(10**6, 1, data_copy)
    page = sample.to_html(rows)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    bad = sample.Sampled("figures", "x", "data/figures.csv:2", "", "", "s", "t", "javascript:alert(1)")
    assert "href" not in sample.to_html([bad]).split("<tbody>")[1]
    good = sample.Sampled("figures", "x", "data/figures.csv:2", "", "", "s", "t", "https://example.org/?a=1&b=2")
    assert 'href="https://example.org/?a=1&amp;b=2"' in sample.to_html([good])


def test_cli_writes_csv_and_html(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["sample", "--n", "5", "--seed", "20261202", "--out", str(tmp_path)]) == 0
    csv_path, html_path = tmp_path / "sample-20261202-5.csv", tmp_path / "sample-20261202-5.html"
    assert f"wrote {csv_path}" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert [r["key"] for r in rows] == [r.key for r in sample.draw(5, 20261202)]
    assert list(rows[0]) == sample.COLUMNS
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
