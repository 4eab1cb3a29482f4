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
    missing = sorted(
        f"{t}.{f}" for t, f in fields if not any(k in i18n.LABELS for k in (f"column.{t}.{f}", f"column.{f}", f"derived.{f}"))
    )
    assert missing == [], f"add 'column.<field>' labels to migresearch.i18n.LABELS for: {missing}"


def test_every_literal_label_key_in_the_code_exists() -> None:
    """A label key written in the code (``i18n.t("section.x", ...)``) must be in the catalogue: a key lost in a
    merge would otherwise only fail when a report happens to reach it (it did once: ``date.not_recorded``)."""
    import re
    from pathlib import Path

    from migresearch import i18n

    src = Path(i18n.__file__).resolve().parent
    pattern = re.compile(r'\bi18n\.(?:t|plural)\(\s*"([a-z_][a-z0-9_.]*[a-z0-9])"')
    missing = []
    for path in sorted(src.rglob("*.py")):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in i18n.LABELS and key not in getattr(i18n, "PLURALS", {}):
                missing.append(f"{path.relative_to(src)}: {key}")
    assert missing == []


def test_no_label_is_declared_twice_with_two_meanings() -> None:
    """Two helpers once declared ``field.basis`` as 'Basis in the source' and 'Created by': the later update won
    silently and changed another report's column. One key, one meaning (read off the source, not the dict)."""
    import ast
    import collections
    from pathlib import Path

    from migresearch import i18n

    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    seen: dict[str, set[str]] = collections.defaultdict(set)
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and "." in key.value:
                    seen[(key.value, type(value).__name__ == "Dict" or "{" in ast.unparse(value)[:2])].add(ast.unparse(value))
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}
