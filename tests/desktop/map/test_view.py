"""Panning the map scrolls its pixels: only the strip that comes into view is painted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from desktop.map.view import CONTROLS_AT, MapView
from desktop.state import BriefingState
from tests.desktop.views import shown_map


class PaintSpy(QObject):
    """Records the rectangles a widget is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_a_pan_step_paints_a_strip_not_the_whole_map(state: BriefingState, qtbot) -> None:
    """The zoom buttons, laid over the viewport as its sibling, once made every pan
    step repaint the whole map (22 ms at 1600x1000 instead of 2 ms)."""
    view = shown_map(state, qtbot, 1200, 800)
    # (the focus ring's edges are always there, beside the viewport, focused or not)
    first = PaintSpy()
    view.viewport().installEventFilter(first)
    qtbot.waitUntil(lambda: bool(first.rects))  # the whole map, painted once
    view.flush()  # nothing put off (a recount, a relayout) left to repaint it all later
    QApplication.processEvents()  # and what the flush asked to paint, painted now
    spy = PaintSpy()
    view.viewport().installEventFilter(spy)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 4)
    qtbot.waitUntil(lambda: bool(spy.rects))
    whole = view.viewport().rect()
    strip = spy.rects[0]  # the paint the pan step itself caused
    assert strip.width() * strip.height() < whole.width() * whole.height() / 4, strip
    assert view._controls.pos().toTuple() == CONTROLS_AT  # the buttons stay put


def counted_map(qtbot, state) -> tuple[MapView, list[int]]:
    """A map whose recounts (by the timer, or on a new pack) are recorded."""
    view = MapView(state)
    qtbot.addWidget(view)
    recounts: list[int] = []
    original = view._refresh_counts
    view._refresh_counts = lambda: (recounts.append(1), original())[1]
    view._counts.timeout.disconnect()
    view._counts.timeout.connect(view._refresh_counts)
    state.packChanged.disconnect(original)
    state.packChanged.connect(view._refresh_counts)
    return view, recounts


def test_a_drag_recounts_the_map_once_not_at_every_move(qtbot, state) -> None:
    """Twenty window moves in a burst recount markers once, a moment later; flush()
    brings them up to date at once (snapshots and exports call it)."""
    import datetime as dt

    view, recounts = counted_map(qtbot, state)
    for day in range(1, 21):
        state.set_window(dt.date(2021, 8, day), dt.date(2021, 8, day + 5))
    assert recounts == []
    qtbot.waitUntil(lambda: recounts == [1], timeout=20_000)
    state.set_window(dt.date(2002, 1, 1), dt.date(2003, 1, 1))
    view.flush()
    assert recounts == [1, 1] and view.marker("kabul-airport").count == 0


def test_a_new_pack_is_counted_once(qtbot, state) -> None:
    view, recounts = counted_map(qtbot, state)
    state.set_pack(state.pack)
    assert recounts == [1]  # at once, on the new pack...
    assert not view._counts.isActive()  # ...and nothing put off to count it again


def _view_rect(view: MapView):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_selecting_an_event_on_screen_leaves_the_map_where_the_analyst_put_it(
        state: BriefingState, qtbot) -> None:
    """Stepping through events in Baku must not make the map jump at every step; only
    an event whose places are all off screen brings them into view."""
    view = shown_map(state, qtbot, 1000, 700)
    here = _view_rect(view)
    on_screen = [e for e in state.pack.events if e.places and all(
        here.contains(view._markers[p].pos()) for p in e.places if p in view._markers)]
    assert len(on_screen) >= 3
    for event in on_screen[:5]:
        state.select_event(event.id)
        assert _view_rect(view) == here, event.id
    far = next(e for e in state.pack.events if e.places and not any(
        here.contains(view._markers[p].pos()) for p in e.places if p in view._markers))
    state.select_event(far.id)
    moved = _view_rect(view)
    assert moved != here
    assert any(moved.contains(view._markers[p].pos()) for p in far.places)


def test_a_clicked_place_gets_its_card_and_a_click_on_the_sea_lets_it_go(window,
                                                                         qtbot) -> None:
    """Clicking a place on the map showed no place (Details kept the last event): it
    shows the place's card, with its country, events and sources; a click where no
    marker is clears it, a drag (a pan) does not."""
    from PySide6.QtCore import QPoint, Qt

    state, view = window.state, window.map
    state.select_event(state.pack.events[0].id)
    marker = view.marker("baku")
    at = view.mapFromScene(marker.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert state.selected_place == "baku" and state.selected_event is None
    card = window.details.toPlainText()
    assert "Baku" in card and "Azerbaijan" in card and "Sources" in card
    sea = QPoint(view.viewport().width() - 30, view.viewport().height() - 30)
    assert not isinstance(view.itemAt(sea), type(marker))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=sea)
    qtbot.mouseMove(view.viewport(), sea - QPoint(60, 40))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=sea - QPoint(60, 40))
    assert state.selected_place == "baku"  # a pan keeps it
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=sea)
    assert state.selected_place is None
