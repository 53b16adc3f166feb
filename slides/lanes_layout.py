"""The combined timeline: every selected section's events on one time scale, a lane
per section, so a room sees the whole story at once before the sections' detail.

Lanes share one axis (with the app's breaks, `content.timeaxis`); each event is a
mark in its section's colour (a bar for a span). A title is written beside its mark
when it fits whole before the next mark of its lane, at a readable size; the notes
name every event, so nothing a title would say is lost when there is no room.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from content.model import Event
from slides.layout import MUTED, TEXT, text_box
from slides.spec import Line, Shape
from slides.text import line_height, text_width, wrap
from slides.timeline_layout import TICK_SIZE, Scale, axis_shapes, event_ends, event_mark

LANE_TITLE_SIZE = 16.0
LABEL_SIZE = 14.0
MIN_LANE_H = 34.0  # below this a lane's labels cannot be read: fewer lanes per slide
LANES_PER_SLIDE = 7
TITLE_W = 170.0
RULE = "#b8c0cc"  # reads as a quiet rule on light and on dark backgrounds

Lane = tuple[str, str, list[Event]]  # section title, colour, its events in date order
T = TypeVar("T")


def lane_rows(lanes: list[T]) -> list[list[T]]:
    """The lanes (or what they are made from) shared out over slides, at most
    `LANES_PER_SLIDE` each, evenly."""
    if not lanes:
        return []
    pages = -(-len(lanes) // LANES_PER_SLIDE)
    size = -(-len(lanes) // pages)
    return [lanes[i:i + size] for i in range(0, len(lanes), size)]


def lanes_shapes(lanes: list[Lane], all_events: list[Event], x: float, y: float, w: float,
                 h: float, today: dt.date) -> list[Shape]:
    """Shapes of one combined-timeline slide's body: `lanes` on the scale of every
    event in `all_events` (so the lanes of every page share one axis)."""
    shapes: list[Shape] = []
    axis_h = 30.0
    lane_h = (h - axis_h) / max(1, len(lanes))
    left = x + TITLE_W + 12

    def ends(e: Event) -> tuple[dt.date, dt.date]:
        return event_ends(e, today)

    dates = [d for e in all_events for d in ends(e)] or [today]
    scale = Scale.of(dates, left + 8, x + w - left - 16)
    axis_y = y + h - axis_h + 6
    shapes += axis_shapes(scale, left, x + w, axis_y, 2.0, 6.0)
    for year, tx in scale.years():
        shapes.append(Line(tx, y, tx, axis_y + 4, "#d5dae1", 0.75, name="Year line"))
        shapes.append(text_box(tx - 22, axis_y + 5, 44, line_height(TICK_SIZE), str(year),
                               TICK_SIZE, colour=MUTED, align="center", name=f"Year {year}"))
    for n, (title, colour, events) in enumerate(lanes):
        top = y + n * lane_h
        if n:  # lanes apart by a rule (no fill: the template's background shows through)
            shapes.append(Line(x, top, x + w, top, RULE, 0.75, name="Lane rule"))
        size = next((s for s in (LANE_TITLE_SIZE, LABEL_SIZE, 12.0, 11.0, 10.0, 9.0)
                     if len(wrap(title, TITLE_W * 0.96, s, True)) * line_height(s) <= lane_h),
                    9.0)
        shapes.append(text_box(x + 6, top, TITLE_W, lane_h, title, size, bold=True,
                               colour=colour, anchor="middle", name=f"Lane {title}"))
        mid = top + lane_h / 2
        marks = [scale.at(ends(e)[0]) for e in events]
        r = 6.0
        for i, event in enumerate(events):
            mx = marks[i]
            shapes += event_mark(event, scale, ends(event), mid, r, 6.0, colour, 2.0)
            room = (marks[i + 1] if i + 1 < len(marks) else x + w) - mx - 2 * r - 6
            label = _label(event.title, room, lane_h / 2 - 2)
            if label is not None:
                lines, size = label
                shapes.append(text_box(mx + r + 3, mid - 1, room, len(lines) * line_height(size),
                                       event.title, size, colour=TEXT, name=f"Label {event.id}"))
    return shapes


def _label(title: str, room: float, height: float) -> tuple[list[str], float] | None:
    """The title wrapped whole into `room` x `height` at a readable size, or None (a
    word too wide for the room would be broken mid-word: no label, the notes say it)."""
    size = LABEL_SIZE
    if room < 60 or any(text_width(word, size) > room * 0.96 for word in title.split()):
        return None
    lines = wrap(title, room * 0.96, size)
    if len(lines) * line_height(size) > height:
        return None
    return lines, size
