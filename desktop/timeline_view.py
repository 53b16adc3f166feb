"""The zoomable timeline: lanes by section, eras as spans, adaptive ticks, a window brush.

Painting cost is bounded by the widget's width, not the number of events: each lane
keeps its events sorted by date, and point events are grouped into fixed pixel bins
found by bisection, so a bin holding one event is drawn as that event and a bin
holding several as a cluster with its count. Spans (eras) are drawn longest first,
packed into two rows of non-overlapping bars; a span that fits in neither row is
drawn as a point, so every event stays visible and clickable. The view only talks
to `BriefingState`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from content.model import Event
from desktop.state import BriefingState
from desktop.theme import current_theme
from desktop.time_scale import TimeScale, tick_unit, ticks

BIN_PX = 14.0
MERGE_PX = 26.0  # marks closer than a cluster pill's width are merged
MIN_LANE_PX = 24.0
SPAN_ROWS = 2
MIN_DAYS, MAX_DAYS = 7.0, 365.25 * 200


@dataclass
class Lane:
    """One section's events, pre-sorted for fast painting."""

    section_id: str
    title: str
    colour: QColor
    keys: list[float] = field(default_factory=list)  # midpoint ordinals of point events
    points: list[Event] = field(default_factory=list)
    # Up to SPAN_ROWS rows of non-overlapping spans, each sorted by start:
    # (first day, day after the last, event). Spans that do not fit become points.
    span_rows: list[list[tuple[int, int, Event]]] = field(default_factory=list)
    row_starts: list[list[int]] = field(default_factory=list)
    colours: dict[str, QColor] = field(default_factory=dict)


def _mid(event: Event) -> float:
    return (event.date.first_day().toordinal() + event.date.last_day().toordinal() + 1) / 2


