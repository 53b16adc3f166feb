"""Finding a place by name in the shipped gazetteer (GeoNames' cities of 15,000+).

Offline: `resources/gazetteer/cities15000.json`, read once. A query matches a city
whose folded name (case and accents ignored) starts with it, then one containing it;
larger cities first, at most `limit`. See the gazetteer's README for its licence.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from content.query import fold
from resources import resource_path


@dataclass(frozen=True, slots=True)
class City:
    """A city of the gazetteer."""

    name: str
    lat: float
    lon: float
    country_code: str  # ISO 3166-1 numeric, as packs and the basemap use
    country: str
    population: int

    def label(self) -> str:
        """`Ganja, Azerbaijan (335,600)`: how the place form lists it."""
        return f"{self.name}, {self.country} ({self.population:,})"


@functools.cache
def _cities() -> tuple[tuple[str, City], ...]:
    doc = json.loads(resource_path("gazetteer", "cities15000.json").read_text(
        encoding="utf-8"))
    return tuple((fold(row[0]), City(row[0], row[1], row[2], row[3], row[4], row[5]))
                 for row in doc["cities"])


def find_cities(query: str, limit: int = 20) -> list[City]:
    """Cities whose name starts with `query`, then those containing it."""
    wanted = fold(query.strip())
    if len(wanted) < 2:
        return []
    starts: list = []
    contains: list = []
    for name, city in _cities():
        if name.startswith(wanted):
            starts.append(city)
            if len(starts) >= limit:
                break
        elif wanted in name and len(contains) < limit:
            contains.append(city)
    return (starts + contains)[:limit]
