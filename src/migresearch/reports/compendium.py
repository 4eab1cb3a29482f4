"""A compendium of good practices (Bogotá forum, theme 4): the "framework document of best practices for
the socio-economic inclusion of migrants", generated from the ``practices`` table.

Question: which practices do the data record, grouped by the forum's seven themes and by the objectives
of the Global Compact for Migration, each with what was done and for whom, where, by whom, when, for
which objectives and principles, and on what source?

Each practice is printed once, under the first forum theme it answers; the other themes and the index
by objective link to it.  The page prints cleanly from the browser (one practice never splits across
pages, links keep their text).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pandas as pd

from migresearch import i18n
from migresearch._api import load
from migresearch.present import Html, esc
from migresearch.reports._common import DataDir, collate, country_names, looks_english, split, untranslated

#: Words that show an organisation's name is written in English (the data keeps names as the source gives them).
_ENGLISH = re.compile(
    r"\b(of|the|and|for|with|in|Government|Ministry|Office|Council|National|Department|states|authorities|"
    r"participating|migration|Process|Foundation|Agency|Bank|Network|Programme|Service|Union)\b"
)
#: Print rules: a practice never splits across pages; a theme starts a page; the contents stay on one page.
PRINT_CSS = (
    "@media print{article.practice{break-inside:avoid;page-break-inside:avoid}"
    "section.theme{break-before:page}div.toc{break-after:page}a{color:inherit;text-decoration:none}}"
    "article.practice{border-top:1px solid #d0d7de;padding:.4rem 0 .6rem}article.practice h4{margin:.4rem 0 .2rem}"
    "dl.practice{display:grid;grid-template-columns:minmax(7rem,12rem) 1fr;gap:.15rem .8rem;margin:.4rem 0;font-size:.9rem}"
    "dl.practice dt{color:#57606a}dl.practice dd{margin:0}"
    "@media (max-width:40rem){dl.practice{grid-template-columns:1fr}dl.practice dd{margin-bottom:.3rem}}"
)


@dataclasses.dataclass(frozen=True)
class Compendium:
    """What the compendium shows.

    Attributes
    ----------
    lang : str
        Language of the texts.
    practices : pandas.DataFrame
        One row per practice: ``practice_id``, ``title``, ``summary``, ``countries`` (names), ``organisations``,
        ``kind``, ``start_date``/``start_precision``, ``end_date``/``end_precision``, ``primary``, ``secondary``
        (objective numbers, lists), ``principles`` (numbers), ``themes`` (numbers), ``home_theme`` (the theme
        it is printed under; 0 when it answers none), ``frameworks`` (names), ``source_id``, ``inferred``,
        ``inferred_from``; sorted by home theme, then title.
    themes : pandas.DataFrame
        The forum's themes: ``number``, ``title``, ``n_practices``, ``source_id``.
    objectives : pandas.DataFrame
        The GCM objectives that some practice serves as a primary objective: ``objective``, ``short_title``,
        ``title`` (full title in ``lang``, empty where the data has none), ``practice_ids`` (list).
    principles : dict
        Principle number -> title in ``lang``.
    """

    lang: str
    practices: pd.DataFrame
    themes: pd.DataFrame
    objectives: pd.DataFrame
    principles: dict[int, str]


def _ints(value: Any) -> list[int]:
    return [int(x) for x in split(value)]


def collect(lang: str = "en", data_dir: DataDir = None) -> Compendium:
    """The practices for the compendium, with the forum's themes and the GCM objectives they serve.

    Parameters
    ----------
    lang : {"en", "es"}
        Language of the texts.
    data_dir : path, optional
        Data folder; the shipped data by default.

    Returns
    -------
    Compendium

    Examples
    --------
    >>> data = collect("es")
    >>> 16 in set(data.objectives["objective"]) or 16 not in {o for p in data.practices["primary"] for o in p}
    True
    """
    lang = i18n.check_lang(lang)
    names = country_names(lang, data_dir)
    p = load("practices", data_dir)
    fw = load("frameworks", data_dir).set_index("framework_id")
    themes = load("forum_themes", data_dir).sort_values("number")
    themes = themes.assign(title=themes[f"title_{lang}"])[["number", "title", "source_id"]].reset_index(drop=True)
    theme_numbers = set(themes["number"].astype(int))

    practices = pd.DataFrame(
        {
            "practice_id": p["practice_id"],
            "title": p[f"title_{lang}"].fillna(p["title_en"]),
            "summary": p[f"summary_{lang}"].fillna(p["summary_en"]),
            "countries": p["countries"].map(lambda v: ", ".join(sorted((names.get(c, c) for c in split(v)), key=collate))),
            "organisations": p["organisations"],
            "kind": p["kind"].astype(str),
            "start_date": p["start_date"],
            "start_precision": p["start_precision"],
            "end_date": p["end_date"],
            "end_precision": p["end_precision"],
            "primary": p["gcm_primary"].map(_ints),
            "secondary": p["gcm_secondary"].map(_ints),
            "principles": p["gcm_principles"].map(_ints),
            "themes": p["forum_themes"].map(lambda v: [t for t in _ints(v) if t in theme_numbers]),
            "frameworks": p["framework_ids"].map(
                lambda v: ", ".join(str(fw.at[f, f"name_{lang}"]) for f in split(v) if f in fw.index)
            ),
            "source_id": p["source_id"],
            "inferred": p["inferred"],
            "inferred_from": p["inferred_from"],
        }
    )
    practices["home_theme"] = practices["themes"].map(lambda ts: min(ts) if ts else 0)
    practices = (
        practices.assign(_k=practices["title"].map(collate))
        .sort_values(["home_theme", "_k"])
        .drop(columns="_k")
        .reset_index(drop=True)
    )
    themes["n_practices"] = themes["number"].map(lambda n: int(practices["themes"].map(lambda ts: n in ts).sum()))

    gcm = load("gcm_objectives", data_dir).set_index("objective")
    served = sorted({o for ps in practices["primary"] for o in ps})
    objectives = pd.DataFrame(
        {
            "objective": served,
            "short_title": [gcm.at[o, f"short_title_{lang}"] for o in served],
            "title": [gcm.at[o, f"title_{lang}"] if not pd.isna(gcm.at[o, f"title_{lang}"]) else "" for o in served],
            "practice_ids": [
                list(practices.loc[practices["primary"].map(lambda ps, o=o: o in ps), "practice_id"]) for o in served
            ],
        }
    )
    pr = load("gcm_principles", data_dir)
    principles = dict(zip(pr["principle"].astype(int), pr[f"title_{lang}"]))
    return Compendium(lang=lang, practices=practices, themes=themes, objectives=objectives, principles=principles)


# --- presentation ----------------------------------------------------------------------------------


def _anchor(kind: str, key: Any) -> str:
    return f"{kind}-{re.sub(r'[^a-z0-9-]+', '-', str(key).lower())}"


def _objective(n: int, data: Compendium) -> str:
    gcm = load("gcm_objectives").set_index("objective")
    return i18n.t("text.gcm_objective_named", data.lang, n=n, title=gcm.at[n, f"short_title_{data.lang}"])


def title(data: Compendium) -> Html:
    """Title, purpose and the table of contents."""
    lang = data.lang
    items = "".join(
        f'<li><a href="#{_anchor("theme", t.number)}">{esc(i18n.t("text.theme_n", lang, n=int(t.number), title=t.title))}</a>'
        f" <small>({esc(i18n.plural('n.practices', int(t.n_practices), lang))})</small></li>"
        for t in data.themes.itertuples()
    )
    if (data.practices["home_theme"] == 0).any():
        items += f'<li><a href="#{_anchor("theme", 0)}">{esc(i18n.t("text.other_practices", lang))}</a></li>'
    items += f'<li><a href="#objectives">{esc(i18n.t("section.cp_by_objective", lang))}</a></li>'
    return Html(
        f"<style>{PRINT_CSS}</style><h1>{esc(i18n.t('report.compendium', lang))}</h1>"
        f'<p class="lead">{esc(i18n.t("text.cp_lead", lang, n=i18n.plural("n.practices", len(data.practices), lang)))}</p>'
        f'<div class="toc" role="navigation" aria-label="{esc(i18n.t("text.contents", lang))}"><h2>{esc(i18n.t("text.contents", lang))}</h2><ul>{items}</ul></div>'
    )


def _organisations(text: Any, lang: str) -> str:
    if pd.isna(text):
        return ""
    return (
        untranslated(text, lang, fold=False)
        if lang != "en" and (_ENGLISH.search(str(text)) or looks_english(text))
        else esc(text)
    )


def practice_card(row: pd.Series, data: Compendium) -> str:
    """One practice: title, summary and its facts, with its source."""
    from migresearch.present import source_link

    lang = data.lang
    period = i18n.date_range(row["start_date"], _p(row["start_precision"]), row["end_date"], _p(row["end_precision"]), lang)
    if period and pd.isna(row["end_date"]):
        period = i18n.t("text.since", lang, date=period)
    facts = [
        ("field.countries", esc(row["countries"])),
        ("field.organisations", _organisations(row["organisations"], lang)),
        ("field.area", esc(i18n.code("practice_kind", row["kind"], lang))),
        ("field.when", esc(period)),
        (
            "field.gcm_primary",
            ", ".join(f'<a href="#{_anchor("objective", o)}">{esc(_objective(o, data))}</a>' for o in row["primary"]),
        ),
        ("field.gcm_secondary", esc(", ".join(_objective(o, data) for o in row["secondary"]))),
        ("field.principles", esc(", ".join(data.principles.get(n, str(n)) for n in row["principles"]))),
        (
            "field.forum_themes",
            ", ".join(
                f'<a href="#{_anchor("theme", t)}">{esc(i18n.t("text.theme_short", lang, n=t))}</a>' for t in row["themes"]
            ),
        ),
        ("field.frameworks", esc(row["frameworks"])),
        ("field.source", source_link(row["source_id"], lang)),
    ]
    if isinstance(row["inferred"], str) and any(c in row["inferred"] for c in ("gcm_", "forum_themes")):
        facts.append(("field.coding", esc(i18n.t("text.cp_coding", lang))))
    dl = "".join(f"<dt>{esc(i18n.t(k, lang))}</dt><dd>{v}</dd>" for k, v in facts if v)
    return (
        f'<article class="practice" id="{_anchor("practice", row["practice_id"])}"><h4>{esc(row["title"])}</h4>'
        f'<p>{esc(row["summary"])}</p><dl class="practice">{dl}</dl></article>'
    )


def _p(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)


def theme_section(data: Compendium, number: int) -> Html:
    """The practices printed under one forum theme, and links to those that answer it but print elsewhere."""
    lang = data.lang
    own = data.practices[data.practices["home_theme"] == number]
    also = data.practices[(data.practices["home_theme"] != number) & data.practices["themes"].map(lambda ts: number in ts)]
    if number == 0:
        head = i18n.t("text.other_practices", lang)
    else:
        t = data.themes.set_index("number").loc[number]
        head = i18n.t("text.theme_n", lang, n=number, title=t["title"])
    cards = "".join(practice_card(r, data) for _, r in own.iterrows())
    see = ""
    if len(also):
        links = ", ".join(f'<a href="#{_anchor("practice", r.practice_id)}">{esc(r.title)}</a>' for r in also.itertuples())
        see = f'<p class="see-also"><strong>{esc(i18n.t("text.see_also", lang))}</strong> {links}</p>'
    empty = f'<p class="empty">{esc(i18n.t("none", lang))}</p>' if own.empty and also.empty else ""
    return Html(f'<section class="theme" id="{_anchor("theme", number)}"><h2>{esc(head)}</h2>{empty}{cards}{see}</section>')


def themes_section(data: Compendium) -> Html:
    """Every forum theme in order, then the practices that answer none."""
    numbers = list(data.themes["number"].astype(int)) + ([0] if (data.practices["home_theme"] == 0).any() else [])
    from migresearch.present import concat

    return concat(*(theme_section(data, n) for n in numbers))


def objectives_section(data: Compendium) -> Html:
    """The index by GCM objective (primary objectives): each objective with the practices serving it."""
    from migresearch.present import sources_note

    lang = data.lang
    titles = dict(zip(data.practices["practice_id"], data.practices["title"]))
    parts = []
    for o in data.objectives.itertuples():
        full = f'<p class="objective-title">{esc(o.title)}</p>' if o.title else ""
        links = "".join(f'<li><a href="#{_anchor("practice", pid)}">{esc(titles[pid])}</a></li>' for pid in o.practice_ids)
        parts.append(
            f'<div class="objective" id="{_anchor("objective", o.objective)}"><h3>{esc(_objective(int(o.objective), data))}</h3>'
            f"{full}<ul>{links}</ul></div>"
        )
    gcm_sources = load("gcm_objectives").set_index("objective").loc[list(data.objectives["objective"]), "source_id"]
    return Html(
        f'<section class="theme" id="objectives"><h2>{esc(i18n.t("section.cp_by_objective", lang))}</h2>'
        f"<p>{esc(i18n.t('text.cp_by_objective', lang))}</p>{''.join(parts)}</section>"
        + sources_note(list(data.practices["source_id"]) + list(gcm_sources) + list(data.themes["source_id"]), lang)
    )
