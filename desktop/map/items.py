"""The map's graphics items: a country's fill and a place's marker with its label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from content.geo import Country, project
from content.model import Place
from desktop.map.clustering import marker_radius
from desktop.plaintext import plain_tooltip
from desktop.theme import Theme


class CountryItem(QGraphicsPathItem):
    """A country's fill; hovering names it."""

    def __init__(self, country: Country, path: QPainterPath) -> None:
        super().__init__(path)
        self.country = country
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setToolTip(plain_tooltip(country.name))
        self.setAcceptHoverEvents(False)
        self.setZValue(0)


class MarkerItem(QGraphicsEllipseItem):
    """A place: a disc of constant screen size that grows with its event count."""

    def __init__(self, place: Place, on_click: Callable[[MarkerItem], None]) -> None:
        super().__init__()
        self.place = place
        self.on_click = on_click  # the view's handler: markers never hold their view
        self.label_px = 0  # 0: the app's label size
        self.number = 0  # presenting a map slide: the place's number in the slide's legend
        self.badge = QGraphicsSimpleTextItem("", self)  # that number, in the disc
        self.count = 0
        self.shown_count = 0
        self.cluster: list[MarkerItem] = []
        self.selected_place = False
        self.highlighted = False
        self.setPos(QPointF(*project(place.lon, place.lat)))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(10)
        self.label = QGraphicsSimpleTextItem(place.name)  # plain text by construction
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.label.setZValue(11)
        self.label.setPos(self.pos())

    def radius(self) -> float:
        """Screen radius in pixels for the count shown (a numbered marker is at least
        big enough for its number at the label's size)."""
        r = marker_radius(self.shown_count)
        return max(r, self.label_px * 0.75) if self.number else r

    def restyle(self, theme: Theme) -> None:
        """Apply size and colours for the current count, cluster and selection."""
        r = self.radius()
        self.setRect(-r, -r, 2 * r, 2 * r)
        fill = QColor(theme.selected if self.highlighted or self.selected_place else theme.marker)
        fill.setAlpha(230)
        self.setBrush(QBrush(fill))
        width = 3.0 if self.selected_place else 1.5
        self.setPen(QPen(theme.marker_edge, width))
        members = len(self.cluster) + 1
        name = self.place.name if members == 1 else f"{self.place.name} and {members - 1} more"
        events = f"{self.shown_count} event{'s' if self.shown_count != 1 else ''}"
        self.setToolTip(plain_tooltip(f"{name}\n{events}"))
        if self.number:  # presenting: the slide's legend names it by this number
            self.label.setText("")
        else:
            self.label.setText(self.place.name if members == 1
                               else f"{self.place.name} +{members - 1}")
        self.label.setBrush(QBrush(theme.text))
        font = QFont(self.label.font())
        if self.label_px:
            font.setPixelSize(self.label_px)  # presenting: sized as the slide's text
        else:
            font.setPointSizeF(9.0)
        font.setBold(self.selected_place or self.highlighted)
        self.label.setFont(font)
        self.badge.setVisible(bool(self.number) and not self.cluster)
        if self.number:
            badge = QFont(font)
            badge.setBold(True)
            self.badge.setFont(badge)
            self.badge.setText(str(self.number))
            self.badge.setBrush(QBrush(QColor("#ffffff")))
            box = self.badge.boundingRect()
            self.badge.setPos(-box.width() / 2, -box.height() / 2)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setScale(1.15)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setScale(1.0)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.on_click(self)
        else:
            super().mousePressEvent(event)
