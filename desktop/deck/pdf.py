"""PDF handouts painted from the slide specs: one page per slide, or notes pages.

Vector output through QPdfWriter, written to a temporary buffer and then to the
target atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from content.fileio.atomic import write_atomic
from desktop.deck.slide_painter import SlidePainter
from slides.spec import Deck

NOTES_PAGE = QSizeF(210, 297)  # A4 portrait, millimetres


def write_pdf(deck: Deck, out: Path, notes: bool = False) -> None:
    """Write the deck as a PDF: slides full-page, or A4 pages of slide plus notes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(deck.title)
    writer.setCreator("Briefing Desk")
    writer.setResolution(300)
    if notes:
        size = QPageSize(NOTES_PAGE, QPageSize.Unit.Millimeter, "A4")
    else:
        size = QPageSize(QSizeF(deck.width, deck.height), QPageSize.Unit.Point, "Slide")
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    slide_painter = SlidePainter(deck)
    page = QRectF(0, 0, writer.width(), writer.height())
    for n, slide in enumerate(deck.slides):
        if n:
            writer.newPage()
        if not notes:
            slide_painter.paint(painter, slide, page)
            continue
        margin = page.width() * 0.08
        frame = QRectF(margin, margin, page.width() - 2 * margin,
                       (page.width() - 2 * margin) * deck.height / deck.width)
        slide_painter.paint(painter, slide, frame)
        painter.setPen(QPen(QColor("#9aa5b4"), 2))
        painter.drawRect(frame)
        font = QFont(deck.font)
        font.setPixelSize(int(page.width() / 60))
        painter.setFont(font)
        painter.setPen(QColor("#1d232b"))
        text = QRectF(margin, frame.bottom() + margin / 2, frame.width(),
                      page.height() - frame.bottom() - margin * 1.5)
        painter.drawText(text, int(Qt.TextFlag.TextWordWrap), slide.notes or "(no notes)")
        painter.drawText(QRectF(margin, page.height() - margin * 0.8, frame.width(), margin / 2),
                         int(Qt.AlignmentFlag.AlignRight), f"{n + 1} / {len(deck.slides)}")
    painter.end()
    buffer.close()
    write_atomic(out, bytes(data.data()))
