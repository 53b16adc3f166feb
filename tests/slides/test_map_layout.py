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


def test_places_on_one_spot_are_spread_with_leaders(pack: Pack) -> None:
    """Five places within a few kilometres of Baku: five markers, none covering
    another, each moved one tied back to its place."""
    import dataclasses
    import datetime as dt

    from slides.map_layout import map_shapes

    baku = next(p for p in pack.places.values() if p.id == "baku")
    crowd = [(dataclasses.replace(baku, id=f"b{n}", name=f"Baku {n}", lat=baku.lat + n * 0.01),
              n + 1) for n in range(5)]
    shapes, numbered = map_shapes(pack, crowd, 40, 100, 600, 400, dt.date(2025, 12, 15))
    assert len(numbered) == 5
    markers = [s for s in shapes if isinstance(s, Ellipse) and s.name.startswith("Place ")]
    for a, b in itertools.combinations(markers, 2):
        ca, cb = (a.x + a.w / 2, a.y + a.h / 2), (b.x + b.w / 2, b.y + b.h / 2)
        assert apart(ca, cb, a.w / 2, b.w / 2)
    assert len([s for s in shapes if isinstance(s, Line) and s.name == "Leader"]) >= 3


def _map(pack: Pack, recipe: Recipe, section: str):
    deck = build_deck(pack, recipe.with_(sections=(section,)))
    return next(s for s in deck.slides if s.kind == "map")


def test_a_far_place_is_an_arrow_at_the_edge_not_a_zoom_out(pack: Pack,
                                                            recipe: Recipe) -> None:
    """The peace process's one place in Washington must not shrink the South
    Caucasus to a sliver: the map stays on the region and points the way."""
    slide = _map(pack, recipe, "peace")
    names = [getattr(s, "name", "") for s in slide.shapes]
    assert "Far arrow" in names
    far = [t.plain_text() for t in slide.texts() if t.name == "Far place"]
    # the distance and its unit never part across lines ("9,600 / km")
    assert far and far[0].startswith("Washington, D.C.,") and far[0].endswith("\u00a0km")
    assert "Azerbaijan" in names and "Armenia" in names  # the region, country by country
    country_names = {t.plain_text() for t in slide.texts() if t.name.startswith("Country ")}
    assert "AZERBAIJAN" in country_names


def test_a_section_wholly_elsewhere_is_shown_with_the_region(pack: Pack,
                                                             recipe: Recipe) -> None:
    """Afghanistan, with no place in the South Caucasus: the map shows it where it is,
    with Azerbaijan in view, not an arrow off a regional map."""
    slide = _map(pack, recipe, "operations")
    names = [getattr(s, "name", "") for s in slide.shapes]
    assert "Far arrow" not in names
    assert {"Azerbaijan", "Afghanistan"} <= set(names)


def test_every_map_has_a_key(pack: Pack, recipe: Recipe) -> None:
    for section in ("operations", "dialogue", "peace"):
        slide = _map(pack, recipe, section)
        key = " ".join(t.plain_text() for t in slide.texts() if t.name == "Key")
        assert "Azerbaijan" in key and "NATO members as of 15 December 2025" in key
        assert "numbered" in key
        for text in slide.texts():  # nothing in the key or legend is cut
            assert "\u2026" not in text.plain_text(), text.name


def test_far_labels_overlap_neither_one_another_nor_markers(pack: Pack,
                                                            recipe: Recipe) -> None:
    slide = _map(pack, recipe, "turkey")  # Moscow, and Kabul past Baku's marker
    far = [t for t in slide.texts() if t.name == "Far place"]
    discs = [s for s in slide.shapes if isinstance(s, Ellipse) and s.name.startswith("Place ")]
    assert len(far) == 2
    for a, b in itertools.combinations(far, 2):
        assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h
                    and b.y < a.y + a.h), (a.plain_text(), b.plain_text())
    for label in far:
        for d in discs:
            assert not (label.x < d.x + d.w and d.x < label.x + label.w
                        and label.y < d.y + d.h and d.y < label.y + label.h), label.plain_text()
