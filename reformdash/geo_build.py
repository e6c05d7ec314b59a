"""Build the shipped province maps once: python -m reformdash.geo_build [TOPOJSON] (default ../shared/data/geo/…).

Reads Open Development Mekong's 63 provinces (TopoJSON, converted by phamductu/vietnamese-provincial-icons),
matches every shape to a registry entity through the registry's names and aliases (misspellings such as «Cần Thơn»
are rows of data/reference/entity_aliases.csv, not mappings here), simplifies the shared borders once (so
neighbours still meet), and writes data/reference/geo/provinces_63.geojson and provinces_34.geojson. The 34
provinces of 1 July 2025 are unions along entity_lineage.csv, made the topological way: a border two members share
is dropped and the rest is stitched into rings. Nothing is cropped: Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa)
stay. Pure Python, no geometry library: office machines install nothing for it, and the runtime only reads the
GeoJSON.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from reformdash.registry import Entity, Registry
from reformdash.store import REFERENCE, ROOT, load_reference_tables

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo" / "vietnam_63_provinces.topo.json"
OUT = ROOT / "static" / "geo"  # served to the pages (maps.SHAPES_URL)
MERGER = dt.date(2025, 7, 1)
TOLERANCE = 0.01  # degrees (~1.1 km): Douglas–Peucker on each border; the page stays light, the shapes readable
DECIMALS = 2  # ~1.1 km: a province map 1,000 px tall shows ~1.7 km a pixel
MAP_NOTES = REFERENCE / "geo" / "maps.csv"  # each map's attribution and note, written into its GeoJSON

Point = tuple[int, int]


def reference_registry() -> Registry:
    """The registry as the reference CSVs define it (no database needed to build the maps)."""
    tables = load_reference_tables()
    def day(value):
        return None if value is None or value != value else value  # NaT (an open end) is not a date

    entities = [Entity(r.code, r.kind, r.name_vi, r.name_en, r.parent_code, day(r.valid_from), day(r.valid_to),
                       r.code_2025) for r in tables["entity"].astype(object).itertuples(index=False)]
    aliases = list(zip(tables["entity_alias"]["alias_key"], tables["entity_alias"]["entity_code"]))
    lineage = list(zip(*(tables["entity_lineage"][c] for c in ("old_code", "new_code", "effective_date"))))
    return Registry(entities, aliases, lineage)


def decode_arcs(topo: dict) -> list[list[Point]]:
    """The topology's arcs as absolute quantised points (integers, so shared ends match exactly)."""
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def _keep(points: list[Point], tolerance: float) -> list[int]:
    """Indices Douglas–Peucker keeps (first and last always), iteratively (long borders would recurse deep)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, at = d, i
        if at > 0 and best > tolerance:
            keep.add(at)
            stack += [(a, at), (at, b)]
    return sorted(keep)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """One border simplified; a closed arc (an island) keeps at least a triangle, so no island vanishes."""
    if len(points) <= 3:
        return points
    if points[0] == points[-1]:  # a ring: split at its farthest point so both halves have distinct ends
        far = max(range(len(points)), key=lambda i: (points[i][0] - points[0][0]) ** 2
                  + (points[i][1] - points[0][1]) ** 2)
        first = [points[i] for i in _keep(points[:far + 1], tolerance)]
        second = [points[far + i] for i in _keep(points[far:], tolerance)]
        ring = first + second[1:]
        if len(ring) < 4:  # a tiny island: its three most spread points
            third = max(range(len(points)), key=lambda i: _triangle(points[0], points[far], points[i]))
            ring = [points[i] for i in sorted({0, far, third})] + [points[0]]
        return ring
    return [points[i] for i in _keep(points, tolerance)]


def _triangle(a: Point, b: Point, c: Point) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]))


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A TopoJSON ring (arc indices, ~i = reversed) as closed points."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return points


def signed_area(points) -> float:
    """Shoelace area (positive = counter-clockwise with x east, y north)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:])) / 2


def contains(ring, point) -> bool:
    """Point in polygon (even–odd), for telling a hole from an island."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """Polygon → [rings]; MultiPolygon → [[rings], …] (rings as arc-index lists)."""
    return [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]


def merge_rings(members: list[dict]) -> list[list[int]]:
    """The outline of several neighbours: every ring's arcs, less those two members share, stitched into rings."""
    used: dict[int, list[int]] = {}
    for geometry in members:
        for polygon in polygons_of(geometry):
            for ring in polygon:
                for index in ring:
                    used.setdefault(index if index >= 0 else ~index, []).append(index)
    outer = [refs[0] for refs in used.values() if len(refs) == 1]  # a shared border appears twice: dropped
    return outer


def stitch(indices: list[int], arcs: list[list[Point]]) -> list[list[int]]:
    """Arcs (with direction) joined end to start into closed rings (as arc-index lists)."""
    def ends(i):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        return arc[0], arc[-1]
    starting: dict[Point, list[int]] = {}
    for i in indices:
        starting.setdefault(ends(i)[0], []).append(i)
    rings = []
    left = set(indices)
    for first in indices:
        if first not in left:
            continue
        chain, i = [], first
        while i in left:
            left.discard(i)
            chain.append(i)
            end = ends(i)[1]
            nxt = [j for j in starting.get(end, []) if j in left]
            if not nxt:
                break
            i = nxt[0]
        points = ring_points(chain, arcs)
        if points[0] != points[-1]:
            raise ValueError(f"an outline does not close: arcs {chain[:5]}…")
        rings.append(chain)
    return rings


