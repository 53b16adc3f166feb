"""Filters: sections (checkable, with counts), time window, free-text search, reset."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from content.dates import shift_years
from content.facets import CHOOSERS
from desktop.date_field import DateField
from desktop.panes.search_results import SearchResultsView
from desktop.plaintext import PlainLabel, plain_tooltip
from desktop.roles import SECTION_ROLE
from desktop.state import BriefingState

# Below this many events every keystroke filters at once. Above it, the search waits
# for a pause in typing: refiltering and redrawing 10,000 events takes ~0.2 s, and
# doing it per keystroke made typing lag behind the fingers.
SEARCH_PAUSE_FROM = 2_000
SEARCH_PAUSE_MS = 200


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FilterPanel(QWidget):
    """Edits `state.filter`; follows it when others change it."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, summaries, actors, places…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.result_count = PlainLabel()
        self.result_count.setTextFormat(Qt.TextFormat.PlainText)
        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections")
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setWordWrap(True)  # a long title on two lines, never cut mid-word
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setMinimumHeight(120)
        self.all_sections = QCheckBox("All sections")
        self.all_sections.setTristate(False)
        self.window_on = QCheckBox("Limit to dates")
        self.start = DateField()
        self.end = DateField()
        self.start.setAccessibleName("From")
        self.end.setAccessibleName("To")
        self.reset = QPushButton("Reset filters")
        self.results = SearchResultsView(state)
        # A list for each facet picked from the pack's records (place, actor, ...).
        self.choosers: dict[str, QComboBox] = {}
        for facet in CHOOSERS:
            combo = QComboBox()
            combo.setAccessibleName(facet.label)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.activated.connect(
                lambda i, c=combo, f=facet.field: state.set_facet(f, c.itemData(i)))
            self.choosers[facet.field] = combo
        self.fit_results = QPushButton("Fit to results")
        self.fit_results.setToolTip(plain_tooltip(
            "Show the events that pass the filters on the map and the timeline"))
        self.follow = QCheckBox("Follow results")
        self.follow.setToolTip(plain_tooltip(
            "Fit the map and the timeline to the results after each search"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        fit = QHBoxLayout()
        fit.addWidget(self.result_count, 1)
        fit.addWidget(self.fit_results)
        layout.addLayout(fit)
        layout.addWidget(self.follow)
        layout.addWidget(self.all_sections)
        layout.addWidget(self.sections, 1)
        dates = QFormLayout()
        dates.addRow(self.window_on)
        dates.addRow("From", self.start)
        dates.addRow("To", self.end)
        for facet in CHOOSERS:
            dates.addRow(facet.label, self.choosers[facet.field])
        layout.addLayout(dates)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_edited)
        self.search.returnPressed.connect(self._apply_search)
        self.sections.itemChanged.connect(self._sections_edited)
        self.all_sections.clicked.connect(self._all_clicked)
        self.window_on.toggled.connect(self._dates_edited)
        self.start.dateChanged.connect(self._date_typed)
        self.end.dateChanged.connect(self._date_typed)
        self.reset.clicked.connect(self._reset)
        self.fit_results.clicked.connect(state.request_fit)
        state.visibleChanged.connect(self._follow_results)
        state.packChanged.connect(self._rebuild)
        state.filterChanged.connect(self._follow)
        self._rebuild()

    def _follow_results(self) -> None:
        if self.follow.isChecked() and self.state.filter.text:
            self.state.request_fit()

    def _fill_facets(self) -> None:
        """Each chooser's list: "Any", then each record with its events, by name."""
        pack, flt = self.state.pack, self.state.filter
        for facet in CHOOSERS:
            combo = self.choosers[facet.field]
            counts = self.state.index.count_rows(facet, range(len(pack.events)))
            records = facet.records(pack)
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(facet.anyone, None)
                for ident, item in sorted(records.items(),
                                          key=lambda kv: kv[1].name.casefold()):
                    if counts.get(ident):
                        combo.addItem(f"{item.name} ({counts[ident]:,})", ident)
                combo.setCurrentIndex(max(0, combo.findData(getattr(flt, facet.field))))

    def _search_edited(self, text: str) -> None:
        if len(self.state.pack.events) < SEARCH_PAUSE_FROM:
            self.state.set_text(text)
        else:
            self._search_timer.start()  # restarted by every keystroke

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.state.set_text(self.search.text())

    def _reset(self) -> None:
        self._search_timer.stop()  # a search typed just before does not come back
        self.state.reset_filter()

    def _rebuild(self) -> None:
        with QSignalBlocker(self.sections):
            self.sections.clear()
            for section in self.state.pack.sections:
                item = QListWidgetItem(section.title)
                item.setData(SECTION_ROLE, section.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                item.setToolTip(plain_tooltip(section.summary))
                self.sections.addItem(item)
        first, last = self.state.extent()
        for edit in (self.start, self.end):
            with QSignalBlocker(edit):
                edit.setDateRange(_qdate(shift_years(first, -5)), _qdate(shift_years(last, 5)))
        self._fill_facets()
        self._follow()

    def _follow(self) -> None:
        """Show the state's filter in the widgets without feeding it back."""
        flt = self.state.filter
        pack = self.state.pack
        counts = self.state.index.count_by_section(flt)
        with QSignalBlocker(self.sections):
            for row in range(self.sections.count()):
                item = self.sections.item(row)
                sid = item.data(SECTION_ROLE)
                on = flt.sections is None or sid in flt.sections
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                item.setText(f"{pack.section(sid).title} ({counts.get(sid, 0):,})")
        with QSignalBlocker(self.all_sections):
            self.all_sections.setChecked(flt.sections is None)
        for field, combo in self.choosers.items():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(max(0, combo.findData(getattr(flt, field))))
        if self.search.text() != flt.text and not self._search_timer.isActive():
            with QSignalBlocker(self.search):  # never overwrite what is being typed
                self.search.setText(flt.text)
        first, last = self.state.extent()
        with QSignalBlocker(self.window_on), QSignalBlocker(self.start), \
                QSignalBlocker(self.end):
            self.window_on.setChecked(flt.start is not None or flt.end is not None)
            self.start.setDate(_qdate(flt.start or first))
            self.end.setDate(_qdate(flt.end or last))
        shown, total = len(self.state.visible_events), len(pack.events)
        self.result_count.setText(f"{shown:,} of {total:,} events match" if shown != total
                                  else f"All {total:,} events")

    def _sections_edited(self, _item: QListWidgetItem) -> None:
        chosen = frozenset(self.sections.item(r).data(SECTION_ROLE)
                           for r in range(self.sections.count())
                           if self.sections.item(r).checkState() == Qt.CheckState.Checked)
        self.state.set_sections(chosen)

    def _all_clicked(self, checked: bool) -> None:
        self.state.set_sections(None if checked else frozenset())

    def _date_typed(self) -> None:
        """Editing a date means "limit to these dates": the limit turns on with it."""
        if not self.window_on.isChecked():
            with QSignalBlocker(self.window_on):
                self.window_on.setChecked(True)
        self._dates_edited()

    def _dates_edited(self) -> None:
        if self.window_on.isChecked():
            start, end = _pydate(self.start.date()), _pydate(self.end.date())
            if end < start:
                start, end = end, start
            self.state.set_window(start, end)
        else:
            self.state.set_window(None, None)
