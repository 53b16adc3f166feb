"""The timeline's small drawing resources, made once and reused every frame.

Event dots, cluster pills, count texts and elided titles are antialiased or laid
out once and then blitted: a frame at 10,000 events costs about what one at 100 does.
"""

from __future__ import annotations

import html
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QWidget

from content.model import Event
from desktop.theme import Theme

MAX_LABELS = 20_000


class Cluster(NamedTuple):
    """A drawn cluster pill and its count, with the sizes needed to centre them."""

    pill: QPixmap
    text: QStaticText
    width: float
    text_width: float
    text_height: float


def wrapped(text: str, width: float, metrics: QFontMetricsF) -> list[str]:
    """`text` on lines no wider than `width`, broken between words ([] when a word
    alone is wider: such a title is cut instead)."""
    lines: list[str] = []
    for word in text.split():
        if metrics.horizontalAdvance(word) > width:
            return []
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class TimelineMarks:
    """Caches of drawn marks for one timeline widget and theme."""

    def __init__(self, widget: QWidget, theme: Theme) -> None:
        self.widget = widget
        self.theme = theme
        self._counts: dict[int, QStaticText] = {}
        self._pills: dict[tuple[int, int], QPixmap] = {}
        self._marks: dict[tuple[int, bool, bool], QPixmap] = {}
        self._elided: dict[tuple[str, int], QStaticText | None] = {}
        self._whole: dict[str, tuple[float, QStaticText]] = {}  # title's width, label
        self._clusters: dict[tuple[int, int], Cluster] = {}
        self.size = 1.0  # marks' scale: 1 in the app, the slide's scale when presenting
        self.wrap_lines = 1  # a title's lines at most: 1 (cut) in the app, more live

    def set_size(self, size: float) -> None:
        """Draw marks `size` times their app size (a live slide draws them at slide
        scale, as the static slide does); forgets what was drawn at the old size."""
        self.size = max(1.0, size)
        self._counts.clear()
        self._pills.clear()
        self._marks.clear()
        self._clusters.clear()

    @property
    def pill_height(self) -> float:
        return 20.0 * self.size

    def radius(self, selected: bool) -> float:
        """An event dot's radius in pixels."""
        return (7.0 if selected else 5.5) * self.size

    def set_theme(self, theme: Theme) -> None:
        """Colours changed: forget what was drawn in the old ones."""
        self.theme = theme
        self._pills.clear()
        self._marks.clear()
        self._clusters.clear()

    def forget_titles(self) -> None:
        """Titles may have changed (a new or reloaded pack)."""
        self._elided.clear()
        self._whole.clear()

    def elided(self, event: Event, width: float, metrics: QFontMetricsF
                ) -> QStaticText | None:
        """`event.title` cut to fit `width`, laid out once and cached in 8-pixel steps
        (None if nothing fits). Static text makes drawing a label nearly free.

        A title that fits whole is one label whatever the room: while the view pans
        the room beside each point changes every frame, and the whole title need not
        be cut and laid out again (at 30 days and 10,000 events: 30% fewer layouts)."""
        whole = self._whole.get(event.id)
        if whole is None:
            whole = (metrics.horizontalAdvance(event.title), self._label(event.title))
            if len(self._whole) > MAX_LABELS:
                self._whole.clear()
            self._whole[event.id] = whole
        if whole[0] <= width:
            return whole[1]
        step = int(width // 8)
        key = (event.id, step)
        if key in self._elided:
            return self._elided[key]
        lines = wrapped(event.title, step * 8.0, metrics) if self.wrap_lines > 1 else []
        label: QStaticText | None
        if 1 < len(lines) <= self.wrap_lines:  # whole, on lines as the slide has them
            label = self._label(lines=lines)
        else:
            text = metrics.elidedText(event.title, Qt.TextElideMode.ElideRight, step * 8.0)
            label = self._label(text) if text != "…" and text else None
        if len(self._elided) > MAX_LABELS:
            self._elided.clear()
        self._elided[key] = label
        return label

    def _label(self, text: str = "", lines: list[str] | None = None) -> QStaticText:
        if lines:  # escaped, then broken: content is never markup
            label = QStaticText("<br>".join(html.escape(line) for line in lines))
            label.setTextFormat(Qt.TextFormat.RichText)
        else:
            label = QStaticText(text)
            label.setTextFormat(Qt.TextFormat.PlainText)  # content is never markup
        label.prepare(font=self.widget.font())
        return label

    def pill(self, colour: QColor, width: float) -> QPixmap:
        """A cluster pill, antialiased once and then blitted (far cheaper than drawing)."""
        key = (colour.rgba(), int(width))
        pixmap = self._pills.get(key)
        if pixmap is None:
            ratio = self.widget.devicePixelRatioF()
            height, edge = self.pill_height, 1.5 * self.size
            pixmap = QPixmap(int(int(width) * ratio) + 2, int(height * ratio) + 2)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(self.theme.marker_edge, edge))
            p.setBrush(colour)
            inner = QRectF(edge / 2, edge / 2, int(width) - edge, height - edge)
            p.drawRoundedRect(inner, inner.height() / 2, inner.height() / 2)
            p.end()
            self._pills[key] = pixmap
        return pixmap

    def mark(self, colour: QColor, selected: bool, approximate: bool) -> QPixmap:
        """An event's dot (ringed when selected, dashed when approximate), drawn once."""
        key = (colour.rgba(), selected, approximate)
        pixmap = self._marks.get(key)
        if pixmap is None:
            r = self.radius(selected)
            edge = (3.0 if selected else 1.5) * self.size
            size = 2 * (r + edge) + 2
            ratio = self.widget.devicePixelRatioF()
            pixmap = QPixmap(int(size * ratio), int(size * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.theme.selected if selected else self.theme.marker_edge, edge)
            if approximate:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(colour)
            p.drawEllipse(QPointF(size / 2, size / 2), r, r)
            p.end()
            self._marks[key] = pixmap
        return pixmap

    def cluster(self, colour: QColor, count: int) -> Cluster:
        """Everything to draw a cluster of `count` events in `colour`, in one lookup (a
        whole-span frame at 10,000 events draws some 340 of them)."""
        key = (colour.rgba(), count)
        found = self._clusters.get(key)
        if found is None:
            text = self.count_text(count)
            size = text.size()
            width = max(22.0 * self.size, size.width() + 12 * self.size)
            found = Cluster(self.pill(colour, width), text, width, size.width(),
                            size.height())
            self._clusters[key] = found
        return found

    def count_text(self, count: int) -> QStaticText:
        """A cached, pre-laid-out cluster count (drawing it is then nearly free)."""
        text = self._counts.get(count)
        if text is None:
            text = QStaticText(str(count))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self.widget.font())
            self._counts[count] = text
        return text
