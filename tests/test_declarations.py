"""Declarations are the truth (issue 9 item 3, issue 11 item 7): every check declared on a pandera model is
applied by `validate` or the declaration is refused; the compiled cache is keyed on the declarations
themselves; ISO codes are checked against CLDR at their own cell."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

import migresearch
from migresearch.datasets import compiled
from migresearch.datasets import fields as s
from migresearch.datasets.registry import DATASETS
from migresearch.errors import DeclarationError
from migresearch.validation.cells import cell_rule
from tests.conftest import ROOT, read_rows, write_rows


@pytest.mark.parametrize("spec", DATASETS, ids=lambda spec: spec.name)
def test_every_registered_check_is_compiled(spec) -> None:
    """Each pandera check of each column has its counterpart in the compiled column."""
    schema = spec.schema.to_schema()
    table = compiled.compile_schema(spec.schema)
    for name, col in schema.columns.items():
        c = table.by_name[name]
        for check in col.checks:
            st = check.statistics
            expected = {
                "str_matches": (c.pattern, st.get("pattern")),
                "isin": (list(c.values or ()), list(st.get("allowed_values") or ())),
                "greater_than_or_equal_to": (c.ge, st.get("min_value")),
                "less_than_or_equal_to": (c.le, st.get("max_value")),
                "str_length": ((c.min_length, c.max_length), (st.get("min_value"), st.get("max_value"))),
            }[check.name]
            assert expected[0] == expected[1], (spec.name, name, check.name)


def _model(**field_kwargs):
    class Toy(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "text"}, nullable=True, **field_kwargs)

    return Toy


@pytest.mark.parametrize(
    ("kwargs", "what"),
    [
        ({"gt": 0}, "check 'greater_than'"),
        ({"notin": ["a"]}, "check 'notin'"),
        ({"str_startswith": "a"}, "check 'str_startswith'"),
        ({"in_range": {"min_value": 0, "max_value": 9, "include_min": False}}, "check 'in_range'"),
    ],
)
def test_a_check_validate_cannot_apply_is_refused(kwargs: dict, what: str) -> None:
    with pytest.raises(DeclarationError, match=f"Toy.x: {what}.*would not apply it"):
        compiled.compile_schema(_model(**kwargs))


def test_custom_and_dataframe_checks_unknown_metadata_and_kinds_are_refused() -> None:
    class Custom(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "text"})

        @pa.check("x")
        def short(cls, series: pd.Series) -> pd.Series:
            return series.str.len() < 5

    class Wide(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "text"})

        @pa.dataframe_check
        def rows(cls, df: pd.DataFrame) -> pd.Series:
            return df["x"].notna()

    class Typo(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "date", "not_futur": True})

    class Kind(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "money"})

    class Optional(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "text"}, required=False)

    class Coerced(pa.DataFrameModel):
        x: Series[pd.StringDtype] = pa.Field(metadata={"kind": "text"})

        class Config:
            coerce = True

    for model, what in [
        (Optional, "Optional.x: field option required=False"),
        (Coerced, "Coerced: Config.coerce = True"),
        (Custom, "Custom.x: check 'short'"),
        (Wide, "Wide: dataframe-wide check"),
        (Typo, "Typo.x: unknown metadata key.s. not_futur"),
        (Kind, "Kind.x: unknown field kind 'money'"),
    ]:
        with pytest.raises(DeclarationError, match=what):
            compiled.compile_schema(model)


def test_str_length_is_applied_by_validate_and_by_pandera() -> None:
    col = compiled.compile_schema(_model(str_length={"max_value": 3}, in_range={"min_value": "a", "max_value": "z"})).by_name["x"]
    assert col.max_length == 3 and col.ge == "a" and col.le == "z"
    assert cell_rule(col)("abcd") == "longer than 3 characters (4)"


def test_evidence_limit_is_a_declared_check_pandera_applies_too() -> None:
    spec = next(d for d in DATASETS if d.name == "meetings")
    frame = migresearch.load("meetings")
    frame.loc[0, "evidence"] = "x" * (s.MAX_EVIDENCE + 1)
    with pytest.raises(pa.errors.SchemaErrors, match="str_length"):
        spec.schema.validate(frame, lazy=True)
    assert compiled.table("meetings").by_name["evidence"].max_length == s.MAX_EVIDENCE


def test_the_cache_is_keyed_on_every_module_the_declarations_use() -> None:
    found = {p.relative_to(compiled._PACKAGE).as_posix() for p in compiled.declaring_modules()}
    assert {
        "datasets/registry.py",
        "datasets/fields.py",
        "datasets/compiled.py",
        "datasets/events.py",
        "datasets/reference.py",
        "datasets/frameworks.py",
        "datasets/practices.py",
        "errors.py",
    } <= found
    assert not any(p.startswith(("query/", "present/", "build/", "reports/", "validation/")) for p in found)


def _hash_of(package: Path) -> str:
    code = "import migresearch.datasets.compiled as c; print(c.schema_hash())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(package.parent), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_any_change_to_a_declaring_module_invalidates_the_cache_and_others_do_not(tmp_path: Path) -> None:
    package = tmp_path / "migresearch"
    shutil.copytree(ROOT / "src" / "migresearch", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = _hash_of(package)
    query = package / "query" / "membership.py"
    query.write_text(query.read_text(encoding="utf-8") + "\n# not a declaration\n", encoding="utf-8")
    assert _hash_of(package) == before
    events = package / "datasets" / "events.py"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace('Event("term_end", 90,', 'Event("term_ended", 90,'), encoding="utf-8")
    assert _hash_of(package) != before
    events.write_text(text, encoding="utf-8")
    assert _hash_of(package) == before
    (package / "datasets" / "codes.py").write_text('EXTRA = ("x",)\n', encoding="utf-8")
    frameworks = package / "datasets" / "frameworks.py"
    frameworks.write_text(
        "from migresearch.datasets.codes import EXTRA  # noqa: F401\n" + frameworks.read_text(encoding="utf-8"), encoding="utf-8"
    )
    with_import = _hash_of(package)
    (package / "datasets" / "codes.py").write_text('EXTRA = ("y",)\n', encoding="utf-8")
    assert _hash_of(package) != with_import  # a module nobody listed guards the cache as soon as it is imported


def test_type_checking_imports_are_not_declarations() -> None:
    source = "from migresearch.a import b\nif TYPE_CHECKING:\n    from migresearch.c import d\nfrom migresearch import (\n    e,\n    f as g,\n)\n"
    assert compiled._imports(source) == ["migresearch.a", "migresearch.a.b", "migresearch", "migresearch.e", "migresearch.f"]


def test_validate_reads_cldr_codes_from_the_catalog_without_babel() -> None:
    code = (
        "import sys, migresearch, migresearch.validation as v; r = v.validate(); "
        "print('babel' in sys.modules, r.ok, sorted(m for m in ('pandas', 'pandera') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "True", "[]"], result.stdout + result.stderr
    assert compiled.cldr_codes()[0] == compiled.cldr_from_babel()[0]  # the stored codes are the installed Babel's


def test_iso_codes_are_checked_against_cldr_at_their_own_cell(data_copy: Path) -> None:
    path = data_copy / "countries.csv"
    rows = read_rows(path)
    h = rows[0]
    per = next(i for i, r in enumerate(rows) if r[h.index("iso3")] == "PER")
    rows[1][h.index("iso3")] = "XKQ"
    rows[per][h.index("numeric")] = "032"  # Argentina's numeric code on Peru's row
    rows[2][h.index("iso2")] = "QQ"
    write_rows(path, rows)
    found = [str(p) for p in migresearch.validate(data_copy).problems]
    assert any(
        p.startswith("data/countries.csv:2:iso3: XKQ: not an ISO 3166-1 alpha-3 code known to CLDR (record") for p in found
    ), found
    assert any(p.startswith("data/countries.csv:3:iso2: QQ: not an ISO 3166-1 alpha-2 code known to CLDR") for p in found), found
    assert any(
        p.startswith(f"data/countries.csv:{per + 1}:numeric: 032: CLDR gives 032") and "alpha-2 code AR, but `iso2` is PE" in p
        for p in found
    ), found
