"""The event table's model, without a view: rows, columns, roles, and refreshes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt

from desktop.panes.event_model import DATE_COLUMN, TITLE_COLUMN, EventTableModel
from desktop.roles import EVENT_ID_ROLE, SORT_ROLE


def test_rows_are_the_visible_events_in_date_order(qtbot, state) -> None:
    model = EventTableModel(state)
    assert model.rowCount(QModelIndex()) == len(state.pack.events)
    assert model.columnCount(QModelIndex()) == 3
    first = model.index(0, TITLE_COLUMN)
    assert model.data(first, Qt.ItemDataRole.DisplayRole) == state.pack.events[0].title
    assert model.data(first, EVENT_ID_ROLE) == state.pack.events[0].id
    assert model.data(model.index(0, DATE_COLUMN), Qt.ItemDataRole.DisplayRole) == "1992"
    sort_keys = [model.data(model.index(r, DATE_COLUMN), SORT_ROLE)
                 for r in range(model.rowCount(QModelIndex()))]
    assert sort_keys == sorted(sort_keys)


def test_the_model_follows_the_filter_with_one_reset(qtbot, state) -> None:
    model = EventTableModel(state)
    with qtbot.waitSignal(model.modelReset):
        state.set_window(dt.date(2021, 8, 1), dt.date(2021, 8, 31))
    ids = [model.data(model.index(r, 0), EVENT_ID_ROLE) for r in range(model.rowCount())]
    assert ids == [e.id for e in state.visible_events] and "kabul-airlift" in ids
    assert model.row_of("kabul-airlift") == ids.index("kabul-airlift")
    assert model.row_of("relations-established") == -1
    with qtbot.assertNotEmitted(model.modelReset):  # same events pass: no reset
        state.set_window(dt.date(2021, 8, 1), dt.date(2021, 8, 30))


def test_tooltips_carry_the_title_and_the_dates(qtbot, state) -> None:
    model = EventTableModel(state)
    row = model.row_of("partnership-for-peace")
    tip = model.data(model.index(row, TITLE_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert "Partnership for Peace" in tip and "since 1994" in tip
