"""The curves the map draws between linked places."""

from __future__ import annotations

from desktop.map.links import arcs
from desktop.map.pairs import link_tiers
from tests.desktop.map.test_pairs import linked_pack


def test_one_curve_per_linked_pair(qapp) -> None:
    pack = linked_pack()
    every = set().union(*link_tiers(pack.events, pack.places))
    path = arcs(every, pack.places)
    assert path.elementCount() > 0
