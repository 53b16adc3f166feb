"""Where the keyboard is: a ring around the pane Tab or F6 moved to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor


def test_tabbing_out_of_the_events_table_shows_a_ring_on_the_map(window, qtbot) -> None:
    """Tab out of the events table landed on the map with no focus ring anywhere:
    the map's frame now shows one in the highlight colour while it has the focus."""
    view = window.map

    def frame_colour() -> QColor:  # what is on screen at the map's left edge
        edge = view.contentsRect().left()
        return view.grab().toImage().pixelColor(edge, view.height() // 2)

    window.events.setFocus()
    qtbot.waitUntil(lambda: window.events.hasFocus())
    highlight = view.palette().highlight().color()
    assert frame_colour() != highlight and not view._ring.shown
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.hasFocus())
    qtbot.waitUntil(lambda: frame_colour() == highlight)
    window.events.setFocus()
    qtbot.waitUntil(lambda: frame_colour() != highlight)
