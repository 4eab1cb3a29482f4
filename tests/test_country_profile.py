"""The country profile: collect() on its own, the declared report list, and the rendered pages."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path

import papermill
import pytest

from migresearch import query, reports
from migresearch.build import publish as b
from migresearch.errors import ParameterError
from migresearch.reports import country_profile as cp
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def peru() -> cp.CountryProfile:
    return cp.collect("PER")


def test_collect_is_typed_and_names_the_andean_community(peru: cp.CountryProfile) -> None:
    assert peru.iso3 == "PER" and peru.on == query.data_as_of()
    assert "can" in peru.framework_ids and "can" in set(peru.frameworks_now["framework_id"])
    assert str(peru.spans["framework_id"].dtype) == "string" and str(peru.spans["start"].dtype).startswith("datetime64")
    assert set(peru.regularisations["country_iso3"]) == {"PER"} and len(peru.regularisations) >= 4
    assert peru.consular["nationals"].str.split("|").map(lambda xs: "PER" in xs).all()
    assert "can-decision-548" in set(peru.consular["mechanism_id"])
    assert peru.practices["countries"].str.split("|").map(lambda xs: "PER" in xs).all()
    assert set(peru.figures["place"]) == {"PER"} and (peru.figures["vintage"] >= 1).all()
    assert peru.meetings[["hosted", "chaired"]].any(axis=1).all()


def test_spans_agree_with_members_on(peru: cp.CountryProfile) -> None:
    """The chart's open spans are exactly the frameworks whose members_on lists the country today."""
    for framework in peru.spans["framework_id"].unique():
        members = query.members_on(framework, peru.on, roles=cp.CHART_ROLES)
        open_ = bool(peru.spans.loc[peru.spans["framework_id"] == framework, "open"].any())
        assert open_ == ("PER" in set(members["party"])), framework


def test_brazil_celac_suspension_is_a_gap() -> None:
    spans = cp.collect("BRA").spans
    celac = spans[spans["framework_id"] == "celac"].sort_values("start")
    assert len(celac) == 2 and celac["end"].iloc[0].year == 2020 and celac["start"].iloc[1].year == 2023


def test_unknown_country_raises() -> None:
    with pytest.raises(KeyError, match="XXX"):
        cp.collect("XXX")


def test_report_expands_over_the_celac_members_on_the_data_date() -> None:
    spec = next(s for s in reports.REPORTS if s.name == "02-country-profile")
    jobs = reports.plan(only="02-country-profile*")
    members = sorted(query.members_on("celac", query.data_as_of())["party"])
    assert sorted({j.params["country"] for j in jobs}) == members and len(members) == 33
    assert len(jobs) == 66 and {j.lang for j in jobs} == {"en", "es"}
    with pytest.raises(ParameterError, match="ESP"):
        spec.check({"country": "ESP", "lang": "en"}, ROOT / "data")
    assert cp.profile_href("country", "PER", "en") == f"{spec.slug({'country': 'PER', 'lang': 'en'})}.html"
    framework = next(s for s in reports.REPORTS if s.name == "01-framework-profile")
    assert cp.profile_href("framework", "can", "es") == f"{framework.slug({'framework': 'can', 'lang': 'es'})}.html"


def test_country_links_name_profiled_members_only() -> None:
    block = cp.country_links(["PER", "BOL", "ESP", "can"], "es")
    assert block is not None
    assert '<a href="02-country-profile-PER.html">Perú</a>' in block.markup and "ESP" not in block.markup
    assert cp.country_links(["ESP"], "en") is None


class _Text(HTMLParser):
    """Visible text outside citation lines, the footer and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.parts, self.alts, self.hrefs = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.alts.append(a.get("alt") or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag in ("img", "br", "meta", "link", "input", "hr"):
            return
        skip = tag in ("footer", "style", "title", "head") or "sources" in (a.get("class") or "").split()
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(skip for _, skip in self.stack):
            self.parts.append(data)


#: Proper names that look like country codes: the Andean Community's acronym, used in the data's own prose.
ALLOWED = {"CAN"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("country")
    outcome = b.build(out=out, only="02-country-profile-[PK][EN][RA]", progress=False)  # PER and KNA
    assert outcome.exit_code == 0, outcome.messages
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang,andean,subtitle", [("en", "Andean Community", "Country profile"), ("es", "Comunidad Andina", "Perfil de país")]
)
def test_rendered_peru_page(built: Path, lang: str, andean: str, subtitle: str) -> None:
    page = (built / lang / "02-country-profile-PER.html").read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    text = htmllib.unescape(" ".join(parser.parts))
    assert andean in text and subtitle in text
    assert "01-framework-profile-can.html" in parser.hrefs
    assert any(("Perú" if lang == "es" else "Peru") in alt for alt in parser.alts)
    codes = set(query.load("countries")["iso3"].astype(str))
    bare = [m.group(0) for m in re.finditer(r"(?<![(\w])[A-Z]{3}(?![)\w])", text) if m.group(0) in codes - ALLOWED]
    assert bare == [], f"country codes without their name: {sorted(set(bare))}"
    assert "<script" not in page


@pytest.mark.slow
def test_small_island_state_page(built: Path) -> None:
    page = (built / "es" / "02-country-profile-KNA.html").read_text(encoding="utf-8")
    assert "San Cristóbal y Nieves" in page and "Mapa de América Latina y el Caribe con San Cristóbal y Nieves resaltado." in page


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_notebook_runs_under_papermill_with_its_defaults(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out.ipynb"
    params = {} if lang == "en" else {"lang": "es"}
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "02-country-profile.ipynb"),
        str(out),
        parameters=params,
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=300,
        cwd=str(tmp_path),
    )
    text = out.read_text(encoding="utf-8")
    assert ("Comunidad Andina" if lang == "es" else "Andean Community") in text


def test_framework_profile_links_back_to_member_country_profiles() -> None:
    from migresearch.reports import framework_profile

    markup = framework_profile.members(framework_profile.collect("can"), "es").markup
    assert '<a href="02-country-profile-PER.html">Perú</a>' in markup
