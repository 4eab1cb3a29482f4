"""Regenerate ``src/migresearch/present/naturalearth-50m.json``, the offline country outlines the maps draw.

Provenance (recorded as the ``sources.csv`` row ``ref-naturalearth-50m``):

- Natural Earth 1:50m Cultural Vectors, Admin 0 - Countries, version 4.1.0
  (https://www.naturalearthdata.com/downloads/50m-cultural-vectors/), public domain
  (https://www.naturalearthdata.com/about/terms-of-use/);
- as packaged in TopoJSON by the npm package ``world-atlas`` 2.0.2 (Mike Bostock, ISC licence,
  https://github.com/topojson/world-atlas), file ``countries-50m.json`` of
  https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz
  (tarball SHA-256 ``032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97``,
  ``countries-50m.json`` SHA-256 ``04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394``).

Why 1:50m: the 1:110m outlines drop seven CELAC states (the small Caribbean islands).

What this does: decodes the quantised, delta-encoded TopoJSON arcs into absolute longitude/latitude
rings, keeps only the countries of ``data/countries.csv`` (by ISO 3166-1 numeric code), rounds every
coordinate to 0.01 degree (about 1 km, finer than the 1:50m scale shows) and drops the consecutive
points that rounding made equal.  Output: ``{"countries": {"<ISO numeric>": [polygon [ring [[lon, lat],
...], ...], ...]}, "context": [polygon, ...]}``, first ring of each polygon its outer boundary, the others
its holes.  ``context`` is the land of every other admin-0 feature that reaches into the two map extents
(:data:`EXTENTS`: Norway, Russia, Türkiye, Tunisia, South Georgia...), drawn as anonymous grey land so a
map has no holes where the data has no country.  Natural Earth
draws Bonaire, Sint Eustatius and Saba (BES) within the Netherlands and French Guiana, Guadeloupe and
Martinique within France, so those four codes have no outline of their own.

Standard library only.  Usage (from the project root)::

    curl -sSLO https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz && tar xzf world-atlas-2.0.2.tgz
    python tools/naturalearth_subset.py package/countries-50m.json data/countries.csv \\
        src/migresearch/present/naturalearth-50m.json
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable
from pathlib import Path

Point = tuple[float, float]
#: The extents the maps draw, as ((lon min, lon max), (lat min, lat max)); keep in step with ``present/maps.py``.
EXTENTS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "lac": ((-118.5, -33.0), (-56.5, 33.0)),
    "europe": ((-25.0, 45.0), (34.0, 71.5)),
}


def ring_decoder(topo: dict) -> Callable[[list[int]], list[Point]]:
    """A function turning a TopoJSON ring (a list of arc indexes, ``~i`` reversed) into absolute points."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[Point]:
        out: list[Point] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])  # consecutive arcs share their joining point
        return out

    return ring


def rounded(ring: list[Point]) -> list[list[float]]:
    """The ring rounded to 0.01 degree, without the consecutive duplicates rounding creates."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, 2), round(y, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _inside(points: list[Point]) -> bool:
    return any(x0 <= x <= x1 and y0 <= y <= y1 for (x0, x1), (y0, y1) in EXTENTS.values() for x, y in points)


def subset(topo: dict, numeric_codes: set[str]) -> dict[str, object]:
    """The outlines of the countries whose ISO numeric code is in ``numeric_codes``, and the context land."""
    ring = ring_decoder(topo)
    countries, context = {}, []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        decoded = [[ring(r) for r in polygon] for polygon in polygons]
        if geometry.get("id") in numeric_codes:
            countries[geometry["id"]] = [[rounded(r) for r in polygon] for polygon in decoded]
        elif _inside([p for polygon in decoded for p in polygon[0]]):
            context.extend([rounded(r) for r in polygon] for polygon in decoded)
    return {"countries": countries, "context": context}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas 2.0.2 countries-50m.json")
    parser.add_argument("countries", type=Path, help="data/countries.csv (its numeric column selects the countries)")
    parser.add_argument("output", type=Path, help="the JSON to write")
    args = parser.parse_args(argv)
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    with args.countries.open(encoding="utf-8", newline="") as fh:
        wanted = {row["numeric"] for row in csv.DictReader(fh)}
    args.output.write_text(json.dumps(subset(topo, wanted), separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
