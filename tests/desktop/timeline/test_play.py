"""Play that works: whole calendar units fitting the zoom, stepping to the next one
that holds an event, a speed, a loop, the map following, and the window before it
restored when it stops."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.timeline.play import first_window, next_window, unit_bounds, unit_for_span
from tests.desktop.clock import finish_animations, step_animations

D = dt.date


def test_units_fit_the_zoom() -> None:
    assert unit_for_span(2 * 365) == "month"
    assert unit_for_span(5 * 365) == "quarter"
    assert unit_for_span(30 * 365) == "year"


@pytest.mark.parametrize(("day", "unit", "bounds"), [
    (D(2021, 3, 15), "month", (D(2021, 3, 1), D(2021, 3, 31))),
    (D(2024, 2, 10), "month", (D(2024, 2, 1), D(2024, 2, 29))),
    (D(2021, 11, 5), "quarter", (D(2021, 10, 1), D(2021, 12, 31))),
    (D(2021, 5, 5), "quarter", (D(2021, 4, 1), D(2021, 6, 30))),
    (D(9999, 12, 31), "year", (D(9999, 1, 1), D(9999, 12, 31))),
    (D(1, 1, 1), "month", (D(1, 1, 1), D(1, 1, 31))),
])
def test_windows_are_whole_calendar_units(day, unit, bounds) -> None:
    assert unit_bounds(day, unit) == bounds


def test_steps_skip_empty_units_and_end_after_the_last_event() -> None:
    days = [D(1992, 5, 1), D(1994, 1, 1), D(2021, 6, 3), D(2021, 6, 20), D(2021, 8, 1)]
    assert first_window(days, "year") == (D(1992, 1, 1), D(1992, 12, 31))
    assert next_window(D(1994, 1, 1), "year", days) == (D(2021, 1, 1), D(2021, 12, 31))
    assert next_window(D(2021, 6, 1), "month", days) == (D(2021, 8, 1), D(2021, 8, 31))
    assert next_window(D(2021, 8, 1), "month", days) is None
    assert next_window(D(9999, 12, 1), "month", [D(9999, 12, 31)]) is None



def test_play_steps_by_month_in_a_two_year_view_and_restores_on_stop(window, qtbot) -> None:
    panel, state = window.timeline, window.state
    panel.view.set_view(D(2021, 1, 1).toordinal(), D(2023, 1, 1).toordinal())
    before_view = (panel.view.view_start, panel.view.view_end)
    panel.play_button.setChecked(True)
    assert panel.unit == "month" and state.playing
    seen = [(state.filter.start, state.filter.end)]
    while panel.play_button.isChecked():
        panel.step()
        if panel.play_button.isChecked():
            seen.append((state.filter.start, state.filter.end))
    for start, end in seen:  # whole months, each holding an event, none empty
        assert start.day == 1 and (end + dt.timedelta(days=1)).day == 1
        assert any(start <= e.start_day <= end for e in state.pack.events)
    assert seen[0][0] == D(2021, 6, 1)
    last_event = max(e.start_day for e in state.pack.events)
    assert seen[-1][0] <= last_event <= seen[-1][1]  # stopped at the last event
    assert state.filter.start is None and not state.playing  # the window before
    assert (panel.view.view_start, panel.view.view_end) == before_view
    assert not panel.timer.isActive()


def test_loop_starts_again_and_speed_sets_the_pace(window) -> None:
    panel, state = window.timeline, window.state
    panel.loop.setChecked(True)
    panel.play_button.setChecked(True)
    first = state.filter.start
    for _ in range(60):
        panel.step()
    assert panel.play_button.isChecked()  # still playing, round again
    assert state.filter.start is not None and state.filter.start >= first
    interval = panel.timer.interval()
    panel.speed.setCurrentIndex(3)
    assert panel.timer.interval() < interval
    panel.play_button.setChecked(False)


def test_the_map_follows_the_window(window, qtbot) -> None:
    panel, state, view = window.timeline, window.state, window.map
    panel.view.set_view(D(2021, 1, 1).toordinal(), D(2022, 1, 1).toordinal())
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    panel.play_button.setChecked(True)
    while state.filter.start < D(2021, 8, 1):  # August 2021: Kabul
        panel.step()
    view.flush()  # the recount Play's steps put off: it starts the map's glide
    assert finish_animations(view) >= 1  # the glide, run to its end
    kabul = view.marker("kabul-airport")
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(kabul.pos())
    panel.play_button.setChecked(False)
    after = view.mapToScene(view.viewport().rect()).boundingRect()
    assert abs(after.center().x() - before.center().x()) < 0.5  # the map's view is back
    assert abs(after.width() - before.width()) < 0.5


def test_stopping_mid_glide_still_brings_the_map_back(window) -> None:
    """Stop pressed while the map is still gliding to the window's events: the view
    before Play comes back and stays, the glide does not carry it off again."""
    panel, state, view = window.timeline, window.state, window.map
    panel.view.set_view(D(2021, 1, 1).toordinal(), D(2022, 1, 1).toordinal())
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    panel.play_button.setChecked(True)
    while state.filter.start < D(2021, 8, 1):
        panel.step()
    view.flush()
    assert step_animations(view, 100) >= 1  # part of the way to Kabul
    panel.play_button.setChecked(False)
    assert finish_animations(view) == 0  # nothing left gliding
    after = view.mapToScene(view.viewport().rect()).boundingRect()
    assert abs(after.center().x() - before.center().x()) < 0.5
    assert abs(after.width() - before.width()) < 0.5
