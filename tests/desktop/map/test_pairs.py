"""Which places the map links, and how strongly (plain Python: no Qt needed)."""

from __future__ import annotations

import dataclasses

from content.loader import load_pack
from desktop.map.pairs import MAX_LINKS, link_tiers, place_pairs


def linked_pack():
    """The embedded pack with a few events naming several places (the curated ones
    name one place each, as the articles do)."""
    pack = load_pack()
    trips = [("baku", "nato-hq"), ("baku", "nato-hq"), ("baku", "nato-hq", "washington"),
             ("kabul-airport", "baku")]
    events = list(pack.events)
    for n, places in enumerate(trips):
        events[n] = dataclasses.replace(events[n], places=places)
    return dataclasses.replace(pack, events=tuple(events), _section_index={},
                               _event_index={})


def test_pairs_follow_the_event_and_skip_unknown_and_repeated_places() -> None:
    pack = linked_pack()
    event = next(e for e in pack.events if len(e.places) >= 2)
    a, b = event.places[:2]
    odd = dataclasses.replace(event, places=(b, "atlantis", a, a, b))
    assert place_pairs(odd, pack.places) == [(min(a, b), max(a, b))] * 2


def test_tiers_keep_the_strongest_pairs_and_grade_them() -> None:
    pack = linked_pack()
    tiers = link_tiers(pack.events, pack.places)
    assert 0 < len(set().union(*tiers)) <= MAX_LINKS
    assert tiers[2] == {("baku", "nato-hq")}, "the strongest pair is in the strong tier"
    assert ("baku", "kabul-airport") in tiers[0] | tiers[1]
