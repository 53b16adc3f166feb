"""Geography shared by every renderer: the Mercator projection and the basemap.

Projected units are "Mercator degrees": x is the longitude, y grows southward and
equals the longitude scale at the equator, so one unit is one degree of longitude.
The basemap ships already projected, as float32 values, and is read once per
process.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from resources import resource_path

MAX_LAT = 82.0  # Mercator runs to infinity at the poles: clamp
PROJECTION = "mercator-degrees-v1"  # what the shipped basemap's coordinates are in
LAYOUT = "counted-rings-f32le-v1"  # each ring: uint32 point count, then float32 x, y
BASEMAP_FILE = ("basemap", "countries-50m.json")


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude/latitude in degrees to projected (x, y), y growing southward."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return lon, -y


def unproject(x: float, y: float) -> tuple[float, float]:
    """Projected (x, y) back to longitude/latitude in degrees."""
    lat = math.degrees(2 * math.atan(math.exp(math.radians(-y))) - math.pi / 2)
    return x, lat


@dataclass(frozen=True, slots=True, eq=False)
class Country:
    """One country's shape: rings of projected points, flat [x0, y0, x1, y1, ...]."""

    id: str
    name: str
    rings: tuple[Sequence[float], ...]
    bounds: tuple[float, float, float, float]  # projected min x, min y, max x, max y

    @property
    def centre(self) -> tuple[float, float]:
        """Centre of the largest ring's bounding box (where a label goes)."""
        ring = max(self.rings, key=len)
        xs, ys = ring[0::2], ring[1::2]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


@dataclass(frozen=True, slots=True, eq=False)
class Basemap:
    """Projected countries plus border and coast polylines."""

    countries: tuple[Country, ...]
    borders: tuple[Sequence[float], ...]
    coasts: tuple[Sequence[float], ...]
    # The file's own bytes: every ring in order (countries, borders, coasts), each a
    # little-endian uint32 point count, then float32 x, y pairs. A renderer may read
    # them in one pass (the map does, as Qt polygon records); nothing here knows Qt.
    ring_bytes: bytes

    def country(self, country_id: str) -> Country | None:
        """The country with ISO numeric `country_id`, if the basemap has it."""
        return next((c for c in self.countries if c.id == country_id), None)


@functools.lru_cache(maxsize=1)
def load_basemap() -> Basemap:
    """The shipped basemap, projected (read once per process; about 5 ms)."""
    index = json.loads(resource_path(*BASEMAP_FILE).read_text(encoding="utf-8"))
    found = (index.get("projection"), index.get("layout"))
    if found != (PROJECTION, LAYOUT):
        raise ValueError(f"basemap is {found!r}, expected {(PROJECTION, LAYOUT)!r}; "
                         "regenerate it with scripts/make_basemap.py")
    raw = resource_path(BASEMAP_FILE[0], index["values"]).read_bytes()
    values = array("f")
    values.frombytes(raw)
    if sys.byteorder != "little":
        values.byteswap()
    position = 0

    def take(lengths: list[int]) -> tuple[array, ...]:
        nonlocal position
        out = []
        for length in lengths:
            position += 1  # the ring's point count, there for Qt's reader
            out.append(values[position:position + length])
            position += length
        return tuple(out)

    countries = tuple(Country(c["id"], c["name"], take(c["rings"]), tuple(c["bounds"]))
                      for c in index["countries"])
    borders, coasts = take(index["borders"]), take(index["coasts"])
    if position != len(values):
        raise ValueError(f"basemap values hold {len(values)} numbers, the index "
                         f"describes {position}; regenerate it with scripts/make_basemap.py")
    return Basemap(countries, borders, coasts, raw)


def view_box(west: float, south: float, east: float, north: float
             ) -> tuple[float, float, float, float]:
    """A lon/lat box as a projected rectangle (x, y, width, height)."""
    x0, y0 = project(west, north)
    x1, y1 = project(east, south)
    return x0, y0, x1 - x0, y1 - y0


def clip_ring(ring: Sequence[float], box: tuple[float, float, float, float]
              ) -> list[float]:
    """Clip a closed flat ring to a rectangle (x0, y0, x1, y1): Sutherland–Hodgman.

    A ring wholly inside comes back as it is and one wholly outside as [], without
    visiting its points one by one.
    """
    x0, y0, x1, y1 = box
    xs, ys = ring[0::2], ring[1::2]
    low_x, high_x, low_y, high_y = min(xs), max(xs), min(ys), max(ys)
    if high_x < x0 or low_x > x1 or high_y < y0 or low_y > y1:
        return []
    if x0 <= low_x and high_x <= x1 and y0 <= low_y and high_y <= y1:
        return list(ring)
    points = list(zip(xs, ys, strict=True))
    for axis, limit, keep_above in ((0, x0, True), (0, x1, False), (1, y0, True),
                                    (1, y1, False)):
        if not points:
            break
        # the edge's test and crossing written out, not called: the hot loop of a map
        out: list[tuple[float, float]] = []
        px, py = points[-1]
        pv = py if axis else px
        p_in = pv >= limit if keep_above else pv <= limit
        for cx, cy in points:
            cv = cy if axis else cx
            c_in = cv >= limit if keep_above else cv <= limit
            if c_in != p_in:
                t = (limit - pv) / (cv - pv)
                out.append((px + t * (cx - px), limit) if axis else (limit, py + t * (cy - py)))
            if c_in:
                out.append((cx, cy))
            px, py, pv, p_in = cx, cy, cv, c_in
        points = out
    return [v for p in points for v in p]
