"""Slide thumbnails as a list model, painted on demand and kept in a small cache.

A 750-slide deck would otherwise hold 750 pixmaps (60 MB) and paint them all before
the pane could show; views ask only for the rows they display.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QPixmap

from desktop.deck.slide_painter import slide_image
from desktop.plaintext import plain_tooltip
from slides.spec import Deck

Index = QModelIndex | QPersistentModelIndex
CACHE = 80


class ThumbnailModel(QAbstractListModel):
    """Rows are the deck's slides; the decoration is the slide painted at `size`."""

    def __init__(self, size: QSize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size
        self.deck: Deck | None = None
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()

    def set_deck(self, deck: Deck | None) -> None:
        """Show `deck` (None: empty)."""
        self.beginResetModel()
        self.deck = deck
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.deck is None else len(self.deck.slides)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.deck is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.deck.slides[row].title)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._cache.get(row)
            if pixmap is None:
                pixmap = QPixmap.fromImage(slide_image(self.deck, self.deck.slides[row],
                                                       self.size))
                self._cache[row] = pixmap
                if len(self._cache) > CACHE:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(row)
            return pixmap
        return None

    def cached(self) -> int:
        """How many thumbnails are held (for tests)."""
        return len(self._cache)
