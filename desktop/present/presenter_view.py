"""The presenter view: current and next slide, notes, timer and clock, as PowerPoint's.

It follows the same `Presentation` as the audience's window, so both always agree,
and takes the same clicker keys.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.deck.slide_painter import SlidePainter
from desktop.plaintext import PlainLabel
from desktop.present.audience import SlideCanvas
from desktop.present.controller import Presentation


class PresenterView(QWidget):
    """Current and next slide, notes, elapsed time (pause/reset) and the clock."""

    def __init__(self, show: Presentation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_state = show
        painter = SlidePainter(show.deck)
        self.current = SlideCanvas(painter)
        self.next_slide = SlideCanvas(painter)
        for canvas in (self.current, self.next_slide):
            canvas.letterbox = QColor("#1f2329")
            canvas.blank_fills_widget = False
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        font = self.notes.font()
        font.setPointSizeF(max(14.0, font.pointSizeF() * 1.4))
        self.notes.setFont(font)
        self.position = PlainLabel()
        self.elapsed_label = PlainLabel()
        self.clock = PlainLabel()
        for label in (self.position, self.elapsed_label, self.clock):
            label.setTextFormat(Qt.TextFormat.PlainText)
            big = label.font()
            big.setPointSizeF(big.pointSizeF() * 1.6)
            big.setBold(True)
            label.setFont(big)
        self.pause_button = QPushButton("Pause")
        self.reset_button = QPushButton("Reset")
        self.swap_button = QPushButton("Swap Screens")
        self.end_button = QPushButton("End Show")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.reset_button.clicked.connect(self.reset_timer)
        self.end_button.clicked.connect(show.end)
        for button in (self.pause_button, self.reset_button, self.swap_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        right = QVBoxLayout()
        right.addWidget(PlainLabel("Next"))
        right.addWidget(self.next_slide, 2)
        right.addWidget(PlainLabel("Notes"))
        right.addWidget(self.notes, 3)
        top = QHBoxLayout()
        top.addWidget(self.current, 3)
        top.addLayout(right, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.position)
        bar.addSpacing(24)
        bar.addWidget(self.elapsed_label)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.reset_button)
        bar.addStretch(1)
        bar.addWidget(self.clock)
        bar.addSpacing(24)
        bar.addWidget(self.swap_button)
        bar.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bar)
        self.setWindowTitle(f"Presenter view — {show.deck.title}")
        self.setObjectName("presenterView")
        # Dark, like PowerPoint's presenter view: the slides' letterboxing disappears
        # into it and the room stays dark when the presenter's screen is mirrored.
        self.setStyleSheet(
            "#presenterView { background: #1f2329; }"
            "#presenterView QLabel { color: #e8ecf1; }"
            "#presenterView QPlainTextEdit { background: #2a2f37; color: #f4f6f8;"
            " border: none; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.started = time.monotonic()
        self.paused_at: float | None = None
        self.ticker = QTimer(self, interval=500)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        show.changed.connect(self.refresh)
        self.refresh()
        self._tick()

    def refresh(self) -> None:
        """Follow the presentation."""
        show = self.show_state
        slides = show.deck.slides
        self.current.show_slide(slides[show.index], show.blank)
        following = slides[show.index + 1] if show.index + 1 < len(slides) else None
        self.next_slide.show_slide(following, None if following else "black")
        self.notes.setPlainText(slides[show.index].notes)
        state = {"black": " · black screen", "white": " · white screen"}.get(show.blank or "", "")
        self.position.setText(f"Slide {show.index + 1} of {len(slides)}{state}")

    def elapsed(self) -> float:
        """Seconds shown on the timer."""
        end = self.paused_at if self.paused_at is not None else time.monotonic()
        return end - self.started

    def toggle_pause(self) -> None:
        """Pause or resume the elapsed timer."""
        if self.paused_at is None:
            self.paused_at = time.monotonic()
            self.pause_button.setText("Resume")
        else:
            self.started += time.monotonic() - self.paused_at
            self.paused_at = None
            self.pause_button.setText("Pause")
        self._tick()

    def reset_timer(self) -> None:
        """Start the elapsed timer from zero."""
        self.started = time.monotonic()
        if self.paused_at is not None:
            self.paused_at = self.started
        self._tick()

    def _tick(self) -> None:
        seconds = int(self.elapsed())
        self.elapsed_label.setText(f"{seconds // 3600}:{seconds // 60 % 60:02d}:"
                                   f"{seconds % 60:02d}")
        self.clock.setText(dt.datetime.now().strftime("%H:%M"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.show_state.key(event.key(), event.text()):
            super().keyPressEvent(event)
