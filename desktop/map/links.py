"""Links between places on the map: which pairs of places events connect, and the
gentle curves drawn between them."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from content.geo import project
from content.model import Event, Place

MAX_LINKS = 40  # more lines than this is noise, and slow to stroke
BEND = 0.18  # how far a curve bows out, as a share of its length

Pair = tuple[str, str]  # two place ids, in sorted order


def place_pairs(event: Event, places: Mapping[str, Place]) -> list[Pair]:
    """The pairs of known, different places an event visits one after the other
    (a pair the event goes back and forth on appears each time)."""
    ids = [p for p in event.places if p in places]
    return [(min(a, b), max(a, b)) for a, b in itertools.pairwise(ids) if a != b]


def link_tiers(events: Iterable[Event], places: Mapping[str, Place]) -> list[set[Pair]]:
    """The `MAX_LINKS` pairs most events connect, split into thin, medium and strong
    by how many events connect them relative to the strongest."""
    weight: Counter[Pair] = Counter()
    for event in events:
        weight.update(place_pairs(event, places))
    strongest = weight.most_common(MAX_LINKS)
    top = strongest[0][1] if strongest else 1
    tiers: list[set[Pair]] = [set(), set(), set()]
    for pair, count in strongest:
        tiers[min(2, int(3 * count / (top + 1)))].add(pair)
    return tiers


def arcs(pairs: Iterable[Pair], places: Mapping[str, Place]) -> QPainterPath:
    """One quadratic curve per pair, bowing to the left of its direction."""
    path = QPainterPath()
    for a, b in sorted(pairs):
        p1 = QPointF(*project(places[a].lon, places[a].lat))
        p2 = QPointF(*project(places[b].lon, places[b].lat))
        mid = (p1 + p2) / 2
        dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
        path.moveTo(p1)
        path.quadTo(QPointF(mid.x() + dy * BEND, mid.y() - dx * BEND), p2)
    return path
