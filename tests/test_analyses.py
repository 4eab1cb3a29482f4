"""The analyses of issue 12: each ``collect`` on its own, then facts a reader must find in the built pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from migresearch import i18n
from migresearch.reports import compendium, consular, data_quality, overlaps, regular_pathways, regularisation

ISO_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")


# --- collect, directly --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_regularisation_collect(lang: str) -> None:
    data = regularisation.collect(lang)
    progs = data.programmes
    assert progs["programme_id"].is_unique and len(progs) == len(regularisation.load("regularisations"))
    brazil = progs.set_index("programme_id").loc["bra-anistia-2009"]
    assert brazil["country"] == ("Brazil" if lang == "en" else "Brasil")
    assert "11.961" in set(
        data.instruments.loc[data.instruments["programme_id"] == "bra-anistia-2009", "title"]
        .str.extract(r"(11\.961)")[0]
        .dropna()
    )
    # The headline figure is the latest vintage published by the analysis date, never a later one.
    assert (data.figures["published_date"] <= pd.Timestamp(data.on)).all()
    assert set(data.figures.loc[data.figures["vintage"] == 1, "programme_id"]) >= set(
        progs.loc[progs["figure_value"].notna(), "programme_id"]
    )
    assert data.by_country["n_programmes"].sum() == len(progs)
    assert set(data.conflicts["table"]) <= {"regularisations", "figures", "regularisation_instruments"}


def test_regularisation_figures_known_on_a_date() -> None:
    """Bitemporal: before a figure is published, the report cannot know it."""
    early = regularisation.collect("en", on="2010-01-01")
    assert "bra-anistia-2009" not in set(early.figures["programme_id"])  # its count was published in 2010
    late = regularisation.collect("en")
    assert "bra-anistia-2009" in set(late.figures["programme_id"])


def test_regular_pathways_collect() -> None:
    data = regular_pathways.collect("en")
    parties = data.parties.set_index(["instrument_id", "iso3"])["status"]
    assert parties[("can-decision-878", "PER")] == "in_force"
    assert "VEN" not in set(data.parties.loc[data.parties["instrument_id"] == "can-decision-878", "iso3"])
    # An exception the notes record: Chile does not apply the MERCOSUR agreement to some nationalities.
    exc = data.exceptions.set_index("host")
    assert "CHL" in exc.index and "COL" in exc.loc["CHL", "nationalities"]
    cells = data.matrix.set_index(["instrument_id", "nationality", "host"])["status"]
    assert cells[("mercosur-residence-agreement", "COL", "CHL")] in ("excluded", "undated")
    assert cells[("mercosur-residence-agreement", "ECU", "CHL")] == "excluded"
    assert parties[("mercosur-residence-agreement", "CHL")] == "in_force_exception"
    assert (data.matrix["nationality"] != data.matrix["host"]).all()


def test_regular_pathways_on_an_earlier_date() -> None:
    before = regular_pathways.collect("es", on="2015-01-01")
    assert set(before.parties.loc[before.parties["instrument_id"] == "can-decision-878", "status"]) == {"not_party"}
    assert (
        before.parties.set_index(["instrument_id", "iso3"]).loc[("mercosur-residence-agreement", "ECU"), "status"] == "in_force"
    )
    signed = regular_pathways.collect("en", on="2005-01-01")
    assert set(signed.parties.loc[signed.parties["instrument_id"] == "mercosur-residence-agreement", "status"]) <= {
        "signed_only",
        "not_party",
        "undated",
    }


def test_consular_collect() -> None:
    data = consular.collect("en", on="2020-01-01")
    cells = data.matrix.set_index(["nationality", "assisting"])["status"]
    assert cells[("BOL", "ARG")] == "in_force"  # MERCOSUR CMC Decision 35/00, in force since August 2000
    assert (data.matrix["nationality"] != data.matrix["assisting"]).all()
    assert set(data.matrix["status"]) <= set(consular.CELLS)
    # Signed only, never in force on the date: the 2019 MERCOSUR agreement before its ratifications.
    signed = data.mechanisms.set_index("mechanism_id")["status"]
    assert signed["mercosur-consular-agreement-2019"] == "signed_only"
    assert data.uncovered["n_uncovered"].sum() == (data.matrix["status"] == "none").sum()
    before = consular.collect("en", on="1990-01-01")
    assert not before.coverage["active"].any()  # the 1911 agreement is only recorded as signed before 2003


@pytest.mark.parametrize("lang", ["en", "es"])
def test_data_quality_coverage_links_each_country_to_its_profile(lang: str) -> None:
    """Every country of the coverage table links to the profile page that the build makes, in the same language."""
    from migresearch import reports

    data = data_quality.collect(lang)
    html = "".join(str(getattr(b, "markup", b)) for b in data_quality.coverage_section(data))
    label = i18n.t("field.country", lang)
    links = re.findall(rf'<td data-label="{re.escape(label)}"><a href="([^"]+)">([^<]+)</a></td>', html)
    pages = {f"{j.slug}.html": j.params["country"] for j in reports.plan(only="02-country-profile*", langs=(lang,))}
    assert len(links) == len(data.coverage) == len(pages) == 33
    names = dict(zip(data.coverage["iso3"], data.coverage["country"]))
    assert all(href in pages and names[pages[href]] == text.replace("&amp;", "&") for href, text in links)


@pytest.mark.parametrize(("lang", "unit"), [("en", "states"), ("es", "Estados")])
def test_consular_matrix_table_gives_the_uncovered_count_before_the_states(lang: str, unit: str) -> None:
    """On a phone each row is a card: the "no mechanism covers" cell starts with how many, then names them."""
    data = consular.collect(lang, on="2020-01-01")
    html = "".join(str(getattr(b, "markup", b)) for b in consular._matrix_table(data))
    label = i18n.t("field.cc_none", lang)
    cells = re.findall(rf'<td data-label="{re.escape(label)}">([^<]*)</td>', html)
    expected = data.matrix[data.matrix["status"] == "none"].groupby("nationality").size()
    assert len(cells) == data.matrix["nationality"].nunique() and expected.max() > 1
    counts = [int(m.group(1)) for m in (re.match(rf"(\d+)\u00a0{unit}: \S", c) for c in cells if c) if m]  # never split
    assert len(counts) == len([c for c in cells if c]) and sorted(counts) == sorted(expected)


def test_overlaps_collect() -> None:
    data = overlaps.collect("en", on="2015-06-01")
    can = set(data.membership.loc[data.membership["framework_id"] == "can", "iso3"])
    assert can == {"BOL", "COL", "ECU", "PER"}  # the same answer as members_on, the one definition
    from migresearch import query

    assert can == set(query.members_on("can", "2015-06-01")["party"])
    assert data.membership["source_id"].notna().all()
    pairs = data.pairs.set_index(["a", "b"])
    assert (data.pairs["shared_members"] >= 0).all() and data.pairs["jaccard"].between(0, 1).all()
    assert list(data.pairs["shared_members"]) == sorted(data.pairs["shared_members"], reverse=True)
    assert ("can", "mercosur") in pairs.index or ("can", "csm") in pairs.index
    assert set(data.objectives["objective"]) <= set(range(1, 24))


def test_compendium_collect() -> None:
    data = compendium.collect("es")
    p = data.practices
    assert p["practice_id"].is_unique and len(p) == len(compendium.load("practices"))
    # Printed once, under the first theme it answers; every theme count includes the practices linked to it.
    assert all((h == min(ts)) if ts else h == 0 for h, ts in zip(p["home_theme"], p["themes"]))
    assert data.themes["n_practices"].sum() == sum(len(ts) for ts in p["themes"])
    assert set(data.objectives["objective"]) == {o for ps in p["primary"] for o in ps}
    assert all(pid in set(p["practice_id"]) for ids in data.objectives["practice_ids"] for pid in ids)
    assert (
        p["title"] == compendium.load("practices").set_index("practice_id").loc[p["practice_id"], "title_es"].to_numpy()
    ).all()


def test_data_quality_collect() -> None:
    import migresearch

    data = data_quality.collect("es")
    assert set(data.tables["table"]) == set(migresearch.list_datasets())  # a new table is counted without a change
    rows = data.tables.set_index("table")
    assert rows.loc["practices", "rows"] == len(migresearch.load("practices"))
    regs = migresearch.load("regularisations")
    assert rows.loc["regularisations", "evidence_missing"] == int((regs["evidence"].isna() | (regs["evidence"] == "")).sum())
    assert data.sources["rows"].sum() == sum(
        int(migresearch.load(t)["source_id"].notna().sum())
        for t in migresearch.list_datasets()
        if t != "sources" and "source_id" in migresearch.load(t).columns
    )
    assert len(data.coverage) >= 33 and data.coverage["total"].is_monotonic_increasing
    gcm = data.spanish.set_index(["table", "column"]).loc[("gcm_objectives", "title_es")]
    assert gcm["missing"] == int(migresearch.load("gcm_objectives")["title_es"].isna().sum())
    assert data.conflicts["groups"].sum() == migresearch.query.conflicts().groupby(["table", "record_id", "field"]).ngroups


def test_plurals_follow_cldr() -> None:
    from migresearch.reports._common import plural

    assert plural("unit.programmes", 1, "en") == "1 programme" and plural("unit.programmes", 2, "es") == "2 programas"
    assert plural("text.n_disagreements", 1, "es") == "1 discrepancia entre fuentes."


# --- the built pages ------------------------------------------------------------------------------------


class Visible(HTMLParser):
    """Visible text of a page, without citation lines, the footer, styles and the title."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        hidden = tag in ("style", "title", "footer") or "sources" in cls.split()
        if tag not in ("br", "img", "meta", "hr"):
            self._stack.append("hide" if hidden or (self._stack and self._stack[-1] == "hide") else tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "img", "meta", "hr") and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self._stack and self._stack[-1] == "hide"):
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        p = cls()
        p.feed(html)
        return " ".join(p.parts)


