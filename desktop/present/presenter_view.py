"""The presenter view: current and next slide, notes, timer and clock, as PowerPoint's.

It follows the same `Presentation` as the audience's window, so both always agree,
and takes the same clicker keys. Besides, as in PowerPoint:

- notes zoom with Ctrl + / Ctrl − / Ctrl 0 and Ctrl+wheel (the size is remembered),
  and scroll with Ctrl+↑/↓ (a line) and Ctrl+PgUp/PgDn (a page);
- a strip of every slide under the notes, and a grid of them all (G, or See All
  Slides): a click goes to that slide;
- a laser pointer (Ctrl+L) and a pen (Ctrl+P; E erases) used over the current
  slide and shown on the audience's screen; strokes clear when the slide changes;
- Interact (L) makes a map or timeline slide live on the audience's screen.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QMouseEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.deck.slide_painter import SlidePainter, slide_image
from desktop.housekeeping import settings
from desktop.plaintext import PlainLabel, plain_tooltip
from desktop.present.audience import SlideCanvas
from desktop.present.controller import Presentation

NOTES_PT = (10.0, 40.0)  # the smallest and largest notes text
NOTES_KEY = "presenter/notes_pt"
STRIP = QSize(128, 72)
GRID = QSize(256, 144)


class PresenterView(QWidget):
    """Current and next slide, notes, elapsed time (pause/reset) and the clock."""

    liveRequested = Signal()
    """Interact: make the current map or timeline slide live on the audience screen."""
    audienceRequested = Signal()
    """Alt+F5: with one screen, show the audience's view instead of this one."""

    def __init__(self, show: Presentation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_state = show
        painter = SlidePainter(show.deck)
        self.current = SlideCanvas(painter)
        self.current.ink = show.ink
        self.current.setMouseTracking(True)
        self.current.installEventFilter(self)  # laser and pen over the current slide
        show.ink.changed.connect(self.current.update)
        self.next_slide = SlideCanvas(painter)
        for canvas in (self.current, self.next_slide):
            canvas.letterbox = QColor("#1f2329")
            canvas.blank_fills_widget = False
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.viewport().installEventFilter(self)  # Ctrl+wheel zooms the notes
        remembered = settings().value(NOTES_KEY)
        self.set_notes_size(float(remembered) if remembered else
                            max(14.0, self.notes.font().pointSizeF() * 1.4), remember=False)
        self.strip = self._slide_list(STRIP, QListView.Flow.LeftToRight, wrap=False)
        self.grid = self._slide_list(GRID, QListView.Flow.LeftToRight, wrap=True)
        self.grid.hide()
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
        self.laser_button = QPushButton("Laser (Ctrl+L)")
        self.pen_button = QPushButton("Pen (Ctrl+P)")
        self.live_button = QPushButton("Interact (L)")
        self.grid_button = QPushButton("See All Slides (G)")
        for button in (self.laser_button, self.pen_button):
            button.setCheckable(True)
        self.laser_button.clicked.connect(lambda: show.ink.set_mode("laser"))
        self.pen_button.clicked.connect(lambda: show.ink.set_mode("pen"))
        self.live_button.clicked.connect(self.liveRequested)
        self.grid_button.clicked.connect(self.toggle_grid)
        show.ink.changed.connect(self._ink_buttons)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.reset_button.clicked.connect(self.reset_timer)
        self.end_button.clicked.connect(show.end)
        for button in (self.pause_button, self.reset_button, self.swap_button, self.end_button,
                       self.laser_button, self.pen_button, self.live_button,
                       self.grid_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        right = QVBoxLayout()
        right.addWidget(PlainLabel("Next"))
        right.addWidget(self.next_slide, 2)
        right.addWidget(PlainLabel("Notes"))
        right.addWidget(self.notes, 3)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.current, 1)
        tools = QHBoxLayout()
        for button in (self.laser_button, self.pen_button, self.live_button,
                       self.grid_button):
            tools.addWidget(button)
        tools.addStretch(1)
        left.addLayout(tools)
        top.addLayout(left, 3)
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
        self.main_area = QWidget()  # current, next and notes: the grid takes its place
        self.main_area.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.main_area, 1)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.strip)
        layout.addLayout(bar)
        self.setWindowTitle(f"Presenter view — {show.deck.title}")
        self.setObjectName("presenterView")
        # Dark, like PowerPoint's presenter view: the slides' letterboxing disappears
        # into it and the room stays dark when the presenter's screen is mirrored.
        self.setStyleSheet(
            "#presenterView { background: #1f2329; }"
            "#presenterView QLabel { color: #e8ecf1; }"
            "#presenterView QPlainTextEdit { background: #2a2f37; color: #f4f6f8;"
            " border: none; }"
            "#presenterView QListWidget { background: #1f2329; color: #e8ecf1; border: none; }"
            "#presenterView QListWidget::item:selected { background: #3d6bb3; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        # The timer's clock: monotonic seconds; a test swaps in one it can step.
        self.now: Callable[[], float] = time.monotonic
        self.started = show.started_at  # from the show's start, however late it opens
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
        for widget in (self.strip, self.grid):
            widget.setCurrentRow(show.index)
            widget.scrollToItem(widget.currentItem())
        self.live_button.setEnabled(slides[show.index].live is not None)
        state = {"black": " · black screen", "white": " · white screen"}.get(show.blank or "", "")
        self.position.setText(f"Slide {show.index + 1} of {len(slides)}{state}")

    def elapsed(self) -> float:
        """Seconds shown on the timer."""
        end = self.paused_at if self.paused_at is not None else self.now()
        return end - self.started

    def toggle_pause(self) -> None:
        """Pause or resume the elapsed timer."""
        if self.paused_at is None:
            self.paused_at = self.now()
            self.pause_button.setText("Resume")
        else:
            self.started += self.now() - self.paused_at
            self.paused_at = None
            self.pause_button.setText("Pause")
        self._tick()

    def reset_timer(self) -> None:
        """Start the elapsed timer from zero."""
        self.started = self.now()
        if self.paused_at is not None:
            self.paused_at = self.started
        self._tick()

    def _tick(self) -> None:
        seconds = int(self.elapsed())
        self.elapsed_label.setText(f"{seconds // 3600}:{seconds // 60 % 60:02d}:"
                                   f"{seconds % 60:02d}")
        self.clock.setText(dt.datetime.now().strftime("%H:%M"))

    # -- notes ----------------------------------------------------------------
    def set_notes_size(self, points: float, remember: bool = True) -> None:
        """Notes at `points` (within NOTES_PT); remembered for the next show."""
        points = max(NOTES_PT[0], min(NOTES_PT[1], points))
        font = self.notes.font()
        font.setPointSizeF(points)
        self.notes.setFont(font)
        if remember:
            settings().setValue(NOTES_KEY, points)

    def notes_size(self) -> float:
        return self.notes.font().pointSizeF()

    def scroll_notes(self, lines: int = 0, pages: int = 0) -> None:
        """Scroll the notes by lines or pages (negative: up)."""
        bar = self.notes.verticalScrollBar()
        bar.setValue(bar.value() + lines * bar.singleStep() + pages * bar.pageStep())

    # -- the slides: strip and grid ---------------------------------------------
    def _slide_list(self, size: QSize, flow: QListView.Flow, wrap: bool) -> QListWidget:
        slides = QListWidget()
        slides.setViewMode(QListView.ViewMode.IconMode)
        slides.setFlow(flow)
        slides.setWrapping(wrap)
        slides.setIconSize(size)
        slides.setMovement(QListView.Movement.Static)
        slides.setResizeMode(QListView.ResizeMode.Adjust)
        slides.setSpacing(8)
        slides.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if not wrap:
            slides.setFixedHeight(size.height() + 44)
            slides.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        deck = self.show_state.deck
        for n, slide in enumerate(deck.slides):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(slide_image(deck, slide, size))),
                                   str(n + 1))
            item.setToolTip(plain_tooltip(f"{n + 1}. {slide.title}"))
            slides.addItem(item)
        slides.itemClicked.connect(lambda item, s=slides: self._picked(s.row(item)))
        return slides

    def _picked(self, row: int) -> None:
        self.show_grid(False)
        self.show_state.go(row)

    def toggle_grid(self) -> None:
        """Show every slide in a grid (click one to go there), or back to the notes."""
        self.show_grid(not self.grid.isVisible())

    def show_grid(self, shown: bool) -> None:
        """The grid of every slide in place of current, next and notes, or back."""
        self.grid.setVisible(shown)
        self.main_area.setVisible(not shown)

    # -- ink ----------------------------------------------------------------------
    def _ink_buttons(self) -> None:
        mode = self.show_state.ink.mode
        self.laser_button.setChecked(mode == "laser")
        self.pen_button.setChecked(mode == "pen")
        self.current.setCursor(Qt.CursorShape.CrossCursor if mode else
                               Qt.CursorShape.ArrowCursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        ink = self.show_state.ink
        if watched is self.current and isinstance(event, QMouseEvent):
            at = self.current.to_slide(QPointF(event.position()))
            kind = event.type()
            if kind == QEvent.Type.MouseMove:
                ink.move(at, bool(event.buttons() & Qt.MouseButton.LeftButton))
            elif kind == QEvent.Type.MouseButtonPress and at is not None and ink.mode:
                ink.begin_stroke(at)
                return True
        elif watched is self.current and event.type() == QEvent.Type.Leave:
            ink.point(None)
        elif (watched is self.notes.viewport() and isinstance(event, QWheelEvent)
              and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.set_notes_size(self.notes_size() + (1 if event.angleDelta().y() > 0 else -1))
            return True
        return super().eventFilter(watched, event)

    # -- keys -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Escape and self.grid.isVisible():
            self.show_grid(False)  # Esc closes the grid first, then puts the pen down
        elif self.show_state.ink.key(key, event.modifiers()):
            pass
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_notes_size(self.notes_size() + 2)
        elif ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.set_notes_size(self.notes_size() - 2)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_notes_size(18.0)
        elif ctrl and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.scroll_notes(lines=3 if key == Qt.Key.Key_Down else -3)
        elif ctrl and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.scroll_notes(pages=1 if key == Qt.Key.Key_PageDown else -1)
        elif key == Qt.Key.Key_G and not ctrl:
            self.toggle_grid()
        elif key == Qt.Key.Key_L and not ctrl:
            self.liveRequested.emit()
        elif key == Qt.Key.Key_F5 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.audienceRequested.emit()
        elif not self.show_state.key(key, event.text()):
            super().keyPressEvent(event)
