"""The map slide: countries as native freeform shapes, numbered place markers, a legend.

Country rings are clipped to the map's box, scaled to points and decimated to
half a point, so a regional map stays a few thousand points.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array

from content.geo import clip_ring, load_basemap, project
from content.model import Pack, Place
from slides.layout import ACCENT, MUTED, TEXT, text_box
from slides.spec import Ellipse, Freeform, Line, Rect, Shape, TextBox

SEA, LAND, BORDER = "#d3e2ee", "#f6f3ec", "#a9a49a"
MEMBER, FOCUS, MARKER = "#c5c9e6", "#f2c84b", "#c0392b"
MIN_SPAN = 7.0  # projected units: never zoom in tighter than about 7 degrees
MAX_LEGEND = 12
MARKER_GAP = 2.0  # points between neighbouring markers


def map_box(places: list[Place], aspect: float) -> tuple[float, float, float, float]:
    """A projected box around `places` with margin, shaped to `aspect` (width/height)."""
    xs, ys = zip(*(project(p.lon, p.lat) for p in places), strict=True)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0, MIN_SPAN), max(y1 - y0, MIN_SPAN / aspect)
    w, h = w * 1.3, h * 1.3
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def spread_markers(spots: list[tuple[float, float, float]],
                   frame: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Centres for round markers (x, y, radius) so that none covers another.

    A marker stays on its place when it can; otherwise it moves to the nearest free
    spot on rings around it (12 directions, widening), inside `frame`, and the map
    draws a leader back to the place. Earlier markers (the busiest places) keep their
    spot first. On a world map the places of the South Caucasus fall within a few
    points of each other, and the numbers would otherwise hide one another."""
    placed: list[tuple[float, float, float]] = []
    left, top, right, bottom = frame

    def free(cx: float, cy: float, r: float) -> bool:
        inside = left + r <= cx <= right - r and top + r <= cy <= bottom - r
        return inside and all(math.hypot(cx - px, cy - py) >= r + pr + MARKER_GAP
                              for px, py, pr in placed)

    for tx, ty, r in spots:
        best = (tx, ty)
        if not free(tx, ty, r):
            step = r + MARKER_GAP
            candidates = ((tx + ring * step * math.cos(a), ty + ring * step * math.sin(a))
                          for ring in range(1, 12)
                          for a in (math.pi * (k / 6 - 0.25) for k in range(12)))
            best = next((c for c in candidates if free(*c, r)), best)
        placed.append((*best, r))
    return [(cx, cy) for cx, cy, _ in placed]


def _decimate(flat: list[float], min_step: float) -> array:
    """Drop points closer than `min_step` to the last kept one; 8 bytes a value."""
    out = array("d", (flat[0], flat[1]))
    for i in range(2, len(flat), 2):
        if abs(flat[i] - out[-2]) + abs(flat[i + 1] - out[-1]) >= min_step:
            out.append(flat[i])
            out.append(flat[i + 1])
    return out


def map_shapes(pack: Pack, counts: list[tuple[Place, int]], x: float, y: float, w: float,
               h: float, as_of: dt.date) -> tuple[list[Shape], list[tuple[int, Place, int]]]:
    """Shapes of the map and the numbered places they show: (number, place, events)."""
    box = map_box([p for p, _ in counts], w / h)
    scale = w / (box[2] - box[0])
    members = {m.country for m in pack.members if m.joined.first_day() <= as_of}
    focus = pack.info.focus_countries[:1]
    shapes: list[Shape] = [Rect(x, y, w, h, SEA, name="Sea")]
    for country in load_basemap().countries:
        b = country.bounds
        if b[2] < box[0] or b[0] > box[2] or b[3] < box[1] or b[1] > box[3]:
            continue
        rings = []
        for ring in country.rings:
            clipped = clip_ring(ring, box)
            if len(clipped) < 6:
                continue
            moved = [x + (clipped[i] - box[0]) * scale if i % 2 == 0
                     else y + (clipped[i] - box[1]) * scale for i in range(len(clipped))]
            flat = _decimate(moved, 0.6)
            if len(flat) >= 6:
                rings.append(flat)
        if rings:
            fill = FOCUS if country.id in focus else MEMBER if country.id in members else LAND
            shapes.append(Freeform(tuple(rings), fill, BORDER, 0.6, name=country.name))
    numbered: list[tuple[int, Place, int]] = []
    ordered = sorted(counts, key=lambda pc: (-pc[1], pc[0].name))
    spots = []
    for place, count in ordered:
        px, py = project(place.lon, place.lat)
        spots.append((x + (px - box[0]) * scale, y + (py - box[1]) * scale,
                      9.0 + 2.5 * math.sqrt(count)))
    centres = spread_markers(spots, (x, y, x + w, y + h))
    for (tx, ty, _), (mx, my) in zip(spots, centres, strict=True):
        if (mx, my) != (tx, ty):  # moved off a crowded spot: a dot there and a leader
            shapes.append(Line(tx, ty, mx, my, MARKER, 1.2, name="Leader"))
            shapes.append(Ellipse(tx - 2.5, ty - 2.5, 5, 5, MARKER, None, 0,
                                  name="Leader dot"))
    for n, ((place, count), (_, _, r), (mx, my)) in enumerate(
            zip(ordered, spots, centres, strict=True), 1):
        shapes.append(Ellipse(mx - r, my - r, 2 * r, 2 * r, MARKER, "#ffffff", 1.5,
                              name=f"Place {place.id}"))
        label = text_box(mx - r, my - 7.5, 2 * r, 16, str(n), 11, bold=True, colour="#ffffff",
                         align="center", name=f"Number {place.id}")
        shapes.append(label)
        numbered.append((n, place, count))
    shapes.append(Rect(x, y, w, h, None, MUTED, 1.0, name="Map frame"))
    return shapes, numbered


def legend(numbered: list[tuple[int, Place, int]], x: float, y: float, w: float,
           bottom: float) -> list[TextBox]:
    """The numbered list of places beside the map: name (up to two lines), then count."""
    from slides.text import line_height, wrap

    boxes: list[TextBox] = []
    shown = 0
    for n, place, count in numbered[:MAX_LEGEND]:
        lines = min(2, len(wrap(place.name, (w - 30) * 0.96, 16)))
        need = lines * line_height(16) + line_height(13) + 8
        if y + need > bottom:
            break
        noun = "event" if count == 1 else "events"
        boxes.append(text_box(x, y, 28, line_height(16), f"{n}", 16, bold=True, colour=ACCENT,
                              name=f"Legend number {n}"))
        boxes.append(text_box(x + 30, y, w - 30, lines * line_height(16), place.name, 16,
                              colour=TEXT, max_lines=2, name=f"Legend {n}"))
        boxes.append(text_box(x + 30, y + lines * line_height(16), w - 30, line_height(13),
                              f"{count} {noun}", 13, colour=MUTED, max_lines=1,
                              name=f"Legend count {n}"))
        y += need
        shown += 1
    hidden = len(numbered) - shown
    if hidden > 0 and y + line_height(14) <= bottom:
        boxes.append(text_box(x, y, w, line_height(14), f"and {hidden} more (see notes)", 14,
                              colour=MUTED, name="Legend more"))
    return boxes
