"""Regular pathways: the MERCOSUR Residence Agreement and the Andean Migration Statute side by side
(Bogotá forum, theme 1; the Statute is also theme 6).

Question: on a given date, who may use which instrument in which host country, with what status
(in force, signed only, in force with exceptions); when did each state sign, ratify or start applying
it; on what terms; and which exceptions do the data record?

Status per party comes from the instrument's membership events where the data has them (the MERCOSUR
regime records signature, ratification and entry into force per state); an instrument without its own
events (a CAN decision binds the members directly) takes its adoption and entry into force for the
listed parties that are members of its framework on the date.  Exceptions are read from the events'
and instrument's notes, from sentences saying a state "does not apply" the instrument to nationals of
named countries; the sentence itself is shown with them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import load
from migresearch.present import Html, esc, heading, paragraph
from migresearch.present.charts import chart, responsive
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
    untranslated,
)

#: The instruments compared (ids in ``instruments``).
PATHWAYS: tuple[str, ...] = ("mercosur-residence-agreement", "can-decision-878")
#: Cell and party statuses, in the order of the legend.
STATUSES: tuple[str, ...] = ("in_force", "in_force_exception", "excluded", "undated", "signed_only", "not_party")
_EVENT_STATE = {
    "sign": "signed_only",
    "ratify": "signed_only",
    "enter_into_force": "in_force",
    "join": "in_force",
    "rejoin": "in_force",
    "withdraw": "not_party",
    "suspend": "not_party",
}
_EXCEPTION = re.compile(r"does not apply (?:it|the agreement|the statute)? ?to nationals of ([^.;()]+)", re.I)


@dataclasses.dataclass(frozen=True)
class RegularPathways:
    """What the regular-pathways report shows.

    Attributes
    ----------
    on : datetime.date
        Date of the statuses.
    lang : str
        Language of the name columns.
    instruments : pandas.DataFrame
        One row per instrument: ``instrument_id``, ``framework_id``, ``title``, ``short_name``,
        ``adopted_date``/``adopted_precision``, ``in_force_date``/``in_force_precision``, ``binding``,
        ``terms`` (the practice summary in ``lang``), ``terms_source_id``, ``note``, ``url``, ``source_id``,
        ``n_in_force`` (parties in force on ``on``).
    parties : pandas.DataFrame
        One row per instrument and party: ``instrument_id``, ``iso3``, ``country``, ``status`` (one of
        :data:`STATUSES`), ``since``/``since_precision`` (the event giving that status), ``source_id``.
    matrix : pandas.DataFrame
        One row per instrument, nationality and host (both parties, never the same state):
        ``instrument_id``, ``nationality``, ``host`` (codes), ``nationality_name``, ``host_name``, ``status``.
    events : pandas.DataFrame
        The ratification timeline: ``instrument_id``, ``iso3``, ``country``, ``event``, ``date``,
        ``date_precision``, ``inferred``, ``source_id``, ``note``.
    exceptions : pandas.DataFrame
        ``instrument_id``, ``host``, ``host_name``, ``nationalities`` (codes), ``names``, ``sentence``, ``source_id``.
    conflicts : pandas.DataFrame
        Claims about these instruments and their events on which sources disagree.
    """

    on: dt.date
    lang: str
    instruments: pd.DataFrame
    parties: pd.DataFrame
    matrix: pd.DataFrame
    events: pd.DataFrame
    exceptions: pd.DataFrame
    conflicts: pd.DataFrame


def _exceptions(text: Any, host: str, instrument: str, source: Any, names_en: dict[str, str]) -> list[dict[str, Any]]:
    if not isinstance(text, str):
        return []
    by_name = {collate(v): k for k, v in names_en.items()}
    out = []
    for sentence in re.split(r"(?<=[.;])\s+", text):
        m = _EXCEPTION.search(sentence)
        if not m:
            continue
        words = re.split(r",\s*|\s+or\s+|\s+and\s+", m.group(1).strip())
        codes = [by_name[collate(w.strip())] for w in words if collate(w.strip()) in by_name]
        if codes:
            out.append(
                {
                    "instrument_id": instrument,
                    "host": host,
                    "nationalities": "|".join(codes),
                    "sentence": sentence.strip(),
                    "source_id": source,
                }
            )
    return out


def collect(
    lang: str = "en", on: dt.date | str | None = None, instruments: tuple[str, ...] = PATHWAYS, data_dir: DataDir = None
) -> RegularPathways:
    """Status of each regular-pathway instrument per party and per nationality and host on ``on``.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the name columns.
    on : date or ISO string, optional
        Date of the statuses; the data date by default.
    instruments : tuple of str
        Instrument ids to compare (default :data:`PATHWAYS`).
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    RegularPathways

    Examples
    --------
    >>> data = collect("en", on="2015-01-01")
    >>> sorted(data.parties.query("instrument_id == 'can-decision-878'")["status"].unique())
    ['not_party']
    """
    lang = i18n.check_lang(lang)
    when = day(on, data_dir)
    stamp = pd.Timestamp(when)
    names, names_en = country_names(lang, data_dir), country_names("en", data_dir)
    inst = load("instruments", data_dir)
    inst = inst[inst["instrument_id"].isin(instruments)].copy()
    missing = set(instruments) - set(inst["instrument_id"])
    if missing:
        raise KeyError(f"unknown instrument(s) {sorted(missing)}; check data/instruments.csv:instrument_id")
    memberships = load("memberships", data_dir)
    practices = load("practices", data_dir)

    party_rows, event_rows, exception_rows = [], [], []
    for r in inst.itertuples():
        own = memberships[(memberships["framework_id"] == r.framework_id) & memberships["party_iso3"].notna()]
        own = own[own["event"].isin(["sign", "ratify", "enter_into_force"])]  # a treaty's own events; a decision has none
        if len(own):
            for party, group in own.groupby("party_iso3"):
                group = group.sort_values("date", na_position="first")
                dated = group[group["date"].notna() & (group["date"] <= stamp)]
                status, since = "not_party", None
                for ev in dated.itertuples():
                    status, since = _EVENT_STATE.get(str(ev.event), status), ev
                if status == "not_party" and (group["date"].isna() & (group["event"] == "enter_into_force")).any():
                    status, since = "undated", group[group["date"].isna()].iloc[0]
                party_rows.append(
                    {
                        "instrument_id": r.instrument_id,
                        "iso3": party,
                        "status": status,
                        "since": getattr(since, "date", pd.NaT),
                        "since_precision": getattr(since, "date_precision", pd.NA),
                        "source_id": getattr(since, "source_id", group.iloc[0]["source_id"]),
                    }
                )
                for ev in group.itertuples():
                    event_rows.append(
                        {
                            "instrument_id": r.instrument_id,
                            "iso3": party,
                            "event": str(ev.event),
                            "date": ev.date,
                            "date_precision": ev.date_precision,
                            "inferred": ev.inferred,
                            "source_id": ev.source_id,
                            "note": ev.note,
                        }
                    )
                    for e in _exceptions(ev.note, party, r.instrument_id, ev.source_id, names_en):
                        exception_rows.append(e)
        else:
            members = set(query.members_on(r.framework_id, when, data_dir=data_dir)["party"]) if r.framework_id else set()
            for party in split(r.parties):
                if pd.notna(r.in_force_date) and r.in_force_date <= stamp and party in members:
                    status, since, prec = "in_force", r.in_force_date, r.in_force_precision
                elif pd.notna(r.adopted_date) and r.adopted_date <= stamp and party in members:
                    status, since, prec = "signed_only", r.adopted_date, r.adopted_precision
                else:
                    status, since, prec = "not_party", pd.NaT, pd.NA
                party_rows.append(
                    {
                        "instrument_id": r.instrument_id,
                        "iso3": party,
                        "status": status,
                        "since": since,
                        "since_precision": prec,
                        "source_id": r.source_id,
                    }
                )
                for event, date, precision in (
                    ("adopt", r.adopted_date, r.adopted_precision),
                    ("enter_into_force", r.in_force_date, r.in_force_precision),
                ):
                    if pd.notna(date):
                        event_rows.append(
                            {
                                "instrument_id": r.instrument_id,
                                "iso3": party,
                                "event": event,
                                "date": date,
                                "date_precision": precision,
                                "inferred": r.inferred,
                                "source_id": r.source_id,
                                "note": pd.NA,
                            }
                        )

    parties = pd.DataFrame(party_rows, columns=["instrument_id", "iso3", "status", "since", "since_precision", "source_id"])
    exceptions = pd.DataFrame(exception_rows, columns=["instrument_id", "host", "nationalities", "sentence", "source_id"])
    excluded = {(e.instrument_id, e.host, n) for e in exceptions.itertuples() for n in split(e.nationalities)}
    hosts_with_exceptions = {(i, h) for i, h, _ in excluded}
    parties.loc[
        [
            (i, h) in hosts_with_exceptions and s == "in_force"
            for i, h, s in zip(parties["instrument_id"], parties["iso3"], parties["status"])
        ],
        "status",
    ] = "in_force_exception"
    parties = parties.assign(country=parties["iso3"].map(names))
    parties = (
        sort_by_name(parties, "country")
        .sort_values("instrument_id", key=lambda s: s.map({k: i for i, k in enumerate(instruments)}), kind="stable")
        .reset_index(drop=True)
    )

    cells = []
    for iid, group in parties.groupby("instrument_id", sort=False):
        party_status = dict(zip(group["iso3"], group["status"]))
        for nat in group["iso3"]:
            for host in group["iso3"]:
                if nat == host:
                    continue
                a, b = party_status[nat], party_status[host]
                if "not_party" in (a, b):
                    cell = "not_party"
                elif "signed_only" in (a, b):
                    cell = "signed_only"
                elif "undated" in (a, b):
                    cell = "undated"
                elif (iid, host, nat) in excluded:
                    cell = "excluded"
                else:
                    cell = "in_force"
                cells.append({"instrument_id": iid, "nationality": nat, "host": host, "status": cell})
    matrix = pd.DataFrame(cells, columns=["instrument_id", "nationality", "host", "status"])
    matrix = matrix.assign(nationality_name=matrix["nationality"].map(names), host_name=matrix["host"].map(names))

    events = pd.DataFrame(
        event_rows, columns=["instrument_id", "iso3", "event", "date", "date_precision", "inferred", "source_id", "note"]
    )
    events = (
        events.assign(country=events["iso3"].map(names))
        .sort_values(["date", "iso3"], na_position="last", kind="stable")
        .reset_index(drop=True)
    )
    exceptions = exceptions.assign(
        host_name=exceptions["host"].map(names),
        names=exceptions["nationalities"].map(lambda v: ", ".join(sorted((names[c] for c in split(v)), key=collate))),
    )

    def terms(row: pd.Series) -> pd.Series:
        hit = practices[(practices["practice_id"] == row["instrument_id"])]
        if hit.empty:
            hit = practices[
                (practices["kind"] == "regular_pathway")
                & practices["framework_ids"].fillna("").str.split("|").map(lambda x: row["framework_id"] in x)
            ]
        if hit.empty:
            return pd.Series(
                {
                    "short": row["short_name"] if lang == "en" and isinstance(row["short_name"], str) else row[f"title_{lang}"],
                    "terms": pd.NA,
                    "terms_source_id": pd.NA,
                }
            )
        return pd.Series(
            {
                "short": hit.iloc[0][f"title_{lang}"],
                "terms": hit.iloc[0][f"summary_{lang}"],
                "terms_source_id": hit.iloc[0]["source_id"],
            }
        )

    inst = inst.assign(title=inst[f"title_{lang}"]).reset_index(drop=True)
    inst = pd.concat([inst, inst.apply(terms, axis=1)], axis=1)
    inst["n_in_force"] = (
        inst["instrument_id"]
        .map(parties[parties["status"].isin(["in_force", "in_force_exception"])].groupby("instrument_id").size())
        .fillna(0)
        .astype(int)
    )
    inst = inst.set_index("instrument_id").loc[list(instruments)].reset_index()
    inst = inst[
        [
            "instrument_id",
            "framework_id",
            "title",
            "short",
            "adopted_date",
            "adopted_precision",
            "in_force_date",
            "in_force_precision",
            "binding",
            "terms",
            "terms_source_id",
            "note",
            "url",
            "source_id",
            "inferred",
            "inferred_from",
            "n_in_force",
        ]
    ]

    ids = set(inst["instrument_id"]) | set(
        memberships.loc[
            memberships["framework_id"].isin(inst["framework_id"].dropna())
            & memberships["event"].isin(["sign", "ratify", "enter_into_force"]),
            "event_id",
        ]
    )
    conflicts = query.conflicts(data_dir=data_dir, records=ids)  # only the records shown: only their tables are read
    return RegularPathways(
        on=when,
        lang=lang,
        instruments=inst,
        parties=parties,
        matrix=matrix,
        events=events,
        exceptions=exceptions,
        conflicts=conflicts,
    )


# --- presentation ----------------------------------------------------------------------------------

#: Cell colours of the matrix (colour-blind safe), with a text label in every cell as well.
COLOURS = {
    "in_force": "#4daf7c",
    "in_force_exception": "#a6d96a",
    "excluded": "#e07b39",
    "undated": "#c7d7e8",
    "signed_only": "#fee08b",
    "not_party": "#f0f0f0",
}


def _date(value: Any, precision: Any, lang: str) -> str:
    return "" if pd.isna(value) else i18n.date(value, str(precision) if not pd.isna(precision) else "day", lang)


def title(data: RegularPathways) -> Html:
    lang = data.lang
    return Html(
        f"<h1>{esc(i18n.t('report.regular_pathways', lang))}</h1>"
        f'<p class="lead">{esc(i18n.t("text.rp_lead", lang, date=i18n.date(data.on, "day", lang)))}</p>'
    )


def overview_section(data: RegularPathways) -> list[Any]:
    """The two instruments side by side: dates, binding force, parties applying it on the date, terms."""
    lang = data.lang
    cols = [
        ("field.instrument", lambda r: f"<strong>{esc(r['title'])}</strong>"),
        ("field.adopted", lambda r: esc(_date(r["adopted_date"], r["adopted_precision"], lang))),
        ("field.in_force", lambda r: esc(_date(r["in_force_date"], r["in_force_precision"], lang))),
        (
            "field.binding",
            lambda r: esc(i18n.t("yes" if r["binding"] is True else "no", lang)) if not pd.isna(r["binding"]) else "",
        ),
        ("field.applying", lambda r: esc(plural("unit.states", int(r["n_in_force"]), lang))),
        ("field.terms", lambda r: esc(r["terms"]) if isinstance(r["terms"], str) else ""),
    ]
    return [
        heading("section.rp_overview", lang),
        data_table(data.instruments, cols, lang, subject="title", extra_sources=data.instruments["terms_source_id"]),
    ]


def _legend(lang: str, statuses: list[str]) -> str:
    items = "".join(
        f'<li><span class="swatch" style="display:inline-block;width:1em;height:1em;background:{COLOURS[s]};'
        f'border:1px solid #999;vertical-align:middle"></span> {esc(i18n.t("rp_status." + s, lang))}</li>'
        for s in statuses
    )
    return f'<ul class="legend" style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem">{items}</ul>'


def matrix_block(data: RegularPathways, instrument_id: str) -> Html:
    """Nationality (rows) x host (columns) for one instrument, each cell coloured and labelled by status."""
    lang = data.lang
    cells = data.matrix[data.matrix["instrument_id"] == instrument_id]
    parties = data.parties[data.parties["instrument_id"] == instrument_id]
    order = list(parties["iso3"])
    label = dict(zip(parties["iso3"], parties["country"]))
    status = {(n, h): s for n, h, s in zip(cells["nationality"], cells["host"], cells["status"])}
    head = "".join(f'<th scope="col">{esc(label[h])}</th>' for h in order)
    body = []
    for n in order:
        tds = []
        for h in order:
            host = f' data-label="{esc(label[h])}"'  # on a phone each row is a card: "host: status"
            if n == h:
                tds.append(f'<td class="self"{host} style="background:#fff">—</td>')
                continue
            s = status[(n, h)]
            tds.append(
                f'<td{host} style="background:{COLOURS[s]}" title="{esc(i18n.t("rp_status." + s, lang))}">'
                f"{esc(i18n.t('rp_short.' + s, lang))}</td>"
            )
        body.append(f'<tr><th scope="row">{esc(label[n])}</th>{"".join(tds)}</tr>')
    inst = data.instruments.set_index("instrument_id").loc[instrument_id]
    caption = i18n.t("text.rp_matrix_caption", lang, instrument=inst["title"], date=i18n.date(data.on, "day", lang))
    shown = [s for s in STATUSES if s in set(cells["status"])]
    from migresearch.present import sources_note

    return Html(
        f"<h3>{esc(inst['title'])}</h3>{_legend(lang, shown)}"
        f'<div class="table-scroll" style="overflow-x:auto;max-width:100%"><table class="data matrix">'
        f'<caption style="text-align:left;font-size:.85rem">{esc(caption)}</caption>'
        f'<thead><tr><th scope="col">{esc(i18n.t("field.nationality_host", lang))}</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>" + sources_note(parties["source_id"], lang)
    )


def matrix_section(data: RegularPathways) -> list[Any]:
    """One matrix per instrument."""
    lang = data.lang
    return [heading("section.rp_matrix", lang), paragraph(i18n.t("text.rp_matrix", lang))] + [
        matrix_block(data, i) for i in data.instruments["instrument_id"] if (data.parties["instrument_id"] == i).any()
    ]


def parties_section(data: RegularPathways) -> list[Any]:
    """Each party's status on the date and the event it rests on."""
    lang = data.lang
    titles = dict(zip(data.instruments["instrument_id"], data.instruments["short"]))
    cols = [
        ("field.instrument", lambda r: esc(titles[r["instrument_id"]])),
        ("field.country", lambda r: esc(r["country"])),
        ("field.status", lambda r: esc(i18n.t("rp_status." + r["status"], lang))),
        ("field.since", lambda r: esc(_date(r["since"], r["since_precision"], lang))),
    ]
    return [heading("section.rp_parties", lang, date=i18n.date(data.on, "day", lang)), data_table(data.parties, cols, lang)]


