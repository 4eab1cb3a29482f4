"""CITATION.cff is valid CFF 1.2.0 and agrees with the package metadata (version, licences)."""

from __future__ import annotations

import json
import tomllib

import jsonschema
import yaml

import migresearch
from tests.conftest import ROOT

#: The CFF 1.2.0 JSON Schema, vendored from cffconvert 2.0.0 (cffconvert itself pins jsonschema<4,
#: which the Jupyter stack cannot share), so the check runs offline.
SCHEMA = ROOT / "tests" / "fixtures" / "citation-cff-1.2.0.schema.json"


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_validates_against_the_cff_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cff = _cff()
    cff["date-released"] = str(cff["date-released"])  # YAML reads dates as date objects; CFF wants the string
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)


def test_citation_matches_the_package() -> None:
    cff = _cff()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(cff["version"]) == project["version"] == migresearch.__version__
    assert "date-released" in cff
    assert set(cff["license"]) == {"MIT", "CC-BY-4.0"}


def test_invalid_citation_is_refused() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {**_cff(), "date-released": "26/11/2026"}
    try:
        jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(bad)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a non-ISO date-released must fail the CFF schema")
