"""The offline maps: every CELAC state is drawn, unknown codes raise, alt text is in the page's language."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from migresearch import query
from migresearch.present import maps

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def celac() -> list[str]:
    return sorted(query.members_on("celac", query.data_as_of())["party"])


def test_every_celac_state_has_a_visible_outline_on_the_lac_map(celac: list[str]) -> None:
    assert len(celac) == 33
    for code in celac:
        polygons = maps.outline(code)
        assert any(maps._visible(p, maps.LAC) for p in polygons), code
        x, y = maps._centre(code, maps.LAC)
        assert maps.LAC.lon[0] < x < maps.LAC.lon[1] and maps.LAC.lat[0] < y < maps.LAC.lat[1], code


def test_small_states_are_marked(celac: list[str]) -> None:
    small = {c for c in celac if maps._small(c, maps.LAC)}
    assert {"KNA", "LCA", "VCT", "GRD", "ATG", "DMA", "BRB"} <= small
    assert not {"BRA", "MEX", "ARG", "PER"} & small


def test_highlight_map_draws_all_celac_states_and_names_them(celac: list[str]) -> None:
    png = maps.highlight_map(celac, "es", title="CELAC")
    assert png.data.startswith(b"\x89PNG")
    assert "33 países" in png.alt and "San Cristóbal y Nieves" in png.alt and "KNA" not in png.alt


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError, match="XXX"):
        maps.locator_map("XXX", "en")
    with pytest.raises(KeyError):
        maps.choropleth({"ZZZ": 1}, "en", "programmes")
    with pytest.raises(ValueError, match="GUF"):
        maps.outline("GUF")  # French Guiana: drawn within France by Natural Earth, never silently missing


def test_locator_map_alt_text_in_each_language() -> None:
    en, es = maps.locator_map("PER", "en"), maps.locator_map("PER", "es")
    assert en.alt == "Map of Latin America and the Caribbean with Peru highlighted."
    assert es.alt == "Mapa de América Latina y el Caribe con Perú resaltado."
    assert maps.locator_map("PER", "en").data == en.data  # deterministic bytes
    assert "Spain" in maps.locator_map("ESP", "en", maps.EUROPE).alt


def test_choropleth_legend_classes_and_alt(celac: list[str]) -> None:
    values = {"COL": 12, "PER": 5, "BRA": 3, "ARG": 3, "CHL": 1}
    png = maps.choropleth(values, "es", "Programas de regularización", domain=celac)
    assert "5 países tienen al menos uno, de 1 a 12 (Colombia)" in png.alt
    assert "28 no tienen ninguno registrado" in png.alt
    empty = maps.choropleth({}, "en", "programmes", domain=celac)
    assert "No country has any recorded" in empty.alt
    assert maps.classes([1, 1, 2, 3, 4, 5, 6, 7, 9, 12], n=3) == [(1, 3), (4, 6), (7, 12)]


def test_regularisation_map_reads_the_by_country_frame(celac: list[str]) -> None:
    frame = pd.DataFrame({"country_iso3": ["COL", "BRA"], "n_programmes": [4, 2]})
    png = maps.regularisation_map(frame, "en", celac)
    assert "Regularisation programmes" in png.alt and "Colombia" in png.alt


def test_outlines_are_vendored_with_their_provenance() -> None:
    geometry = json.loads((ROOT / "src/migresearch/present" / maps.GEOMETRY_FILE).read_text(encoding="utf-8"))
    with (ROOT / "data/countries.csv").open(encoding="utf-8", newline="") as fh:
        numeric = {r["numeric"] for r in csv.DictReader(fh)}
    assert set(geometry["countries"]) == numeric - {"535", "312", "254", "474"}  # BES, GLP, GUF, MTQ drawn within others
    with (ROOT / "data/sources.csv").open(encoding="utf-8", newline="") as fh:
        source = next(r for r in csv.DictReader(fh) if r["source_id"] == maps.SOURCE_ID)
    assert source["producer"] == "Natural Earth" and "4.1.0" in source["title"] and "ublic domain" in source["licence"]


def test_converter_decodes_delta_encoded_arcs_and_drops_rounding_duplicates() -> None:
    spec = importlib.util.spec_from_file_location("ne", ROOT / "tools/naturalearth_subset.py")
    ne = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ne)  # type: ignore[union-attr]
    topo = {
        "transform": {"scale": [0.001, 0.001], "translate": [-70.0, -10.0]},
        "arcs": [[[0, 0], [1000, 0], [1, 0], [0, 1000]], [[1001, 1000], [-1001, 0], [0, -1000]]],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "id": "604", "arcs": [[0, 1]]},
                    {"type": "Polygon", "id": "999", "arcs": [[~1, ~0]]},
                ]
            }
        },
    }
    out = ne.subset(topo, {"604"})
    assert out["countries"]["604"] == [[[[-70.0, -10.0], [-69.0, -10.0], [-69.0, -9.0], [-70.0, -9.0], [-70.0, -10.0]]]]
    assert len(out["context"]) == 1  # the unknown feature inside the LAC extent is context land
