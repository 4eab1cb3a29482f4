"""Regularisation mechanisms in Latin America and the Caribbean (Bogotá forum, theme 2).

Question: which regularisation programmes have the countries run, with which instruments, for whom,
with what permit, at what cost, and with how many beneficiaries as far as the figures published by a
given date tell; and where do the sources disagree?

:func:`collect` is the analysis (pure: it only reads the validated tables); the ``*_section``
functions present its frames.  The map of programmes per country is added with the vendored
Natural Earth layer (:func:`map_section` is its hook and for now shows the counts per country).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd

from migresearch import i18n, query
from migresearch._api import list_datasets, load
from migresearch.present import Html, date_cell, esc, heading, paragraph, text_cell
from migresearch.present.charts import chart, responsive
from migresearch.reports._common import (
    DataDir,
    as_given,
    collate,
    conflicts_block,
    country_names,
    data_table,
    day,
    names_of,
    plural,
    sort_by_name,
    split,
    untranslated,
)

#: Series that count the people a programme reached, best first: the headline figure of a programme is
#: the latest figure of the first of these series that has one.
BENEFICIARY_SERIES: tuple[str, ...] = (
    "regularisation-beneficiaries",
    "regularisation-permits-issued",
    "regularisation-applications",
    "regularisation-target",
)


@dataclasses.dataclass(frozen=True)
class Regularisation:
    """What the regularisation report shows, as typed frames.

    Attributes
    ----------
    on : datetime.date
        The date of the analysis: figures published after it are not used.
    lang : str
        Language of the name columns (``en`` or ``es``).
    programmes : pandas.DataFrame
        One row per programme: ``programme_id``, ``country_iso3``, ``country`` (name), ``name``,
        ``name_original``, ``instruments`` (text), the window, the eligibility cut-off (with
        ``cutoff_kind`` when the data has it), ``permit_type``, ``permit_months``, ``fee``,
        ``renewable``, ``status``, ``nationalities`` (names; empty when open to all), the headline
        figure (``figure_value``, ``figure_qualifier``, ``figure_series``, ``figure_as_of``...),
        ``source_id``, ``inferred`` and ``inferred_from``; sorted by country name, then date.
    instruments : pandas.DataFrame
        One row per legal instrument and programme: ``programme_id``, ``number``, ``title``, ``kind``,
        ``role``, ``issued_date``, ``issued_precision``, ``source_id``.
    figures : pandas.DataFrame
        Every vintage of every figure that counts a programme and was published by ``on``:
        ``programme_id``, ``programme``, ``country``, ``series_id``, ``series``, ``value``,
        ``qualifier``, ``as_of_date``, ``as_of_precision``, ``published_date``,
        ``published_precision``, ``vintage`` (1 = latest published for that programme and series),
        ``n_vintages``, ``source_id``.
    timeline : pandas.DataFrame
        One row per dated programme: ``country``, ``programme_id``, ``name``, ``start``, ``end``
        (window, or the announcement when no window is recorded) and ``start_is_window``.
    by_country : pandas.DataFrame
        Per country: ``country_iso3``, ``country``, ``n_programmes``, ``first_year``, ``last_year``,
        ``n_with_figures`` (the input of the map).
    conflicts : pandas.DataFrame
        The claims of :func:`migresearch.query.conflicts` about these programmes, their instruments
        and their figures.
    """

    on: dt.date
    lang: str
    programmes: pd.DataFrame
    instruments: pd.DataFrame
    figures: pd.DataFrame
    timeline: pd.DataFrame
    by_country: pd.DataFrame
    conflicts: pd.DataFrame


def _instruments(programmes: pd.DataFrame, data_dir: DataDir) -> pd.DataFrame:
    cols = ["programme_id", "number", "title", "kind", "role", "issued_date", "issued_precision", "source_id"]
    if "regularisation_instruments" in list_datasets():
        inst = load("regularisation_instruments", data_dir)
        inst = inst[inst["programme_id"].isin(programmes["programme_id"])]
        return inst[cols].reset_index(drop=True)
    # Older data: one free-text cell of instruments separated by "; ".
    rows = []
    for pid, text, source in programmes[["programme_id", "legal_instruments", "source_id"]].itertuples(index=False):
        for item in [] if pd.isna(text) else str(text).split("; "):
            rows.append(
                {
                    "programme_id": pid,
                    "number": pd.NA,
                    "title": item.strip(),
                    "kind": pd.NA,
                    "role": pd.NA,
                    "issued_date": pd.NaT,
                    "issued_precision": pd.NA,
                    "source_id": source,
                }
            )
    return pd.DataFrame(rows, columns=cols).astype({"programme_id": "string", "title": "string", "source_id": "string"})


def _instrument_text(instruments: pd.DataFrame) -> pd.Series:
    def one(row: pd.Series) -> str:
        title = str(row["title"]) if not pd.isna(row["title"]) else ""
        number = str(row["number"]) if not pd.isna(row["number"]) else ""
        return title if (not number or number in title) else f"{title} {number}".strip()

    if instruments.empty:
        return pd.Series(dtype="string")
    text = instruments.assign(_t=instruments.apply(one, axis=1))
    return text.groupby("programme_id", sort=False)["_t"].agg("; ".join).astype("string")


def collect(lang: str = "en", on: dt.date | str | None = None, data_dir: DataDir = None) -> Regularisation:
    """The regularisation programmes, their instruments, figures and conflicts, as known on ``on``.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the name columns.
    on : date or ISO string, optional
        Figures published after this date are left out (bitemporal: what a reader could know then).
        Defaults to the data date, the latest access date of any source.
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    Regularisation
        A frozen dataclass of frames; see its attributes.

    Examples
    --------
    >>> data = collect("en")
    >>> "bra-anistia-2009" in set(data.programmes["programme_id"])
    True
    """
    lang = i18n.check_lang(lang)
    when = day(on, data_dir)
    names = country_names(lang, data_dir)
    reg = load("regularisations", data_dir)
    instruments = _instruments(reg, data_dir)

    figures = load("figures", data_dir)
    figures = figures[figures["programme_id"].notna() & (figures["published_date"] <= pd.Timestamp(when))]
    series = load("series", data_dir).set_index("series_id")
    figures = figures.sort_values(
        ["programme_id", "series_id", "as_of_date", "published_date"], ascending=[True, True, False, False]
    )
    figures = figures.assign(
        vintage=figures.groupby(["programme_id", "series_id"]).cumcount() + 1,
        n_vintages=figures.groupby(["programme_id", "series_id"])["figure_id"].transform("size"),
        series=figures["series_id"].map(series[f"title_{lang}"]).astype("string"),
    )
    order = {s: i for i, s in enumerate(BENEFICIARY_SERIES)}
    headline = figures[figures["series_id"].isin(order) & (figures["vintage"] == 1)]
    headline = headline.assign(_rank=headline["series_id"].map(order)).sort_values(["programme_id", "_rank"])
    headline = headline.drop_duplicates("programme_id").set_index("programme_id")

    progs = reg.assign(
        country=reg["country_iso3"].map(names).astype("string"),
        name=(reg["name_en"] if lang == "en" else reg["name_original"]).astype("string"),
        instruments=reg["programme_id"].map(_instrument_text(instruments)).astype("string"),
        nationalities=reg["target_nationalities"].map(lambda v: names_of(split(v), names)).astype("string"),
        sort_date=reg["window_start_date"].fillna(reg["announced_date"]),
    )
    if "cutoff_kind" not in progs.columns:
        progs = progs.assign(cutoff_kind=pd.Series(pd.NA, index=progs.index, dtype="string"))
    for col, src in (
        ("figure_value", "value"),
        ("figure_qualifier", "qualifier"),
        ("figure_series", "series"),
        ("figure_series_id", "series_id"),
        ("figure_as_of", "as_of_date"),
        ("figure_as_of_precision", "as_of_precision"),
        ("figure_published", "published_date"),
        ("figure_published_precision", "published_precision"),
        ("figure_source_id", "source_id"),
    ):
        progs[col] = progs["programme_id"].map(headline[src])
    progs = sort_by_name(progs, "country", "sort_date", "programme_id")
    keep = [
        "programme_id",
        "country_iso3",
        "country",
        "name",
        "name_original",
        "instruments",
        "announced_date",
        "announced_precision",
        "window_start_date",
        "window_start_precision",
        "window_end_date",
        "window_end_precision",
        "eligibility_cutoff_date",
        "eligibility_cutoff_precision",
        "cutoff_kind",
        "permit_type",
        "permit_months",
        "fee",
        "renewable",
        "status",
        "nationalities",
        "figure_value",
        "figure_qualifier",
        "figure_series",
        "figure_series_id",
        "figure_as_of",
        "figure_as_of_precision",
        "figure_published",
        "figure_published_precision",
        "figure_source_id",
        "source_id",
        "inferred",
        "inferred_from",
    ]
    progs = progs[keep]

    labels = progs.set_index("programme_id")
    figs = figures.assign(
        programme=figures["programme_id"].map(labels["name"]), country=figures["programme_id"].map(labels["country"])
    )
    figs = sort_by_name(figs, "country", "programme_id", "series_id", "vintage")[
        [
            "programme_id",
            "programme",
            "country",
            "series_id",
            "series",
            "value",
            "qualifier",
            "as_of_date",
            "as_of_precision",
            "published_date",
            "published_precision",
            "vintage",
            "n_vintages",
            "source_id",
            "inferred",
        ]
    ]

    start = progs["window_start_date"].fillna(progs["announced_date"])
    timeline = pd.DataFrame(
        {
            "country": progs["country"],
            "programme_id": progs["programme_id"],
            "name": progs["name"],
            "start": start,
            "end": progs["window_end_date"].where(progs["window_start_date"].notna()),
            "start_is_window": progs["window_start_date"].notna(),
            "source_id": progs["source_id"],
        }
    )
    timeline = timeline[timeline["start"].notna()].reset_index(drop=True)

    years = progs.assign(
        year=progs["window_start_date"].fillna(progs["announced_date"]).dt.year, has_fig=progs["figure_value"].notna()
    )
    by_country = (
        years.groupby(["country_iso3", "country"], sort=False)
        .agg(
            n_programmes=("programme_id", "size"),
            first_year=("year", "min"),
            last_year=("year", "max"),
            n_with_figures=("has_fig", "sum"),
        )
        .reset_index()
        .astype({"first_year": "Int64", "last_year": "Int64", "n_with_figures": "int64"})
    )
    by_country = sort_by_name(by_country, "country")
    by_country = by_country.sort_values("n_programmes", ascending=False, kind="stable").reset_index(drop=True)

    ids = set(progs["programme_id"]) | set(figures["figure_id"])
    if "regularisation_instruments" in list_datasets() and len(instruments):
        ids |= set(load("regularisation_instruments", data_dir)["instrument_row_id"])
    shown = [t for t in ("regularisations", "figures", "regularisation_instruments") if t in list_datasets()]
    conflicts = query.conflicts(shown, data_dir=data_dir, records=ids)  # only what is shown: only those tables are read
    conflicts = conflicts.assign(
        programme=conflicts["record_id"]
        .map(labels["name"])
        .fillna(conflicts["record_id"].map(figures.set_index("figure_id")["programme_id"]).map(labels["name"]))
    )
    return Regularisation(
        on=when,
        lang=lang,
        programmes=progs,
        instruments=instruments,
        figures=figs.reset_index(drop=True),
        timeline=timeline,
        by_country=by_country,
        conflicts=conflicts.reset_index(drop=True),
    )


# --- presentation ----------------------------------------------------------------------------------


def _d(row: pd.Series, column: str, lang: str) -> str:
    """A date cell at its precision (marked when inferred)."""
    prec = column.removesuffix("_date") + "_precision"
    return date_cell(column, lang, prec)(row)


def _window(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        start, end = _d(row, "window_start_date", lang), _d(row, "window_end_date", lang)
        if start and end:
            return f"{start} – {end}"
        if start:
            return i18n.t("text.from", lang, date=start)
        if end:
            return i18n.t("text.until", lang, date=end)
        announced = _d(row, "announced_date", lang)
        return esc(i18n.t("text.announced", lang, date="")) + announced if announced else ""

    return cell


def _cutoff(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        text = _d(row, "eligibility_cutoff_date", lang)
        kind = row.get("cutoff_kind")
        if text and isinstance(kind, str) and kind and kind != "none":
            return f"{esc(i18n.code('cutoff_kind', kind, lang))} {text}"
        return text

    return cell


def _permit(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        parts = []
        if not pd.isna(row["permit_type"]):
            parts.append(untranslated(row["permit_type"], lang))
        if not pd.isna(row["permit_months"]):
            parts.append(esc(plural("unit.months", int(row["permit_months"]), lang)))
        if row["renewable"] is True:
            parts.append(esc(i18n.t("text.renewable", lang)))
        return "<br>".join(parts)

    return cell


def _fee(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        fee = row["fee"]
        if pd.isna(fee):
            return ""
        if str(fee).strip().lower() == "free":
            return esc(i18n.t("text.free", lang))
        return untranslated(fee, lang)

    return cell


def _figure_text(value: Any, qualifier: Any, lang: str) -> str:
    if pd.isna(value):
        return ""
    number = i18n.number(float(value), lang, decimals=0)
    q = "" if pd.isna(qualifier) or str(qualifier) == "exact" else i18n.t(f"qualifier.{qualifier}", lang) + " "
    return f"{q}{number}"


def _headline(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        text = _figure_text(row["figure_value"], row["figure_qualifier"], lang)
        if not text:
            return ""
        as_of = i18n.date(row["figure_as_of"], str(row["figure_as_of_precision"]), lang)
        return f"{esc(text)}<br><small>{esc(row['figure_series'])}; {esc(i18n.t('text.as_of_date', lang, date=as_of))}</small>"

    return cell


def _programme(lang: str) -> Any:
    def cell(row: pd.Series) -> str:
        name = f"<strong>{as_given(row['name'], lang)}</strong>"
        if lang == "en" and row["name_original"] != row["name"]:
            name += f'<br><small lang="und">{esc(row["name_original"])}</small>'
        if row["nationalities"]:
            name += f"<br><small>{esc(i18n.t('text.for_nationals', lang, names=row['nationalities']))}</small>"
        return name

    return cell


def title(data: Regularisation) -> Html:
    """The report's title and its one-paragraph answer."""
    lang = data.lang
    n, k = len(data.programmes), len(data.by_country)
    return Html(
        f"<h1>{esc(i18n.t('report.regularisation', lang))}</h1>"
        + f'<p class="lead">{esc(i18n.t("text.reg_lead", lang, programmes=plural("unit.programmes", n, lang), countries=plural("unit.countries", k, lang), date=i18n.date(data.on, "day", lang)))}</p>'
    )


