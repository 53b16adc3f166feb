"""The projection and the shipped basemap that every map (app, deck, PDF) draws."""

from __future__ import annotations

import math
import struct

import pytest

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
