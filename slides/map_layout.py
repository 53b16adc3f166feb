"""The map slide: countries as native freeform shapes, numbered place markers, a legend.

Country rings are clipped to the map's box, scaled to points and decimated to
half a point, so a regional map stays a few thousand points.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from array import array

from content.geo import Country, clip_ring, load_basemap, project, unproject
from content.model import Pack, Place
from slides.layout import ACCENT, MUTED, TEXT, WRAP_SLACK, text_box
from slides.spec import Boxed, Ellipse, Freeform, Line, Rect, Shape, TextBox
from slides.text import line_height, text_width, wrap

SEA, LAND, BORDER = "#d3e2ee", "#f6f3ec", "#a9a49a"
MEMBER, FOCUS, MARKER = "#c5c9e6", "#f2c84b", "#c0392b"
MIN_SPAN = 7.0  # projected units: never zoom in tighter than about 7 degrees
MAX_LEGEND = 12
MAX_MARKERS = 15  # places on one map: the busiest; the legend says how many more
COUNTRY_NAME = "#5a5448"
WIDE_AT_MOST = 4.0  # a map with no place in the region spans at most this many regions
ON_MAP = "#1a1a1a"  # words on the map: its colours are ours, whatever the template's
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


def distance_km(a: Place, b_lon: float, b_lat: float) -> float:
    """Great-circle distance from place `a` to a point, in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _in_region(place: Place, region: tuple[float, float, float, float]) -> bool:
    """Inside the pack's region of interest (lon/lat box), with a quarter's margin."""
    west, south, east, north = region
    mx, my = (east - west) * 0.25, (north - south) * 0.25
    return west - mx <= place.lon <= east + mx and south - my <= place.lat <= north + my


Counts = list[tuple[Place, int]]


def map_frame(pack: Pack, counts: Counts, aspect: float
              ) -> tuple[tuple[float, float, float, float], Counts, Counts]:
    """What a map slide of `counts` shows: its box (projected units), the places on
    it and the places far away, pointed to from its edge (see `map_shapes`)."""
    view = pack.info.map_view
    region = (view.west, view.south, view.east, view.north)
    ordered = sorted(counts, key=lambda pc: (-pc[1], pc[0].name))[:MAX_MARKERS]
    near = [pc for pc in ordered if _in_region(pc[0], region)]
    far = [pc for pc in ordered if not _in_region(pc[0], region)]
    corners = [Place("", "", view.south, view.west, ""),
               Place("", "", view.north, view.east, "")]
    if not near:  # all elsewhere: show them with the region, unless that is a continent
        wide = map_box([*corners, *(p for p, _ in far)], aspect)
        if wide[2] - wide[0] <= WIDE_AT_MOST * (view.east - view.west):
            near, far = far, []
    if near:
        box = map_box([p for p, _ in near] + (corners if not _in_region(
            near[0][0], region) else []), aspect)
    else:  # far from the region and from one another: the region, pointing to them
        box = map_box(corners, aspect)
    return box, near, far


def map_bounds(pack: Pack, counts: Counts, aspect: float) -> tuple[float, float, float, float]:
    """The slide map's view as (west, south, east, north) degrees: where a live map
    starts, so L shows what the slide showed."""
    box = map_frame(pack, counts, aspect)[0]
    west, north = unproject(box[0], box[1])
    east, south = unproject(box[2], box[3])
    return west, min(south, north), east, max(south, north)