@responsive
def timeline_chart(data: RegularPathways) -> Any:
    """Signature, ratification, adoption and entry into force per state, one row per state and instrument."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from migresearch.present import charts

    ev = data.events[data.events["date"].notna()]
    if ev.empty:
        return None
    lang = data.lang
    titles = dict(zip(data.instruments["instrument_id"], data.instruments["short"]))
    ev = ev.assign(row=ev["country"] + " · " + ev["instrument_id"].map(titles))
    rows = sorted(ev["row"].unique(), key=collate, reverse=True)
    pos = {r: i for i, r in enumerate(rows)}
    markers = {
        "sign": ("o", "#3b6ea5"),
        "adopt": ("^", "#3b6ea5"),
        "ratify": ("s", "#7b5ea7"),
        "enter_into_force": ("D", "#2e8b57"),
    }
    with charts._chart_context():
        labels, above = charts.row_layout(rows)
        fig, ax = plt.subplots(figsize=charts.size(6.5, charts.rows_height(labels, above, 0.8 + 0.28 * len(rows))))
        for r in ev.itertuples():
            m, c = markers.get(r.event, ("x", "#555"))
            ax.plot([r.date], [pos[r.row]], marker=m, color=c, linestyle="", markersize=6)
        charts.row_labels(ax, labels, above)
        charts.time_axis(ax)
        ax.set_xlabel(i18n.t("chart.year", lang))
        present = [e for e in ("sign", "adopt", "ratify", "enter_into_force") if e in set(ev["event"])]
        charts.legend_above(
            ax,
            [
                Line2D([], [], marker=markers[e][0], color=markers[e][1], linestyle="", label=i18n.t("rp_event." + e, lang))
                for e in present
            ],
            columns=2,
        )
        alt = i18n.t(
            "chart.rp_timeline_alt",
            lang,
            states=plural("unit.states", ev["iso3"].nunique(), lang),
            first=int(ev["date"].dt.year.min()),
            last=int(ev["date"].dt.year.max()),
        )
        return charts._render(fig, alt)


def timeline_section(data: RegularPathways) -> list[Any]:
    lang = data.lang
    ev = data.events
    titles = dict(zip(data.instruments["instrument_id"], data.instruments["short"]))
    cols = [
        (
            "field.date",
            lambda r: (
                esc(_date(r["date"], r["date_precision"], lang))
                + ("<sup>*</sup>" if isinstance(r["inferred"], str) and "date" in r["inferred"] else "")
            ),
        ),
        ("field.country", lambda r: esc(r["country"])),
        ("field.instrument", lambda r: esc(titles[r["instrument_id"]])),
        ("field.event", lambda r: esc(i18n.t("rp_event." + r["event"], lang))),
        ("field.note", lambda r: untranslated(r["note"], lang) if isinstance(r["note"], str) else ""),
    ]
    undated = ev[ev["date"].isna()]
    out: list[Any] = [
        heading("section.rp_timeline", lang),
        chart(timeline_chart(data), ev["source_id"], lang, i18n.t("chart.rp_timeline", lang)),
    ]
    out.append(data_table(ev, cols, lang))
    if len(undated):
        out.append(paragraph(i18n.t("text.rp_undated", lang, names=", ".join(sorted(set(undated["country"]), key=collate)))))
    return out


def exceptions_section(data: RegularPathways) -> list[Any]:
    lang = data.lang
    out: list[Any] = [heading("section.rp_exceptions", lang)]
    if data.exceptions.empty:
        return out + [paragraph(i18n.t("text.rp_no_exceptions", lang))]
    titles = dict(zip(data.instruments["instrument_id"], data.instruments["short"]))
    cols = [
        ("field.instrument", lambda r: esc(titles[r["instrument_id"]])),
        ("field.host", lambda r: esc(r["host_name"])),
        ("field.not_for", lambda r: esc(r["names"])),
        ("field.as_recorded", lambda r: untranslated(r["sentence"], lang)),
    ]
    return out + [data_table(data.exceptions, cols, lang)]


def conflicts_section(data: RegularPathways) -> list[Any]:
    lang = data.lang
    out: list[Any] = [heading("section.conflicts", lang)]
    if data.conflicts.empty:
        return out + [paragraph(i18n.t("none", lang))]
    return out + [conflicts_block(data.conflicts, lang)]
