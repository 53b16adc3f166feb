"""The window's layout: remembered between runs, and shown before the panes exist.

`restore_layout` and `save_layout` keep the window's geometry, its docks and the
map/timeline splitter in the user's settings. `Placeholder` is the empty area, in
its pane's colour, that the first frame shows where the map and timeline will be.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from desktop.housekeeping import settings
from desktop.theme import current_theme


class Placeholder(QWidget):
    """An empty area in the colour its pane will have, shown until the pane is
    built, so the map and timeline appear in place; says when it is first painted."""

    painted = Signal()

    def __init__(self, colour_role: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, getattr(current_theme(), colour_role))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()


def restore_layout(window: QMainWindow, split: QSplitter) -> None:
    """Put the window, its docks and `split` where they were last time."""
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    sizes = store.value("window/split")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    if isinstance(sizes, QByteArray):
        split.restoreState(sizes)


def save_layout(window: QMainWindow, split: QSplitter) -> None:
    """Remember geometry, docks and `split` for next time."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    store.setValue("window/split", split.saveState())
    store.sync()
