"""Consular cooperation (Bogotá forum, theme 3): who may assist whom where a state has no consulate.

Question: for a national of state A in a third country where A has no consulate, whose consulates may
assist, under which instrument and with what status on a given date?  Which instruments are in force
and which only signed?  Which pairs of states (nationality, assisting state) does no mechanism cover?

Coverage rows (``consular_coverage``) hold on the date when their status period covers it.  A status
of ``in_force``, ``operational`` or ``activated`` means the consulates may act; ``signed`` or
``ratified`` alone means the instrument is not yet applicable.  Rows limited to listed places
(``where = listed``) are shown as such.  The universe of states is CELAC's members on the date plus any
state a coverage row names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.present import Html, esc, heading, paragraph
from migresearch.reports._common import (
    DataDir,
    collate,
    conflicts_block,
    country_names,
    data_table,
    day,
    plural,
    sort_by_name,
    split,
)

#: Statuses under which consulates may act, and those under which the instrument is not yet applicable.
ACTIVE: tuple[str, ...] = ("in_force", "operational", "activated")
PENDING: tuple[str, ...] = ("signed", "ratified")
#: Cell statuses of the matrix, strongest first.
CELLS: tuple[str, ...] = ("in_force", "in_force_listed", "signed_only", "none")


@dataclasses.dataclass(frozen=True)
class Consular:
    """What the consular-cooperation report shows.

    Attributes
    ----------
    on : datetime.date
        Date of the statuses.
    lang : str
        Language of the name columns.
    coverage : pandas.DataFrame
        Coverage rows holding on ``on``, one per (mechanism, nationality): ``mechanism_id``, ``mechanism``,
        ``nationality``, ``nationality_name``, ``assisting`` (codes, without the national's own state),
        ``assisting_names``, ``status``, ``active`` (consulates may act), ``where``, ``locations_names``,
        ``from_date``, ``from_precision``, ``source_id``, ``inferred``, ``inferred_from``.
    matrix : pandas.DataFrame
        One row per (nationality, assisting state) of the universe, never the same state:
        ``nationality``, ``assisting``, their names, ``status`` (one of :data:`CELLS`) and ``mechanisms``.
    mechanisms : pandas.DataFrame
        One row per mechanism: ``mechanism_id``, ``name``, ``kind``, ``adopted_date``, ``adopted_precision``,
        ``status`` (best on ``on``: ``in_force``, ``signed_only`` or ``no_coverage``), ``n_states``,
        ``description``, ``source_id``.
    uncovered : pandas.DataFrame
        Per nationality of the universe: ``nationality``, ``name``, ``n_covered`` (states whose consulates
        may assist under an instrument in force, wherever the own state has no consulate), ``n_listed``
        (only in listed places), ``n_pending`` (only signed) and ``n_uncovered``.
    conflicts : pandas.DataFrame
        Disagreements between sources about these mechanisms and coverage rows.
    """

    on: dt.date
    lang: str
    coverage: pd.DataFrame
    matrix: pd.DataFrame
    mechanisms: pd.DataFrame
    uncovered: pd.DataFrame
    conflicts: pd.DataFrame


def collect(lang: str = "en", on: dt.date | str | None = None, data_dir: DataDir = None) -> Consular:
    """Consular coverage by nationality and assisting state on ``on``.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the name columns.
    on : date or ISO string, optional
        Date of the statuses; the data date by default.
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    Consular

    Examples
    --------
    >>> data = collect("en", on="2020-01-01")
    >>> cell = data.matrix.set_index(["nationality", "assisting"]).loc[("BOL", "ARG"), "status"]
    >>> cell
    'in_force'
    """
    lang = i18n.check_lang(lang)
    when = day(on, data_dir)
    stamp = pd.Timestamp(when)
    names = country_names(lang, data_dir)
    cov = load("consular_coverage", data_dir)
    mech = load("consular_mechanisms", data_dir)
    mech_name = dict(zip(mech["mechanism_id"], mech[f"name_{lang}"]))
    holds = cov["from_date"].notna() & (cov["from_date"] <= stamp) & (cov["until_date"].isna() | (cov["until_date"] >= stamp))
    valid = cov[holds]

    rows = []
    for r in valid.itertuples():
        for nat in split(r.nationals):
            assisting = [a for a in split(r.assisting) if a != nat]
            if not assisting:
                continue
            rows.append(
                {
                    "mechanism_id": r.mechanism_id,
                    "mechanism": mech_name.get(r.mechanism_id, r.mechanism_id),
                    "nationality": nat,
                    "assisting": "|".join(assisting),
                    "status": str(r.status),
                    "active": str(r.status) in ACTIVE,
                    "where": str(r.where),
                    "locations": r.locations,
                    "from_date": r.from_date,
                    "from_precision": r.from_precision,
                    "coverage_id": r.coverage_id,
                    "source_id": r.source_id,
                    "inferred": r.inferred,
                    "inferred_from": r.inferred_from,
                }
            )
    coverage = pd.DataFrame(
        rows,
        columns=[
            "mechanism_id",
            "mechanism",
            "nationality",
            "assisting",
            "status",
            "active",
            "where",
            "locations",
            "from_date",
            "from_precision",
            "coverage_id",
            "source_id",
            "inferred",
            "inferred_from",
        ],
    )
    coverage = coverage.assign(
        nationality_name=coverage["nationality"].map(names),
        assisting_names=coverage["assisting"].map(lambda v: ", ".join(sorted((names[c] for c in split(v)), key=collate))),
        locations_names=coverage["locations"].map(lambda v: ", ".join(sorted((names.get(c, c) for c in split(v)), key=collate))),
    )
    # Within one mechanism and nationality keep the strongest status that holds (a later ratification
    # does not hide the in-force status of an earlier row of the same mechanism).
    coverage = coverage.assign(_rank=(~coverage["active"]).astype(int)).sort_values(
        ["nationality", "mechanism_id", "_rank", "from_date"], ascending=[True, True, True, False]
    )
    coverage = coverage.drop_duplicates(["nationality", "mechanism_id"]).drop(columns="_rank")
    coverage = sort_by_name(coverage, "nationality_name", "mechanism")

    states: set[str] = set()
    if "celac" in set(load("frameworks", data_dir)["framework_id"]):
        states = {str(p) for p in query.members_on("celac", when, data_dir=data_dir)["party"]}
    for r in valid.itertuples():
        states |= set(split(r.nationals)) | set(split(r.assisting))
    universe = sorted(states, key=lambda c: collate(str(names.get(c) or c)))

    levels: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for r in coverage.itertuples():
        level = CELLS.index("in_force" if r.active and r.where != "listed" else "in_force_listed" if r.active else "signed_only")
        for a in split(r.assisting):
            levels.setdefault((r.nationality, a), []).append((level, r.mechanism))
    cells = []
    for n in universe:
        for a in universe:
            if n == a:
                continue
            found = levels.get((n, a), [])
            top = min((lv for lv, _ in found), default=len(CELLS) - 1)
            cells.append(
                {
                    "nationality": n,
                    "assisting": a,
                    "status": CELLS[top],
                    "mechanisms": "; ".join(sorted({m for lv, m in found if lv == top})),
                }
            )
    matrix = pd.DataFrame(cells, columns=["nationality", "assisting", "status", "mechanisms"])
    matrix = matrix.assign(nationality_name=matrix["nationality"].map(names), assisting_name=matrix["assisting"].map(names))

    def mech_status(mid: str) -> str:
        own = coverage[coverage["mechanism_id"] == mid]
        if own["active"].any():
            return "in_force"
        return "signed_only" if len(own) else "no_coverage"

    states = (
        coverage.assign(_s=coverage["assisting"] + "|" + coverage["nationality"])
        .groupby("mechanism_id")["_s"]
        .agg(lambda xs: len({c for x in xs for c in split(x)}))
    )
    mechanisms = mech.assign(
        name=mech[f"name_{lang}"],
        description=mech[f"description_{lang}"],
        status=mech["mechanism_id"].map(mech_status),
        n_states=mech["mechanism_id"].map(states).fillna(0).astype(int),
    )
    order = {"in_force": 0, "signed_only": 1, "no_coverage": 2}
    mechanisms = mechanisms.assign(_o=mechanisms["status"].map(order)).sort_values(
        ["_o", "adopted_date"], na_position="last", kind="stable"
    )
    mechanisms = mechanisms[
        [
            "mechanism_id",
            "name",
            "kind",
            "adopted_date",
            "adopted_precision",
            "status",
            "n_states",
            "description",
            "description_en",
            "source_id",
            "inferred",
            "inferred_from",
        ]
    ].reset_index(drop=True)

    counts = (
        matrix.groupby("nationality")["status"]
        .agg(
            n_covered=lambda s: int((s == "in_force").sum()),
            n_listed=lambda s: int((s == "in_force_listed").sum()),
            n_pending=lambda s: int((s == "signed_only").sum()),
            n_uncovered=lambda s: int((s == "none").sum()),
        )
        .reset_index()
    )
    counts = counts.assign(name=counts["nationality"].map(names))
    uncovered = (
        sort_by_name(counts, "name")
        .sort_values("n_covered", kind="stable")
        .reset_index(drop=True)[["nationality", "name", "n_covered", "n_listed", "n_pending", "n_uncovered"]]
    )

    conflicts = query.conflicts(["consular_coverage", "consular_mechanisms"], data_dir=data_dir)
    return Consular(
        on=when,
        lang=lang,
        coverage=coverage.reset_index(drop=True),
        matrix=matrix,
        mechanisms=mechanisms,
        uncovered=uncovered,
        conflicts=conflicts,
    )


# --- presentation ----------------------------------------------------------------------------------

COLOURS = {"in_force": "#2e7d4f", "in_force_listed": "#8cc084", "signed_only": "#f2c14e", "none": "#eeeeee"}


def _date(value: Any, precision: Any, lang: str) -> str:
    return "" if pd.isna(value) else i18n.date(value, str(precision) if not pd.isna(precision) else "day", lang)


def title(data: Consular) -> Html:
    lang = data.lang
    covered = int((data.uncovered["n_covered"] > 0).sum())
    return Html(
        f'<h1>{esc(i18n.t("report.consular", lang))}</h1><p class="lead">'
        + esc(
            i18n.t(
                "text.cc_lead",
                lang,
                date=i18n.date(data.on, "day", lang),
                covered=i18n.number(covered, lang),
                total=i18n.number(len(data.uncovered), lang),
            )
        )
        + "</p>"
    )


def _where(lang: str) -> Any:
    def cell(r: pd.Series) -> str:
        if r["where"] == "listed":
            return esc(i18n.t("text.cc_only_in", lang, places=r["locations_names"]))
        return esc(i18n.t("cc_where." + str(r["where"]), lang))

    return cell


def who_assists_section(data: Consular) -> list[Any]:
    """For a national of each state: whose consulates may assist, under which instrument, with what status."""
    lang = data.lang
    cols = [
        ("field.nationals_of", lambda r: f"<strong>{esc(r['nationality_name'])}</strong>"),
        ("field.instrument", lambda r: esc(r["mechanism"])),
        ("field.assisting", lambda r: esc(r["assisting_names"])),
        ("field.status", lambda r: esc(i18n.t("cc_status." + str(r["status"]), lang))),
        ("field.where", _where(lang)),
        ("field.since", lambda r: esc(_date(r["from_date"], r["from_precision"], lang))),
    ]
    return [
        heading("section.cc_who", lang),
        paragraph(i18n.t("text.cc_who", lang)),
        data_table(data.coverage, cols, lang, jump=("nationality_name", "who")),
    ]


def heatmap(data: Consular) -> Any:
    """Nationality (rows) by assisting state (columns), coloured by the strongest status on the date
    (with a phone rendering in panels of assisting states)."""
    from migresearch.present import charts

    m = data.matrix
    if m.empty:
        return None
    lang = data.lang
    order = list(dict.fromkeys(sorted(m["nationality_name"].unique(), key=collate)))
    idx = {n: i for i, n in enumerate(order)}
    grid: list[list[int | None]] = [[None] * len(order) for _ in order]
    for r in m.itertuples():
        grid[idx[r.nationality_name]][idx[r.assisting_name]] = CELLS.index(r.status)
    counts = m["status"].value_counts()
    alt = i18n.t(
        "chart.cc_heatmap_alt",
        lang,
        states=plural("unit.states", len(order), lang),
        in_force=i18n.number(int(counts.get("in_force", 0)), lang),
        listed=i18n.number(int(counts.get("in_force_listed", 0)), lang),
        pending=i18n.number(int(counts.get("signed_only", 0)), lang),
        none=i18n.number(int(counts.get("none", 0)), lang),
    )
    return charts.matrix_chart(
        grid,
        order,
        order,
        [COLOURS[c] for c in CELLS],
        i18n.t("chart.cc_assisting", lang),
        i18n.t("chart.cc_nationals", lang),
        alt,
        legend=[i18n.t("cc_cell." + c, lang) for c in CELLS],
    )


def heatmap_section(data: Consular) -> list[Any]:
    """The matrix as a chart (a phone rendering in panels), then as a table: per nationality, the
    assisting states by status (the chart's cells, readable and searchable without the chart)."""
    from migresearch.present.charts import chart

    lang = data.lang
    return [
        heading("section.cc_heatmap", lang),
        chart(
            heatmap(data),
            data.coverage["source_id"],
            lang,
            i18n.t("chart.cc_heatmap", lang, date=i18n.date(data.on, "day", lang)),
            fallback=paragraph(i18n.t("none", lang)),
        ),
        *_matrix_table(data),
    ]


def _matrix_table(data: Consular) -> list[Any]:
    lang = data.lang
    m = data.matrix
    if m.empty:
        return []
    by = {(n, c): sorted(part["assisting_name"], key=collate) for (n, c), part in m.groupby(["nationality", "status"])}
    frame = sort_by_name(m.drop_duplicates("nationality")[["nationality", "nationality_name"]], "nationality_name")
    frame = frame.assign(source_id=frame["nationality"].map(lambda n: _first_source(data, n)))

    def states(status: str) -> Any:
        return lambda r: esc(", ".join(by.get((r["nationality"], status), [])))

    def uncovered(r: pd.Series) -> str:
        """The count first ("22 states: Bahamas, ..."), so a phone card shows it before the long list
        (kept on one line with its unit by a no-break space)."""
        names = by.get((r["nationality"], "none"), [])
        if not names:
            return ""
        count = plural("unit.states", len(names), lang).replace(" ", "\u00a0")
        return esc(i18n.t("text.cc_count_then_states", lang, states=count, names=", ".join(names)))

    cols: list[tuple[str, Any]] = [("field.nationals_of", lambda r: f"<strong>{esc(r['nationality_name'])}</strong>")]
    cols += [("field.cc_" + c, uncovered if c == "none" else states(c)) for c in CELLS]
    return [
        paragraph(i18n.t("text.cc_matrix_table", lang)),
        data_table(frame, cols, lang, extra_sources=data.coverage["source_id"], jump=("nationality_name", "matrix")),
    ]


def mechanisms_section(data: Consular) -> list[Any]:
    """The instruments: in force, signed only, or with no coverage rule recorded."""
    lang = data.lang
    cols = [
        ("field.instrument", lambda r: f"<strong>{esc(r['name'])}</strong>"),
        ("field.status", lambda r: esc(i18n.t("cc_mech." + str(r["status"]), lang))),
        ("field.adopted", lambda r: esc(_date(r["adopted_date"], r["adopted_precision"], lang))),
        ("field.states", lambda r: esc(i18n.number(int(r["n_states"]), lang)) if r["n_states"] else ""),
        ("field.what_it_does", lambda r: esc(r["description"]) if isinstance(r["description"], str) else ""),
    ]
    counts = data.mechanisms["status"].value_counts()
    lead = i18n.t(
        "text.cc_mechanisms",
        lang,
        in_force=plural("unit.instruments", int(counts.get("in_force", 0)), lang),
        pending=plural("unit.instruments", int(counts.get("signed_only", 0)), lang),
        none=plural("unit.instruments", int(counts.get("no_coverage", 0)), lang),
    )
    return [heading("section.cc_mechanisms", lang), paragraph(lead), data_table(data.mechanisms, cols, lang)]


def uncovered_section(data: Consular) -> list[Any]:
    """How many states' consulates may assist each nationality, and how many pairs no mechanism covers."""
    lang = data.lang
    u = data.uncovered
    none = u[u["n_covered"] == 0]
    pairs = int(u["n_uncovered"].sum())
    out: list[Any] = [
        heading("section.cc_uncovered", lang),
        paragraph(
            i18n.t("text.cc_pairs", lang, pairs=plural("unit.pairs", pairs, lang), total=i18n.number(len(data.matrix), lang))
        ),
    ]
    if len(none):
        out.append(paragraph(i18n.t("text.cc_no_cover", lang, names=i18n.join(list(none["name"]), lang))))
    cols = [
        ("field.nationals_of", lambda r: esc(r["name"])),
        ("field.n_covered", lambda r: esc(i18n.number(int(r["n_covered"]), lang))),
        ("field.n_listed", lambda r: esc(i18n.number(int(r["n_listed"]), lang))),
        ("field.n_pending", lambda r: esc(i18n.number(int(r["n_pending"]), lang))),
        ("field.n_uncovered", lambda r: esc(i18n.number(int(r["n_uncovered"]), lang))),
    ]
    frame = u.assign(source_id=u["nationality"].map(lambda n: _first_source(data, n)))
    return out + [data_table(frame, cols, lang)]


def _first_source(data: Consular, nationality: str) -> Any:
    own = data.coverage[data.coverage["nationality"] == nationality]
    return own["source_id"].iloc[0] if len(own) else data.coverage["source_id"].iloc[0]


def conflicts_section(data: Consular) -> list[Any]:
    lang = data.lang
    return [heading("section.conflicts", lang), conflicts_block(data.conflicts, lang)]
