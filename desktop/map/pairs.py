"""Which pairs of places events connect, and how strongly: plain Python, no Qt.

The map draws the `MAX_LINKS` pairs most events connect as curves in three weights
(`desktop.map.links` draws them); this module only counts.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping

from content.columns import PairColumn
from content.model import Event, Place
from content.query import EventIndex

MAX_LINKS = 40  # more lines than this is noise, and slow to stroke

Pair = tuple[str, str]  # two place ids, in sorted order


def place_pairs(event: Event, places: Mapping[str, Place]) -> list[Pair]:
    """The pairs of known, different places an event visits one after the other
    (a pair the event goes back and forth on appears each time)."""
    if len(event.places) < 2:
        return []
    ids = [p for p in event.places if p in places]
    return [(a, b) if a < b else (b, a) for a, b in itertools.pairwise(ids) if a != b]


def link_tiers(events: Iterable[Event], places: Mapping[str, Place]) -> list[set[Pair]]:
    """The `MAX_LINKS` pairs most events connect, split into thin, medium and strong
    by how many events connect them relative to the strongest."""
    weight: Counter[Pair] = Counter()
    for event in events:
        weight.update(place_pairs(event, places))
    return tiers_of(weight)


def visible_link_tiers(index: EventIndex, rows: list[int],
                       places: Mapping[str, Place]) -> list[set[Pair]]:
    """`link_tiers` of the events at `rows`, from the index's column of the place
    pairs events connect (built once per pack): one count over the rows."""
    pairs = index.column("map.pairs",
                         lambda: PairColumn(index.lists["place"], places.__contains__))
    rows_mask = None if len(rows) == index.size else index.mask(rows)
    strongest = [((a, b) if a < b else (b, a), count)
                 for (a, b), count in pairs.count(rows_mask, MAX_LINKS)]
    return _tiers(strongest)


def tiers_of(weight: Counter[Pair]) -> list[set[Pair]]:
    """The `MAX_LINKS` strongest of `weight`'s pairs, as thin, medium and strong."""
    return _tiers(weight.most_common(MAX_LINKS))


def _tiers(strongest: list[tuple[Pair, int]]) -> list[set[Pair]]:
    top = strongest[0][1] if strongest else 1
    tiers: list[set[Pair]] = [set(), set(), set()]
    for pair, count in strongest:
        tiers[min(2, int(3 * count / (top + 1)))].add(pair)
    return tiers