def map_shapes(pack: Pack, counts: list[tuple[Place, int]], x: float, y: float, w: float,
               h: float, as_of: dt.date) -> tuple[list[Shape], list[tuple[int, Place, int]]]:
    """Shapes of the map and the numbered places they show: (number, place, events).

    The map stays on the pack's region: places far outside it (NATO Headquarters in
    Brussels on a South Caucasus map) are numbered at the map's edge with an arrow
    and their distance, instead of zooming out to a continent. At most
    `MAX_MARKERS` places, the busiest; the legend says how many more."""
    box, near, far = map_frame(pack, counts, w / h)
    scale = w / (box[2] - box[0])
    members = {m.country for m in pack.members if m.joined.first_day() <= as_of}
    focus = pack.info.focus_countries[:1]
    shapes: list[Shape] = [Rect(x, y, w, h, SEA, name="Sea")]
    names: list[TextBox] = []
    for country, rings in _land(box, x, y, scale):
        fill = FOCUS if country.id in focus else MEMBER if country.id in members else LAND
        shapes.append(Freeform(rings, fill, BORDER, 0.6, name=country.name))
        if country.id in pack.info.focus_countries:
            names += _country_name(country, list(rings))
    names_at = len(shapes)
    numbered: list[tuple[int, Place, int]] = []
    spots = []
    for place, count in near:
        px, py = project(place.lon, place.lat)
        spots.append((x + (px - box[0]) * scale, y + (py - box[1]) * scale,
                      9.0 + 2.5 * math.sqrt(count)))
    far_labels: list[TextBox] = []
    centre_lon, centre_lat = unproject((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    for place, count in far:
        edge, arrow = _edge_arrow(place, box, x, y, w, h, scale)
        shapes += arrow
        km = distance_km(place, centre_lon, centre_lat)
        far_labels.append(_far_label(f"{place.name}, {round(km, -2):,.0f}\u00a0km", edge,
                                     x, y, w, h))
        spots.append((*edge, 9.0 + 2.5 * math.sqrt(count)))
    centres = spread_markers(spots, (x, y, x + w, y + h))
    circles = [(mx, my, r) for (mx, my), (_, _, r) in zip(centres, spots, strict=True)]
    discs = [Rect(cx - r, cy - r, 2 * r, 2 * r, None) for cx, cy, r in circles]
    placed: list[TextBox] = []
    for far_label in far_labels:  # off the markers and one another, inside the map
        tries = [far_label.y + k * (far_label.h + 4) * sign for k in range(12)
                 for sign in (1, -1)]
        for ty in tries:
            shifted = dataclasses.replace(far_label, y=ty)
            others: list[Boxed] = [*discs, *placed]
            if y <= ty and ty + far_label.h <= y + h and not any(
                    _overlap(shifted, o) for o in others):
                far_label = shifted
                break
        placed.append(far_label)
    far_labels[:] = placed
    shapes[names_at:names_at] = _apart([_clear_of_markers(n, circles) for n in names],
                                       list(far_labels))
    shapes += far_labels
    for (tx, ty, _), (mx, my) in zip(spots, centres, strict=True):
        if (mx, my) != (tx, ty):  # moved off a crowded spot: a dot there and a leader
            shapes.append(Line(tx, ty, mx, my, MARKER, 1.2, name="Leader"))
            shapes.append(Ellipse(tx - 2.5, ty - 2.5, 5, 5, MARKER, None, 0,
                                  name="Leader dot"))
    for n, ((place, count), (_, _, r), (mx, my)) in enumerate(
            zip(near + far, spots, centres, strict=True), 1):
        shapes.append(Ellipse(mx - r, my - r, 2 * r, 2 * r, MARKER, "#ffffff", 1.5,
                              name=f"Place {place.id}"))
        label = text_box(mx - r, my - 7.5, 2 * r, 16, str(n), 11, bold=True, colour="#ffffff",
                         align="center", name=f"Number {place.id}")
        shapes.append(label)
        numbered.append((n, place, count))
    shapes.append(Rect(x, y, w, h, None, MUTED, 1.0, name="Map frame"))
    return shapes, numbered


@functools.lru_cache(maxsize=16)  # a deck lays its maps out twice (`build_deck`'s budget)
def _land(box: tuple[float, float, float, float], x: float, y: float, scale: float
          ) -> tuple[tuple[Country, tuple[array, ...]], ...]:
    """Each country seen in `box` (projected) with its rings clipped to it, on the
    slide at (x, y) at `scale` points per unit and thinned to what a slide shows.
    Shared by every deck that shows this view: nothing changes a shape's rings."""
    out = []
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
            out.append((country, tuple(rings)))
    return tuple(out)


def _country_name(country: Country, rings: list) -> list[TextBox]:
    """The country's name at the middle of its largest visible part, when that part
    is big enough to hold it."""
    ring = max(rings, key=len)
    xs, ys = ring[0::2], ring[1::2]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    name = country.name.upper()
    width = text_width(name, 10, True) + 4
    if right - left < width or bottom - top < 16:
        return []
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return [text_box(cx - width / 2, cy - 8, width, 14, name, 10, bold=True,
                     colour=COUNTRY_NAME, align="center", name=f"Country {country.id}")]


def _clear_of_markers(name: TextBox, circles: list[tuple[float, float, float]]) -> TextBox:
    """A country's name moved below any marker it would sit under."""
    for cx, cy, r in circles:
        if name.x - r < cx < name.x + name.w + r and name.y - r < cy < name.y + name.h + r:
            return dataclasses.replace(name, y=cy + r + 2)
    return name


def _overlap(a: Boxed, b: Boxed) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _apart(names: list[TextBox], taken: list[TextBox]) -> list[TextBox]:
    """Country names that overlap neither one another (the larger country's first)
    nor the far places' labels in `taken`."""
    kept: list[TextBox] = []
    for name in sorted(names, key=lambda n: -n.w):
        if not any(_overlap(name, k) for k in [*kept, *taken]):
            kept.append(name)
    return kept


def _edge_arrow(place: Place, box: tuple[float, float, float, float], x: float, y: float,
                w: float, h: float, scale: float) -> tuple[tuple[float, float], list[Shape]]:
    """Where a far place's marker goes on the map's edge, and an arrow pointing on."""
    px, py = project(place.lon, place.lat)
    cx, cy = x + w / 2, y + h / 2
    tx, ty = x + (px - box[0]) * scale, y + (py - box[1]) * scale
    dx, dy = tx - cx, ty - cy
    inset = 26.0
    k = min((w / 2 - inset) / abs(dx) if dx else math.inf,
            (h / 2 - inset) / abs(dy) if dy else math.inf)
    ex, ey = cx + dx * k, cy + dy * k
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    tip = (ex + ux * 20, ey + uy * 20)
    left = (tip[0] - ux * 9 - uy * 6, tip[1] - uy * 9 + ux * 6)
    right = (tip[0] - ux * 9 + uy * 6, tip[1] - uy * 9 - ux * 6)
    return (ex, ey), [Line(ex, ey, *tip, MARKER, 2.0, name="Far arrow"),
                      Line(*left, *tip, MARKER, 2.0, name="Far arrow"),
                      Line(*right, *tip, MARKER, 2.0, name="Far arrow")]


def _far_label(text: str, at: tuple[float, float], x: float, y: float, w: float,
               h: float) -> TextBox:
    """A far place's name and distance beside its edge marker, inside the map."""
    width = min(w * 0.5, text_width(text, 12, True) + 10)
    lines = len(wrap(text, width * 0.96, 12, True))
    height = lines * line_height(12) + 2
    lx = min(max(at[0] - width / 2, x + 4), x + w - width - 4)
    ly = at[1] + 16 if at[1] < y + h / 2 else at[1] - 16 - height
    return text_box(lx, ly, width, height, text, 12, bold=True, colour=ON_MAP, align="center",
                    name="Far place")


def map_key(x: float, y: float, w: float, focus: str, as_of: str) -> list[Shape]:
    """What the map's colours and markers mean: the focus country, NATO members as
    of the content's date, numbered places sized by their events."""
    shapes: list[Shape] = []
    top = y
    for colour, text in key_rows(focus, as_of):
        lines = len(wrap(text, (w - 22) * 0.96, 11))
        if colour == MARKER:
            shapes.append(Ellipse(x + 2, top + 2, 12, 12, MARKER, "#ffffff", 1.0,
                                  name="Key marker"))
        else:
            shapes.append(Rect(x, top + 2, 16, 12, colour, BORDER, 0.6, name="Key swatch"))
        height = lines * line_height(11) + 1
        shapes.append(text_box(x + 22, top, w - 22, height, text, 11, colour=MUTED,
                               name="Key"))
        top += height + 4
    return shapes


def key_rows(focus: str, as_of: str) -> list[tuple[str, str]]:
    """(colour, meaning) of each line of the map key."""
    return [(FOCUS, focus), (MEMBER, f"NATO members as of {as_of}"),
            (MARKER, "Places, numbered; larger: more events")]


def key_height(w: float, focus: str, as_of: str) -> float:
    """Points the key takes in a column `w` wide."""
    return sum(len(wrap(text, (w - 22) * 0.96, 11)) * line_height(11) + 5
               for _, text in key_rows(focus, as_of))


def legend(numbered: list[tuple[int, Place, int]], x: float, y: float, w: float,
           bottom: float, total: int | None = None) -> list[TextBox]:
    """The numbered list of places beside the map: each name whole (wrapped, at 16 pt
    or 14 if it needs more than two lines), its count, and "and N more" when the
    list does not all fit (room for that line is kept)."""
    more_h = line_height(14) + 4
    boxes: list[TextBox] = []
    shown = 0
    for n, place, count in numbered[:MAX_LEGEND]:
        size = 16.0
        lines = len(wrap(place.name, (w - 30) * 0.96, size))
        if lines > 2:
            size = 14.0
            lines = len(wrap(place.name, (w - 30) * 0.96, size))
        need = lines * line_height(size) + line_height(13) + 8
        total = len(numbered) if total is None else total
        last = shown == total - 1
        if y + need + (0 if last else more_h) > bottom:
            break
        noun = "event" if count == 1 else "events"
        boxes.append(text_box(x, y, 28, line_height(16), f"{n}", 16, bold=True, colour=ACCENT,
                              name=f"Legend number {n}"))
        boxes.append(text_box(x + 30, y, w - 30, lines * line_height(size) + 1, place.name,
                              size, colour=TEXT, name=f"Legend {n}"))
        boxes.append(text_box(x + 30, y + lines * line_height(size), w - 30, line_height(13),
                              f"{count:,} {noun}", 13, colour=MUTED, name=f"Legend count {n}"))
        y += need
        shown += 1
    hidden = (len(numbered) if total is None else total) - shown
    if hidden > 0:
        words = next((t for t in (f"and {hidden:,} more (see notes)", f"and {hidden:,} more",
                                  f"+{hidden:,}") if text_width(t, 14) <= w * WRAP_SLACK),
                     f"+{hidden:,}")
        boxes.append(text_box(x, y, w, more_h, words, 14, colour=MUTED, name="Legend more"))
    return boxes
