"""The timeline slide: stops on a true time scale, labels where they can be read.

Stops sit on the axis where their dates fall, so 1992, 1994 and 2021 look as far apart
as they are; a gap that would waste most of the axis (decades with nothing in them)
is shortened to a marked break. Spans are bars from their start to their end (to
the as-of date while ongoing). Labels alternate above and below, each as near its
stop as the labels beside it allow and tied to it by a leader line: dense years stay
readable, and the leaders keep the scale honest. Dates and titles are whole, wrapped and
shrunk within the legible minimum, never cut.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from content.model import Event
from content.timeaxis import gaps
from slides.layout import ACCENT, MUTED, TEXT, text_box
from slides.spec import Ellipse, Line, Rect, Shape
from slides.text import line_height, wrap

EVENTS_PER_SLIDE = 8
DATE_SIZE = 16.0
LABEL_SIZES = (18.0, 16.0, 14.0, 12.0)
LABEL_GAP = 14.0  # points between the labels of neighbours on the same side
MAX_LABEL_W = 270.0
BREAK_W = 26.0  # points the axis gives a shortened gap
TICK_SIZE = 11.0


def place_labels(wanted: list[float], width: float, left: float, right: float
                 ) -> list[float]:
    """Left edges for labels of `width` that want to be centred at `wanted` (in
    order along the axis): as close to that as they can be without overlapping each
    other (`LABEL_GAP` apart) or leaving [left, right]."""
    xs: list[float] = []
    for centre in wanted:  # pushed right past the previous label
        x = max(left, centre - width / 2)
        if xs:
            x = max(x, xs[-1] + width + LABEL_GAP)
        xs.append(x)
    limit = right - width
    for k in range(len(xs) - 1, -1, -1):  # and back left where that ran off the end
        xs[k] = min(xs[k], limit)
        limit = xs[k] - width - LABEL_GAP
    return xs


@dataclass(frozen=True)
class Scale:
    """Days to points along the axis, with long empty gaps shortened to breaks."""

    x: float
    w: float
    pieces: tuple[tuple[int, int], ...]  # (first day, last day) of each shown stretch

    @classmethod
    def of(cls, dates: list[dt.date], x: float, w: float) -> Scale:
        """The scale for stops and span ends at `dates`: a gap between neighbouring
        dates that the app's timeline shortens is shortened here too
        (`content.timeaxis.gaps`), even under a span's bar (the bar then crosses it)."""
        days = sorted({d.toordinal() for d in dates})
        total = max(1, days[-1] - days[0])
        after_gap = {int(b) for _, b in gaps(days)}
        pieces: list[list[int]] = [[days[0], days[0]]]
        for day in days[1:]:
            if day in after_gap:
                pieces.append([day, day])  # a break between the pieces
            else:
                pieces[-1][1] = day
        pad = max(15, total // 25)  # room at the ends so no stop sits on the margin
        for piece in pieces[1:-1] if len(pieces) > 2 else []:
            piece[0], piece[1] = piece[0] - pad // 2, piece[1] + pad // 2
        end_pad = pad if len(pieces) == 1 else pad // 2
        pieces[0][0] -= end_pad
        pieces[-1][1] += end_pad
        if len(pieces) > 1:  # both sides of a break get room for their stops
            pieces[0][1] += pad // 2
            pieces[-1][0] -= pad // 2
        low, high = 1, dt.date.max.toordinal()  # the calendar's edges: year 1 to 9999
        return cls(x, w, tuple((max(low, a), min(high, b)) for a, b in pieces))

    def _unit(self) -> float:
        spans = sum(max(1, b - a) for a, b in self.pieces)
        return (self.w - BREAK_W * (len(self.pieces) - 1)) / spans

    def at(self, day: dt.date) -> float:
        """The x of `day` (clamped into the shown stretches)."""
        n = day.toordinal()
        unit, x = self._unit(), self.x
        for i, (a, b) in enumerate(self.pieces):
            if n <= b or i == len(self.pieces) - 1:
                return x + (min(max(n, a), b) - a) * unit
            x += max(1, b - a) * unit + BREAK_W
        return x

    def breaks(self) -> list[float]:
        """The x where each break starts."""
        unit, x, out = self._unit(), self.x, []
        for a, b in self.pieces[:-1]:
            x += max(1, b - a) * unit
            out.append(x)
            x += BREAK_W
        return out

    def years(self, most: int = 8) -> list[tuple[int, float]]:
        """(year, x) of year ticks, at most `most`, evenly stepped, none in a break."""
        first = dt.date.fromordinal(self.pieces[0][0]).year + 1
        last = dt.date.fromordinal(self.pieces[-1][1]).year
        years = [y for y in range(first, min(last, dt.MAXYEAR) + 1)
                 if any(a <= dt.date(y, 1, 1).toordinal() <= b for a, b in self.pieces)]
        step = max(1, -(-len(years) // most))
        return [(y, self.at(dt.date(y, 1, 1))) for y in years[::step]]


def event_ends(event: Event, today: dt.date) -> tuple[dt.date, dt.date]:
    """Where an event's mark starts and ends on an axis: a span to its end (an ongoing
    one to `today`, the content's as-of date), a point at its start."""
    if event.ongoing:
        return event.start_day, max(event.start_day, today)
    return event.start_day, event.end_day if event.is_span else event.start_day


def event_mark(event: Event, scale: Scale, ends: tuple[dt.date, dt.date], y: float,
               r: float, bar_h: float, colour: str, line_w: float) -> list[Shape]:
    """An event on the axis at height `y`: a bar from its start to its end when it is
    a span, then its marker (hollow when its date is approximate)."""
    first, end = ends
    mx = scale.at(first)
    shapes: list[Shape] = []
    if event.is_span and end > first:
        shapes.append(Rect(mx, y - bar_h / 2, max(2.0, scale.at(end) - mx), bar_h, colour,
                           name=f"Span {event.id}"))
    shapes.append(Ellipse(mx - r, y - r, 2 * r, 2 * r,
                          "#ffffff" if event.date.approximate else colour, colour, line_w,
                          name=f"Marker {event.id}"))
    return shapes


def axis_shapes(scale: Scale, start: float, end: float, axis_y: float, width: float,
                slash: float) -> list[Shape]:
    """The axis from `start` to `end`, interrupted at each break by a pair of slashes
    (`slash` points tall either side of it)."""
    shapes: list[Shape] = []
    for bx in scale.breaks():
        shapes.append(Line(start, axis_y, bx + 4, axis_y, MUTED, width, name="Timeline axis"))
        for dx in (6.0, 14.0):
            shapes.append(Line(bx + dx - 3, axis_y + slash, bx + dx + 3, axis_y - slash,
                               MUTED, 1.5, name="Timeline break"))
        start = bx + BREAK_W - 4
    shapes.append(Line(start, axis_y, end, axis_y, MUTED, width, name="Timeline axis"))
    return shapes


def _label(text: str, x: float, y: float, w: float, h: float, name: str, anchor: str,
           colour: str) -> Shape:
    """A title wrapped whole into `h`, at the largest legible size that does it."""
    for size in LABEL_SIZES:
        if len(wrap(text, w * 0.96, size)) * line_height(size) <= h:
            break
    lines = len(wrap(text, w * 0.96, size))
    return text_box(x, y, w, max(h, lines * line_height(size) + 1), text, size,
                    colour=colour, align="center", name=name, anchor=anchor)


def timeline_shapes(events: list[Event], x: float, y: float, w: float, h: float,
                    colour: str = ACCENT, today: dt.date | None = None) -> list[Shape]:
    """Shapes of one timeline slide's body for up to `EVENTS_PER_SLIDE` events
    (`today`: where ongoing spans end, the content's as-of date)."""
    shapes: list[Shape] = []
    axis_y = y + h / 2
    if not events:
        return [Line(x, axis_y, x + w, axis_y, MUTED, 2.5, name="Timeline axis")]
    last = today or max(e.end_day for e in events)

    def ends(e: Event) -> tuple[dt.date, dt.date]:
        return event_ends(e, last)

    scale = Scale.of([d for e in events for d in ends(e)], x + 12, w - 24)
    shapes += axis_shapes(scale, x, x + w, axis_y, 2.5, 7.0)
    for year, tx in scale.years():
        shapes.append(Line(tx, axis_y - 4, tx, axis_y + 4, MUTED, 1.0, name="Year tick"))
        shapes.append(text_box(tx - 20, axis_y + 5, 40, line_height(TICK_SIZE), str(year),
                               TICK_SIZE, colour=MUTED, align="center", name=f"Year {year}"))
    n = len(events)
    sides = [[i for i in range(n) if i % 2 == 0], [i for i in range(n) if i % 2 == 1]]
    most = len(sides[0])  # the fuller side: its labels must all fit along the axis
    label_w = min(MAX_LABEL_W, (w - (most - 1) * LABEL_GAP) / most)
    marks = [scale.at(ends(e)[0]) for e in events]
    lefts: dict[int, float] = {}
    for side in sides:
        for i, lx in zip(side, place_labels([marks[i] for i in side], label_w, x, x + w),
                         strict=True):
            lefts[i] = lx
    half = h / 2 - 30
    r = 8.0
    for i, event in enumerate(events):
        mx = marks[i]
        shapes += event_mark(event, scale, ends(event), axis_y, r, 8.0, colour, 2.5)
        above = i % 2 == 0
        lx = lefts[i]
        cx = lx + label_w / 2
        date = event.date_label(reported=False)  # the notes give the report's date
        date_lines = len(wrap(date, label_w * 0.96, DATE_SIZE, bold=True))
        date_h = date_lines * line_height(DATE_SIZE) + 1
        title_h = half - date_h - 4
        if above:
            top = axis_y - 28 - half
            shapes.append(Line(cx, axis_y - 26, mx, axis_y - r, MUTED, 1.0,
                               name=f"Leader {event.id}"))
            date_y, title_y, anchor = top + half - date_h, top, "bottom"
        else:
            top = axis_y + 28
            shapes.append(Line(mx, axis_y + r, cx, axis_y + 26, MUTED, 1.0,
                               name=f"Leader {event.id}"))
            date_y, title_y, anchor = top, top + date_h + 2, "top"
        shapes.append(text_box(lx, date_y, label_w, date_h, date, DATE_SIZE, bold=True,
                               colour=colour, align="center", name=f"Date {event.id}"))
        shapes.append(_label(event.title, lx, title_y, label_w, title_h, f"Label {event.id}",
                             anchor, TEXT))
    return shapes