def to_polygons(chains: list[list[int]], exterior_sign: int, raw: list[list[Point]],
                arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """Rings grouped as polygons: exteriors (the source's orientation) each with the holes inside them.

    Told apart on the full-resolution borders (`raw`): a simplified islet can turn over; drawn simplified (`arcs`).
    """
    full = [ring_points(c, raw) for c in chains]
    exterior = [(signed_area(r) > 0) == (exterior_sign > 0) for r in full]
    polygons = [[k] for k, is_exterior in enumerate(exterior) if is_exterior]
    for k, is_exterior in enumerate(exterior):
        if is_exterior:
            continue
        around = [p for p in polygons if contains(full[p[0]], full[k][0])]
        if not around:
            raise ValueError("a hole lies in no outline")
        min(around, key=lambda p: abs(signed_area(full[p[0]]))).append(k)
    return [[ring_points(chains[k], arcs) for k in polygon] for polygon in polygons]


def geojson_coordinates(polygons: list[list[list[Point]]], transform: dict) -> list:
    """Quantised rings → rounded lon/lat, wound as d3 (and so plotly.js) draws them: exteriors clockwise."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out = []
    for polygon in polygons:
        rings = []
        for k, ring in enumerate(polygon):
            points = [(round(x * sx + tx, DECIMALS), round(y * sy + ty, DECIMALS)) for x, y in ring]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) < 4 or signed_area(points) == 0:
                if k == 0:
                    break  # rounded away (a rock smaller than the rounding): nothing a reader could see
                continue
            clockwise = signed_area(points) < 0
            if clockwise != (k == 0):
                points.reverse()
            rings.append(points)
        if rings:
            out.append(rings)
    return out


def match(topo: dict, registry: Registry) -> dict[str, dict]:
    """Entity code → the topology's geometry; every shape matched once through the registry, or an error."""
    found: dict[str, dict] = {}
    unmatched = []
    for geometry in topo["objects"]["diaphantinh"]["geometries"]:
        name = geometry["properties"]["ten_tinh"]
        code = registry.resolve(name, ("province",), year=2019)
        if code is None:
            unmatched.append(name)
        elif code in found:
            raise ValueError(f"«{name}» and another shape both match {code}")
        else:
            found[code] = geometry
    if unmatched:
        raise ValueError("shapes with no registry name (add an alias to data/reference/entity_aliases.csv): "
                         + ", ".join(unmatched))
    return found


def build(source: Path = SOURCE, out: Path = OUT) -> dict[str, int]:
    """Write provinces_63.geojson and provinces_34.geojson; their sizes in bytes."""
    topo = json.loads(source.read_text(encoding="utf-8"))
    registry = reference_registry()
    shapes = match(topo, registry)
    field_2019 = set(registry.field("province", 2019))
    if set(shapes) != field_2019:
        raise ValueError(f"shapes and the 2008–2025 provinces differ: {sorted(set(shapes) ^ field_2019)}")
    raw = decode_arcs(topo)
    tolerance = TOLERANCE / topo["transform"]["scale"][0]
    arcs = [simplify(a, tolerance) for a in raw]
    first_rings = [ring_points(polygons_of(g)[0][0], raw) for g in shapes.values()]
    signs = {1 if signed_area(r) > 0 else -1 for r in first_rings}
    if len(signs) != 1:
        raise ValueError("the source's exterior rings are wound both ways")
    sign = signs.pop()

    members = {code: [code] for code in registry.field("province", 2026)}
    for old, (new, when) in registry.absorbed_by.items():
        if when == MERGER and registry.entities[old].kind == "province":
            members[new].append(old)

    def feature(code: str, polygons, extra: dict) -> dict:
        e = registry.entities[code]
        return {"type": "Feature", "id": code,
                "properties": {"code": code, "name_vi": e.name_vi, "name_en": e.name_en or e.name_vi, **extra},
                "geometry": {"type": "MultiPolygon",
                             "coordinates": geojson_coordinates(polygons, topo["transform"])}}

    maps = {"63": [], "34": []}
    for code, geometry in sorted(shapes.items()):
        polygons = [[ring_points(r, arcs) for r in polygon] for polygon in polygons_of(geometry)]
        maps["63"].append(feature(code, polygons, {"source_name": geometry["properties"]["ten_tinh"]}))
    for code, codes in sorted(members.items()):
        chains = stitch(merge_rings([shapes[c] for c in codes]), raw)
        maps["34"].append(feature(code, to_polygons(chains, sign, raw, arcs), {"members": sorted(codes)}))
    sizes = {}
    out.mkdir(parents=True, exist_ok=True)
    with MAP_NOTES.open(encoding="utf-8", newline="") as f:
        notes = {row["map"]: row for row in csv.DictReader(f)}
    for n, features in maps.items():
        collection = {"type": "FeatureCollection", "attribution": notes[n]["attribution"], "note": notes[n]["note"],
                      "features": features}
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        (out / f"provinces_{n}.geojson").write_text(text, encoding="utf-8")
        sizes[n] = len(text.encode("utf-8"))
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reformdash.geo_build", description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    sizes = build(args.source)
    for n, size in sizes.items():
        print(f"provinces_{n}.geojson: {size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
