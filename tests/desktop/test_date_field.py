"""Date entry that does what was typed: the whole text read on Enter, in the forms
people write; what cannot be read is marked and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.date_field import DateField, parse_date
from desktop.panes.filters import FilterPanel


@pytest.mark.parametrize("text", ["15 Mar 2021", "15 march 2021", "March 15, 2021",
                                  "2021-03-15", "15/03/2021", "15.3.2021", " 15  MAR 2021 "])
def test_the_forms_people_type(text: str) -> None:
    assert parse_date(text) == dt.date(2021, 3, 15)


@pytest.mark.parametrize("text", ["30 Feb 2021", "15 Ma 2021", "2021-13-01", "", "soon",
                                  "0000-01-01", "1" * 400])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def type_into(qtbot, field: DateField, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_typing_a_date_sets_it_and_turns_the_limit_on(qtbot, state) -> None:
    panel = FilterPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.window_on.isChecked()
    type_into(qtbot, panel.start, "15 Mar 2021")
    assert panel.start.text() == "15 Mar 2021"
    assert panel.window_on.isChecked()
    assert state.filter.start == dt.date(2021, 3, 15)
    type_into(qtbot, panel.end, "2022-01-31")
    assert state.filter.end == dt.date(2022, 1, 31)


def test_a_typo_is_marked_and_changes_nothing(qtbot, state) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.setDateRange(QDate(1990, 1, 1), QDate(2030, 12, 31))
    field.setDate(QDate(2021, 3, 2))
    seen: list[QDate] = []
    field.dateChanged.connect(seen.append)
    type_into(qtbot, field, "15 Mrz 2021")
    assert field.date() == QDate(2021, 3, 2) and seen == []
    assert "Not a date" in field.problem and field.edit.text() == "15 Mrz 2021"
    type_into(qtbot, field, "1 Jan 1900")
    assert "outside" in field.problem and field.date() == QDate(2021, 3, 2)
    type_into(qtbot, field, "16 Mar 2021")
    assert field.problem == "" and seen == [QDate(2021, 3, 16)]


def test_the_calendar_picks_a_date(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.setDate(QDate(2021, 3, 2))
    field.calendar.clicked.emit(QDate(2021, 4, 9))
    assert field.date() == QDate(2021, 4, 9) and field.text() == "9 Apr 2021"
