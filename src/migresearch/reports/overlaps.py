"""Framework overlaps (Bogotá forum, theme 7: "avoid duplication of efforts").

Question: on a given date, which countries sit in which cooperation frameworks; which frameworks work
on the same objectives of the Global Compact for Migration; and which pairs of frameworks overlap most,
by shared member states and by shared objectives?

Membership on the date is :func:`migresearch.query.overlaps` (members and states parties; the one
definition of "a member on a date"); the objectives come from the ``framework_objectives`` crosswalk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.present import Html, esc, heading, paragraph
from migresearch.present import names as present_names
from migresearch.reports._common import DataDir, collate, conflicts_block, country_names, data_table, day, plural, sort_by_name

#: How many pairs of frameworks the ranking shows by default.
TOP_PAIRS = 15


@dataclasses.dataclass(frozen=True)
class Overlaps:
    """What the framework-overlaps report shows.

    Attributes
    ----------
    on : datetime.date
        Date of the memberships.
    lang : str
        Language of the name columns.
    membership : pandas.DataFrame
        One row per (country, framework) where the country is a member or state party on ``on``:
        ``iso3``, ``country``, ``framework_id``, ``framework`` (short name), ``n_frameworks`` (of that country),
        ``source_id`` (of the event that made it a member).
    objectives : pandas.DataFrame
        The crosswalk: ``framework_id``, ``framework``, ``objective``, ``objective_title``, ``basis``,
        ``source_id``, ``inferred``, ``inferred_from``.
    pairs : pandas.DataFrame
        One row per pair of frameworks with a shared member or objective: ``a``, ``b``, their names,
        ``shared_members``, ``jaccard`` (shared over either's members), ``shared_objectives``,
        ``objectives`` (the shared ones, as text); sorted by shared members, then objectives.
    frameworks : pandas.DataFrame
        Per framework: ``framework_id``, ``framework``, ``name``, ``n_members`` on ``on``, ``n_objectives``.
    undated : pandas.DataFrame
        Parties not counted on ``on`` because their joining has no date: ``framework_id``, ``framework``, ``party``.
    conflicts : pandas.DataFrame
        Disagreements about these frameworks' memberships and objectives.
    """

    on: dt.date
    lang: str
    membership: pd.DataFrame
    objectives: pd.DataFrame
    pairs: pd.DataFrame
    frameworks: pd.DataFrame
    undated: pd.DataFrame
    conflicts: pd.DataFrame


def collect(lang: str = "en", on: dt.date | str | None = None, data_dir: DataDir = None) -> Overlaps:
    """Country x framework on ``on``, framework x GCM objective, and the pairs that overlap most.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the name columns.
    on : date or ISO string, optional
        Date of the memberships; the data date by default.
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    Overlaps

    Examples
    --------
    >>> data = collect("en", on="2015-06-01")
    >>> sorted(data.membership.query("framework_id == 'can'")["iso3"])
    ['BOL', 'COL', 'ECU', 'PER']
    """
    lang = i18n.check_lang(lang)
    when = day(on, data_dir)
    names = country_names(lang, data_dir)
    fw = load("frameworks", data_dir).set_index("framework_id")
    short = {f: present_names.framework(f, lang, short=True) for f in fw.index}
    matrix = query.overlaps(when, data_dir=data_dir)
    cols = [c for c in matrix.columns if c != "n_frameworks"]
    long = matrix[cols].stack()
    long = long[long].reset_index()
    long.columns = ["iso3", "framework_id", "_"]
    membership = long.drop(columns="_").assign(
        country=lambda f: f["iso3"].map(names), framework=lambda f: f["framework_id"].map(short)
    )
    membership = membership.assign(n_frameworks=membership["iso3"].map(membership.groupby("iso3").size()))
    # The source of each membership: the event that made the country a member (the same rule as members_on).
    since = (
        pd.concat(
            [query.members_on(f, when, data_dir=data_dir).assign(framework_id=f) for f in membership["framework_id"].unique()],
            ignore_index=True,
        )
        if len(membership)
        else pd.DataFrame(columns=["party", "framework_id", "source_id"])
    )
    since = since.drop_duplicates(["party", "framework_id"]).set_index(["party", "framework_id"])["source_id"]
    membership = membership.assign(
        source_id=[since.get((c, f), pd.NA) for c, f in zip(membership["iso3"], membership["framework_id"])]
    )
    membership = sort_by_name(membership, "country", "framework")

    gcm = load("gcm_objectives", data_dir).set_index("objective")
    fo = load("framework_objectives", data_dir)
    objectives = fo.assign(
        framework=fo["framework_id"].map(short), objective_title=fo["objective"].map(gcm[f"short_title_{lang}"])
    )
    objectives = objectives.sort_values(
        ["framework", "objective"], key=lambda s: s.map(collate) if s.dtype == object or str(s.dtype) == "string" else s
    )
    objectives = objectives[
        ["framework_id", "framework", "objective", "objective_title", "basis", "source_id", "inferred", "inferred_from"]
    ]

    members = membership.groupby("framework_id")["iso3"].agg(set).to_dict()
    objs = objectives.groupby("framework_id")["objective"].agg(lambda s: set(int(x) for x in s)).to_dict()
    rows = []
    for a, b in itertools.combinations(sorted(set(members) | set(objs)), 2):
        ma, mb = members.get(a, set()), members.get(b, set())
        oa, ob = objs.get(a, set()), objs.get(b, set())
        shared, union = len(ma & mb), len(ma | mb)
        so = sorted(oa & ob)
        if shared or so:
            rows.append(
                {
                    "a": a,
                    "b": b,
                    "a_name": short[a],
                    "b_name": short[b],
                    "shared_members": shared,
                    "jaccard": shared / union if union else 0.0,
                    "shared_objectives": len(so),
                    "objectives": ", ".join(f"{o} {gcm.at[o, f'short_title_{lang}']}" for o in so),
                }
            )
    pairs = pd.DataFrame(
        rows, columns=["a", "b", "a_name", "b_name", "shared_members", "jaccard", "shared_objectives", "objectives"]
    )
    pairs = pairs.sort_values(["shared_members", "shared_objectives", "jaccard"], ascending=False, kind="stable").reset_index(
        drop=True
    )

    ids = sorted(set(members) | set(objs))
    frameworks = pd.DataFrame(
        {
            "framework_id": ids,
            "framework": [short[i] for i in ids],
            "name": [present_names.framework(i, lang) for i in ids],
            "n_members": [len(members.get(i, ())) for i in ids],
            "n_objectives": [len(objs.get(i, ())) for i in ids],
            "source_id": [fw.at[i, "source_id"] for i in ids],
        }
    )
    frameworks = frameworks.sort_values("n_members", ascending=False, kind="stable").reset_index(drop=True)

    events = load("memberships", data_dir)
    undated = pd.DataFrame(
        [
            (f, short[f], party)
            for f in sorted(set(events["framework_id"].astype(str)))
            for party in query.undated_members(f, when, data_dir=data_dir)
        ],
        columns=["framework_id", "framework", "party"],
    ).astype("string")
    ids_rec = set(events.loc[events["framework_id"].isin(ids), "event_id"]) | set(fo["link_id"])
    conflicts = query.conflicts(["memberships", "framework_objectives"], data_dir=data_dir, records=ids_rec)
    return Overlaps(
        on=when,
        lang=lang,
        membership=membership.reset_index(drop=True),
        objectives=objectives.reset_index(drop=True),
        pairs=pairs,
        frameworks=frameworks,
        undated=undated,
        conflicts=conflicts.reset_index(drop=True),
    )


# --- presentation ----------------------------------------------------------------------------------


def title(data: Overlaps) -> Html:
    lang = data.lang
    n_c = data.membership["iso3"].nunique()
    multi = int((data.membership.drop_duplicates("iso3")["n_frameworks"] >= 3).sum())
    return Html(
        f'<h1>{esc(i18n.t("report.overlaps", lang))}</h1><p class="lead">'
        + esc(
            i18n.t(
                "text.ov_lead",
                lang,
                date=i18n.date(data.on, "day", lang),
                countries=plural("unit.countries", n_c, lang),
                frameworks=plural("unit.frameworks", len(data.frameworks), lang),
                multi=i18n.number(multi, lang),
            )
        )
        + "</p>"
    )


def _heat(rows: list[str], cols: list[str], on: set[tuple[str, str]], xlabel: str, ylabel: str, alt: str, colour: str) -> Any:
    """Rows by columns, a cell filled where the pair is in ``on`` (with a phone rendering)."""
    from migresearch.present import charts

    grid: list[list[int | None]] = [[1 if (r, c) in on else 0 for c in cols] for r in rows]
    return charts.matrix_chart(grid, rows, cols, ["#f3f3f3", colour], xlabel, ylabel, alt)


def membership_section(data: Overlaps) -> list[Any]:
    """Country x framework on the date, as a heatmap (countries by number of frameworks)."""
    from migresearch.present.charts import chart

    lang = data.lang
    m = data.membership
    out: list[Any] = [heading("section.ov_membership", lang, date=i18n.date(data.on, "day", lang))]
    if m.empty:
        return out + [paragraph(i18n.t("none", lang))]
    per = m.drop_duplicates("iso3").sort_values(
        ["n_frameworks", "country"], ascending=[False, True], key=lambda s: s.map(collate) if s.name == "country" else s
    )
    rows = list(per["country"])
    cols = list(data.frameworks.loc[data.frameworks["n_members"] > 0, "framework"])
    on = set(zip(m["country"], m["framework"]))
    title_text = i18n.t("chart.ov_membership", lang, date=i18n.date(data.on, "day", lang))
    alt = i18n.t(
        "chart.ov_membership_alt",
        lang,
        countries=plural("unit.countries", len(rows), lang),
        frameworks=plural("unit.frameworks", len(cols), lang),
        top=per.iloc[0]["country"],
        n=int(per.iloc[0]["n_frameworks"]),
    )
    png = _heat(rows, cols, on, i18n.t("chart.framework", lang), i18n.t("chart.country", lang), alt, "#3b6ea5")
    out.append(chart(png, m["source_id"], lang, title_text))
    counts = data.frameworks[data.frameworks["n_members"] > 0]
    cols_t = [
        ("field.framework", lambda r: esc(r["name"])),
        ("field.members_on_date", lambda r: esc(i18n.number(int(r["n_members"]), lang))),
    ]
    out.append(data_table(counts, cols_t, lang))
    for framework, part in data.undated.groupby("framework", sort=False):
        undated = sorted(present_names.party(p, lang) for p in part["party"])
        text = i18n.t("text.ov_undated", lang, framework=framework, parties=i18n.join(sorted(undated, key=collate), lang))
        out.append(paragraph(text))
    # The chart's rows as a list, by country name: each country's frameworks on the date.
    by_country = sort_by_name(m.drop_duplicates("iso3")[["iso3", "country", "n_frameworks", "source_id"]], "country")
    held = {c: i18n.join(sorted(part["framework"], key=collate), lang) for c, part in m.groupby("iso3")}
    cols_c = [
        ("field.country", lambda r: f"<strong>{esc(r['country'])}</strong>"),
        ("field.frameworks", lambda r: esc(f"{held[r['iso3']]} ({i18n.number(int(r['n_frameworks']), lang)})")),
    ]
    out.append(paragraph(i18n.t("text.ov_membership_table", lang, date=i18n.date(data.on, "day", lang))))
    out.append(data_table(by_country, cols_c, lang, extra_sources=m["source_id"], jump=("country", "countries")))
    return out


def objectives_section(data: Overlaps) -> list[Any]:
    """Framework x GCM objective: which frameworks work on the same objectives."""
    from migresearch.present.charts import chart

    lang = data.lang
    o = data.objectives
    out: list[Any] = [heading("section.ov_objectives", lang)]
    if o.empty:
        return out + [paragraph(i18n.t("none", lang))]
    gcm = load("gcm_objectives").sort_values("objective")
    cols = [f"{n} {t}" for n, t in zip(gcm["objective"], gcm[f"short_title_{lang}"])]
    label = dict(zip(gcm["objective"], cols))
    rows = sorted(o["framework"].unique(), key=collate)
    on = {(f, label[int(x)]) for f, x in zip(o["framework"], o["objective"])}
    busiest = o.groupby("objective").size().sort_values(ascending=False)
    title_text = i18n.t("chart.ov_objectives", lang)
    alt = i18n.t(
        "chart.ov_objectives_alt",
        lang,
        frameworks=plural("unit.frameworks", len(rows), lang),
        objective=label[int(busiest.index[0])],
        n=int(busiest.iloc[0]),
    )
    png = _heat(rows, cols, on, i18n.t("chart.gcm_objective", lang), i18n.t("chart.framework", lang), alt, "#2e7d4f")
    out.append(paragraph(i18n.t("text.ov_objectives", lang)))
    out.append(chart(png, o["source_id"], lang, title_text))
    cols_t = [
        ("field.framework", lambda r: esc(r["framework"])),
        ("field.gcm_objective", lambda r: esc(f"{int(r['objective'])} {r['objective_title']}")),
        ("field.basis", lambda r: _foreign(r["basis"], lang)),
    ]
    out.append(data_table(o, cols_t, lang))
    return out


def _foreign(text: Any, lang: str) -> str:
    from migresearch.reports._common import untranslated

    return untranslated(text, lang)


def pairs_section(data: Overlaps, top: int = TOP_PAIRS) -> list[Any]:
    """The pairs of frameworks that overlap most: shared member states, then shared objectives."""
    lang = data.lang
    p = data.pairs.head(top)
    out: list[Any] = [heading("section.ov_pairs", lang), paragraph(i18n.t("text.ov_pairs", lang, n=i18n.number(len(p), lang)))]
    if p.empty:
        return out + [paragraph(i18n.t("none", lang))]
    src = dict(zip(data.frameworks["framework_id"], data.frameworks["source_id"]))
    cols = [
        ("field.pair", lambda r: f"{esc(r['a_name'])} · {esc(r['b_name'])}"),
        ("field.shared_members", lambda r: esc(i18n.number(int(r["shared_members"]), lang))),
        ("field.share_of_members", lambda r: esc(i18n.number(round(100 * float(r["jaccard"])), lang)) + " %"),
        ("field.shared_objectives", lambda r: esc(r["objectives"]) if r["objectives"] else esc(i18n.number(0, lang))),
    ]
    return out + [data_table(p.assign(source_id=p["a"].map(src)), cols, lang)]


def conflicts_section(data: Overlaps) -> list[Any]:
    lang = data.lang
    return [heading("section.conflicts", lang), conflicts_block(data.conflicts, lang)]