ANALYSES = (
    "20-regularisation-mechanisms",
    "21-regular-pathways",
    "22-consular-cooperation",
    "23-framework-overlaps",
    "24-best-practices-compendium",
    "30-data-quality",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from migresearch.build import publish

    out = tmp_path_factory.mktemp("analyses")
    outcome = publish.build(out=out, only="[23][0-9]-*", progress=False)
    assert outcome.exit_code == 0, outcome.messages
    return out


def page(built: Path, name: str, lang: str) -> str:
    return (built / lang / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", ANALYSES)
def test_pages_read_as_text_for_people(built: Path, name: str, lang: str) -> None:
    text = Visible.of(page(built, name, lang))
    assert not ISO_DATE.search(text), ISO_DATE.findall(text)[:5]
    for raw in ("None", "nan", "<NA>", "NaT"):
        assert not re.search(rf"(?<!\w){re.escape(raw)}(?!\w)", text), raw
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.findall(r"\b[a-z]+_[a-z_]+\b", text)[:5]


@pytest.mark.slow
def test_regularisation_page_facts(built: Path) -> None:
    en, es = page(built, "20-regularisation-mechanisms", "en"), page(built, "20-regularisation-mechanisms", "es")
    assert "2009 migration amnesty" in en and "Lei 11.961" in en and "2 July 2009" in en
    assert "Anistia migratória 2009" in es and "Lei 11.961" in es and "2 de julio de 2009" in es
    assert "Comparación de los programas" in es and i18n.t("chart.reg_timeline", "es") not in en
    assert f"{i18n.t('qualifier.about', 'en')} 43,000" in en and f"{i18n.t('qualifier.about', 'es')} 43.000" in es


@pytest.mark.slow
def test_regular_pathways_page_facts(built: Path) -> None:
    en, es = page(built, "21-regular-pathways", "en"), page(built, "21-regular-pathways", "es")
    assert "Decision 878: Andean Migration Statute" in en and "Estatuto Migratorio Andino" in es
    assert "Not applied to nationals of" in en and "Colombia, Ecuador, Peru" in en
    assert "No se aplica a nacionales de" in es and "Colombia, Ecuador, Perú" in es
    assert "11 de agosto de 2021" in es and "MERCOSUR Residence Agreement" not in Visible.of(es)


@pytest.mark.slow
def test_consular_page_facts(built: Path) -> None:
    en, es = page(built, "22-consular-cooperation", "en"), page(built, "22-consular-cooperation", "es")
    assert "Whose consulates may assist a national, and under what" in en and "Qué consulados pueden asistir" in es
    assert "Decisión CMC 35/00" in es and "1 de agosto de 2000" in es and "1 August 2000" in en
    assert 'alt="Grid of' in en and 'alt="Cuadrícula de' in es


@pytest.mark.slow
def test_overlaps_page_facts(built: Path) -> None:
    en, es = page(built, "23-framework-overlaps", "en"), page(built, "23-framework-overlaps", "es")
    assert "The pairs of frameworks that overlap most" in en and "Los pares de marcos que más se superponen" in es
    assert "Comunidad Andina" in es and "14 Protección consular" in es and "14 Consular protection" in en


@pytest.mark.slow
def test_compendium_page_facts(built: Path) -> None:
    en, es = page(built, "24-best-practices-compendium", "en"), page(built, "24-best-practices-compendium", "es")
    assert "Objetivo 16: Inclusión y cohesión social" in es and "Objective 16: Inclusion and social cohesion" in en
    assert "Índice por objetivo del PMM" in es and 'href="#objective-16"' in es and 'id="objective-16"' in es
    assert "@media print" in es and "break-inside:avoid" in es
    assert "Estatuto Temporal de Protección" in es


@pytest.mark.slow
def test_data_quality_page_facts(built: Path) -> None:
    en, es = page(built, "30-data-quality", "en"), page(built, "30-data-quality", "es")
    assert "Rows per table" in en and "Textos en español que faltan" in es and "Programas de regularización" in es
    assert "Valores inferidos y por qué" in es and "Las fuentes más antiguas" in es


def test_regularisation_map_is_drawn_over_the_celac_members() -> None:
    """The per-country section draws the Natural Earth map (with its own source) before the table."""
    from migresearch.present import maps
    from migresearch.reports import regularisation

    data = regularisation.collect("es")
    blocks = regularisation.map_section(data)
    html = "".join(str(getattr(b, "html", b)) for b in blocks)
    assert "<img" in html and "Mapa de América Latina y el Caribe" in html
    assert maps.SOURCE_ID in "".join(str(b.__dict__) for b in blocks) or "Natural Earth" in html
