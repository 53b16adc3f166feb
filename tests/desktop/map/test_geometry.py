"""Qt geometry built from the basemap's packed bytes and from flat coordinates."""

from __future__ import annotations

from array import array

import pytest
from PySide6.QtCore import QPointF

from content.geo import load_basemap
from desktop.map.geometry import filled_path, packed_polygons, polygon, ring_path


def test_packed_polygons_are_the_basemap_rings_in_order(qapp) -> None:
    basemap = load_basemap()
    rings = [r for c in basemap.countries for r in c.rings]
    rings += list(basemap.borders) + list(basemap.coasts)
    polygons = list(packed_polygons(basemap.ring_bytes))
    assert len(polygons) == len(rings)
    for poly, ring in zip(polygons[::97], rings[::97], strict=True):
        assert poly.size() * 2 == len(ring)
        assert poly.first() == QPointF(ring[0], ring[1])
        assert poly.last().x() == pytest.approx(ring[-2])


def test_packed_polygons_refuse_a_truncated_record(qapp) -> None:
    packed = load_basemap().ring_bytes[:100]
    with pytest.raises(ValueError, match="middle of a record"):
        list(packed_polygons(packed))


def test_a_country_with_a_hole_leaves_the_hole_unfilled(qapp) -> None:
    outer = [0.0, 0.0, 10.0, 0.0, 10.0, 10.0, 0.0, 10.0]
    hole = [4.0, 4.0, 6.0, 4.0, 6.0, 6.0, 4.0, 6.0]
    path = filled_path([polygon(outer), polygon(hole)])
    assert path.contains(QPointF(2, 2)) and not path.contains(QPointF(5, 5))
    assert ring_path([outer, hole]).contains(QPointF(2, 2))


def test_polygons_from_float32_and_doubles(qapp) -> None:
    for flat in (array("f", [1.0, 2.0, 3.5, 4.25]), [1.0, 2.0, 3.5, 4.25]):
        points = polygon(flat)
        assert [(points.at(i).x(), points.at(i).y()) for i in range(points.size())] == \
            [(1.0, 2.0), (3.5, 4.25)]
