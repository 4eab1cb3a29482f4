"""Questions about a framework's record: its dated timeline and where sources disagree.

Both read several tables (meetings, memberships, instruments, claims) and
answer in one frame a report can show as it is; disagreements are shown with
every side and the value the table holds, never resolved here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from migresearch.errors import UnknownFieldError
from migresearch.query._common import _check_framework, _DataDir
from migresearch.query._common import table as load
from migresearch.query.membership import _events


def timeline(framework: str, data_dir: _DataDir = None) -> pd.DataFrame:
    """Everything dated about ``framework``: meetings, membership events and instruments, oldest first.

    Columns: ``date``, ``precision``, ``kind`` (meeting, membership, instrument), ``label_en``,
    ``label_es``, ``record_id``, ``source_id``, ``inferred``.  An unknown framework raises
    :class:`~migresearch.errors.UnknownFrameworkError` with a did-you-mean.
    """
    _check_framework(framework, data_dir)
    meetings = load("meetings", data_dir)
    meetings = meetings[meetings["framework_id"] == framework]
    label = (meetings["label"].fillna("") + " " + meetings["kind"].astype(str).str.replace("_", " ")).str.strip()
    parts = [
        pd.DataFrame(
            {
                "date": meetings["start_date"],
                "precision": meetings["start_precision"].astype("string"),
                "kind": "meeting",
                "label_en": label + ": " + meetings["theme_en"].fillna(""),
                "label_es": label + ": " + meetings["theme_es"].fillna(""),
                "record_id": meetings["meeting_id"],
                "source_id": meetings["source_id"],
                "inferred": meetings["inferred"],
            }
        )
    ]
    events = _events(data_dir)
    events = events[events["framework_id"] == framework]
    ev_label = events["party"] + " " + events["event"].astype(str) + " (" + events["role"].astype(str) + ")"
    parts.append(
        pd.DataFrame(
            {
                "date": events["date"],
                "precision": events["date_precision"].astype("string"),
                "kind": "membership",
                "label_en": ev_label,
                "label_es": ev_label,
                "record_id": events["event_id"],
                "source_id": events["source_id"],
                "inferred": events["inferred"],
            }
        )
    )
    inst = load("instruments", data_dir)
    inst = inst[inst["framework_id"] == framework]
    parts.append(
        pd.DataFrame(
            {
                "date": inst["adopted_date"],
                "precision": inst["adopted_precision"].astype("string"),
                "kind": "instrument",
                "label_en": inst["title_en"],
                "label_es": inst["title_es"],
                "record_id": inst["instrument_id"],
                "source_id": inst["source_id"],
                "inferred": inst["inferred"],
            }
        )
    )
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else parts[0]
    out = out.astype({"kind": "string", "label_en": "string", "label_es": "string"})
    return out.sort_values(["date", "kind", "record_id"], na_position="last", kind="stable").reset_index(drop=True)


def conflicts(
    table: str | Iterable[str] | None = None,
    data_dir: _DataDir = None,
    field: str | None = None,
    records: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Disagreements between sources: each (table, record, field) with two or more distinct claimed values.

    One row per claim, with ``n_values`` (distinct values in its group) and
    ``recorded_value`` (what the table itself holds, when the field is a
    column), so an analysis can show every side and what was chosen.
    ``table`` (a dataset name, or several), ``field`` (one of its columns or
    claimed fields) and ``records`` (record ids) narrow the answer; unknown
    tables and fields raise :class:`~migresearch.errors.UnknownDatasetError` or
    :class:`~migresearch.errors.UnknownFieldError` with a did-you-mean.

    Only the tables of the disagreements that remain after narrowing are read
    (for their ``recorded_value``), so a report that asks about its own tables
    and records reads nothing else: the build's record of what each report
    read, and so what a data change rebuilds, follows from that.
    """
    claims = load("claims", data_dir)
    if table is not None:
        from migresearch._api import _spec

        wanted = [table] if isinstance(table, str) else list(table)
        for name in wanted:
            _spec(name)  # an unknown table is an UnknownDatasetError, as in load()
        claims = claims[claims["table"].isin(wanted)]
    if field is not None:
        from migresearch.validation import table_of

        fields = set(claims["field"].astype(str))
        if isinstance(table, str):
            fields |= set(table_of(table).names)
        elif table is not None:
            for name in wanted:
                fields |= set(table_of(name).names)
        if field not in fields:
            raise UnknownFieldError(field, fields, kind=f"field of {table}" if isinstance(table, str) else "claimed field")
        claims = claims[claims["field"] == field]
    if records is not None:
        claims = claims[claims["record_id"].isin({records} if isinstance(records, str) else set(records))]
    key = ["table", "record_id", "field"]
    n_values = claims.groupby(key)["value"].transform("nunique")
    out = claims.assign(n_values=n_values)
    out = out[out["n_values"] >= 2].copy()
    recorded = []
    frames: dict[str, pd.DataFrame] = {}
    for tbl, rec, fld in out[key].itertuples(index=False):
        if tbl not in frames:
            frame = load(tbl, data_dir)
            frames[tbl] = frame.set_index(frame.columns[0], drop=False)
        frame = frames[tbl]
        value = None
        if fld in frame.columns and rec in frame.index:
            v = frame.at[rec, fld]
            if not pd.isna(v):
                value = v.date().isoformat() if isinstance(v, pd.Timestamp) else str(v)
        recorded.append(value)
    out["recorded_value"] = pd.array(recorded, dtype="string")
    return out.sort_values(key + ["value"], kind="stable").reset_index(drop=True)
