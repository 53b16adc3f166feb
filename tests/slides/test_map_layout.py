"""The map slide's markers: every number readable, none covering another, each tied
to its place."""

from __future__ import annotations

import itertools
import math

from content.model import Pack
from slides.build import build_deck
from slides.map_layout import MARKER_GAP, spread_markers
from slides.recipe import Recipe
from slides.spec import Ellipse, Line

FRAME = (40.0, 100.0, 640.0, 500.0)


def apart(a: tuple[float, float], b: tuple[float, float], ra: float, rb: float) -> bool:
    return math.hypot(a[0] - b[0], a[1] - b[1]) >= ra + rb + MARKER_GAP - 1e-9


def test_markers_with_room_stay_on_their_place() -> None:
    spots = [(100.0, 200.0, 11.0), (300.0, 300.0, 14.0), (500.0, 150.0, 9.0)]
    assert spread_markers(spots, FRAME) == [(x, y) for x, y, _ in spots]


def test_markers_on_one_spot_fan_out_inside_the_frame() -> None:
    spots = [(630.0, 490.0, 9.0 + 2.5 * math.sqrt(n)) for n in range(1, 9)]  # a corner
    centres = spread_markers(spots, FRAME)
    for (c1, s1), (c2, s2) in itertools.combinations(zip(centres, spots, strict=True), 2):
        assert apart(c1, c2, s1[2], s2[2])
    for (cx, cy), (_, _, r) in zip(centres, spots, strict=True):
        assert FRAME[0] + r <= cx <= FRAME[2] - r and FRAME[1] + r <= cy <= FRAME[3] - r


def test_no_marker_covers_another_on_any_map_slide(pack: Pack, recipe: Recipe) -> None:
    """The world-wide peace process map put Baku, Lachin and Yerevan on one spot."""
    deck = build_deck(pack, recipe)
    maps = [s for s in deck.slides if s.kind == "map"]
    assert maps
    moved = 0
    for slide in maps:
        markers = [s for s in slide.shapes
                   if isinstance(s, Ellipse) and s.name.startswith("Place ")]
        for a, b in itertools.combinations(markers, 2):
            ca, cb = (a.x + a.w / 2, a.y + a.h / 2), (b.x + b.w / 2, b.y + b.h / 2)
            assert apart(ca, cb, a.w / 2, b.w / 2), (slide.title, a.name, b.name)
        leaders = [s for s in slide.shapes if isinstance(s, Line) and s.name == "Leader"]
        for leader in leaders:  # each leader ends at the centre of a moved marker
            assert any(math.isclose(leader.x2, m.x + m.w / 2)
                       and math.isclose(leader.y2, m.y + m.h / 2) for m in markers)
        moved += len(leaders)
    assert moved > 0, "the embedded pack has crowded maps; none was spread"
