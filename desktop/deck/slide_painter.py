"""Paints slide specs with QPainter: thumbnails, the presenter, PDF handouts.

The same specs the PowerPoint writer turns into shapes, drawn as vectors at any
size: a slide is 960 x 540 points and the painter is scaled to the target, so it is
crisp on any screen. Text is drawn line by line exactly as the layout wrapped it,
in DejaVu Sans, which the layout measured.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from desktop.map.geometry import ring_path
from slides.spec import Deck, Ellipse, Freeform, Line, Paragraph, Rect, Slide, TextBox
from slides.text import LINE_HEIGHT

ASCENT = 0.928  # DejaVu Sans ascent, em


def _pen(colour: str | None, width: float, dash: bool = False) -> QPen:
    if not colour or width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(colour), width)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _brush(colour: str | None) -> QBrush:
    return QBrush(QColor(colour)) if colour else QBrush(Qt.BrushStyle.NoBrush)


class SlidePainter:
    """Draws one slide of a deck into a rectangle of a QPainter."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}
        self._paths: dict[int, QPainterPath] = {}  # freeform outlines, built once per shape
        self._backdrops: dict[str, QImage] = {}

    def backdrop(self, slide: Slide) -> QImage | None:
        """What the template paints behind `slide` (None: plain white)."""
        key = slide.kind.look
        if key not in self._backdrops:
            found = self.deck.page.backdrop(key)
            image = QImage.fromData(found.png, b"PNG") if found and found.png else QImage()
            self._backdrops[key] = image
        image = self._backdrops[key]
        return None if image.isNull() else image

    def font(self, size: float, bold: bool, italic: bool = False) -> QFont:
        key = (size, bold, italic)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(self.deck.font)
            font.setPixelSize(max(1, round(size)))
            font.setBold(bold)
            font.setItalic(italic)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[key] = font
        return font

    def paint(self, painter: QPainter, slide: Slide, target: QRectF) -> None:
        """Draw `slide` scaled into `target` (aspect kept, letterboxed in black)."""
        scale = min(target.width() / self.deck.width, target.height() / self.deck.height)
        w, h = self.deck.width * scale, self.deck.height * scale
        x = target.x() + (target.width() - w) / 2
        y = target.y() + (target.height() - h) / 2
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        painter.translate(x, y)
        painter.scale(scale, scale)
        page = QRectF(0, 0, self.deck.width, self.deck.height)
        painter.fillRect(page, QColor("#ffffff"))
        backdrop = self.backdrop(slide)
        if backdrop is not None:  # the template's background, pictures and art
            painter.drawImage(page, backdrop)
        painter.setClipRect(QRectF(0, 0, self.deck.width, self.deck.height))
        for shape in slide.drawn():
            if isinstance(shape, TextBox):
                self.text(painter, shape)
            elif isinstance(shape, Rect):
                painter.setPen(_pen(shape.line, shape.line_width))
                painter.setBrush(_brush(shape.fill))
                rect = QRectF(shape.x, shape.y, shape.w, shape.h)
                if shape.radius:
                    painter.drawRoundedRect(rect, shape.radius, shape.radius)
                else:
                    painter.drawRect(rect)
            elif isinstance(shape, Ellipse):
                painter.setPen(_pen(shape.line, shape.line_width))
                painter.setBrush(_brush(shape.fill))
                painter.drawEllipse(QRectF(shape.x, shape.y, shape.w, shape.h))
            elif isinstance(shape, Line):
                painter.setPen(_pen(shape.colour, shape.width, shape.dash))
                painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
            elif isinstance(shape, Freeform):
                painter.setPen(_pen(shape.line, shape.line_width))
                painter.setBrush(_brush(shape.fill))
                path = self._paths.get(id(shape))
                if path is None:
                    path = self._paths[id(shape)] = ring_path(shape.rings)
                painter.drawPath(path)
        painter.restore()

    def text(self, painter: QPainter, box: TextBox) -> None:
        heights = [p.space_before + len(p.lines) * p.size * LINE_HEIGHT for p in box.paragraphs]
        total = sum(heights)
        y = box.y
        if box.anchor == "middle":
            y += (box.h - total) / 2
        elif box.anchor == "bottom":
            y += box.h - total
        for paragraph in box.paragraphs:
            y += paragraph.space_before
            for n, line in enumerate(paragraph.lines):
                self._line(painter, box, paragraph, line, n, y)
                y += paragraph.size * LINE_HEIGHT

    def _line(self, painter: QPainter, box: TextBox, paragraph: Paragraph, line: tuple,
              n: int, y: float) -> None:
        baseline = y + paragraph.size * ASCENT
        left = box.x + paragraph.indent
        width = sum(QFontMetricsF(self.font(r.size, r.bold, r.italic)).horizontalAdvance(r.text)
                    for r in line)
        room = box.w - paragraph.indent
        if paragraph.align == "center":
            left += (room - width) / 2
        elif paragraph.align == "right":
            left += room - width
        if n == 0 and paragraph.bullet and line:
            first = line[0]
            painter.setFont(self.font(first.size, False))
            painter.setPen(QColor(first.colour))
            painter.drawText(QPointF(box.x, baseline), paragraph.bullet)
        for run in line:
            font = self.font(run.size, run.bold, run.italic)
            painter.setFont(font)
            painter.setPen(QColor(run.colour))
            painter.drawText(QPointF(left, baseline), run.text)
            left += QFontMetricsF(font).horizontalAdvance(run.text)


def slide_image(deck: Deck, slide: Slide, size: QSize) -> QImage:
    """A slide rendered to an image of `size` (thumbnails, tests)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    SlidePainter(deck).paint(painter, slide, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image
