"""Which places the map links, and how strongly."""

from __future__ import annotations

import dataclasses

from content.loader import load_pack
from desktop.map_links import MAX_LINKS, arcs, link_tiers, place_pairs


def test_pairs_follow_the_event_and_skip_unknown_and_repeated_places(qapp) -> None:
    pack = load_pack()
    event = next(e for e in pack.events if len(e.places) >= 2)
    a, b = event.places[:2]
    odd = dataclasses.replace(event, places=(b, "atlantis", a, a, b))
    assert place_pairs(odd, pack.places) == [(min(a, b), max(a, b))] * 2


def test_tiers_keep_the_strongest_pairs_and_grade_them(qapp) -> None:
    pack = load_pack()
    tiers = link_tiers(pack.events, pack.places)
    every = set().union(*tiers)
    assert 0 < len(every) <= MAX_LINKS
    assert tiers[2], "the strongest pair is always in the strong tier"
    path = arcs(every, pack.places)
    assert path.elementCount() > 0
