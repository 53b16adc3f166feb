"""Every date the loader accepts works in every view: 29 February, years 1 and 9999.

A pack whose first or last event sits at the calendar's edges made the window fail to
build (the date filter's range and the map's membership shading moved dates by whole
years), and picking 29 February 2024 as the end date left the shading stale.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate

from content.loader import load_pack
from desktop.shell.main_window import MainWindow
from tests.edge_dates import EDGES, with_edge_dates


def exercise_window(qtbot, folder: Path) -> MainWindow:
    """Build the window, set the end date to a 29 February, brush to the edges, play."""
    pack = load_pack(folder, use_cache=False)
    window = MainWindow(pack, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.grab()
    first, last = window.state.extent()
    window.filters.end.setDate(QDate(2024, 2, 29))
    window.filters.start.setDate(QDate(first.year, first.month, first.day))
    window.grab()
    view = window.timeline.view
    view._apply_window(-1e9, 1e9)  # a brush dragged past both ends of time
    assert window.state.filter.start == dt.date.min and window.state.filter.end == dt.date.max
    window.state.set_window(last, last)
    window.timeline.step()  # play from the last day: stops, never past 31 December 9999
    window.timeline.view.fit_all()
    window.grab()
    return window


@pytest.mark.parametrize(("first", "last"), EDGES)
def test_window_builds_and_filters_at_the_calendars_edges(qtbot, pack_copy: Path, first: str,
                                                          last: str) -> None:
    with_edge_dates(pack_copy, first, last)
    window = exercise_window(qtbot, pack_copy)
    assert window.state.extent()[0].year == int(first[:4])
    assert window.map.isVisible()


def test_a_29_february_end_date_updates_the_shading(qtbot, pack_copy: Path) -> None:
    """Picking 29 Feb 2024 as the end date shades the members of that day (Sweden
    joined on 7 March 2024: not yet), with no traceback in between."""
    window = MainWindow(load_pack(pack_copy, use_cache=False), watch=False,
                        remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    sweden = window.map._countries["752"]
    window.filters.end.setDate(QDate(2024, 3, 31))
    assert window.filters.window_on.isChecked()  # editing a date turns the limit on
    shaded = sweden.brush().color()
    window.filters.end.setDate(QDate(2024, 2, 29))
    assert window.state.filter.end == dt.date(2024, 2, 29)
    assert sweden.brush().color() != shaded


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
       last=st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_any_accepted_dates_build_the_window(qtbot, tmp_path_factory, first: dt.date,
                                             last: dt.date) -> None:
    from tests.conftest import PACK

    folder = tmp_path_factory.mktemp("pack")
    for source in PACK.glob("*.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    first, last = min(first, last), max(first, last)
    with_edge_dates(folder, first.isoformat(), last.isoformat())
    exercise_window(qtbot, folder)
