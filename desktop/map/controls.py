"""What the map lays over its viewport: the zoom and fit buttons, and the names of
the pack's focus countries in the scene."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from desktop.map.items import CountryItem
from desktop.plaintext import plain_tooltip


def button_bar(viewport: QWidget, buttons: Iterable[tuple[str, str, Callable[[], object]]]
               ) -> QWidget:
    """A row of (text, tooltip, slot) buttons, a child of the viewport.

    A child of the viewport, not of the view: a sibling laid over the viewport stops
    Qt from scrolling its pixels, and every pan step repainted the whole map (22 ms a
    step at 1600x1000, against 2 ms when scrolled)."""
    bar = QWidget(viewport)
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for text, tip, slot in buttons:
        button = QToolButton(bar)
        button.setText(text)
        button.setToolTip(plain_tooltip(tip))
        button.setAccessibleName(tip)
        button.setAutoRaise(False)
        button.setFixedSize(30, 30)
        button.clicked.connect(slot)
        layout.addWidget(button)
    bar.adjustSize()
    return bar


def country_labels(scene: QGraphicsScene, countries: dict[str, CountryItem],
                   ids: Iterable[str], colour: QColor) -> list[QGraphicsSimpleTextItem]:
    """The names of countries `ids`, in capitals at their centres, added to `scene`
    (each remembers its centre and its country, where else the name may go when the
    centre is off view)."""
    font = QFont()
    font.setPointSizeF(8.5)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    labels = []
    for cid in ids:
        item = countries.get(cid)
        if item is None:
            continue
        label = QGraphicsSimpleTextItem(item.country.name.upper())
        label.setFont(font)
        label.setBrush(QBrush(colour))
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setZValue(4)
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        centre = QPointF(*item.country.centre)
        label.setPos(centre)
        label.setData(0, centre)
        label.setData(1, item)
        scene.addItem(label)
        labels.append(label)
    return labels


class ClickOnSea(QObject):
    """Lets go of the selected place when the analyst clicks the map where no marker
    is (a press and release in one spot: a drag pans, and keeps it)."""

    def __init__(self, viewport: QWidget, clear: Callable[[], None],
                 is_marker: Callable[[QPointF], bool]) -> None:
        super().__init__(viewport)
        self._clear, self._is_marker = clear, is_marker
        self._pressed: QPointF | None = None
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = event.position()  # type: ignore[attr-defined]
        elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed is not None:
            at = event.position()  # type: ignore[attr-defined]
            if (at - self._pressed).manhattanLength() < 4 and not self._is_marker(at):
                self._clear()
            self._pressed = None
        return False


class FocusRing(QObject):
    """Where the keyboard is, when Tab or F6 brings it to the map: a 2 px ring in the
    highlight colour, in a margin kept around the viewport. Its four edges sit in
    that margin, beside the viewport and never over it, so a pan still scrolls
    pixels (a widget or a style sheet over the viewport makes every pan step repaint
    the whole map)."""

    WIDTH = 2

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self.enabled = True  # off on a live slide
        view.setViewportMargins(self.WIDTH, self.WIDTH, self.WIDTH, self.WIDTH)
        self.edges = [QWidget(view) for _ in range(4)]
        for edge in self.edges:
            edge.setAutoFillBackground(True)
            edge.setBackgroundRole(QPalette.ColorRole.Window)  # not the view's Base
        view.installEventFilter(self)
        self._paint()

    @property
    def shown(self) -> bool:
        """Whether the ring is drawn (the map has the focus)."""
        return self.edges[0].palette().color(QPalette.ColorRole.Window) == \
            self.view.palette().highlight().color()

    def _paint(self) -> None:
        view, w = self.view, self.WIDTH
        colour = view.palette().highlight().color() if view.hasFocus() and self.enabled else \
            view.palette().window().color()
        box = view.contentsRect()
        x, y, right, bottom = box.x(), box.y(), box.right() + 1, box.bottom() + 1
        places = ((x, y, box.width(), w), (x, bottom - w, box.width(), w),
                  (x, y, w, box.height()), (right - w, y, w, box.height()))
        for edge, place in zip(self.edges, places, strict=True):
            palette = edge.palette()
            palette.setColor(QPalette.ColorRole.Window, colour)
            edge.setPalette(palette)
            edge.setGeometry(*place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut, QEvent.Type.Resize):
            self._paint()
        return False
