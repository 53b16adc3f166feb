"""The map's legend: what its colours, discs and lines mean.

A small panel laid over the map's lower-left corner (a child of the viewport, like
the zoom buttons): NATO members by accession (long-standing and joined in the last
ten years of the time shown), the focus country, marker sizes and the links
between places. Shown or hidden from the View menu; it follows the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.map.clustering import marker_radius
from desktop.theme import Theme

ROW_H = 16.0
PAD = 6.0


class MapLegend(QWidget):
    """Paints the legend rows for `theme`; `focus` names the focus country."""

    def __init__(self, parent: QWidget, theme: Theme, focus: str) -> None:
        super().__init__(parent)
        self.theme = theme
        self.focus = focus
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.font()
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.82))  # a key, not a headline
        self.setFont(font)
        self.setAccessibleName("Map legend")
        self.setAccessibleDescription("; ".join(self.rows()))
        self.resize(self.sizeHint())

    def rows(self) -> list[str]:
        """The legend's lines, top to bottom."""
        return ["NATO member", "Joined NATO in the last 10 years shown",
                f"{self.focus} (focus country)" if self.focus else "Focus country",
                "Place: 1, 5, 20 events", "Link between places"]

    def set_theme(self, theme: Theme, focus: str) -> None:
        """Repaint in another theme (or for another pack's focus country)."""
        self.theme, self.focus = theme, focus
        self.setAccessibleDescription("; ".join(self.rows()))
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        width = max(self.fontMetrics().horizontalAdvance(r) for r in self.rows())
        return QSize(int(width + 3 * PAD + 34), int(len(self.rows()) * ROW_H + 2 * PAD))

    def paintEvent(self, _event) -> None:
        t = self.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        back = QColor(t.lane if hasattr(t, "lane") else "#ffffff")
        back.setAlpha(235)
        painter.setPen(QPen(t.muted, 1))
        painter.setBrush(back)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        swatches = [t.member, t.member_new, t.focus]
        for row, text in enumerate(self.rows()):
            y = PAD + row * ROW_H
            icon = QRectF(PAD, y + 3, 28, ROW_H - 6)
            if row < 3:
                painter.setPen(QPen(t.border if hasattr(t, "border") else t.muted, 0.8))
                painter.setBrush(swatches[row])
                painter.drawRect(icon)
            elif row == 3:
                painter.setPen(QPen(t.marker_edge, 1))
                painter.setBrush(t.marker)
                x = icon.left()
                for count in (1, 5, 20):
                    r = min(marker_radius(count) * 0.35, ROW_H / 2 - 2)
                    painter.drawEllipse(QPointF(x + r, icon.center().y()), r, r)
                    x += 2 * r + 2
            else:
                painter.setPen(QPen(t.link, 2.5))
                painter.drawLine(QPointF(icon.left(), icon.center().y()),
                                 QPointF(icon.right(), icon.center().y()))
            painter.setPen(t.text)
            painter.drawText(QRectF(icon.right() + PAD, y, self.width() - icon.right() - PAD,
                                    ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()
