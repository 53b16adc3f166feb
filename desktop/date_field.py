"""A date field that takes the date as it was typed.

QDateEdit edits a date section by section: typing "15 Mar 2021" over a selected
date kept "1" of the day, or gave "2 Mar 2021", depending on where the cursor was.
Here the text is read whole when the analyst presses Enter or leaves the field, in
the forms people write ("15 Mar 2021", "15 March 2021", "2021-03-15", "15/03/2021",
"15.03.2021"); what cannot be read stays as typed, marked, with a tooltip saying what
is expected; nothing changes until it can be read. A calendar button picks a date
with the mouse. The API follows QDateEdit's (`date`, `setDate`, `dateChanged`,
`setDateRange`), so the panes use it in its place.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from content.dates import MONTHS, day_label
from desktop.plaintext import plain_tooltip

EXPECTED = "a date such as 15 Mar 2021, 15 March 2021 or 2021-03-15"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")  # day first, as in Europe
_DAY_MONTH = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def _month(name: str) -> int | None:
    """1–12 for an English month name or its first three letters or more."""
    name = name.casefold()
    if len(name) < 3:
        return None
    for number, month in enumerate(MONTHS, 1):
        if month.casefold().startswith(name):
            return number
    return None


def parse_date(text: str) -> dt.date | None:
    """The date `text` names ("15 Mar 2021", "15 march 2021", "March 15, 2021",
    "2021-03-15", "15/03/2021", "15.03.2021"), or None. Month names in English,
    whatever the machine's locale."""
    text = " ".join(text.split())
    parts: tuple[int | None, ...] = ()
    if m := _ISO.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _NUMERIC.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _DAY_MONTH.match(text):
        parts = (int(m[3]), _month(m[2]), int(m[1]))
    elif m := _MONTH_DAY.match(text):
        parts = (int(m[3]), _month(m[1]), int(m[2]))
    if len(parts) != 3 or None in parts:
        return None
    try:
        return dt.date(*parts)  # type: ignore[arg-type]
    except ValueError:  # 30 February, month 13, year 0
        return None


def short_label(day: dt.date) -> str:
    """`15 Mar 2021`: how the field shows a date."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


class DateField(QWidget):
    """A line edit read whole on Enter or leaving it, and a calendar button."""

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("15 Mar 2021")
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("28 Sep 2021") + 16)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.button = QToolButton(self)
        self.button.setText("\u25be")
        self.button.setAccessibleName("Pick a date")
        self.button.setToolTip("Pick a date from a calendar")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self._date = QDate(2000, 1, 1)
        self._min, self._max = QDate(1, 1, 1), QDate(9999, 12, 31)
        self.problem = ""
        self.edit.editingFinished.connect(self._typed)
        self.calendar.clicked.connect(self._picked)
        self._show()

    def date(self) -> QDate:
        """The date shown."""
        return QDate(self._date)

    def text(self) -> str:
        """What the field shows."""
        return self.edit.text()

    def setDate(self, date: QDate) -> None:
        """Show `date` (clamped to the range); `dateChanged` if it is new."""
        date = max(self._min, min(self._max, date))
        changed = date != self._date
        self._date = QDate(date)
        self._show()
        if changed and not self.signalsBlocked():
            self.dateChanged.emit(QDate(date))

    def setDateRange(self, low: QDate, high: QDate) -> None:
        """Dates outside [low, high] are refused as typed and clamped when set."""
        self._min, self._max = QDate(low), QDate(high)
        self.calendar.setDateRange(low, high)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def _show(self) -> None:
        self.edit.setText(short_label(self._py(self._date)))
        self._mark("")

    def _typed(self) -> None:
        day = parse_date(self.edit.text())
        if day is None:
            self._mark(f"Not a date: type {EXPECTED}.")
            return
        date = QDate(day.year, day.month, day.day)
        if not self._min <= date <= self._max:
            self._mark(f"{day_label(day)} is outside {day_label(self._py(self._min))} to "
                       f"{day_label(self._py(self._max))}.")
            return
        self.setDate(date)
        self._show()

    def _picked(self, date: QDate) -> None:
        self.button.menu().close()
        self.setDate(date)

    def _mark(self, problem: str) -> None:
        self.problem = problem
        self.edit.setToolTip(plain_tooltip(problem or f"Type {EXPECTED}, then Enter"))
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }" if problem
                                else "")

    @staticmethod
    def _py(date: QDate) -> dt.date:
        return dt.date(date.year(), date.month(), date.day())
