"""One error module: every public exception under MigresearchError; the same wrong input raises the same
exception everywhere, with a did-you-mean; the API refuses what it cannot read (issue 9 item 4, issue 14 item 8)."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from pathlib import Path

import pandas as pd
import pytest

import migresearch
from migresearch import errors, i18n, query, reports
from migresearch.errors import (
    InvalidDateError,
    MigresearchError,
    UnknownCountryError,
    UnknownDatasetError,
    UnknownFieldError,
    UnknownFrameworkError,
    UnknownIdError,
    UnknownPlaceError,
    UnknownSeriesError,
    UnsupportedLanguageError,
)

SRC = Path(migresearch.__file__).resolve().parent


def test_every_public_exception_is_in_errors_under_one_base() -> None:
    classes = [obj for _, obj in inspect.getmembers(errors, inspect.isclass) if issubclass(obj, BaseException)]
    assert classes and all(issubclass(c, MigresearchError) for c in classes)
    assert set(errors.__all__) >= {c.__name__ for c in classes}


def test_no_exception_class_is_defined_outside_errors() -> None:
    builtin = {name for name in dir(__builtins__ if isinstance(__builtins__, dict) else __builtins__)}
    for path in SRC.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.col_offset == 0:
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                assert not any(b.endswith(("Error", "Exception")) or b in builtin - {"object"} for b in bases), (path, node.name)


@pytest.mark.parametrize(
    "call",
    [
        lambda: query.members_on("celacc", "2020-01-01"),
        lambda: query.timeline("celacc"),
        lambda: __import__("migresearch.reports.framework_profile", fromlist=["x"]).collect("celacc"),
    ],
    ids=["members_on", "timeline", "framework_profile.collect"],
)
def test_unknown_framework_is_one_error_everywhere(call) -> None:
    with pytest.raises(UnknownFrameworkError, match="did you mean 'celac'") as err:
        call()
    assert isinstance(err.value, KeyError) and err.value.suggestion == "celac"


@pytest.mark.parametrize(
    "call",
    [
        lambda: query.frameworks_of("per", "2015-07-01"),
        lambda: query.membership_history("per"),
        lambda: query.consular_coverage("per", "AUS", on="2020-01-01"),
        lambda: query.consular_coverage("BOL", "aus", on="2020-01-01"),
    ],
    ids=["frameworks_of", "membership_history", "consular_coverage-nationality", "consular_coverage-location"],
)
def test_unknown_country_is_one_error_everywhere(call) -> None:
    with pytest.raises(UnknownCountryError, match="unknown country code .*did you mean"):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: migresearch.load("meeting"),
        lambda: migresearch.describe("meeting"),
        lambda: query.conflicts("meeting"),
    ],
    ids=["load", "describe", "conflicts"],
)
def test_unknown_dataset_is_one_error_everywhere(call) -> None:
    with pytest.raises(UnknownDatasetError, match="Did you mean 'meetings'"):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: i18n.check_lang("fr"),
        lambda: reports.plan(langs=("fr",)),
        lambda: (lambda m: m.sections(m.collect("celac"), "fr"))(
            __import__("migresearch.reports.framework_profile", fromlist=["x"])
        ),
        lambda: (lambda m: m.sections(m.collect(), "fr"))(__import__("migresearch.reports.eu_celac_dialogue", fromlist=["x"])),
    ],
    ids=["i18n", "plan", "framework_profile.sections", "eu_celac_dialogue.sections"],
)
def test_unsupported_language_is_one_error_everywhere(call) -> None:
    with pytest.raises(UnsupportedLanguageError, match="unsupported language 'fr'"):
        call()


def test_unknown_ids_raise_instead_of_empty_frames() -> None:
    with pytest.raises(UnknownPlaceError, match="did you mean 'WORLD'"):
        query.figure("r4v-venezuelans-abroad", "world")
    with pytest.raises(UnknownSeriesError, match="unknown series"):
        query.figure("r4v-venezuelans", "WORLD")
    with pytest.raises(UnknownFieldError, match="did you mean 'start_date'"):
        query.conflicts("meetings", field="start_dat")
    with pytest.raises(UnknownIdError, match="unknown role 'members'; did you mean 'member'"):
        query.members_on("celac", "2020-01-01", roles=("members",))


@pytest.mark.parametrize("bad", ["01/06/2019", "2019-6-1", "1 June 2019", "2019-02-30", "", 20190601, None, pd.NaT])
def test_dates_only_as_iso_strings_or_date_objects(bad: object) -> None:
    with pytest.raises(InvalidDateError, match="ISO 8601"):
        query.members_on("gcm", bad)
    if bad is not None:  # figure(known_on=None) means "whatever is known now"
        with pytest.raises(InvalidDateError):
            query.figure("r4v-venezuelans-abroad", "WORLD", known_on=bad)


def test_date_objects_and_iso_strings_agree() -> None:
    as_text = query.members_on("celac", "2021-06-01")
    for day in (dt.date(2021, 6, 1), dt.datetime(2021, 6, 1, 15, 30), pd.Timestamp("2021-06-01")):
        pd.testing.assert_frame_equal(query.members_on("celac", day), as_text)


def test_consular_coverage_counts_in_force_by_default() -> None:
    default = query.consular_coverage("BOL", "AUS", on="2020-01-01")
    assert set(default["status"].astype(str)) == {"in_force"}
    every = query.consular_coverage(
        "BOL", "AUS", on="2020-01-01", status=("signed", "ratified", "in_force", "operational", "activated")
    )
    assert len(every) >= len(default) and set(every["status"].astype(str)) > {"in_force"}
    signed = query.consular_coverage("BOL", "AUS", on="2020-01-01", status="signed")
    assert set(signed["status"].astype(str)) <= {"signed"}
    for frame in (default, every, signed):
        assert not frame.duplicated(["mechanism_id", "assisting_iso3"]).any()
    with pytest.raises(UnknownIdError, match="did you mean 'in_force'"):
        query.consular_coverage("BOL", "AUS", status="inforce")


def test_a_report_parameter_outside_its_allow_list_is_an_unknown_id_with_a_hint() -> None:
    spec = reports.REPORTS[0]
    from migresearch import paths

    with pytest.raises(errors.ParameterValueError, match="framework='celacc' is not allowed; did you mean 'celac'") as err:
        spec.check({"framework": "celacc", "lang": "en"}, paths.data_dir())
    assert isinstance(err.value, UnknownIdError) and isinstance(err.value, errors.ParameterError)
