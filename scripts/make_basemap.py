#!/usr/bin/env python3
"""Regenerate resources/basemap/countries-50m.json from the world-atlas npm package.

Run once by a developer (network to the npm registry needed), never at run time:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/make_basemap.py /tmp/package/countries-50m.json

What it does to Natural Earth's 1:50m countries (TopoJSON):
- decodes the quantised, delta-encoded arcs into longitude/latitude;
- shows internationally recognised borders: Somaliland is drawn as part of Somalia,
  N. Cyprus as part of Cyprus, and Ashmore and Cartier Is. (which reuses "036") as
  part of Australia; Kosovo keeps its own shape (id "XKX"), as do Siachen Glacier
  ("SIA", disputed) and the Indian Ocean Territories ("IOT");
- splits shapes and border lines crossing the 180th meridian (Russia, Fiji) so they
  do not streak across the map; drops Antarctica (outside the Mercator map);
- writes fills per country and one border mesh (each shared border once; borders
  between merged parts are left out), projected with content.geo.project and rounded
  to 0.01 unit: an index (JSON: ids, names, bounds, ring lengths) and the coordinates
  as little-endian float32, so loading at run time is one read and no arithmetic.
  Each ring is preceded by its point count (uint32), which makes the file a run of
  QPolygonF records in QDataStream's single-precision format: the map builds all of
  them from one stream.
"""

from __future__ import annotations

import itertools
import json
import struct
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from content.geo import LAYOUT, PROJECTION, project  # noqa: E402  (the one projection, shared)

OUT = ROOT / "resources" / "basemap" / "countries-50m.json"  # index: ids, names, lengths
VALUES = OUT.with_suffix(".f32")  # every ring: a uint32 point count, then float32 x, y (LE)
MERGE = {"Somaliland": ("706", "Somalia"), "N. Cyprus": ("196", "Cyprus"),
         "Ashmore and Cartier Is.": ("036", "Australia")}
NEW_IDS = {"Kosovo": "XKX", "Siachen Glacier": "SIA", "Indian Ocean Ter.": "IOT"}
DROP = {"010"}  # Antarctica


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous (no jumps over 180 degrees)."""
    out = [points[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in itertools.pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append((x1 + shift, y1))
    return out


def clip(points: list, keep) -> list:
    out = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        inside_now, inside_before = keep(current), keep(previous)
        if inside_now != inside_before:
            edge = 180.0 if abs(current[0] - 180) < abs(current[0] + 180) or \
                max(current[0], previous[0]) > 180 else -180.0
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if inside_now:
            out.append(current)
    return out


def split_ring(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring as one or more rings inside [-180, 180]."""
    ring = unwrap(points)
    xs = [x for x, _ in ring]
    if min(xs) >= -180 and max(xs) <= 180:
        return [ring]
    parts = []
    if max(xs) > 180:
        parts.append(clip(ring, lambda p: p[0] <= 180))
        parts.append([(x - 360, y) for x, y in clip(ring, lambda p: p[0] >= 180)])
    else:
        parts.append(clip(ring, lambda p: p[0] >= -180))
        parts.append([(x + 360, y) for x, y in clip(ring, lambda p: p[0] <= -180)])
    return [p for p in parts if len(p) >= 3]


def split_line(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    lines, current = [], [points[0]]
    for a, b in itertools.pairwise(points):
        if abs(b[0] - a[0]) > 180:
            lines.append(current)
            current = []
        current.append(b)
    lines.append(current)
    return [line for line in lines if len(line) >= 2]


def flat(points: list[tuple[float, float]]) -> list[float]:
    """Projected (see content.geo.project), rounded to 0.01 unit, repeats dropped."""
    out: list[float] = []
    last = None
    for lon, lat in points:
        x, y = project(lon, lat)
        pair = (round(x, 2), round(y, 2))
        if pair != last:
            out.extend(pair)
            last = pair
    return out


def main(source: str) -> None:
    topo = json.loads(Path(source).read_text())
    arcs = decode_arcs(topo)
    countries: dict[str, dict] = {}
    arc_owner: dict[int, set[str]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        cid = geometry.get("id")
        if name in MERGE:
            cid, name = MERGE[name]
        elif cid is None:
            cid = NEW_IDS[name]
        if cid in DROP or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        entry = countries.setdefault(cid, {"id": cid, "name": name, "polygons": []})
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    arc_owner.setdefault(index if index >= 0 else ~index, set()).add(cid)
                for part in split_ring(ring_points(ring, arcs)):
                    entry["polygons"].append(flat(part))
    borders, coasts = [], []
    for index, owners in arc_owner.items():
        uses = sum(1 for g in topo["objects"]["countries"]["geometries"]
                   for poly in (g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]])
                   for ring in poly for i in ring if (i if i >= 0 else ~i) == index) \
            if len(owners) == 1 else 2
        if len(owners) == 1 and uses > 1:
            continue  # a border inside a merged country
        target = borders if len(owners) > 1 else coasts
        target.extend(flat(line) for line in split_line(arcs[index]))
    chunks: list[bytes] = []

    def lengths(rings: list[list[float]]) -> list[int]:
        """Append each ring as QDataStream writes a QPolygonF (a point count, then
        the points) and return the rings' lengths in values."""
        for ring in rings:
            values = array("f", ring)
            if sys.byteorder != "little":
                values.byteswap()
            chunks.append(struct.pack("<I", len(ring) // 2) + values.tobytes())
        return [len(ring) for ring in rings]

    index = []
    for country in sorted(countries.values(), key=lambda c: c["id"]):
        xs = [v for ring in country["polygons"] for v in ring[0::2]]
        ys = [v for ring in country["polygons"] for v in ring[1::2]]
        index.append({"id": country["id"], "name": country["name"],
                      "bounds": [min(xs), min(ys), max(xs), max(ys)],
                      "rings": lengths(country["polygons"])})
    data = {
        "source": "Natural Earth 1:50m admin-0 countries 4.1.0 via world-atlas 2.0.2 (npm)",
        "licence": "Natural Earth: public domain; world-atlas: ISC",
        "projection": PROJECTION, "layout": LAYOUT, "values": VALUES.name,
        "countries": index, "borders": lengths(borders), "coasts": lengths(coasts),
    }
    VALUES.write_bytes(b"".join(chunks))
    OUT.write_text(json.dumps(data, separators=(",", ":")))
    print(f"wrote {OUT} and {VALUES.name} ({VALUES.stat().st_size:,} bytes, "
          f"{len(countries)} countries)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/countries-50m.json")
