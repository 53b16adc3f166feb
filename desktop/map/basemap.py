"""The map's basemap layer: country fills, and borders and coasts tiled by region.

Built from the shipped basemap's packed rings in one stream (see content.geo and
`desktop.map.geometry.packed_polygons`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from content.geo import load_basemap
from desktop.map.geometry import filled_path, packed_polygons
from desktop.map.items import CountryItem
from desktop.theme import Theme

LINE_TILE = 15.0  # projected units (degrees of longitude) per side of a line tile
BORDER_Z, COAST_Z = 3, 2  # above the fills (0), below links and markers


class BasemapLayer:
    """Every country's fill item, and border and coast items, added to a scene."""

    def __init__(self, scene: QGraphicsScene, theme: Theme) -> None:
        basemap = load_basemap()
        polygons = packed_polygons(basemap.ring_bytes)  # countries, borders, coasts: file order
        self.countries: dict[str, CountryItem] = {}
        for country in basemap.countries:
            item = CountryItem(country, filled_path(next(polygons) for _ in country.rings))
            item.setBrush(QBrush(theme.land))
            scene.addItem(item)
            self.countries[country.id] = item
        self._borders = self._add_lines(scene, basemap.borders, polygons, BORDER_Z)
        self._coasts = self._add_lines(scene, basemap.coasts, polygons, COAST_Z)
        self.restyle(theme)

    @staticmethod
    def _add_lines(scene: QGraphicsScene, lines, polygons, z: int) -> list[QGraphicsPathItem]:
        """One item per tile rather than one for the world, so that a view of a region
        strokes only the lines near it. `polygons` yields the lines' Qt polygons."""
        tiles: dict[tuple[int, int], QPainterPath] = {}
        for line in lines:
            key = (int(line[0] // LINE_TILE), int(line[1] // LINE_TILE))
            path = tiles.get(key)
            if path is None:
                path = tiles[key] = QPainterPath()
            path.addPolygon(next(polygons))
        items = []
        for path in tiles.values():
            item = QGraphicsPathItem(path)
            item.setZValue(z)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(item)
            items.append(item)
        return items

    def restyle(self, theme: Theme) -> None:
        """Borders and coasts in `theme`'s colours, as hairlines at any zoom.

        Width 0 is Qt's one-pixel cosmetic pen. Any other width makes the scene index
        stroke every line to find its bounds, which cost 20 ms of start-up.
        """
        for items, colour in ((self._borders, theme.border), (self._coasts, theme.coast)):
            pen = QPen(QColor(colour), 0)
            for item in items:
                item.setPen(pen)
