"""Marker clustering on screen positions (plain Python: no Qt needed)."""

from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from desktop.map.clustering import MAX_RADIUS, Spot, cluster, marker_radius


def test_near_spots_join_the_first_and_far_ones_stay_apart() -> None:
    spots = [Spot("baku", 100, 100, 10), Spot("azerbaijan", 110, 104, 3),
             Spot("kabul", 600, 300, 2)]
    groups = cluster(spots, distance=22)
    assert [(g.lead.key, [m.key for m in g.members], g.total) for g in groups] == [
        ("baku", ["azerbaijan"], 13), ("kabul", [], 2)]


def test_leads_that_grow_into_each_other_merge() -> None:
    """Two leads apart at first touch once their discs have grown with their members."""
    spots = [Spot("a", 0, 0, 30), Spot("b", 49, 0, 30), Spot("a2", -10, 0, 30),
             Spot("b2", 59, 0, 30)]
    groups = cluster(spots, distance=5)
    assert len(groups) == 1 and groups[0].lead.key == "a" and groups[0].total == 120


@given(st.lists(st.tuples(st.floats(0, 800), st.floats(0, 600), st.integers(1, 60)),
                max_size=40))
def test_no_two_shown_discs_overlap_and_nothing_is_lost(raw) -> None:
    spots = [Spot(str(i), x, y, n) for i, (x, y, n) in enumerate(raw)]
    groups = cluster(spots, distance=22)
    keys = sorted(k for g in groups for k in [g.lead.key, *(m.key for m in g.members)])
    assert keys == sorted(s.key for s in spots)
    for a, b in itertools.combinations(groups, 2):
        gap = math.hypot(a.lead.x - b.lead.x, a.lead.y - b.lead.y)
        assert gap >= max(22, a.radius + b.radius + 2) - 1e-9


def test_radius_grows_then_stops() -> None:
    assert marker_radius(1) < marker_radius(4) < marker_radius(40) == MAX_RADIUS
