"""The presentation controller: which slide, blanked or not, typed slide numbers.

Both the full-screen slide window and the presenter view subscribe to it, so they
always agree. Keys follow PowerPoint: → ↓ Space PgDn N Enter next; ← ↑ PgUp P
Backspace previous; Home/End; a number then Enter jumps; B or . black screen, W or ,
white screen (any key returns); Esc ends the show.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal

from desktop.present.ink import Ink
from slides.spec import Deck

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown,
             Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_P,
                 Qt.Key.Key_Backspace}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
WHITE_KEYS = {Qt.Key.Key_W, Qt.Key.Key_Comma}


class Presentation(QObject):
    """State of a running show."""

    changed = Signal()
    finished = Signal(int)  # the slide index the show ended on

    def __init__(self, deck: Deck, start: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deck = deck
        self.started_at = time.monotonic()  # the show's clock: the presenter's timer
        self.index = max(0, min(start, len(deck.slides) - 1))
        self.blank: str | None = None  # "black", "white" or None
        self.typed = ""
        self.ended = False
        self.ink = Ink(self)  # laser pointer and pen, shown on every window
        self.changed.connect(self.ink.clear)  # strokes belong to their slide

    @property
    def slide_count(self) -> int:
        """Slides in the deck."""
        return len(self.deck.slides)

    def go(self, index: int) -> None:
        """Show slide `index` (clamped), unblanking."""
        index = max(0, min(index, self.slide_count - 1))
        if index != self.index or self.blank:
            self.index = index
            self.blank = None
            self.changed.emit()

    def next(self) -> None:
        """Next slide (or just unblank)."""
        if self.blank:
            self.set_blank(None)
        else:
            self.go(self.index + 1)

    def previous(self) -> None:
        """Previous slide (or just unblank)."""
        if self.blank:
            self.set_blank(None)
        else:
            self.go(self.index - 1)

    def set_blank(self, blank: str | None) -> None:
        """Black or white screen, or back to the slide."""
        if blank != self.blank:
            self.blank = blank
            self.changed.emit()

    def end(self) -> None:
        """End the show."""
        if not self.ended:
            self.ended = True
            self.finished.emit(self.index)

    def key(self, key: int, text: str = "") -> bool:
        """Handle one key press as PowerPoint does; True if it was a presenter key."""
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not self.blank:
            self.typed += chr(key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            number = int(self.typed)
            self.typed = ""
            self.go(number - 1)
            return True
        self.typed = ""
        if key == Qt.Key.Key_Escape:
            if self.blank:
                self.set_blank(None)
            else:
                self.end()
        elif self.blank and key not in BLACK_KEYS | WHITE_KEYS:
            self.set_blank(None)  # any key brings the slide back
        elif key in BLACK_KEYS:
            self.set_blank(None if self.blank == "black" else "black")
        elif key in WHITE_KEYS:
            self.set_blank(None if self.blank == "white" else "white")
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.slide_count - 1)
        else:
            return False
        return True
