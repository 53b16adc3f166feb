"""Views linked through the state: select on one, the others follow; filters narrow all."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt

from desktop.map.view import MapView
from desktop.shell.main_window import MainWindow
from desktop.timeline.lanes import EventHit
from desktop.timeline.view import TimelineView


@pytest.fixture
def window(qtbot, state):
    win = MainWindow(state.pack, watch=False)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    return win


def event_point(view: TimelineView, event_id: str) -> QPointF:
    view.repaint()
    for hit in view._hits:
        if isinstance(hit, EventHit) and hit.event.id == event_id:
            return hit.rect.center()
    raise AssertionError(f"{event_id} not drawn as a single mark")


def test_clicking_a_map_marker_selects_the_place_and_lists_its_events(window, qtbot) -> None:
    view: MapView = window.map
    view.fit_default()
    view.relayout()
    marker = view.marker("lachin-road")
    point = view.mapFromScene(marker.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selected_place == "lachin-road"
    assert "NATO voices concern over the Lachin road" in window.details.toPlainText()


def test_selecting_on_the_timeline_moves_map_list_and_details(window, qtbot) -> None:
    timeline = window.timeline.view
    timeline.set_view(dt.date(2025, 6, 1).toordinal(), dt.date(2025, 10, 1).toordinal())
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton,
                     pos=event_point(timeline, "washington-meeting").toPoint())
    assert window.state.selected_event.id == "washington-meeting"
    assert window.map.marker("washington").highlighted
    assert not window.map.marker("moscow").highlighted
    current = window.events.selectionModel().currentIndex()
    assert window.events.events.event_at(current.row()).id == "washington-meeting"
    assert "8 August 2025" in window.details.toPlainText()


def test_selecting_in_the_list_moves_the_timeline(window, qtbot) -> None:
    timeline = window.timeline.view
    timeline.set_view(dt.date(1990, 1, 1).toordinal(), dt.date(1995, 1, 1).toordinal())
    row = window.events.events.row_of("stoltenberg-baku-2024")
    window.events.selectRow(row)
    assert window.state.selected_event.id == "stoltenberg-baku-2024"
    day = dt.date(2024, 3, 15).toordinal()
    assert timeline.view_start <= day <= timeline.view_end


def test_arrow_keys_on_the_timeline_step_through_events(window, qtbot) -> None:
    timeline = window.timeline.view
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert window.state.selected_event.id == "relations-established"
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert window.state.selected_event.id == "partnership-for-peace"
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    assert window.state.selected_event.id == window.state.pack.events[-1].id


def test_brushing_the_timeline_filters_map_and_list(window, qtbot) -> None:
    timeline = window.timeline.view
    timeline.set_view(dt.date(2020, 1, 1).toordinal(), dt.date(2027, 1, 1).toordinal())
    scale = timeline.scale()
    y = int(timeline.brush_rect().center().y())
    a = int(scale.x(dt.date(2021, 7, 15).toordinal()))
    b = int(scale.x(dt.date(2021, 9, 15).toordinal()))
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPointF(a, y).toPoint())
    qtbot.mouseMove(timeline, QPointF(b, y).toPoint())
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPointF(b, y).toPoint())
    ids = {e.id for e in window.state.visible_events}
    assert {"kabul-airlift", "stoltenberg-thanks-kabul"} <= ids
    assert "washington-meeting" not in ids
    # The map recounts a moment after the window moves (it coalesces a drag's moves).
    qtbot.waitUntil(lambda: window.map.marker("washington").count == 0, timeout=20_000)
    assert window.map.marker("kabul-airport").count == 1  # the airlift (the thanks: no place)
    assert not window.map.marker("washington").isVisible()
    assert window.events.model().rowCount() == len(ids)


def test_search_narrows_all_views(window, qtbot) -> None:
    qtbot.keyClicks(window.filters.search, "Oguz")  # matches "Oğuz"
    assert [e.id for e in window.state.visible_events] == ["oguz-visit"]
    assert window.events.model().rowCount() == 1
    total = len(window.state.pack.events)
    assert f"1 of {total} events match" in window.filters.result_count.text()
    qtbot.waitUntil(lambda: window.map.marker("azerbaijan").count == 1, timeout=20_000)
    assert window.map.marker("baku").count == 0
    window.filters.reset.click()
    assert len(window.state.visible_events) == len(window.state.pack.events)


def test_unchecking_a_section_hides_its_lane_and_events(window) -> None:
    item = window.filters.sections.item(1)  # operations
    item.setCheckState(Qt.CheckState.Unchecked)
    assert "operations" not in (window.state.filter.sections or set())
    assert "Operations: Afghanistan and Kosovo" not in [
        lane.title for lane in window.timeline.view.lanes]


def test_nato_membership_layer_follows_the_time_window(window) -> None:
    sweden = window.map.country_item("752")
    land = window.map.theme.land
    window.state.set_window(dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert sweden.brush().color() == land
    window.state.set_window(dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    assert sweden.brush().color() != land
    window.map.set_layer("membership", False)
    assert sweden.brush().color() == land


def test_play_steps_the_window_forward(window, qtbot) -> None:
    panel = window.timeline
    panel.play_button.setChecked(True)
    first = window.state.filter.start
    panel.step()
    assert window.state.filter.start > first
    panel.play_button.setChecked(False)
    assert not panel.timer.isActive()
