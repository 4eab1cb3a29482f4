"""The label catalogue: complete for every code list shown, both languages, Babel formats."""

from __future__ import annotations

import datetime as dt

import pytest

from migresearch import i18n
from migresearch.datasets import compiled as _tables


@pytest.mark.parametrize("prefix", sorted(i18n.CODE_LISTS))
def test_every_code_value_has_labels_and_no_stale_ones(prefix: str) -> None:
    table, column = i18n.CODE_LISTS[prefix]
    values = set(_tables.table(table).by_name[column].values or ())
    labelled = {k.split(".", 1)[1] for k in i18n.LABELS if k.startswith(prefix + ".")}
    assert labelled == values


def test_both_languages_filled() -> None:
    for key, (en, es) in i18n.LABELS.items():
        assert en.strip() and es.strip(), key
        assert en.count("{") == es.count("{"), key


def test_spanish_dates_and_numbers() -> None:
    assert i18n.date(dt.date(2013, 11, 26), "day", "es") == "26 de noviembre de 2013"
    assert i18n.date(dt.date(2013, 11, 1), "month", "es") == "noviembre de 2013"
    assert i18n.date(dt.date(2013, 1, 1), "year", "es") == "2013"
    assert i18n.number(1234.5, "es") == "1.234,5" and i18n.number(1234.5, "en") == "1,234.5"
    with pytest.raises(ValueError, match="unsupported language"):
        i18n.t("sources", "fr")


def test_every_claimed_field_and_inferred_column_has_a_reader_label() -> None:
    """Conflicts and inferred-value notes name the field for a reader: each needs ``column.<field>`` in LABELS."""
    import migresearch

    claims = migresearch.load("claims")
    fields = set(zip(claims["table"].astype(str), claims["field"].astype(str)))
    for name in migresearch.list_datasets():
        frame = migresearch.load(name)
        if "inferred" in frame.columns:
            fields |= {(name, c) for v in frame["inferred"].dropna() for c in str(v).split("|")}
    missing = sorted(f"{t}.{f}" for t, f in fields
                     if not any(k in i18n.LABELS for k in (f"column.{t}.{f}", f"column.{f}", f"derived.{f}")))
    assert missing == [], f"add 'column.<field>' labels to migresearch.i18n.LABELS for: {missing}"
