"""The window's layout: remembered between runs, and shown before the panes exist.

`restore_layout` and `save_layout` keep the window's geometry, its docks and the
map/timeline splitter in the user's settings. `Placeholder` is the empty area, in
its pane's colour, that the first frame shows where the map and timeline will be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent, QPalette
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

from desktop.housekeeping import settings
from desktop.theme import current_theme

if TYPE_CHECKING:  # the first frame imports no content
    from desktop.state import BriefingState


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


def import_panes() -> None:
    """Import the modules the window's panes are built from (the map, timeline and
    side panes, and the state they share), which its first frame leaves out."""
    import desktop.map.view
    import desktop.panes.details
    import desktop.panes.event_list
    import desktop.panes.filters
    import desktop.state
    import desktop.timeline.panel  # noqa: F401


def details_follow_selection(state: BriefingState, details: QDockWidget) -> None:
    """Bring the Details dock to the front of its tab area (shared with Deck)
    whenever an event, a place or a key point is selected: what was clicked is seen."""
    def to_front() -> None:
        if (state.selected_event or state.selected_place or state.shown_key_point) and \
                not details.isHidden():
            details.raise_()
    for shown in (state.selectionChanged, state.placeSelected, state.keyPointShown):
        shown.connect(to_front)


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
    fit_to_screen(window)


# Room for the title bar and frame a window manager adds around the client area
# (Qt knows the real margins only once the window is shown).
FRAME_ALLOWANCE = (16, 40)


def fitted(window_rect: QRect, available: QRect) -> QRect:
    """`window_rect` made to fit inside `available` (a screen's area less its task
    bars and docks): no larger than it, frame included, then moved fully onto it."""
    extra_w, extra_h = FRAME_ALLOWANCE
    width = min(window_rect.width(), available.width() - extra_w)
    height = min(window_rect.height(), available.height() - extra_h)
    x = min(max(window_rect.x(), available.x()), available.right() - width - extra_w + 1)
    y = min(max(window_rect.y(), available.y() + extra_h - extra_w // 2),
            available.bottom() - height - extra_w // 2 + 1)
    return QRect(x, y, max(1, width), max(1, height))


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the window inside the available area of the screen it is on (or would
    open on): a 1440 x 900 default or a geometry remembered from a larger monitor
    must not open past a laptop's edges, where the status bar and the right pane
    could not be reached. `restoreGeometry` does not do this when the saved screen
    is gone but a smaller one is there."""
    if window.isMaximized() or window.isFullScreen():
        return
    geometry = window.geometry()
    screen = (QGuiApplication.screenAt(geometry.center()) or window.screen()
              or QGuiApplication.primaryScreen())
    if screen is None:
        return
    target = fitted(geometry, screen.availableGeometry())
    if target != geometry:
        window.setGeometry(target)


def save_layout(window: QMainWindow, split: QSplitter) -> None:
    """Remember geometry, docks and `split` for next time."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    store.setValue("window/split", split.saveState())
    store.sync()
