"""What the map lays over its viewport: the zoom and fit buttons, and the names of
the pack's focus countries in the scene."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
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