class TimelineView(QWidget):
    """Custom-painted timeline subscribed to a `BriefingState`."""

    viewChanged = Signal()

    AXIS_H = 28.0
    BRUSH_H = 30.0
    GUTTER = 178.0

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme = current_theme()
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")
        self.lanes: list[Lane] = []
        self._hits: list[tuple[QRectF, str, object]] = []
        self._drag: tuple[str, float, float, float] | None = None  # kind, x0, a, b
        self._brush_preview: tuple[float, float] | None = None
        self._static_counts: dict[int, QStaticText] = {}
        self._pills: dict[tuple[int, int], QPixmap] = {}
        self._marks: dict[tuple[int, bool, bool], QPixmap] = {}
        self._elide_cache: dict[tuple[str, int], QStaticText | None] = {}
        self._pill_pen = QPen(self.theme.marker_edge, 1.5)
        self._white = QColor("#ffffff")
        start, end = state.extent()
        self.view_start = float(start.toordinal())
        self.view_end = float(end.toordinal() + 1)
        state.packChanged.connect(self._rebuild)
        state.filterChanged.connect(self._rebuild)
        state.selectionChanged.connect(self._on_selection)
        self._rebuild()
        self.fit_all()

    def apply_theme(self) -> None:
        """Repaint in the colours of the current (light or dark) palette."""
        self.theme = current_theme()
        self._pill_pen = QPen(self.theme.marker_edge, 1.5)
        self._pills.clear()
        self._marks.clear()
        self.update()

    # -- data ---------------------------------------------------------------
    def _rebuild(self) -> None:
        pack = self.state.pack
        flt = self.state.filter
        shown = [s for s in pack.sections if flt.sections is None or s.id in flt.sections]
        lanes = {s.id: Lane(s.id, s.title, QColor(s.colour or "#3566a8")) for s in shown}
        spans: dict[str, list[Event]] = {sid: [] for sid in lanes}
        for event in self.state.index.matches(flt.with_(start=None, end=None)):
            for sid in event.sections:
                if sid not in lanes:
                    continue
                (spans[sid] if event.is_span else lanes[sid].points).append(event)
        for sid, lane in lanes.items():
            rows: list[list[tuple[int, int, Event]]] = [[] for _ in range(SPAN_ROWS)]
            for event in sorted(spans[sid], key=lambda e: e.start_day - e.end_day):
                a, b = event.start_day.toordinal(), event.end_day.toordinal() + 1
                row = next((r for r in rows if all(b <= x or a >= y for x, y, _ in r)), None)
                if row is None:
                    lane.points.append(event)  # no room for a bar: shown as a point
                else:
                    row.append((a, b, event))
            lane.span_rows = [sorted(r, key=lambda t: t[0]) for r in rows if r]
            lane.row_starts = [[t[0] for t in r] for r in lane.span_rows]
            lane.points.sort(key=_mid)
            lane.keys = [_mid(e) for e in lane.points]
            for alpha in (20, 50, 70, 80, 220, 235, 255):
                colour = QColor(lane.colour)
                colour.setAlpha(alpha)
                lane.colours[str(alpha)] = colour
        self.lanes = list(lanes.values())
        self._elide_cache.clear()  # titles may have changed with the pack
        self.setMinimumHeight(int(self.AXIS_H + self.BRUSH_H + MIN_LANE_PX * len(self.lanes)))
        self.update()

    def _on_selection(self) -> None:
        event = self.state.selected_event
        if event is not None:
            self.ensure_visible(event)
        self.update()

    # -- geometry -----------------------------------------------------------
    def scale(self) -> TimeScale:
        """The current day-to-pixel mapping."""
        return TimeScale(self.view_start, self.view_end, self.GUTTER, self.width() - 12.0)

    def lane_rect(self, index: int) -> QRectF:
        """Where lane `index` is painted."""
        top = self.AXIS_H
        height = (self.height() - self.AXIS_H - self.BRUSH_H) / max(len(self.lanes), 1)
        return QRectF(0, top + index * height, self.width(), height)

    def brush_rect(self) -> QRectF:
        """The strip at the bottom where the time window is set."""
        return QRectF(self.GUTTER, self.height() - self.BRUSH_H + 4,
                      self.width() - 12.0 - self.GUTTER, self.BRUSH_H - 8)

    def set_view(self, start: float, end: float) -> None:
        """Show days [start, end], clamped to sane zoom limits."""
        span = max(MIN_DAYS, min(MAX_DAYS, end - start))
        centre = (start + end) / 2
        low = dt.date(1, 1, 1).toordinal()
        self.view_start = max(low, centre - span / 2)
        self.view_end = self.view_start + span
        self.viewChanged.emit()
        self.update()

    def fit_all(self) -> None:
        """Show the whole span of the pack's events with a margin."""
        start, end = self.state.extent()
        a, b = start.toordinal(), end.toordinal() + 1
        margin = max((b - a) * 0.03, 20)
        self.set_view(a - margin, b + margin)

    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around pixel `at_x` (the centre when None)."""
        s = self.scale()
        anchor = s.day(at_x) if at_x is not None else (self.view_start + self.view_end) / 2
        start = anchor - (anchor - self.view_start) / factor
        end = anchor + (self.view_end - anchor) / factor
        if MIN_DAYS <= end - start <= MAX_DAYS:
            self.view_start, self.view_end = start, end
            self.viewChanged.emit()
            self.update()

    def pan_pixels(self, dx: float) -> None:
        """Move the view by `dx` pixels (positive moves towards earlier dates)."""
        days = dx / self.scale().px_per_day
        self.set_view(self.view_start - days, self.view_end - days)

    def ensure_visible(self, event: Event) -> None:
        """Pan so that `event` is on screen."""
        a, b = event.start_day.toordinal(), event.end_day.toordinal() + 1
        span = self.view_end - self.view_start
        if a < self.view_start or b > self.view_end:
            if b - a > span:
                self.set_view(a - span * 0.05, b + span * 0.05)
            elif a < self.view_start or a > self.view_end:
                self.set_view(a - span * 0.3, a + span * 0.7)

    # -- painting -----------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        painter.fillRect(self.rect(), t.lane)
        self._hits = []
        s = self.scale()
        self._paint_lanes_background(painter)
        self._paint_axis(painter, s)
        self._paint_window(painter, s)
        painter.setClipRect(QRectF(self.GUTTER, self.AXIS_H, self.width() - self.GUTTER,
                                   self.height() - self.AXIS_H - self.BRUSH_H))
        selected = self.state.selected_event
        flt = self.state.filter
        for index, lane in enumerate(self.lanes):
            self._paint_lane(painter, s, lane, self.lane_rect(index), selected, flt)
        painter.setClipping(False)
        if not self.lanes or not any(lane.points or lane.span_rows for lane in self.lanes):
            painter.setPen(t.muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No events match the filter")
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_lanes_background(self, painter: QPainter) -> None:
        t = self.theme
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF()))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for index, lane in enumerate(self.lanes):
            rect = self.lane_rect(index)
            if index % 2:
                painter.fillRect(rect, t.lane_alt)
            painter.fillRect(QRectF(0, rect.top() + 4, 4, rect.height() - 8), lane.colour)
            painter.setPen(t.text)
            text_rect = QRectF(12, rect.top(), self.GUTTER - 20, rect.height())
            label = metrics.elidedText(lane.title, Qt.TextElideMode.ElideRight,
                                       text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(t.border if hasattr(t, "border") else t.muted, 1))
        painter.drawLine(QPointF(self.GUTTER - 0.5, self.AXIS_H),
                         QPointF(self.GUTTER - 0.5, self.height() - self.BRUSH_H))

    def _paint_axis(self, painter: QPainter, s: TimeScale) -> None:
        t = self.theme
        unit = tick_unit(s.px_per_day)
        painter.setPen(t.muted)
        metrics = QFontMetricsF(painter.font())
        grid = QColor(t.muted)
        grid.setAlpha(40)
        last_right = -1e9
        for day, label in ticks(self.view_start, self.view_end, unit):
            x = s.x(day)
            if x < self.GUTTER or x > self.width():
                continue
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, self.AXIS_H), QPointF(x, self.height() - self.BRUSH_H))
            width = metrics.horizontalAdvance(label)
            if x + 3 > last_right + 6:
                painter.setPen(t.muted)
                painter.drawText(QPointF(x + 3, self.AXIS_H - 9), label)
                last_right = x + 3 + width
        painter.setPen(QPen(t.muted, 1))
        painter.drawLine(QPointF(self.GUTTER, self.AXIS_H - 0.5),
                         QPointF(self.width(), self.AXIS_H - 0.5))

    def _paint_window(self, painter: QPainter, s: TimeScale) -> None:
        t = self.theme
        strip = self.brush_rect()
        painter.setPen(QPen(t.muted, 1))
        painter.setBrush(t.lane_alt)
        painter.drawRoundedRect(strip, 4, 4)
        window = self._brush_preview or self._window_days()
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
        shade = QRectF(a, self.AXIS_H, max(b - a, 2),
                       self.height() - self.AXIS_H - self.BRUSH_H)
        painter.fillRect(shade, t.window)
        for x in (a, b):
            painter.setBrush(t.selected)
            painter.drawRoundedRect(QRectF(x - 3, strip.top() - 2, 6, strip.height() + 4), 2, 2)
        start = dt.date.fromordinal(int(window[0]))
        end = dt.date.fromordinal(max(int(window[0]), int(window[1]) - 1))
        painter.setPen(t.text)
        text = f"{start:%d %b %Y} – {end:%d %b %Y}"
        painter.drawText(band.adjusted(6, 0, 400, 0), Qt.AlignmentFlag.AlignVCenter, text)

    def _window_days(self) -> tuple[float, float] | None:
        flt = self.state.filter
        if flt.start is None and flt.end is None:
            return None
        start = flt.start.toordinal() if flt.start else self.view_start
        end = flt.end.toordinal() + 1 if flt.end else self.view_end
        return float(start), float(end)

    def _paint_lane(self, painter: QPainter, s: TimeScale, lane: Lane, rect: QRectF,
                    selected: Event | None, flt) -> None:
        t = self.theme
        window = self._window_days()
        metrics = QFontMetricsF(painter.font())
        # Spans: bars in the upper part of the lane, longest first.
        roomy = rect.height() >= 46  # room for labelled span bars above the points
        bar_h = min(14.0, rect.height() * 0.22) if roomy else 4.0
        for row_index, (row, starts) in enumerate(zip(lane.span_rows, lane.row_starts,
                                                      strict=True)):
            i = max(0, bisect.bisect_right(starts, self.view_start) - 1)
            while i < len(row) and row[i][0] <= self.view_end:
                a, b, event = row[i]
                i += 1
                if b < self.view_start:
                    continue
                x0, x1 = max(s.x(a), self.GUTTER - 4), min(s.x(b), self.width() + 4)
                top = rect.top() + (5 + row_index * (bar_h + 2) if roomy else 2)
                bar = QRectF(x0, top, max(x1 - x0, 3), bar_h)
                colour = lane.colours["235" if self._in_window(a, b, window) else "70"]
                painter.setPen(QPen(t.selected, 2) if event is selected
                               else Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(bar, 3, 3)
                if roomy and bar.width() > 40:
                    label = self._elided(event, bar.width() - 8, metrics)
                    if label is not None:
                        painter.setPen(self._white)
                        painter.drawStaticText(
                            QPointF(bar.left() + 4,
                                    bar.center().y() - label.size().height() / 2), label)
                self._hits.append((bar, "event", event))
        # Points: fixed pixel bins, found by bisection.
        cy = rect.top() + min(rect.height() * 0.66, 5 + 2 * (bar_h + 2) + 12)
        if not lane.span_rows or not roomy:
            cy = rect.center().y() + (2 if lane.span_rows else 0)
        bin_days = BIN_PX / s.px_per_day
        bins: list[tuple[int, int, float]] = []
        keys = lane.keys
        lo = bisect.bisect_left(keys, (self.view_start // bin_days - 1) * bin_days)
        stop = self.view_end + 2 * bin_days
        while lo < len(keys) and keys[lo] < stop:
            hi = bisect.bisect_left(keys, (keys[lo] // bin_days + 1) * bin_days, lo)
            x = s.x((keys[lo] + keys[hi - 1]) / 2)
            if bins and x - bins[-1][2] < MERGE_PX:  # would overlap: one cluster
                first = bins[-1][0]
                bins[-1] = (first, hi, s.x((keys[first] + keys[hi - 1]) / 2))
            else:
                bins.append((lo, hi, x))
            lo = hi
        for n, (lo, hi, x) in enumerate(bins):
            next_x = bins[n + 1][2] if n + 1 < len(bins) else self.width()
            if hi - lo == 1:
                self._paint_point(painter, lane, lane.points[lo], x, cy, next_x, selected,
                                  window, metrics)
            else:
                count = hi - lo
                text = self._count_text(count)
                w = max(22.0, text.size().width() + 12)
                pill = QRectF(x - w / 2, cy - 10, w, 20)
                painter.drawPixmap(pill.topLeft(), self._pill(lane.colours["220"], w))
                painter.setPen(self._white)
                size = text.size()
                painter.drawStaticText(QPointF(x - size.width() / 2, cy - size.height() / 2),
                                       text)
                self._hits.append((pill, "cluster", (lane.keys[lo], lane.keys[hi - 1],
                                                     lane.points[lo:hi])))
                if selected is not None and selected in lane.points[lo:hi]:
                    painter.setPen(QPen(t.selected, 3))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(pill.adjusted(-3, -3, 3, 3), 12, 12)

    def _paint_point(self, painter: QPainter, lane: Lane, event: Event, x: float, cy: float,
                     next_x: float, selected: Event | None, window, metrics) -> None:
        t = self.theme
        a, b = event.start_day.toordinal(), event.end_day.toordinal() + 1
        inside = self._in_window(a, b, window)
        colour = QColor(lane.colour)
        colour.setAlpha(255 if inside else 80)
        s = self.scale()
        period = s.x(b) - s.x(a)
        if period > 10:  # month or year precision: show the period it may fall in
            faint = QColor(colour)
            faint.setAlpha(50 if inside else 20)
            painter.fillRect(QRectF(s.x(a), cy - 3, period, 6), faint)
        r = 7.0 if event is selected else 5.5
        mark = self._mark(colour, event is selected, event.date.approximate)
        painter.drawPixmap(QPointF(x - mark.width() / (2 * mark.devicePixelRatio()),
                                   cy - mark.height() / (2 * mark.devicePixelRatio())), mark)
        room = next_x - x - 2 * r - 10
        if room > 30:
            label = self._elided(event, room, metrics)
            if label is not None:
                painter.setPen(t.text if inside else t.muted)
                painter.drawStaticText(QPointF(x + r + 5, cy - label.size().height() / 2),
                                       label)
        self._hits.append((QRectF(x - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4), "event", event))

    def _elided(self, event: Event, width: float, metrics: QFontMetricsF
                ) -> QStaticText | None:
        """`event.title` cut to fit `width`, laid out once and cached in 8-pixel steps
        (None if nothing fits). Static text makes drawing a label nearly free."""
        step = int(width // 8)
        key = (event.id, step)
        if key in self._elide_cache:
            return self._elide_cache[key]
        text = metrics.elidedText(event.title, Qt.TextElideMode.ElideRight, step * 8.0)
        label = None
        if text != "…" and text:
            label = QStaticText(text)
            label.setTextFormat(Qt.TextFormat.PlainText)  # content is never markup
            label.prepare(font=self.font())
        if len(self._elide_cache) > 20_000:
            self._elide_cache.clear()
        self._elide_cache[key] = label
        return label

    def _pill(self, colour: QColor, width: float) -> QPixmap:
        """A cluster pill, antialiased once and then blitted (far cheaper than drawing)."""
        key = (colour.rgba(), int(width))
        pixmap = self._pills.get(key)
        if pixmap is None:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(int(int(width) * ratio) + 2, int(20 * ratio) + 2)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(self._pill_pen)
            p.setBrush(colour)
            p.drawRoundedRect(QRectF(0.75, 0.75, int(width) - 1.5, 18.5), 9.25, 9.25)
            p.end()
            self._pills[key] = pixmap
        return pixmap

    def _mark(self, colour: QColor, selected: bool, approximate: bool) -> QPixmap:
        """An event's dot (ringed when selected, dashed when approximate), drawn once."""
        key = (colour.rgba(), selected, approximate)
        pixmap = self._marks.get(key)
        if pixmap is None:
            r = 7.0 if selected else 5.5
            edge = 3.0 if selected else 1.5
            size = 2 * (r + edge) + 2
            ratio = self.devicePixelRatioF()
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

    def _count_text(self, count: int) -> QStaticText:
        """A cached, pre-laid-out cluster count (drawing it is then nearly free)."""
        text = self._static_counts.get(count)
        if text is None:
            text = QStaticText(str(count))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self.font())
            self._static_counts[count] = text
        return text

    @staticmethod
    def _in_window(a: float, b: float, window: tuple[float, float] | None) -> bool:
        return window is None or (b > window[0] and a < window[1])

    # -- interaction --------------------------------------------------------
    def hit(self, pos: QPointF) -> tuple[str, object] | None:
        """What is painted at `pos`: ("event", Event) or ("cluster", ...), topmost first."""
        for rect, kind, payload in reversed(self._hits):
            if rect.contains(pos):
                return kind, payload
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        strip = self.brush_rect().adjusted(0, -4, 0, 4)
        if strip.contains(pos):
            s = self.scale()
            window = self._window_days()
            if window:
                a, b = s.x(window[0]), s.x(window[1])
                if abs(pos.x() - a) < 8:
                    self._drag = ("left", pos.x(), window[0], window[1])
                    return
                if abs(pos.x() - b) < 8:
                    self._drag = ("right", pos.x(), window[0], window[1])
                    return
                if a < pos.x() < b:
                    self._drag = ("move", pos.x(), window[0], window[1])
                    return
            day = s.day(pos.x())
            self._drag = ("new", pos.x(), day, day)
            return
        found = self.hit(pos)
        if found and found[0] == "event":
            self.state.select_event(found[1].id)  # type: ignore[union-attr]
            return
        if found and found[0] == "cluster":
            first, last, _ = found[1]  # type: ignore[misc]
            pad = max((last - first) * 0.15, 15)
            self.set_view(first - pad, last + pad)
            return
        self._drag = ("pan", pos.x(), self.view_start, self.view_end)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is None:
            found = self.hit(pos)
            if found and found[0] == "event":
                e: Event = found[1]  # type: ignore[assignment]
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"<qt>{_esc(e.title)}<br>{_esc(_date_text(e))}</qt>", self)
            elif found and found[0] == "cluster":
                n = len(found[1][2])  # type: ignore[index]
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{n} events — click to zoom in", self)
            else:
                QToolTip.hideText()
            strip = self.brush_rect().adjusted(0, -4, 0, 4)
            self.setCursor(Qt.CursorShape.SizeHorCursor if strip.contains(pos)
                           else Qt.CursorShape.PointingHandCursor if found
                           else Qt.CursorShape.OpenHandCursor)
            return
        kind, x0, a, b = self._drag
        s = self.scale()
        days = (pos.x() - x0) / s.px_per_day
        if kind == "pan":
            self.view_start, self.view_end = a - days, b - days
            self.viewChanged.emit()
            self.update()
            return
        if kind == "new":
            start, end = sorted((a, s.day(pos.x())))
        elif kind == "left":
            start, end = min(a + days, b - 1), b
        elif kind == "right":
            start, end = a, max(b + days, a + 1)
        else:
            start, end = a + days, b + days
        self._brush_preview = (start, end)
        self._apply_window(start, end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag and self._drag[0] == "new" and abs(event.position().x()
                                                          - self._drag[1]) < 3:
            self.state.set_window(None, None)  # a click on the strip clears the window
        self._drag = None
        self._brush_preview = None
        self.unsetCursor()
        self.update()

    def _apply_window(self, start: float, end: float) -> None:
        first = dt.date.fromordinal(max(1, int(start)))
        last = dt.date.fromordinal(max(int(start), int(end) - 1))
        self.state.set_window(first, last)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.brush_rect().adjusted(0, -4, 0, 4).contains(event.position()):
            self.state.set_window(None, None)
        else:
            self.zoom(2.0, event.position().x())

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or event.angleDelta().x():
            self.pan_pixels((event.angleDelta().x() or event.angleDelta().y()) / 2)
        elif steps:
            self.zoom(1.25 ** steps, event.position().x())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        visible = self.state.visible_events
        if key == Qt.Key.Key_Right:
            self.state.step_selection(+1)
        elif key == Qt.Key.Key_Left:
            self.state.step_selection(-1)
        elif key == Qt.Key.Key_Home and visible:
            self.state.select_event(visible[0].id)
        elif key == Qt.Key.Key_End and visible:
            self.state.select_event(visible[-1].id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / 1.5)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.state.select_event(None)
        else:
            super().keyPressEvent(event)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def _date_text(event: Event) -> str:
    if event.end is None:
        return event.date.label()
    return f"{event.date.label()} – {event.end.label()}"
