"""The timeline with its toolbar: Play (speed, loop), zoom and fit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from content.dates import day_label
from desktop.plaintext import PlainLabel, plain_tooltip
from desktop.state import BriefingState
from desktop.timeline.play import first_window, next_window, unit_for_span, window_label
from desktop.timeline.view import TimelineView

PLAY_INTERVAL_MS = 1200  # at 1x: a step every 1.2 s
SPEEDS = (("½×", 2.0), ("1×", 1.0), ("2×", 0.5), ("4×", 0.25))


class TimelinePanel(QWidget):
    """Toolbar plus `TimelineView`. Play steps the time window by calendar month,
    quarter or year (by the zoom), to the next one that holds an event; the map
    follows its events; it stops after the last (or loops), and stopping brings back
    the window and view there were before."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = TimelineView(state, self)
        self.play_button = QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName("Play through time")
        self.speed = QComboBox()
        self.speed.addItems([name for name, _ in SPEEDS])
        self.speed.setCurrentIndex(1)
        self.speed.setAccessibleName("Play speed")
        self.speed.setToolTip(plain_tooltip("Play speed"))
        self.loop = QToolButton()
        self.loop.setText("Loop")
        self.loop.setCheckable(True)
        self.loop.setAccessibleName("Loop: start again after the last event")
        self.loop.setToolTip(plain_tooltip("Start again after the last event"))
        self.status = PlainLabel()
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setMinimumWidth(40)  # a narrow window clips the hint, not the window
        self.timer = QTimer(self, interval=PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self.step)
        self.unit = "year"
        self._before: tuple[dt.date | None, dt.date | None, float, float] | None = None
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(self.play_button)
        bar.addWidget(self.speed)
        bar.addWidget(self.loop)
        for text, tip, slot in (("−", "Zoom out (−)", lambda: self.view.zoom(1 / 1.5)),
                                ("+", "Zoom in (+)", lambda: self.view.zoom(1.5)),
                                ("Fit", "Show all events (0)", self.view.fit_all)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(plain_tooltip(tip))
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.play_button.toggled.connect(self._toggled)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self._toggled(False)
        state.windowChanged.connect(self._show_status)
        state.packChanged.connect(self._show_status)
        self._show_status()

    def _event_days(self) -> list[dt.date]:
        return sorted(e.start_day for e in self.state.index.matches(
            self.state.filter.with_(start=None, end=None)))

    def _speed_changed(self, index: int) -> None:
        self.timer.setInterval(round(PLAY_INTERVAL_MS * SPEEDS[index][1]))

    def _toggled(self, playing: bool) -> None:
        self.play_button.setText("❚❚ Pause" if playing else "▶ Play")
        self.play_button.setToolTip(plain_tooltip(
            "Stop, and go back to the window before" if playing else
            "Step through the events by month, quarter or year (by the zoom); the map "
            "follows"))
        if playing:
            flt = self.state.filter
            self._before = (flt.start, flt.end, self.view.view_start, self.view.view_end)
            self.unit = unit_for_span(self.view.real_end - self.view.real_start)
            from_day = flt.start or dt.date.fromordinal(max(1, int(self.view.real_start)))
            first = first_window(self._event_days(), self.unit, from_day)
            if first is None:
                first = first_window(self._event_days(), self.unit)
            if first is None:  # nothing to play
                self.play_button.setChecked(False)
                return
            self.state.set_playing(True)
            self._show_window(*first)
            self._speed_changed(self.speed.currentIndex())
            self.timer.start()
        else:
            self.timer.stop()
            self.state.set_playing(False)
            if self._before is not None:  # back to where the analyst was
                start, end, view_start, view_end = self._before
                self._before = None
                self.state.set_window(start, end)
                self.view._set_axis_view(view_start, view_end)

    def step(self) -> None:
        """The next calendar unit that holds an event; after the last, loop or stop."""
        flt = self.state.filter
        if flt.start is None:
            self.play_button.setChecked(False)
            return
        days = self._event_days()
        following = next_window(flt.start, self.unit, days)
        if following is None and self.loop.isChecked() and self.play_button.isChecked():
            following = first_window(days, self.unit)
        if following is None:
            self.play_button.setChecked(False)
            return
        self._show_window(*following)

    def _show_window(self, start: dt.date, end: dt.date) -> None:
        self.state.set_window(start, end)
        view = self.view
        if end.toordinal() + 1 > view.real_end or start.toordinal() < view.real_start:
            span = view.real_end - view.real_start
            view.set_view(start.toordinal() - span * 0.2, start.toordinal() + span * 0.8)

    def _show_status(self) -> None:
        flt = self.state.filter
        if self.play_button.isChecked() and flt.start and flt.end:
            self.status.setText(f"  Playing: {window_label(flt.start, flt.end, self.unit)}")
        elif flt.start or flt.end:
            first, last = self.state.extent()
            self.status.setText(f"  Window: {day_label(flt.start or first)} – "
                                f"{day_label(flt.end or last)}")
        else:
            self.status.setText("  Drag on the strip under the lanes to set a time window")

    def stop(self) -> None:
        """Stop playing (used when closing)."""
        self.play_button.setChecked(False)