def programmes_section(data: Regularisation) -> list[Any]:
    """The per-programme comparison table."""
    lang = data.lang
    cols = [
        ("field.country", text_cell("country")),
        ("field.programme", _programme(lang)),
        ("field.instruments", lambda row: _instruments_cell(data, row["programme_id"])),
        ("field.window", _window(lang)),
        ("field.cutoff", _cutoff(lang)),
        ("field.permit", _permit(lang)),
        ("field.fee", _fee(lang)),
        ("field.beneficiaries", _headline(lang)),
        ("field.status", lambda row: esc(i18n.code("programme_status", row["status"], lang))),
    ]
    return [
        heading("section.programmes", lang),
        data_table(data.programmes, cols, lang, subject="name", jump=("country", "programmes")),
    ]


def _instruments_cell(data: Regularisation, programme_id: str) -> str:
    rows = data.instruments[data.instruments["programme_id"] == programme_id]
    items = []
    for _, r in rows.iterrows():
        title, number = r["title"], r["number"]
        text = str(title) if pd.isna(number) or str(number) in str(title) else f"{title} {number}"
        label = as_given(text, data.lang)
        when = i18n.date(r["issued_date"], str(r["issued_precision"]), data.lang) if not pd.isna(r["issued_date"]) else ""
        items.append(f"{label} ({esc(when)})" if when else label)
    return "<br>".join(items)


