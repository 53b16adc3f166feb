"""The projection and the shipped basemap that every map (app, deck, PDF) draws."""

from __future__ import annotations

import math
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content import geo
from content.geo import clip_ring, load_basemap, project, unproject


def test_projection_round_trips_and_grows_southward() -> None:
    for lon, lat in [(49.87, 40.41), (4.35, 50.85), (-77.04, 38.9), (0.0, 0.0)]:
        x, y = project(lon, lat)
        back = unproject(x, y)
        assert math.isclose(back[0], lon) and math.isclose(back[1], lat, abs_tol=1e-9)
    assert project(0, 60)[1] < project(0, 10)[1] < project(0, -10)[1]


def test_basemap_has_the_countries_a_briefing_on_the_caucasus_needs() -> None:
    basemap = load_basemap()
    names = {c.id: c.name for c in basemap.countries}
    assert names["031"] == "Azerbaijan" and names["051"] == "Armenia"
    assert names["268"] == "Georgia" and names["XKX"] == "Kosovo"
    assert len(basemap.countries) > 200 and basemap.borders and basemap.coasts


def test_every_ring_lies_within_its_country_bounds_and_none_crosses_the_map() -> None:
    for country in load_basemap().countries:
        x0, y0, x1, y1 = country.bounds
        for ring in country.rings:
            xs, ys = ring[0::2], ring[1::2]
            assert x0 - 1e-3 <= min(xs) and max(xs) <= x1 + 1e-3, country.name
            assert y0 - 1e-3 <= min(ys) and max(ys) <= y1 + 1e-3, country.name
            assert max(xs) - min(xs) < 180, f"{country.name} streaks across the map"


def test_packed_bytes_are_counted_rings_in_index_order() -> None:
    """Qt reads `packed` as QPolygonF records: each count must match its ring."""
    basemap = load_basemap()
    rings = [r for c in basemap.countries for r in c.rings]
    rings += list(basemap.borders) + list(basemap.coasts)
    offset = 0
    for ring in rings:
        (count,) = struct.unpack_from("<I", basemap.ring_bytes, offset)
        assert count * 2 == len(ring)
        first = struct.unpack_from("<2f", basemap.ring_bytes, offset + 4)
        assert first == pytest.approx((ring[0], ring[1]))
        offset += 4 + 8 * count
    assert offset == len(basemap.ring_bytes)


def test_a_basemap_of_another_layout_is_refused(tmp_path, monkeypatch) -> None:
    index = tmp_path / "basemap" / "countries-50m.json"
    index.parent.mkdir()
    index.write_text('{"projection": "mercator-degrees-v1", "values": "x.f32", '
                     '"countries": [], "borders": [], "coasts": []}', encoding="utf-8")
    monkeypatch.setattr(geo, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    load_basemap.cache_clear()
    try:
        with pytest.raises(ValueError, match="regenerate it"):
            load_basemap()
    finally:
        load_basemap.cache_clear()


def test_clip_ring_keeps_inside_drops_outside_and_cuts_across() -> None:
    square = [0.0, 0.0, 10.0, 0.0, 10.0, 10.0, 0.0, 10.0]
    assert clip_ring(square, (-1, -1, 11, 11)) == square
    assert clip_ring(square, (20, 20, 30, 30)) == []
    cut = clip_ring(square, (5, -1, 20, 20))
    xs = cut[0::2]
    assert min(xs) == 5 and max(xs) == 10


def _textbook_clip(ring: list[float], box: tuple[float, float, float, float]) -> list[float]:
    """Sutherland–Hodgman as written in the books: each edge in turn, point by point."""
    x0, y0, x1, y1 = box
    points = [(ring[i], ring[i + 1]) for i in range(0, len(ring), 2)]
    for axis, limit, above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        def inside(p: tuple[float, float], a: int = axis, lim: float = limit,
                   up: bool = above) -> bool:
            return p[a] >= lim if up else p[a] <= lim
        out: list[tuple[float, float]] = []
        for n, current in enumerate(points):
            previous = points[n - 1]
            if inside(current) != inside(previous):
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                cross = [0.0, 0.0]
                cross[axis] = limit
                cross[1 - axis] = previous[1 - axis] + t * (current[1 - axis] - previous[1 - axis])
                out.append((cross[0], cross[1]))
            if inside(current):
                out.append(current)
        points = out
    return [v for p in points for v in p]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-50, 50), st.integers(-50, 50)), min_size=3, max_size=12),
       st.tuples(st.integers(-40, 40), st.integers(-40, 40), st.integers(1, 60),
                 st.integers(1, 60)))
def test_clip_ring_cuts_as_the_textbook_does(points: list[tuple[int, int]],
                                             box: tuple[int, int, int, int]) -> None:
    """Every point and crossing the same, to the bit: the map slides' countries are
    drawn from it, and the unrolled loop must not move a border."""
    ring = [float(v) for p in points for v in p]
    x, y, w, h = box
    clipped = (x, y, x + w, y + h)
    xs, ys = ring[0::2], ring[1::2]
    wholly_in = x <= min(xs) and max(xs) <= x + w and y <= min(ys) and max(ys) <= y + h
    wholly_out = max(xs) < x or min(xs) > x + w or max(ys) < y or min(ys) > y + h
    expected = ring if wholly_in else [] if wholly_out else _textbook_clip(ring, clipped)
    assert clip_ring(ring, clipped) == expected
