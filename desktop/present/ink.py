"""The laser pointer and the pen: drawn by the presenter, seen by the audience.

`Ink` holds, in slide points (the deck's own coordinates, so every window maps them to
its own size), where the pointer is and the pen strokes on the current slide. The
presenter view writes it from the mouse over its current slide; the audience's window
and the presenter's preview paint it over the slide. Strokes belong to their slide:
they are cleared when the slide changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

LASER = QColor(230, 30, 40)
PEN = QColor(214, 40, 40)
MODES = ("laser", "pen")


class Ink(QObject):
    """Pointer and pen strokes over the current slide, in slide points."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode: str | None = None  # "laser", "pen" or None
        self.pointer: QPointF | None = None
        self.strokes: list[list[QPointF]] = []

    def set_mode(self, mode: str | None) -> None:
        """Laser, pen, or neither (toggling the mode that is on turns it off)."""
        self.mode = None if mode == self.mode else mode
        self.pointer = None
        self.changed.emit()

    def point(self, at: QPointF | None) -> None:
        """The laser is at `at` (None: off the slide)."""
        if self.mode == "laser":
            self.pointer = at
            self.changed.emit()

    def begin_stroke(self, at: QPointF) -> None:
        if self.mode == "pen":
            self.strokes.append([at])
            self.changed.emit()

    def extend_stroke(self, at: QPointF) -> None:
        if self.mode == "pen" and self.strokes:
            self.strokes[-1].append(at)
            self.changed.emit()

    def move(self, at: QPointF | None, dragging: bool) -> None:
        """The mouse is at `at` (None: off the slide): the laser follows it, and a pen
        that is `dragging` draws on."""
        self.point(at)
        if at is not None and dragging:
            self.extend_stroke(at)

    def key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """The pen's and laser's keys, in every window: Ctrl+L and Ctrl+P pick them up,
        E erases, Esc puts them down. True if the key was theirs."""
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_L, Qt.Key.Key_P):
            self.set_mode("laser" if key == Qt.Key.Key_L else "pen")
        elif key == Qt.Key.Key_E and not ctrl and self.strokes:
            self.erase()
        elif key == Qt.Key.Key_Escape and self.mode:
            self.set_mode(self.mode)
        else:
            return False
        return True

    def erase(self) -> None:
        """All strokes off the slide."""
        if self.strokes:
            self.strokes = []
            self.changed.emit()

    def clear(self) -> None:
        """A new slide: no strokes, no pointer."""
        if self.strokes or self.pointer is not None:
            self.strokes, self.pointer = [], None
            self.changed.emit()

    def paint(self, painter: QPainter, slide: QRectF, scale: float) -> None:
        """Draw pointer and strokes over a slide drawn in `slide` at `scale` px/pt."""
        def at(p: QPointF) -> QPointF:
            return QPointF(slide.x() + p.x() * scale, slide.y() + p.y() * scale)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(PEN, max(2.0, 3.0 * scale), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self.strokes:
            path = QPainterPath(at(stroke[0]))
            for point in stroke[1:]:
                path.lineTo(at(point))
            painter.drawPath(path)
        if self.pointer is not None:
            radius = max(5.0, 7.0 * scale)
            glow = QColor(LASER)
            glow.setAlpha(90)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(at(self.pointer), radius * 1.8, radius * 1.8)
            painter.setBrush(LASER)
            painter.drawEllipse(at(self.pointer), radius, radius)
        painter.restore()
