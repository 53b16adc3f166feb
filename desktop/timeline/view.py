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

import datetime as dt

import numpy as np
from PySide6.QtCore import QEasingCurve, QPoint, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from content.columns import distinct
from content.dates import clamp_ordinal
from content.model import Event
from desktop.keys import ZOOM_KEYS
from desktop.plaintext import action_text, plain_tooltip
from desktop.state import BriefingState
from desktop.theme import current_theme
from desktop.timeline.lanes import ClusterHit, EventHit, Hit, Lane, build_lane
from desktop.timeline.marks import TimelineMarks
from desktop.timeline.paint import TimelinePainter
from desktop.timeline.play import snap_unit, snap_window
from desktop.timeline.scale import NO_WARP, TimeScale, Warp

MIN_LANE_PX = 24.0
MAX_LANES_PX = 200.0
MIN_DAYS, MAX_DAYS = 7.0, 365.25 * 200


class TimelineView(QWidget):
    """Custom-painted timeline subscribed to a `BriefingState`."""

    viewChanged = Signal()

    AXIS_H = 28.0
    BRUSH_H = 30.0
    GUTTER = 178.0

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brushing = True  # the strip under the lanes sets the time window
        self.show_strip = True  # False while painted into a figure
        self.state = state
        self.theme = current_theme()
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Timeline")
        self.lanes: list[Lane] = []
        self._hits: list[Hit] = []
        self._drag: tuple[str, float, float, float] | None = None  # kind, x0, a, b
        self._brush_preview: tuple[float, float] | None = None
        self.marks = TimelineMarks(self, self.theme)
        self._white = QColor("#ffffff")
        self.painter = TimelinePainter(self)
        self.warp: Warp = NO_WARP  # long empty stretches shortened (see Warp)
        self._lanes_of: object = None  # the pack whose lanes are kept
        self._kept_for: tuple[object, ...] = ()  # the text, place and actor they match
        self._kept_lanes: dict[str, Lane] = {}
        self.cluster_menu: QMenu | None = None  # the open cluster's list of events
        self.axis_context = ""  # "July 2021" when the ticks are days
        self.axis_context_drawn = False  # whether the last frame showed it
        self.window_label_rect = QRectF()
        start, end = state.extent()
        self.view_start = float(start.toordinal())  # axis days: real after the last gap
        self.view_end = float(end.toordinal() + 1)
        # Lanes hold every event of the shown sections that matches the text: they
        # ignore the time window, which only dims marks (a repaint).
        for changed in (state.packChanged, state.sectionsChanged, state.textChanged,
                        state.facetsChanged):
            changed.connect(self._rebuild)
        state.windowChanged.connect(self.update)
        state.placeSelected.connect(self.update)  # events elsewhere are dimmed
        state.fitRequested.connect(self.fit_visible)
        state.selectionChanged.connect(self._on_selection)
        self._rebuild()
        self.fit_all()

    def apply_theme(self) -> None:
        """Repaint in the colours of the current (light or dark) palette."""
        self.theme = current_theme()
        self.marks.set_theme(self.theme)
        self.update()

    # -- data ---------------------------------------------------------------
    def _rebuild(self) -> None:
        pack = self.state.pack
        flt = self.state.filter
        index = self.state.index
        real = (self.real_start, self.real_end)
        if self._lanes_of is not pack:  # a new pack: its gaps, and no lane kept
            self._lanes_of = pack
            self._kept_lanes = {}
            warp = Warp.of(distinct(np.concatenate([index.first_days,
                                                    index.last_days + 1])).tolist())
            if warp != self.warp:  # the same real days stay in view
                self.warp = warp
                self._set_axis_view(warp.v(real[0]), warp.v(real[1]))
        narrowing = (flt.text, flt.place, flt.actor)
        if narrowing != self._kept_for:  # lanes are kept only for the same narrowing:
            self._kept_for = narrowing  # ticking sections on and off reuses them
            self._kept_lanes = {}
        lanes = {}
        for section in pack.sections:
            if flt.sections is None or section.id in flt.sections:
                lane = self._kept_lanes.get(section.id)
                if lane is None:
                    lane = self._kept_lanes[section.id] = build_lane(section, flt, index,
                                                                     self.warp)
                lanes[section.id] = lane
        self.lanes = list(lanes.values())
        self.marks.forget_titles()
        # Every lane keeps MIN_LANE_PX while that fits a laptop screen; a pack with many
        # sections shares MAX_LANES_PX instead, so the window still fits 1280 x 720.
        lanes_px = min(MIN_LANE_PX * len(self.lanes), MAX_LANES_PX)
        self.setMinimumHeight(int(self.AXIS_H + self.BRUSH_H + lanes_px))
        self.update()

    def _on_selection(self) -> None:
        event = self.state.selected_event
        if event is not None:
            self.ensure_visible(event)
        self.setAccessibleDescription(  # what a screen reader says of the focus
            f"Selected: {event.title}, {event.date_label()}" if event is not None
            else "No event selected; arrow keys step through the events")
        self.update()

    # -- geometry -----------------------------------------------------------
    @property
    def real_start(self) -> float:
        """The first real day ordinal in view."""
        return self.warp.real(self.view_start) if self.warp.gaps else self.view_start

    @property
    def real_end(self) -> float:
        """The last real day ordinal in view."""
        return self.warp.real(self.view_end) if self.warp.gaps else self.view_end

    def scale(self) -> TimeScale:
        """The current day-to-pixel mapping."""
        return TimeScale(self.view_start, self.view_end, self.GUTTER, self.width() - 12.0,
                         self.warp)

    def lane_rect(self, index: int) -> QRectF:
        """Where lane `index` is painted."""
        top = self.AXIS_H
        height = (self.height() - self.AXIS_H - self.BRUSH_H) / max(len(self.lanes), 1)
        return QRectF(0, top + index * height, self.width(), height)

    def brush_rect(self) -> QRectF:
        """The strip at the bottom where the time window is set."""
        if not self.brushing:
            return QRectF()
        return QRectF(self.GUTTER, self.height() - self.BRUSH_H + 4,
                      self.width() - 12.0 - self.GUTTER, self.BRUSH_H - 8)

    def present_dress(self, px_per_point: float) -> None:
        """Dress the timeline for the audience, live on a slide: no brush strip (no
        "Drag here"), text at the slide's size (`px_per_point`: pixels per point)."""
        self.BRUSH_H = 0.0
        self.brushing = False
        self.AXIS_H = max(self.AXIS_H, round(24 * px_per_point))  # room for larger years
        font = self.font()
        font.setPixelSize(max(12, round(13 * px_per_point)))
        self.setFont(font)
        # One lane: the slide's title names it, so the gutter goes. Several: their
        # names wrap in a gutter as wide as the longest word needs.
        metrics = QFontMetricsF(font)
        words = [w for lane in self.lanes for w in lane.title.split()]
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        self.GUTTER = 16.0 if len(self.lanes) <= 1 else max(self.GUTTER, widest + 32)
        self.marks.forget_titles()
        self.marks.wrap_lines = 3  # titles whole, wrapped as on the slide, not "Colomi…"
        self.marks.set_size(px_per_point)  # dots and pills as large as the slide's stops
        self.update()

    def animate_view(self, start: float, end: float, ms: int = 350) -> QVariantAnimation:
        """Glide to real days [start, end] (R on a live slide returns this way)."""
        a0, b0 = self.view_start, self.view_end
        start, end = self.warp.v(start), self.warp.v(end)
        animation = QVariantAnimation(self, startValue=0.0, endValue=1.0, duration=ms)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        animation.valueChanged.connect(
            lambda t: self._set_axis_view(a0 + (start - a0) * t, b0 + (end - b0) * t))
        animation.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
        return animation

    def set_view(self, start: float, end: float) -> None:
        """Show real days [start, end], clamped to sane zoom limits."""
        self._set_axis_view(self.warp.v(start), self.warp.v(end))

    def _set_axis_view(self, start: float, end: float) -> None:
        """Show axis days [start, end], clamped to sane zoom limits."""
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
        a, b = self.warp.v(start.toordinal()), self.warp.v(end.toordinal() + 1)
        margin = max((b - a) * 0.03, 20)
        self._set_axis_view(a - margin, b + margin)

    def fit_visible(self) -> None:
        """Show the events that pass the filters ("Fit to results")."""
        events = self.state.visible_events
        if not events:
            return
        a = self.warp.v(min(e.start_day for e in events).toordinal())
        b = self.warp.v(max(e.end_day for e in events).toordinal() + 1)
        margin = max((b - a) * 0.05, 20)
        self._set_axis_view(a - margin, b + margin)

    def zoom(self, factor: float, at_x: float | None = None) -> None:
        """Zoom in (factor > 1) or out around pixel `at_x` (the centre when None)."""
        s = self.scale()
        anchor = s.axis_day(at_x) if at_x is not None else (self.view_start + self.view_end) / 2
        start = anchor - (anchor - self.view_start) / factor
        end = anchor + (self.view_end - anchor) / factor
        first, last = self.state.extent()  # out no further than the pack's span and half
        widest = min(MAX_DAYS, max(3652.5, 1.5 * (last - first).days + 365))
        if MIN_DAYS <= end - start <= widest:
            self.view_start, self.view_end = start, end
            self.viewChanged.emit()
            self.update()

    def pan_pixels(self, dx: float) -> None:
        """Move the view by `dx` pixels (positive moves towards earlier dates)."""
        days = dx / self.scale().px_per_day
        self._set_axis_view(self.view_start - days, self.view_end - days)

    def ensure_visible(self, event: Event) -> None:
        """Pan so that `event` is on screen."""
        a = self.warp.v(event.start_day.toordinal())
        b = self.warp.v(event.end_day.toordinal() + 1)
        span = self.view_end - self.view_start
        if a < self.view_start or b > self.view_end:
            if b - a > span:
                self._set_axis_view(a - span * 0.05, b + span * 0.05)
            elif a < self.view_start or a > self.view_end:
                self._set_axis_view(a - span * 0.3, a + span * 0.7)

    # -- painting -----------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.painter.paint(painter)
        painter.end()

    def _window_days(self) -> tuple[float, float] | None:
        return self.painter._window_days()

    def _at_place(self, event: Event) -> bool:
        return self.painter._at_place(event)

    # -- interaction --------------------------------------------------------
    def hit(self, pos: QPointF) -> Hit | None:
        """What is painted at `pos` (an event's mark or a cluster), the topmost."""
        return next((h for h in reversed(self._hits) if h.rect.contains(pos)), None)

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
        if isinstance(found, EventHit):
            self.state.select_event(found.event.id)
            return
        if isinstance(found, ClusterHit):
            self.open_cluster(found.events, event.globalPosition().toPoint())
            return
        self._drag = ("pan", pos.x(), self.view_start, self.view_end)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag is None:
            found = self.hit(pos)
            if isinstance(found, EventHit):
                e = found.event
                QToolTip.showText(event.globalPosition().toPoint(),
                                  plain_tooltip(f"{e.title}\n{e.date_label()}"),
                                  self)
            elif isinstance(found, ClusterHit):
                n = len(found.events)
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{n} events — click to list them, scroll to zoom", self)
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

    def open_cluster(self, events: list[Event], at: QPoint) -> QMenu:
        """A cluster opens as a list of its events, in date order: picking one
        selects it (the lists, the map and the details follow)."""
        menu = QMenu(self)
        menu.setAccessibleName(f"{len(events)} events")
        for item in sorted(events, key=lambda e: (e.start_day, e.title)):
            action = menu.addAction(action_text(f"{item.date_label()} \u2014 {item.title}"))
            action.triggered.connect(lambda _=False, i=item.id: self.state.select_event(i))
        self.cluster_menu = menu
        menu.popup(at)
        return menu

    def _apply_window(self, start: float, end: float) -> None:
        first = clamp_ordinal(start)
        last = clamp_ordinal(max(int(start), int(end) - 1))
        self.state.set_window(*snap_window(first, last, snap_unit(self.scale().px_per_day)))
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
        elif key in ZOOM_KEYS:
            self.zoom(ZOOM_KEYS[key])
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.state.select_event(None)
        else:
            super().keyPressEvent(event)

