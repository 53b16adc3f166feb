"""The timeline view on its own: wheel zoom around the pointer, drag to pan."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from desktop.timeline.view import TimelineView


def wheel(widget, x: float, y: float, notches: int) -> None:
    """One wheel turn of `notches` (positive: away from the user) at (x, y)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    position = QPointF(x, y)
    event = QWheelEvent(position, QPointF(widget.mapToGlobal(position.toPoint())),
                        QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_wheel_zoom_keeps_the_day_under_the_cursor(qtbot, state) -> None:
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    x, y = 600.0, 200.0
    before_day, before_span = view.scale().day(x), view.view_end - view.view_start
    wheel(view, x, y, +1)
    span = view.view_end - view.view_start
    assert span < 0.9 * before_span, "the wheel zooms in"
    assert abs(view.scale().day(x) - before_day) < 1.0, "around the pointer"
    wheel(view, x, y, -1)
    assert view.view_end - view.view_start > span, "and back out"


def test_dragging_the_lanes_pans_through_time(qtbot, state) -> None:
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    start, end = view.view_start, view.view_end
    y = int(view.lane_rect(0).center().y())
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPointF(700, y).toPoint())
    qtbot.mouseMove(view, QPointF(500, y).toPoint())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPointF(500, y).toPoint())
    days = 200 / view.scale().px_per_day
    assert view.view_start > start and abs((view.view_start - start) - days) < 2
    assert abs((view.view_end - view.view_start) - (end - start)) < 1e-6  # same zoom
    assert state.filter.start is None  # panning is not brushing


def test_zooming_out_stops_a_little_past_the_packs_span(qtbot, state) -> None:
    """The timeline zoomed out without limit (1880-2110 for a 1992-2025 pack): now
    no further than the pack's span and a half."""
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    for _ in range(40):
        view.zoom(1 / 1.25)
    first, last = state.extent()
    assert view.view_end - view.view_start <= 1.5 * (last - first).days + 365


def test_lane_names_are_cut_between_words(qtbot) -> None:
    """Lane labels read "Operations: Afghanistan an…" at 1440 px: cut after a whole
    word instead."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from desktop.timeline.paint import word_elided

    metrics = QFontMetricsF(QFont())
    title = "Operations: Afghanistan and Kosovo"
    width = metrics.horizontalAdvance("Operations: Afghanistan an")
    cut = word_elided(title, width, metrics)
    assert cut == "Operations: Afghanistan\u2026"
    assert word_elided(title, metrics.horizontalAdvance(title) + 1, metrics) == title
