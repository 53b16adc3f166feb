"""The searchable event list: a third way in, synced with map and timeline."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.panes.event_model import DATE_COLUMN, SECTIONS_COLUMN, TITLE_COLUMN, EventTableModel
from desktop.state import BriefingState


class EventList(QTableView):
    """A table of the visible events; selecting a row selects the event."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.briefing = state
        self.events = EventTableModel(state, self)
        self.setModel(self.events)
        self.setAccessibleName("Events")
        self.setAccessibleDescription("Events that pass the filters, by date")
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Wide enough for the longest short date ("c. 28 Sep 2021"), measured once:
        # sizing it to its contents measured up to 1,000 rows at every filter change.
        header.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(DATE_COLUMN, self.fontMetrics().horizontalAdvance("c. 28 Sep 2021")
                            + 18)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.setColumnHidden(SECTIONS_COLUMN, True)  # shown in the details; keeps titles readable
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        self.events.modelReset.connect(self._follow)
        state.selectionChanged.connect(self._follow)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.briefing.select_event(self.events.event_at(current.row()).id)

    def _follow(self) -> None:
        event = self.briefing.selected_event
        row = self.events.row_of(event.id) if event else -1
        selection = self.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.events.index(row, TITLE_COLUMN)
        if selection.currentIndex().row() != row:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.briefing.select_event(None)
        else:
            super().keyPressEvent(event)
