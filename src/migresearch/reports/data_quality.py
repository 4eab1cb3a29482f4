"""Data quality: how much the data hold, how well each row is supported, and where it is thin.

Question: how many rows does each table hold and which sources carry them; how well is each country
covered; which values are inferred and why; which disagreements between sources are open; which rows
lack an evidence quote; where is Spanish text missing; and how old are the sources?

Everything is computed from whatever tables are registered (:func:`migresearch.list_datasets`), so a
new table or column is counted without a change here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import list_datasets, load
from migresearch.present import Html, esc, heading, paragraph
from migresearch.reports._common import DataDir, as_given, country_names, data_table, day, sort_by_name, split, untranslated

#: How many sources the "most cited" and "oldest" lists show.
TOP: int = 15
#: Columns that name countries, per table (lists are ``|``-separated): the basis of coverage per country.
COUNTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "memberships": ("party_iso3",),
    "meetings": ("country_iso3",),
    "instruments": ("parties",),
    "regularisations": ("country_iso3",),
    "practices": ("countries",),
    "consular_coverage": ("nationals", "assisting"),
    "figures": ("place",),
}


#: Prose columns the data hold in English only (no ``_es`` twin) that reports show: each filled cell is a
#: Spanish gap (Spanish pages show it marked as English).
ENGLISH_ONLY: tuple[str, ...] = ("note", "inferred_from", "permit_type", "fee", "basis", "secretariat", "founding_instrument")


@dataclasses.dataclass(frozen=True)
class DataQuality:
    """What the data-quality report shows.

    Attributes
    ----------
    on : datetime.date
        The data date (latest access of any source).
    lang : str
        Language of the names.
    tables : pandas.DataFrame
        Per table: ``table``, ``name``, ``rows``, ``sources`` (distinct sources cited), ``inferred_rows``,
        ``evidence_missing`` (rows without an evidence quote; ``<NA>`` where the table has no such column),
        ``spanish_missing`` (Spanish cells missing where the English one is filled).
    sources : pandas.DataFrame
        Per source: ``source_id``, ``title``, ``producer``, ``rows`` (rows citing it, all tables),
        ``accessed_date``, ``published_date``, ``published_precision``; sorted by rows, most first.
    coverage : pandas.DataFrame
        Per CELAC member on the date (and any other country a fact table names): ``iso3``, ``country``,
        ``profiled`` (the country has a profile page: a CELAC member on the date), one count per table of
        :data:`COUNTRY_COLUMNS`, plus ``total``; sorted by total.
    inferred : pandas.DataFrame
        Per (table, column) inferred: ``table``, ``column``, ``rows``, ``reason`` (the first reason given),
        ``source_id``.
    conflicts : pandas.DataFrame
        Per table: ``table``, ``name``, ``groups`` (record and field with two or more claimed values),
        ``claims``.
    spanish : pandas.DataFrame
        Per (table, Spanish column, or English-only prose column of :data:`ENGLISH_ONLY`): ``table``,
        ``column``, ``missing`` (cells without Spanish text), ``filled`` (cells with it).
    """

    on: dt.date
    lang: str
    tables: pd.DataFrame
    sources: pd.DataFrame
    coverage: pd.DataFrame
    inferred: pd.DataFrame
    conflicts: pd.DataFrame
    spanish: pd.DataFrame


def table_name(table: str, lang: str) -> str:
    """A table's name for readers (``table.<name>`` labels; the registry's English title otherwise)."""
    key = f"table.{table}"
    if key in i18n.LABELS:
        return i18n.t(key, lang)
    from migresearch.datasets import compiled  # the compiled catalogue: no pandera needed

    info = compiled.infos().get(table)
    return info.title if info is not None else table


def _missing(series: pd.Series) -> pd.Series:
    return series.isna() | (series.astype("string").str.strip() == "")


def collect(lang: str = "en", data_dir: DataDir = None) -> DataQuality:
    """Counts of rows, sources, coverage, inferred values, conflicts, evidence and Spanish gaps.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the names.
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    DataQuality

    Examples
    --------
    >>> data = collect("en")
    >>> int(data.tables.set_index("table").loc["practices", "rows"]) == len(load("practices"))
    True
    """
    lang = i18n.check_lang(lang)
    when = day(None, data_dir)
    names = country_names(lang, data_dir)
    frames = {t: load(t, data_dir) for t in list_datasets()}

    table_rows, cited, inferred_rows, spanish_rows = [], [], [], []
    for t, f in frames.items():
        if "source_id" in f.columns and t != "sources":
            cited.append(f["source_id"].dropna().astype(str))
        gaps = 0
        for col in [c for c in f.columns if c.endswith("_es")]:
            base = col[:-3]
            en = f"{base}_en" if f"{base}_en" in f.columns else None
            if en is None:
                continue
            missing = int((_missing(f[col]) & ~_missing(f[en])).sum())
            gaps += missing
            spanish_rows.append({"table": t, "column": col, "missing": missing, "filled": int((~_missing(f[col])).sum())})
        for col in [c for c in ENGLISH_ONLY if c in f.columns and f"{c}_es" not in f.columns]:
            missing = int((~_missing(f[col])).sum())
            gaps += missing
            spanish_rows.append({"table": t, "column": col, "missing": missing, "filled": 0})
        if "inferred" in f.columns:
            marked = f[~_missing(f["inferred"])]
            for col in sorted({c for v in marked["inferred"] for c in split(v)}):
                rows = marked[marked["inferred"].map(lambda v, c=col: c in split(v))]
                inferred_rows.append(
                    {
                        "table": t,
                        "column": col,
                        "rows": len(rows),
                        "reason": rows["inferred_from"].iloc[0],
                        "source_id": rows["source_id"].iloc[0] if "source_id" in rows.columns else pd.NA,
                    }
                )
        table_rows.append(
            {
                "table": t,
                "name": table_name(t, lang),
                "rows": len(f),
                "sources": int(f["source_id"].nunique()) if "source_id" in f.columns and t != "sources" else pd.NA,
                "inferred_rows": int((~_missing(f["inferred"])).sum()) if "inferred" in f.columns else pd.NA,
                "evidence_missing": int(_missing(f["evidence"]).sum()) if "evidence" in f.columns else pd.NA,
                "spanish_missing": gaps,
            }
        )
    tables = pd.DataFrame(table_rows).astype({"sources": "Int64", "inferred_rows": "Int64", "evidence_missing": "Int64"})

    counts = pd.concat(cited).value_counts() if cited else pd.Series(dtype="int64")
    src = frames["sources"]
    sources = src.assign(rows=src["source_id"].map(counts).fillna(0).astype(int))
    sources = sources.sort_values(["rows", "source_id"], ascending=[False, True]).reset_index(drop=True)[
        ["source_id", "title", "producer", "language", "rows", "accessed_date", "published_date", "published_precision"]
    ]

    celac = (
        set(query.members_on("celac", when, data_dir=data_dir)["party"])
        if "celac" in set(frames["frameworks"]["framework_id"])
        else set()
    )
    per: dict[str, dict[str, int]] = {c: {} for c in celac}
    for t, cols in COUNTRY_COLUMNS.items():
        if t not in frames:
            continue
        f = frames[t]
        for _, row in f.iterrows():
            seen = {c for col in cols if col in f.columns for c in split(row[col])}
            for c in seen:
                if c in names and (c in celac or not celac):
                    per.setdefault(c, {})
                    per[c][t] = per[c].get(t, 0) + 1
    coverage = pd.DataFrame(
        [
            {
                "iso3": c,
                "country": names[c],
                "profiled": c in celac,
                **{t: per[c].get(t, 0) for t in COUNTRY_COLUMNS if t in frames},
            }
            for c in per
        ]
    )
    present_tables = [t for t in COUNTRY_COLUMNS if t in frames]
    coverage["total"] = coverage[present_tables].sum(axis=1) if len(coverage) else 0
    coverage = sort_by_name(coverage, "country").sort_values("total", kind="stable").reset_index(drop=True)

    inferred = pd.DataFrame(inferred_rows, columns=["table", "column", "rows", "reason", "source_id"])
    inferred = inferred.sort_values("rows", ascending=False, kind="stable").reset_index(drop=True)

    c = query.conflicts(data_dir=data_dir)
    conflicts = (
        c.groupby("table")
        .agg(
            groups=("record_id", lambda s: int(c.loc[s.index].groupby(["record_id", "field"]).ngroups)),
            claims=("claim_id", "size"),
        )
        .reset_index()
        if len(c)
        else pd.DataFrame(columns=["table", "groups", "claims"])
    )
    conflicts = conflicts.assign(name=conflicts["table"].map(lambda t: table_name(str(t), lang)))
    conflicts = conflicts.sort_values("groups", ascending=False, kind="stable").reset_index(drop=True)

    spanish = pd.DataFrame(spanish_rows, columns=["table", "column", "missing", "filled"])
    spanish = spanish.sort_values("missing", ascending=False, kind="stable").reset_index(drop=True)
    return DataQuality(
        on=when,
        lang=lang,
        tables=tables,
        sources=sources,
        coverage=coverage,
        inferred=inferred,
        conflicts=conflicts,
        spanish=spanish,
    )


# --- presentation ----------------------------------------------------------------------------------


def _n(value: Any, lang: str) -> str:
    return "—" if pd.isna(value) else esc(i18n.number(int(value), lang))


def meta_table(frame: pd.DataFrame, columns: Any, lang: str, on: dt.date) -> Html:
    """A table of counts computed from the data themselves: its "source" is the data package at its date."""
    from migresearch.present.html import scroll_box

    if frame.empty:
        return Html(f'<p class="empty">{esc(i18n.t("none", lang))}</p>')
    labels = [key[1:] if key.startswith("=") else i18n.t(key, lang) for key, _ in columns]
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in labels)
    # Each cell names its column (data-label): on a phone a row is shown as a card of "column: value" lines.
    cells = [(f' data-label="{esc(label)}"', fn) for label, (_, fn) in zip(labels, columns)]
    body = "".join("<tr>" + "".join(f"<td{attr}>{fn(row)}</td>" for attr, fn in cells) + "</tr>" for _, row in frame.iterrows())
    markup = f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    note = esc(i18n.t("text.dq_computed", lang, date=i18n.date(on, "day", lang)))
    return Html(scroll_box(markup, ", ".join(labels)) + f'<p class="sources">{note}</p>')


def title(data: DataQuality) -> Html:
    lang = data.lang
    return Html(
        f'<h1>{esc(i18n.t("report.data_quality", lang))}</h1><p class="lead">'
        + esc(
            i18n.t(
                "text.dq_lead",
                lang,
                date=i18n.date(data.on, "day", lang),
                rows=i18n.number(int(data.tables["rows"].sum()), lang),
                tables=i18n.plural("unit.tables", len(data.tables), lang),
                sources=i18n.plural("n.sources", len(data.sources), lang),
            )
        )
        + "</p>"
    )


def tables_section(data: DataQuality) -> list[Any]:
    """Rows per table, sources cited, inferred rows, rows without evidence, Spanish gaps."""
    lang = data.lang
    cols = [
        ("field.table", lambda r: esc(r["name"])),
        ("field.rows", lambda r: _n(r["rows"], lang)),
        ("field.sources_cited", lambda r: _n(r["sources"], lang)),
        ("field.inferred_rows", lambda r: _n(r["inferred_rows"], lang)),
        ("field.evidence_missing", lambda r: _n(r["evidence_missing"], lang)),
        ("field.spanish_missing", lambda r: _n(r["spanish_missing"], lang)),
    ]
    return [
        heading("section.dq_tables", lang),
        paragraph(i18n.t("text.dq_tables", lang)),
        meta_table(data.tables, cols, lang, data.on),
    ]


def sources_section(data: DataQuality, top: int = TOP) -> list[Any]:
    """The most cited sources, and how many sources no row cites."""
    from migresearch.present import source_link

    lang = data.lang
    unused = int((data.sources["rows"] == 0).sum())
    once = int((data.sources["rows"] == 1).sum())
    cols = [
        ("field.source", lambda r: source_link(r["source_id"], lang)),
        ("field.producer", lambda r: as_given(r["producer"], lang)),
        ("field.rows_citing", lambda r: _n(r["rows"], lang)),
    ]
    return [
        heading("section.dq_sources", lang),
        paragraph(
            i18n.t(
                "text.dq_sources",
                lang,
                top=i18n.number(top, lang),
                once=i18n.number(once, lang),
                unused=i18n.number(unused, lang),
            )
        ),
        meta_table(data.sources.head(top), cols, lang, data.on),
    ]


def coverage_section(data: DataQuality) -> list[Any]:
    """Rows naming each CELAC country, per table; the thinnest first (each name links to its profile)."""
    lang = data.lang
    from migresearch.reports.country_profile import country_link

    tables = [c for c in data.coverage.columns if c not in ("iso3", "country", "profiled", "total")]
    cols = (
        [("field.country", lambda r: country_link(r["iso3"], lang, r["country"]) if r["profiled"] else esc(r["country"]))]
        + [(f"={table_name(t, lang)}", lambda r, t=t: _n(r[t], lang)) for t in tables]
        + [("field.total", lambda r: _n(r["total"], lang))]
    )
    thin = data.coverage[data.coverage["total"] <= data.coverage["total"].quantile(0.25)] if len(data.coverage) else data.coverage
    return [
        heading("section.dq_coverage", lang),
        paragraph(i18n.t("text.dq_coverage", lang, names=i18n.join(list(thin["country"]), lang) if len(thin) else "—")),
        meta_table(data.coverage, cols, lang, data.on),
    ]


def inferred_section(data: DataQuality) -> list[Any]:
    """Inferred values per table and column, with the first reason the data give."""
    from migresearch.present.names import field_label

    lang = data.lang

    def label(r: pd.Series) -> str:
        try:
            return esc(field_label(str(r["table"]), str(r["column"]), lang))
        except KeyError:
            return esc(i18n.t("text.dq_other_field", lang))

    cols = [
        ("field.table", lambda r: esc(table_name(str(r["table"]), lang))),
        ("field.field", label),
        ("field.rows", lambda r: _n(r["rows"], lang)),
        ("field.example_reason", lambda r: untranslated(r["reason"], lang)),
    ]
    return [
        heading("section.dq_inferred", lang),
        paragraph(i18n.t("text.dq_inferred", lang)),
        data_table(data.inferred, cols, lang),
    ]


def conflicts_section(data: DataQuality) -> list[Any]:
    """Open disagreements between sources, per table."""
    lang = data.lang
    cols = [
        ("field.table", lambda r: esc(r["name"])),
        ("field.disagreements", lambda r: _n(r["groups"], lang)),
        ("field.claims", lambda r: _n(r["claims"], lang)),
    ]
    claims = load("claims")
    frame = data.conflicts.assign(source_id=data.conflicts["table"].map(claims.groupby("table")["source_id"].first()))
    return [heading("section.dq_conflicts", lang), paragraph(i18n.t("text.dq_conflicts", lang)), data_table(frame, cols, lang)]


def spanish_section(data: DataQuality) -> list[Any]:
    """Spanish columns with gaps, where the English text exists."""
    from migresearch.present.names import field_label

    lang = data.lang

    def label(r: pd.Series) -> str:
        try:
            return esc(field_label(str(r["table"]), str(r["column"]), lang))
        except KeyError:
            return esc(i18n.t("text.dq_other_field", lang))

    gaps = data.spanish[data.spanish["missing"] > 0]
    out: list[Any] = [heading("section.dq_spanish", lang)]
    if gaps.empty:
        return out + [paragraph(i18n.t("text.dq_no_spanish_gaps", lang))]
    cols = [
        ("field.table", lambda r: esc(table_name(str(r["table"]), lang))),
        ("field.field", label),
        ("field.missing", lambda r: _n(r["missing"], lang)),
        ("field.filled", lambda r: _n(r["filled"], lang)),
    ]
    return out + [paragraph(i18n.t("text.dq_spanish", lang)), meta_table(gaps, cols, lang, data.on)]


def oldest_section(data: DataQuality, top: int = TOP) -> list[Any]:
    """The sources read longest ago and the oldest publications."""
    from migresearch.present import source_link

    lang = data.lang
    old = data.sources[data.sources["published_date"].notna()].sort_values("published_date").head(top)
    cols = [
        ("field.source", lambda r: source_link(r["source_id"], lang)),
        ("field.producer", lambda r: as_given(r["producer"], lang)),
        ("field.published", lambda r: esc(i18n.date(r["published_date"], str(r["published_precision"]), lang))),
        ("field.accessed", lambda r: esc(i18n.date(r["accessed_date"], "day", lang))),
    ]
    undated = int(data.sources["published_date"].isna().sum())
    first_read = data.sources["accessed_date"].min()
    return [
        heading("section.dq_oldest", lang),
        paragraph(i18n.t("text.dq_oldest", lang, undated=i18n.number(undated, lang), first=i18n.date(first_read, "day", lang))),
        data_table(old, cols, lang),
    ]
