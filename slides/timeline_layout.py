"""The timeline slide: events evenly spaced along an axis, labels alternating above
and below so that neighbours on the same side never overlap.

Even spacing (not a linear time scale) keeps dense years readable; every stop carries
its date, spans as "2002 – 2021".
"""

from __future__ import annotations

from content.model import Event
from slides.layout import ACCENT, MUTED, TEXT, text_box
from slides.spec import Ellipse, Line, Shape
from slides.text import line_height

EVENTS_PER_SLIDE = 8
DATE_SIZE = 16.0
LABEL_SIZE = 18.0
LABEL_GAP = 14.0  # points between the labels of neighbours on the same side
MAX_LABEL_W = 270.0


def label_span(cx: float, spacing: float, left: float, right: float) -> tuple[float, float]:
    """(x, width) of the label of the stop at `cx`.

    Labels alternate sides, so a label may use up to the midpoints to its same-side
    neighbours (one `spacing` either way, less a gap), but never the slide's margin. At
    the ends that room is lopsided: the label then sits off-centre within its own
    room, narrower, rather than being pushed into its neighbour's."""
    lo = max(left, cx - spacing + LABEL_GAP / 2)
    hi = min(right, cx + spacing - LABEL_GAP / 2)
    width = min(hi - lo, MAX_LABEL_W)
    return min(max(cx - width / 2, lo), hi - width), width


def timeline_shapes(events: list[Event], x: float, y: float, w: float, h: float,
                    colour: str = ACCENT) -> list[Shape]:
    """Shapes of one timeline slide's body for up to `EVENTS_PER_SLIDE` events."""
    shapes: list[Shape] = []
    axis_y = y + h / 2
    shapes.append(Line(x, axis_y, x + w, axis_y, MUTED, 2.5, name="Timeline axis"))
    n = max(1, len(events))
    spacing = w / n
    half = h / 2 - 26
    for i, event in enumerate(events):
        cx = x + spacing * (i + 0.5)
        above = i % 2 == 0
        lx, label_w = label_span(cx, spacing, x, x + w)
        r = 8.0
        shapes.append(Ellipse(cx - r, axis_y - r, 2 * r, 2 * r,
                              "#ffffff" if event.date.approximate else colour, colour, 2.5,
                              name=f"Marker {event.id}"))
        date = event.date_label(reported=False)  # the notes give the report's date
        date_h = line_height(DATE_SIZE)
        title_h = half - date_h - 4
        if above:
            top = axis_y - 22 - half
            shapes.append(Line(cx, axis_y - r, cx, axis_y - 20, MUTED, 1.0))
        else:
            top = axis_y + 22
            shapes.append(Line(cx, axis_y + r, cx, axis_y + 20, MUTED, 1.0))
        date_box = text_box(lx, top if not above else top + half - date_h, label_w, date_h,
                            date, DATE_SIZE, bold=True, colour=colour, align="center",
                            max_lines=1, name=f"Date {event.id}")
        title = text_box(lx, top + date_h + 2 if not above else top, label_w, title_h,
                         event.title, LABEL_SIZE, colour=TEXT, align="center",
                         max_lines=4, name=f"Label {event.id}",
                         anchor="top" if not above else "bottom")
        shapes += [date_box, title]
    return shapes
