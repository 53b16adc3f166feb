"""The timeline with its toolbar: zoom, fit, and a play button that steps the window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from content.dates import add_days, day_label
from desktop.plaintext import PlainLabel, plain_tooltip
from desktop.state import BriefingState
from desktop.timeline.view import TimelineView

PLAY_INTERVAL_MS = 900
DEFAULT_PLAY_DAYS = 365


class TimelinePanel(QWidget):
    """Toolbar plus `TimelineView`; playing moves the time window and the map follows."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = TimelineView(state, self)
        self.play_button = QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName("Play through time")
        self.status = PlainLabel()
        self.timer = QTimer(self, interval=PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self.step)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(self.play_button)
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
        self._toggled(False)
        state.windowChanged.connect(self._show_status)
        state.packChanged.connect(self._show_status)
        self._show_status()

    def _toggled(self, playing: bool) -> None:
        self.play_button.setText("❚❚ Pause" if playing else "▶ Play")
        self.play_button.setToolTip("Pause" if playing else
                                    "Step the time window through the years; the map follows")
        if playing:
            flt = self.state.filter
            if flt.start is None or flt.end is None:
                first = self.state.extent()[0]
                self.state.set_window(first, add_days(first, DEFAULT_PLAY_DAYS - 1))
            self.timer.start()
        else:
            self.timer.stop()

    def step(self) -> None:
        """Move the window forward by its own length; stop after the last event."""
        flt = self.state.filter
        if flt.start is None or flt.end is None:
            self.play_button.setChecked(False)
            return
        length = (flt.end - flt.start).days + 1
        start = add_days(flt.start, length)
        if start > self.state.extent()[1] or start == flt.start:
            self.play_button.setChecked(False)
            return
        end = add_days(start, length - 1)
        self.state.set_window(start, end)
        view = self.view
        if end.toordinal() > view.real_end or start.toordinal() < view.real_start:
            span = view.real_end - view.real_start
            view.set_view(start.toordinal() - span * 0.2, start.toordinal() + span * 0.8)

    def _show_status(self) -> None:
        flt = self.state.filter
        if flt.start or flt.end:
            first, last = self.state.extent()
            self.status.setText(f"  Window: {day_label(flt.start or first)} – "
                                f"{day_label(flt.end or last)}")
        else:
            self.status.setText("  Drag on the strip under the lanes to set a time window")

    def stop(self) -> None:
        """Stop playing (used when closing)."""
        self.play_button.setChecked(False)