def figures_section(data: Regularisation) -> list[Any]:
    """Every vintage of the programmes' figures: value, reference date and publication date."""
    lang = data.lang
    out: list[Any] = [heading("section.reg_figures", lang), paragraph(i18n.t("text.reg_figures", lang))]
    cols = [
        ("field.country", text_cell("country")),
        ("field.programme", lambda row: as_given(row["programme"], lang)),
        ("field.series", text_cell("series")),
        ("field.value", lambda row: esc(_figure_text(row["value"], row["qualifier"], lang))),
        ("field.as_of", date_cell("as_of_date", lang)),
        ("field.published", date_cell("published_date", lang)),
        ("field.vintage", lambda row: esc(i18n.t("text.vintage", lang, k=int(row["vintage"]), n=int(row["n_vintages"])))),
    ]
    return out + [data_table(data.figures, cols, lang, jump=("country", "figures"))]


@responsive
def timeline_chart(data: Regularisation) -> Any:
    """Programmes by country over time: a bar for each registration window, a dot where only the
    announcement is dated.  Returns ``None`` when nothing is dated."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from migresearch.present import charts

    frame = data.timeline
    if frame.empty:
        return None
    lang = data.lang
    countries = sorted(frame["country"].unique(), key=lambda c: collate(c), reverse=True)
    pos = {c: i for i, c in enumerate(countries)}
    with charts._chart_context():
        texts, above = charts.row_layout(countries)
        fig, ax = plt.subplots(figsize=charts.size(7.5, charts.rows_height(texts, above, 0.8 + 0.3 * len(countries))))
        for row in frame.itertuples():
            y = pos[row.country]
            if row.start_is_window and not pd.isna(row.end):
                ax.barh(
                    y,
                    max((row.end - row.start).days, 20),
                    left=row.start,
                    height=charts.bar_height(above, 0.55),
                    color="#3b6ea5",
                    alpha=0.8,
                )
            else:
                ax.plot([row.start], [y], marker="o", color="#d9822b" if not row.start_is_window else "#3b6ea5", markersize=5)
        charts.row_labels(ax, texts, above)
        charts.time_axis(ax)
        ax.set_xlabel(i18n.t("chart.year", lang))
        charts.legend_above(
            ax,
            [
                Patch(color="#3b6ea5", label=i18n.t("chart.window", lang)),
                Line2D([], [], marker="o", color="#3b6ea5", linestyle="", label=i18n.t("chart.window_open_end", lang)),
                Line2D([], [], marker="o", color="#d9822b", linestyle="", label=i18n.t("chart.announced_only", lang)),
            ],
        )
        alt = i18n.t(
            "chart.reg_timeline_alt",
            lang,
            programmes=plural("unit.programmes", len(frame), lang),
            countries=plural("unit.countries", len(countries), lang),
            first=int(frame["start"].dt.year.min()),
            last=int(frame["start"].dt.year.max()),
        )
        return charts._render(fig, alt)


def timeline_section(data: Regularisation) -> list[Any]:
    """The timeline chart with its sources."""
    lang = data.lang
    return [
        heading("section.reg_timeline", lang),
        chart(timeline_chart(data), data.timeline["source_id"], lang, i18n.t("chart.reg_timeline", lang)),
    ]


def map_section(data: Regularisation) -> list[Any]:
    """Programmes per country: a map of the CELAC members on the analysis date (the vendored Natural Earth
    1:50m outlines, drawn offline), then the same counts as a table."""
    from migresearch.present import maps
    from migresearch.present.charts import chart

    lang = data.lang
    frame = data.by_country.assign(
        source_id=data.by_country["country_iso3"].map(data.programmes.groupby("country_iso3")["source_id"].first())
    )
    cols = [
        ("field.country", text_cell("country")),
        ("field.programmes", lambda row: esc(i18n.number(int(row["n_programmes"]), lang))),
        ("field.period", lambda row: esc(_years(row["first_year"], row["last_year"]))),
        ("field.with_figures", lambda row: esc(i18n.number(int(row["n_with_figures"]), lang))),
    ]
    domain = query.members_on("celac", data.on)["party"].astype(str).tolist()
    png = maps.regularisation_map(data.by_country, lang, domain)
    sources = [*frame["source_id"].dropna().astype(str), maps.SOURCE_ID]
    figure = chart(png, sources, lang, i18n.t("map.title.regularisations", lang))
    return [heading("section.reg_by_country", lang), figure, data_table(frame, cols, lang)]


def _years(first: Any, last: Any) -> str:
    if pd.isna(first):
        return ""
    return str(first) if first == last else f"{first}–{last}"


def conflicts_section(data: Regularisation) -> list[Any]:
    """Where sources disagree about a programme, an instrument or a figure."""
    lang = data.lang
    out: list[Any] = [heading("section.conflicts", lang)]
    if data.conflicts.empty:
        return out + [paragraph(i18n.t("none", lang))]
    return out + [conflicts_block(data.conflicts, lang)]
