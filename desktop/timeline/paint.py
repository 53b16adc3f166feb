"""Painting the timeline: lanes, the adaptive axis, the window brush, spans and marks.

A collaborator of `TimelineView` (it paints the view's own state); kept apart from
the view's data and interaction because it is most of the code and all of the frame
time. Point events are binned by pixel with bisection, so a frame costs what the
widget's width allows, not what the pack holds.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPen,
    QPolygonF,
)

from content.dates import day_label
from desktop.timeline.lanes import ClusterHit, EventHit
from desktop.timeline.scale import TimeScale, enclosing, tick_unit, ticks

if TYPE_CHECKING:

    from content.model import Event
    from desktop.timeline.lanes import Lane
    from desktop.timeline.view import TimelineView

MERGE_PX = 26.0  # marks closer than a cluster pill's width are merged
BIN_PX = 14.0


def word_elided(text: str, width: float, metrics: QFontMetricsF) -> str:
    """`text` cut after its last whole word that fits, with "…" ("Operations:
    Afghanistan…", not "Operations: Afghanistan an…"); a first word too wide for
    the room is cut as Qt cuts it."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        kept = " ".join(words[:n]).rstrip(",:;") + "\u2026"
        if metrics.horizontalAdvance(kept) <= width:
            return kept
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class TimelinePainter:
    """How `TimelineView` paints: lanes, the axis, the window and the brush.

    A collaborator of the view, apart from its input and geometry: it reads the
    view's state and geometry, and writes only the view's hit records (`_hits`),
    which clicks are tested against."""

    def __init__(self, view: TimelineView) -> None:
        self.view = view

    def paint(self, painter: QPainter) -> None:
        """Paint the whole view with `painter` (on the view, or into a figure)."""
        v = self.view
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = v.theme
        painter.fillRect(v.rect(), t.lane)
        v._hits = []
        s = v.scale()
        self._paint_lanes_background(painter)
        self._paint_axis(painter, s)
        self._paint_window(painter, s)
        painter.setClipRect(QRectF(v.GUTTER, v.AXIS_H, v.width() - v.GUTTER,
                                   v.height() - v.AXIS_H - v.BRUSH_H))
        selected = v.state.selected_event
        flt = v.state.filter
        for index, lane in enumerate(v.lanes):
            self._paint_lane(painter, s, lane, v.lane_rect(index), selected, flt)
        painter.setClipping(False)
        if not v.lanes or not any(lane.points or lane.span_rows for lane in v.lanes):
            painter.setPen(t.muted)
            painter.drawText(v.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No events match the filter")
        if v.hasFocus() and v.brushing:
            pen = QPen(v.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(v.rect()).adjusted(1, 1, -1, -1))

    def _paint_lanes_background(self, painter: QPainter) -> None:
        v = self.view
        t = v.theme
        font = QFont(v.font())
        if font.pixelSize() <= 0:  # a pixel size is set when presenting: keep it
            font.setPointSizeF(max(8.0, font.pointSizeF()))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for index, lane in enumerate(v.lanes):
            rect = v.lane_rect(index)
            if index % 2:
                painter.fillRect(rect, t.lane_alt)
            painter.fillRect(QRectF(0, rect.top() + 4, 4, rect.height() - 8), lane.colour)
            if v.GUTTER < 60:  # a single lane on a slide: its title is the slide's
                continue
            painter.setPen(t.text)
            text_rect = QRectF(12, rect.top(), v.GUTTER - 20, rect.height())
            if not v.brushing:  # presenting: lane names wrap, whole, at slide size
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextWordWrap, lane.title)
                continue
            label = word_elided(lane.title, text_rect.width(), metrics)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(t.border if hasattr(t, "border") else t.muted, 1))
        painter.drawLine(QPointF(v.GUTTER - 0.5, v.AXIS_H),
                         QPointF(v.GUTTER - 0.5, v.height() - v.BRUSH_H))

    def _paint_axis(self, painter: QPainter, s: TimeScale) -> None:
        v = self.view
        t = v.theme
        gap = 12 * v.marks.size  # ticks as far apart as the labels' size asks
        unit = tick_unit(s.px_per_day / v.marks.size)
        painter.setPen(t.muted)
        metrics = QFontMetricsF(painter.font())
        grid = QColor(t.muted)
        grid.setAlpha(40)
        last_right = -1e9
        warp = s.warp
        for a, b in warp.gaps:  # a shortened stretch: a band and a break on the axis
            x0, x1 = max(s.x(a), v.GUTTER), min(s.x(b), v.width())
            mid, y = (s.x(a) + s.x(b)) / 2, v.AXIS_H - 0.5
            if x1 > x0:
                painter.fillRect(QRectF(x0, v.AXIS_H, x1 - x0,
                                        v.height() - v.AXIS_H - v.BRUSH_H), grid)
            painter.setPen(QPen(t.muted, 1.5))
            for dx in (-3.0, 3.0) if v.GUTTER + 6 <= mid <= v.width() - 6 else ():
                painter.drawLine(QPointF(mid + dx - 3, y + 6), QPointF(mid + dx + 3, y - 6))
        first_label = ""
        v.axis_context = enclosing(v.real_start, v.real_end, unit)
        # The month and year the ticks leave unsaid: in the lane-title gutter, or (a
        # narrow gutter, as in a show's live timeline) at the axis's right end, where
        # tick labels then stop short of it: the year is always on screen.
        in_gutter = v.GUTTER >= 60
        context_w = 0 if in_gutter or not v.axis_context else \
            metrics.horizontalAdvance(v.axis_context) + 12
        right_end = v.width() - 2 - context_w
        for day, label in ticks(v.real_start, v.real_end, unit):
            x = s.x(day)
            if x < v.GUTTER or x > v.width() or warp.in_gap(day):
                continue
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, v.AXIS_H), QPointF(x, v.height() - v.BRUSH_H))
            width = metrics.horizontalAdvance(label)
            if x + 3 > last_right + gap and x + 3 + width <= right_end:  # whole labels
                painter.setPen(t.muted)
                painter.drawText(QPointF(x + 3, v.AXIS_H - 9), label)
                last_right = x + 3 + width
                first_label = first_label or label
        v.axis_context_drawn = False
        if v.axis_context and in_gutter:
            painter.setPen(t.text)
            painter.drawText(QRectF(12, 0, v.GUTTER - 16, v.AXIS_H - 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             v.axis_context)
            v.axis_context_drawn = True
        elif v.axis_context:
            painter.setPen(t.text)
            painter.drawText(QPointF(v.width() - context_w + 6, v.AXIS_H - 9), v.axis_context)
            v.axis_context_drawn = True
        painter.setPen(QPen(t.muted, 1))
        painter.drawLine(QPointF(v.GUTTER, v.AXIS_H - 0.5),
                         QPointF(v.width(), v.AXIS_H - 0.5))

    def _paint_window(self, painter: QPainter, s: TimeScale) -> None:
        v = self.view
        if not v.brushing or not v.show_strip:  # presenting, a figure: no strip
            return
        t = v.theme
        strip = v.brush_rect()
        painter.setPen(QPen(t.muted, 1))
        painter.setBrush(t.lane_alt)
        painter.drawRoundedRect(strip, 4, 4)
        window = v._brush_preview or self._window_days()
        if window is None:
            painter.setPen(t.muted)
            painter.drawText(strip, Qt.AlignmentFlag.AlignCenter,
                             "Drag here to set a time window")
            return
        a, b = (max(strip.left(), s.x(window[0])), min(strip.right(), s.x(window[1])))
        band = QRectF(a, strip.top(), max(b - a, 2), strip.height())
        painter.setBrush(QColor(t.selected.red(), t.selected.green(), t.selected.blue(), 70))
        painter.setPen(QPen(t.selected, 1.5))
        painter.drawRoundedRect(band, 3, 3)
        shade = QRectF(a, v.AXIS_H, max(b - a, 2),
                       v.height() - v.AXIS_H - v.BRUSH_H)
        painter.fillRect(shade, t.window)
        for x in (a, b):
            painter.setBrush(t.selected)
            painter.drawRoundedRect(QRectF(x - 3, strip.top() - 2, 6, strip.height() + 4), 2, 2)
        start = dt.date.fromordinal(int(window[0]))
        end = dt.date.fromordinal(max(int(window[0]), int(window[1]) - 1))
        text = f"{day_label(start)} – {day_label(end)}"
        self._paint_window_label(painter, strip, band, text)

    def _paint_window_label(self, painter: QPainter, strip: QRectF, band: QRectF,
                            text: str) -> None:
        """The window's dates on a plate, never under a handle: in the band or beside it."""
        v = self.view
        t = v.theme
        metrics = QFontMetricsF(painter.font())
        width = metrics.horizontalAdvance(text) + 12
        if width <= band.width() - 16:  # inside the band, between its handles
            x = band.left() + 8
        elif band.right() + 8 + width <= strip.right() - 4:  # right of the band
            x = band.right() + 8
        else:  # left of the band
            x = max(strip.left() + 4, band.left() - 8 - width)
        plate = QRectF(x, strip.top() + 2, width, strip.height() - 4)
        back = QColor(t.lane)
        back.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(plate, 3, 3)
        painter.setPen(t.text)
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)
        v.window_label_rect = plate

    def _at_place(self, event: Event) -> bool:
        """False for an event elsewhere than the selected place (drawn dimmed)."""
        v = self.view
        place = v.state.selected_place
        return place is None or place in event.places

    def _window_days(self) -> tuple[float, float] | None:
        v = self.view
        flt = v.state.filter
        if flt.start is None and flt.end is None:
            return None
        start = flt.start.toordinal() if flt.start else v.real_start
        end = flt.end.toordinal() + 1 if flt.end else v.real_end
        return float(start), float(end)

    def _paint_lane(self, painter: QPainter, s: TimeScale, lane: Lane, rect: QRectF,
                    selected: Event | None, flt) -> None:
        v = self.view
        t = v.theme
        window = self._window_days()
        metrics = QFontMetricsF(painter.font())
        # Spans: bars in the upper part of the lane, longest first.
        roomy = rect.height() >= 46  # room for labelled span bars above the points
        # A bar is as tall as its label needs (larger when presenting), within the lane.
        bar_h = min(max(14.0, metrics.height() + 2), rect.height() * 0.3) if roomy else 4.0
        for row_index, (row, starts) in enumerate(zip(lane.span_rows, lane.row_starts,
                                                      strict=True)):
            view_start, view_end = v.real_start, v.real_end  # spans: real days
            i = max(0, bisect.bisect_right(starts, view_start) - 1)
            while i < len(row) and row[i][0] <= view_end:
                a, b, event = row[i]
                i += 1
                if b < view_start:
                    continue
                x0, x1 = max(s.x(a), v.GUTTER - 4), min(s.x(b), v.width() + 4)
                top = rect.top() + (5 + row_index * (bar_h + 2) if roomy else 2)
                bar = QRectF(x0, top, max(x1 - x0, 3), bar_h)
                lit = self._in_window(a, b, window) and self._at_place(event)
                colour = lane.colours["235" if lit else "70"]
                painter.setPen(QPen(t.selected, 2) if event is selected
                               else Qt.PenStyle.NoPen)
                painter.setBrush(open_end_brush(bar, colour) if event.ongoing else colour)
                painter.drawRoundedRect(bar, 3, 3)
                if event.ongoing:  # no end: the bar fades out past the as-of date
                    draw_open_end(painter, bar, colour)
                if roomy and bar.width() > 40:
                    label = v.marks.elided(event, bar.width() - 8, metrics)
                    if label is not None:
                        painter.setPen(v._white)
                        painter.drawStaticText(
                            QPointF(bar.left() + 4,
                                    bar.center().y() - label.size().height() / 2), label)
                v._hits.append(EventHit(bar, event))
        # Points: fixed pixel bins, found by bisection.
        cy = rect.top() + min(rect.height() * 0.66,
                              5 + 2 * (bar_h + 2) + v.marks.pill_height * 0.6)
        if not lane.span_rows or not roomy:
            cy = rect.center().y() + (2 if lane.span_rows else 0)
        bins = self._bins(lane.keys, s)
        colour = lane.colours["220"]
        for n, (lo, hi, x) in enumerate(bins):
            next_x = bins[n + 1][2] if n + 1 < len(bins) else v.width()
            if hi - lo == 1:
                self._paint_point(painter, s, lane, lo, x, cy, next_x, selected, window,
                                  metrics)
                continue
            firsts, afters = lane.point_firsts, lane.point_afters
            lit = any(self._in_window(firsts[i], afters[i], window)
                      and self._at_place(lane.points[i]) for i in range(lo, hi))
            cluster = v.marks.cluster(colour if lit else lane.colours["80"], hi - lo)
            height = v.marks.pill_height
            pill = QRectF(x - cluster.width / 2, cy - height / 2, cluster.width, height)
            painter.drawPixmap(pill.topLeft(), cluster.pill)
            painter.setPen(v._white)
            painter.drawStaticText(QPointF(x - cluster.text_width / 2,
                                           cy - cluster.text_height / 2), cluster.text)
            v._hits.append(ClusterHit(pill, lane.keys[lo], lane.keys[hi - 1], lane.points,
                                      lo, hi))
            if selected is not None and selected in lane.points[lo:hi]:
                painter.setPen(QPen(t.selected, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(pill.adjusted(-3, -3, 3, 3), height / 2 + 3,
                                        height / 2 + 3)

    def _bins(self, keys: list[float], s: TimeScale) -> list[tuple[int, int, float]]:
        """Visible point events in fixed pixel bins found by bisection, neighbours
        closer than a pill's width merged: (first index, index after last, x).

        The innermost loop of a frame, so the day-to-pixel mapping is inlined.
        """
        v = self.view
        per_day = s.px_per_day
        origin = s.left - s.start * per_day  # x = origin + day * per_day
        size = v.marks.size  # larger marks on a live slide need wider bins
        bin_days = BIN_PX * size / per_day
        merge_mid2 = 2 * MERGE_PX * size / per_day  # closer than a pill, in sums of two days
        bisect_left = bisect.bisect_left
        bins: list[tuple[int, int, float]] = []
        count = len(keys)
        lo = bisect_left(keys, (v.view_start // bin_days - 1) * bin_days)
        stop = v.view_end + 2 * bin_days
        first, last_mid2 = -1, -1e18  # the open bin: its first index, 2 x its mid-day
        while lo < count and keys[lo] < stop:
            key = keys[lo]
            hi = bisect_left(keys, (key // bin_days + 1) * bin_days, lo)
            mid2 = key + keys[hi - 1]
            if mid2 - last_mid2 < merge_mid2:  # would overlap the open bin: one cluster
                mid2 = keys[first] + keys[hi - 1]
                bins[-1] = (first, hi, origin + mid2 * 0.5 * per_day)
            else:
                first = lo
                bins.append((lo, hi, origin + mid2 * 0.5 * per_day))
            last_mid2 = mid2
            lo = hi
        return bins

    def _paint_point(self, painter: QPainter, s: TimeScale, lane: Lane, index: int,
                     x: float, cy: float, next_x: float, selected: Event | None, window,
                     metrics) -> None:
        v = self.view
        t = v.theme
        event = lane.points[index]
        a, b = lane.point_firsts[index], lane.point_afters[index]
        inside = self._in_window(a, b, window) and self._at_place(event)
        colour = lane.colours["255" if inside else "80"]
        period = (b - a) * s.px_per_day
        if period > 10:  # month or year precision: show the period it may fall in
            painter.fillRect(QRectF(s.x(a), cy - 3, period, 6),
                             lane.colours["50" if inside else "20"])
        r = v.marks.radius(event is selected)
        mark = v.marks.mark(colour, event is selected, event.date.approximate)
        painter.drawPixmap(QPointF(x - mark.width() / (2 * mark.devicePixelRatio()),
                                   cy - mark.height() / (2 * mark.devicePixelRatio())), mark)
        room = next_x - x - 2 * r - 10
        if room > 30:
            label = v.marks.elided(event, room, metrics)
            if label is not None:
                painter.setPen(t.text if inside else t.muted)
                painter.drawStaticText(QPointF(x + r + 5, cy - label.size().height() / 2),
                                       label)
        v._hits.append(EventHit(QRectF(x - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4),
                                   event))

    @staticmethod
    def _in_window(a: float, b: float, window: tuple[float, float] | None) -> bool:
        return window is None or (b > window[0] and a < window[1])

    # -- interaction --------------------------------------------------------


OPEN_END_PX = 28.0  # how far an ongoing span's bar fades out


def open_end_brush(bar: QRectF, colour: QColor) -> QLinearGradient:
    """A brush solid up to the last `OPEN_END_PX` of `bar`, then fading out: the span
    has no end, it runs on past the as-of date."""
    gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
    fade = max(0.0, 1 - OPEN_END_PX / max(bar.width(), 1))
    clear = QColor(colour)
    clear.setAlpha(40)
    gradient.setColorAt(0, colour)
    gradient.setColorAt(fade, colour)
    gradient.setColorAt(1, clear)
    return gradient


def draw_open_end(painter: QPainter, bar: QRectF, colour: QColor) -> None:
    """A small arrowhead just past the bar's right end."""
    x, y, h = bar.right() + 2, bar.center().y(), bar.height() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([QPointF(x, y - h), QPointF(x + h, y), QPointF(x, y + h)]))
