"""Parametrised over the registry: every table loads, validates, is non-empty, typed and documented."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import migresearch
from migresearch.datasets import catalog
from migresearch.datasets.registry import DATASETS
from migresearch.validation import table_of

NAMES = [spec.name for spec in DATASETS]


@pytest.mark.parametrize("name", NAMES)
def test_loads_typed_and_non_empty(name: str) -> None:
    df = migresearch.load(name)
    table = table_of(name)
    assert list(df.columns) == table.names
    assert len(df) > 0
    assert df.attrs["title"] and df.attrs["description"] and df.attrs["licence"]
    for col in table.columns:
        dtype = df[col.name].dtype
        expected = {
            "code": "category",
            "integer": "Int64",
            "decimal": "Float64",
            "boolean": "boolean",
            "date": "datetime64[ns]",
        }.get(col.kind, "string")
        assert str(dtype) == expected, (name, col.name, dtype)
        if not col.nullable:
            assert df[col.name].notna().all(), (name, col.name)


@pytest.mark.parametrize("name", NAMES)
def test_declaration_agrees_with_pandera(name: str) -> None:
    """The same declaration, applied by pandera itself to the loaded frame, finds nothing wrong."""
    spec = next(s for s in DATASETS if s.name == name)
    spec.schema.validate(migresearch.load(name), lazy=True)


@pytest.mark.parametrize("name", NAMES)
def test_documented(name: str) -> None:
    desc = migresearch.describe(name)
    assert list(desc["column"]) == table_of(name).names
    assert desc["title"].str.len().gt(0).all() and desc["description"].str.len().gt(0).all()


@pytest.mark.parametrize("name", NAMES)
def test_explicit_loader_exists(name: str) -> None:
    fn = getattr(migresearch, f"load_{name}")
    pd.testing.assert_frame_equal(fn(), migresearch.load(name))


def test_no_loader_without_a_table() -> None:
    loaders = {n.removeprefix("load_") for n in dir(migresearch) if n.startswith("load_")}
    assert loaders == set(NAMES)


def test_every_fact_table_cites_a_source() -> None:
    for name in NAMES:
        if name in ("sources", "series"):
            continue
        assert "source_id" in table_of(name).names, name
        col = table_of(name).by_name["source_id"]
        assert not col.nullable and col.fks == (("sources", "source_id"),)


def test_unknown_name_lists_valid_names_and_suggests() -> None:
    with pytest.raises(KeyError) as err:
        migresearch.load("meeting")
    message = str(err.value)
    assert "Did you mean 'meetings'?" in message and "frameworks" in message


def test_generated_files_are_current() -> None:
    assert catalog.stale() == [], "run `migresearch catalog`"


def test_datapackage_passes_frictionless() -> None:
    pytest.importorskip("frictionless", reason="needs the dev extra (frictionless)")
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", "data/datapackage.json"],
        capture_output=True,
        text=True,
        cwd=catalog.paths.project_root(),
        timeout=300,
    )
    report = json.loads(result.stdout)
    errors = [e for task in report.get("tasks", []) for e in task.get("errors", [])]
    assert report["valid"], json.dumps(errors[:10], indent=1)


def test_datapackage_declares_keys() -> None:
    descriptor = catalog.datapackage()
    by_name = {r["name"]: r for r in descriptor["resources"]}
    assert by_name["meetings"]["schema"]["primaryKey"] == ["meeting_id"]
    fks = by_name["memberships"]["schema"]["foreignKeys"]
    assert {"fields": ["framework_id"], "reference": {"resource": "frameworks", "fields": ["framework_id"]}} in fks


def test_validation_uses_the_compiled_registry_without_pandera() -> None:
    code = (
        "import sys, migresearch; r = migresearch.validate(); "
        "print(r.ok, sorted(m for m in ('pandas', 'pandera') if m in sys.modules), len(migresearch.list_datasets()))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split("\n")[0] == f"True [] {len(NAMES)}", result.stdout + result.stderr


def test_stale_compiled_registry_falls_back_to_the_declarations(monkeypatch: pytest.MonkeyPatch) -> None:
    from migresearch.datasets import compiled as _tables

    text = _tables.COMPILED.read_text(encoding="utf-8")
    assert _tables._from_json(text) is not None
    monkeypatch.setattr(_tables, "schema_hash", lambda: "edited")
    assert _tables._from_json(text) is None
    compiled = _tables._from_registry()
    assert [i.name for i in compiled.values()] == NAMES
    assert all(compiled[n].table.names == table_of(n).names for n in NAMES)


def test_datapackage_is_v2_with_lists_categories_and_provenance() -> None:
    descriptor = catalog.datapackage()
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0" and descriptor["contributors"]
    assert len(descriptor["sources"]) == len(migresearch.load("sources"))
    by_name = {r["name"]: r for r in descriptor["resources"]}
    practices = {f["name"]: f for f in by_name["practices"]["schema"]["fields"]}
    assert practices["gcm_secondary"]["type"] == "list" and practices["gcm_secondary"]["delimiter"] == "|"
    assert practices["gcm_secondary"]["itemType"] == "integer"
    meetings = {f["name"]: f for f in by_name["meetings"]["schema"]["fields"]}
    assert meetings["start_precision"]["categories"] == ["year", "month", "day"]
    assert meetings["start_precision"]["categoriesOrdered"] is True
    assert all(r["$schema"].endswith("/2.0/dataresource.json") and r["type"] == "table" for r in descriptor["resources"])


def test_the_internal_read_is_load_without_copy_or_attrs_and_still_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_api.read`` (the package's own read-only callers) gives load's frame without attrs, indexed on request,
    records the read on every call (cache hits too), and an assignment to it never reaches the cache."""
    from migresearch import _api

    monkeypatch.setattr(_api, "_READS", None)  # restored after the test: nobody records
    reads = _api.record_reads()
    sources = _api.read("sources")
    assert reads == {"sources"} and sources.attrs == {}
    pd.testing.assert_frame_equal(sources, migresearch.load("sources"))
    reads.clear()
    indexed = _api.read("sources", index="source_id")
    assert reads == {"sources"}
    pd.testing.assert_frame_equal(indexed, migresearch.load("sources").set_index("source_id"))
    first = sources.columns[1]
    sources[first] = "changed"
    sources.loc[sources.index[0], "url"] = "changed"
    indexed.iloc[0, 0] = "changed"
    pd.testing.assert_frame_equal(_api.read("sources"), migresearch.load("sources"))
    pd.testing.assert_frame_equal(_api.read("sources", index="source_id"), migresearch.load("sources").set_index("source_id"))
    assert migresearch.load("sources").attrs["title"]  # load itself keeps its attrs
