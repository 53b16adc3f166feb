"""The visible events as a `QAbstractTableModel`, with named columns and roles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from content.model import Event
from desktop.plaintext import plain_tooltip
from desktop.roles import EVENT_ID_ROLE, SORT_ROLE
from desktop.state import BriefingState

Index = QModelIndex | QPersistentModelIndex

DATE_COLUMN, TITLE_COLUMN, SECTIONS_COLUMN = range(3)
HEADERS = ("Date", "Event", "Sections")


class EventTableModel(QAbstractTableModel):
    """Rows are `state.visible_events` in date order; refreshed when the filter changes."""

    def __init__(self, state: BriefingState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._events: list[Event] = list(state.visible_events)
        state.visibleChanged.connect(self.refresh)  # follows every packChanged too
        state.placeSelected.connect(self._place_changed)

    def refresh(self) -> None:
        """Reload rows from the state."""
        self.beginResetModel()
        self._events = list(self.state.visible_events)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE_COLUMN:
                return event.date.short_label()
            if column == TITLE_COLUMN:
                return event.title
            pack = self.state.pack
            return ", ".join(pack.section(s).title for s in event.sections)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{event.title}\n{event.date_label()}")
        if role == Qt.ItemDataRole.FontRole and self.at_place(event):
            font = QFont()
            font.setBold(True)  # the selected place's events stand out
            return font
        if role == EVENT_ID_ROLE:
            return event.id
        if role == SORT_ROLE:
            return event.start_day.toordinal() if column == DATE_COLUMN else event.title
        return None

    def at_place(self, event: Event) -> bool:
        """True when a place is selected and `event` happened there."""
        place = self.state.selected_place
        return place is not None and place in event.places

    def _place_changed(self) -> None:
        if self._events:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._events) - 1, len(HEADERS) - 1),
                                  [Qt.ItemDataRole.FontRole])

    def row_of(self, event_id: str) -> int:
        """The row showing `event_id`, or -1."""
        for row, event in enumerate(self._events):
            if event.id == event_id:
                return row
        return -1

    def event_at(self, row: int) -> Event:
        """The event in `row`."""
        return self._events[row]
