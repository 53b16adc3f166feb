"""Links between places on the map: the gentle curves drawn between the pairs of
places events connect (counted, without Qt, in `desktop.map.pairs`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from content.geo import project
from content.model import Place
from desktop.map.pairs import Pair

BEND = 0.18  # how far a curve bows out, as a share of its length


def arcs(pairs: Iterable[Pair], places: Mapping[str, Place]) -> QPainterPath:
    """One quadratic curve per pair, bowing to the left of its direction."""
    path = QPainterPath()
    for a, b in sorted(pairs):
        p1 = QPointF(*project(places[a].lon, places[a].lat))
        p2 = QPointF(*project(places[b].lon, places[b].lat))
        mid = (p1 + p2) / 2
        dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
        path.moveTo(p1)
        path.quadTo(QPointF(mid.x() + dy * BEND, mid.y() - dx * BEND), p2)
    return path


def draw_link_tiers(items: list[QGraphicsPathItem], tiers: list[set[Pair]],
                    places: Mapping[str, Place], colour: QColor, visible: bool) -> None:
    """Draw each tier of pairs (weak to strong) as arcs on its item, thicker with
    strength, in `colour` a little transparent."""
    colour = QColor(colour)
    colour.setAlpha(110)
    for item, pairs, width in zip(items, tiers, (1.0, 1.8, 2.8), strict=True):
        item.setPath(arcs(pairs, places))
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        item.setPen(pen)
        item.setVisible(visible)
