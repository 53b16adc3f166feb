"""A view as a figure worth pasting: the map or the timeline at print resolution,
framed with its title, classification marking, legend and as-of date.

A screen grab is 848 pixels of app (zoom buttons, "Drag here" strip, no marking).
Here the view paints itself again, at the size and resolution asked (default 300
dpi), onto a PNG or an SVG, without the app's controls: marking banners top and
bottom, a title, the view, the map's legend or nothing for the timeline (its lanes
are named), and a footer with the content's as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from content.fileio.atomic import write_atomic
from slides.layout import marking_colour

if TYPE_CHECKING:
    from desktop.map.view import MapView
    from desktop.state import BriefingState

POINTS_PER_INCH = 72.0
MAX_PIXELS = 120_000_000  # a 40 x 30 in poster at 600 dpi is 432 MP: refused, say why


@dataclass(frozen=True)
class Figure:
    """What frames the view: its words, and the size it is drawn at."""

    title: str
    marking: str
    as_of: str
    legend: tuple[tuple[QColor, str], ...] = ()
    width_in: float = 10.0
    height_in: float = 5.625
    dpi: int = 300

    @property
    def pixels(self) -> QSize:
        """The PNG's size in pixels."""
        return QSize(round(self.width_in * self.dpi), round(self.height_in * self.dpi))


def paint_figure(painter: QPainter, size: QSize, view: QWidget, figure: Figure) -> None:
    """Paint `figure` around `view` onto `painter`, `size` device units across (one
    unit a pixel at the figure's dpi)."""
    unit = figure.dpi / POINTS_PER_INCH  # device units per point
    w, h = size.width(), size.height()
    painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
    band = 16 * unit
    colour = QColor(marking_colour(figure.marking))  # the slides' banner colour
    font = QFont("DejaVu Sans")
    for y in (0.0, h - band):
        painter.fillRect(QRectF(0, y, w, band), colour)
        font.setPixelSize(max(1, round(9 * unit)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, y, w, band), Qt.AlignmentFlag.AlignCenter, figure.marking)
    margin = 18 * unit
    font.setPixelSize(max(1, round(16 * unit)))
    painter.setFont(font)
    painter.setPen(QColor("#1d232b"))
    title_h = 26 * unit
    painter.drawText(QRectF(margin, band + 6 * unit, w - 2 * margin, title_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, figure.title)
    footer_h = 16 * unit
    top = band + 6 * unit + title_h + 4 * unit
    bottom = h - band - footer_h - 4 * unit
    legend_w = 150 * unit if figure.legend else 0.0
    area = QRectF(margin, top, w - 2 * margin - legend_w, bottom - top)
    _paint_view(painter, view, area)
    painter.setPen(QPen(QColor("#5f6b7a"), max(1.0, unit * 0.75)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area)
    if figure.legend:
        _paint_legend(painter, figure.legend, QRectF(area.right() + 10 * unit, top,
                                                     legend_w - 10 * unit, area.height()),
                      unit)
    font.setBold(False)
    font.setPixelSize(max(1, round(9 * unit)))
    painter.setFont(font)
    painter.setPen(QColor("#5f6b7a"))
    painter.drawText(QRectF(margin, h - band - footer_h - 2 * unit, w - 2 * margin, footer_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"Content as of {figure.as_of} · Briefing Desk")


def _paint_view(painter: QPainter, view: QWidget, area: QRectF) -> None:
    """The view's own painting, scaled into `area`, without the app's controls."""
    from desktop.map.view import MapView
    from desktop.timeline.view import TimelineView

    painter.save()
    if isinstance(view, MapView):
        view.flush()
        hidden = [w for w in (view._controls, view.legend) if w.isVisible()]
        for widget in hidden:
            widget.hide()
        # What the analyst sees, widened (or heightened) to the figure's shape: more of
        # the map around the same centre, never stretched.
        seen = QRectF(view.viewport().rect())
        aspect = area.width() / area.height()
        if seen.width() / seen.height() < aspect:
            seen = QRectF(0, 0, seen.height() * aspect, seen.height())
        else:
            seen = QRectF(0, 0, seen.width(), seen.width() / aspect)
        seen.moveCenter(QRectF(view.viewport().rect()).center())
        view.render(painter, area, seen.toAlignedRect())
        for widget in hidden:
            widget.show()
    else:
        if isinstance(view, TimelineView):
            view.show_strip = False  # no "Drag here" strip in a figure
        scale = min(area.width() / view.width(), area.height() / view.height())
        painter.translate(area.left() + (area.width() - view.width() * scale) / 2,
                          area.top() + (area.height() - view.height() * scale) / 2)
        painter.scale(scale, scale)
        view.render(painter, QPoint(0, 0))
        if isinstance(view, TimelineView):
            view.show_strip = True
    painter.restore()


def _paint_legend(painter: QPainter, rows: tuple[tuple[QColor, str], ...], area: QRectF,
                  unit: float) -> None:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(9 * unit)))
    painter.setFont(font)
    y = area.top()
    for colour, text in rows:
        painter.setPen(QPen(QColor("#8c9aa8"), max(1.0, 0.6 * unit)))
        painter.setBrush(colour)
        painter.drawRect(QRectF(area.left(), y + 3 * unit, 16 * unit, 10 * unit))
        painter.setPen(QColor("#1d232b"))
        text_rect = QRectF(area.left() + 22 * unit, y, area.width() - 22 * unit, 32 * unit)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap), text)
        y += 30 * unit


def write_figure(view: QWidget, figure: Figure, out: Path) -> None:
    """Write `figure` as PNG or SVG (by `out`'s suffix), atomically. ValueError for a
    size no printer needs."""
    if not (0.5 <= figure.width_in <= 60 and 0.5 <= figure.height_in <= 60
            and 36 <= figure.dpi <= 1200):
        raise ValueError("a figure is 0.5 to 60 inches a side at 36 to 1200 dpi")
    size = figure.pixels
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if out.suffix.lower() == ".svg":
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setResolution(figure.dpi)
        generator.setTitle(figure.title)
        painter = QPainter(generator)
        paint_figure(painter, size, view, figure)
        painter.end()
    else:
        if size.width() * size.height() > MAX_PIXELS:
            raise ValueError(f"{size.width()} x {size.height()} pixels is more than a PNG "
                             "should hold: lower the size or the resolution")
        image = QImage(size, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(round(figure.dpi / 0.0254))
        image.setDotsPerMeterY(round(figure.dpi / 0.0254))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_figure(painter, size, view, figure)
        painter.end()
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; Qt takes str
    buffer.close()
    write_atomic(out, bytes(data.data()))


def compose_figure(state: BriefingState, map_view: MapView, kind: str, marking: str = "",
                   width_in: float = 10.0, height_in: float = 5.625, dpi: int = 300) -> Figure:
    """The frame of a figure of the map or the timeline as the analyst sees it now:
    titled with the pack and the time window, marked (the deck's marking, else the
    pack's), the map's legend beside a map."""
    from content.dates import day_label

    pack = state.pack
    flt = state.filter
    when = ""
    if flt.start or flt.end:
        first, last = state.extent()
        when = f", {day_label(flt.start or first)} – {day_label(flt.end or last)}"
    title = f"{pack.info.title}: {'places' if kind == 'map' else 'timeline'}{when}"
    theme = map_view.theme
    legend = tuple(zip((theme.member, theme.member_new, theme.focus, theme.marker),
                       map_view.legend.rows()[:4], strict=False)) if kind == "map" else ()
    return Figure(title, marking or pack.info.marking, pack.info.as_of.label(), legend,
                  width_in, height_in, dpi)
