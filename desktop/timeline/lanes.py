"""A timeline lane: one section's events, pre-sorted for fast painting and hit tests.

Shared by the view (which asks `build_lane` for each shown section) and the painter
(which draws them), so neither imports the other. A lane is built from the index's
columns (positions, day ordinals, midpoints), not from each event's properties: a
100,000-event pack's lanes cost passes over integers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from content.model import Event, Section
from content.query import EventFilter, EventIndex
from desktop.timeline.packing import pack_bars
from desktop.timeline.scale import Warp

SPAN_ROWS = 2
ALPHAS = (20, 50, 70, 80, 220, 235, 255)


@dataclass
class Lane:
    """One section's events, pre-sorted for fast painting."""

    section_id: str
    title: str
    colour: QColor
    keys: list[float] = field(default_factory=list)  # midpoint ordinals of point events
    points: list[Event] = field(default_factory=list)
    point_firsts: list[int] = field(default_factory=list)  # each point's first day
    point_afters: list[int] = field(default_factory=list)  # and the day after its last
    # Up to SPAN_ROWS rows of non-overlapping spans, each sorted by start:
    # (first day, day after the last, event). Spans that do not fit become points.
    span_rows: list[list[tuple[int, int, Event]]] = field(default_factory=list)
    row_starts: list[list[int]] = field(default_factory=list)
    colours: dict[str, QColor] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventHit:
    """An event's mark (a point or a bar) where it was painted."""

    rect: QRectF
    event: Event


@dataclass(frozen=True, slots=True)
class ClusterHit:
    """A cluster of points (the axis days of its first and last) where it was painted:
    the lane's points from `lo` up to `hi` (sliced only when asked: a frame of a
    100,000-event pack paints a thousand clusters and opens none)."""

    rect: QRectF
    first: float
    last: float
    points: list[Event]
    lo: int
    hi: int

    @property
    def events(self) -> list[Event]:
        """The cluster's events, in date order."""
        return self.points[self.lo:self.hi]


Hit = EventHit | ClusterHit  # what a click or hover on the lanes can find


def build_lane(section: Section, flt: EventFilter, index: EventIndex, warp: Warp) -> Lane:
    """`section`'s lane under `flt`'s text, place and actor (the time window only dims
    marks, so it is not part of a lane): spans packed into rows, the rest as points
    sorted by the middle of their dates."""
    lane = Lane(section.id, section.title, QColor(section.colour or "#3566a8"))
    rows = index.matching_rows(flt.with_(sections=frozenset({section.id}), start=None,
                                         end=None))
    events = index.events
    spanning = index.spans
    span_rows = rows[spanning[rows]] if len(rows) else rows
    bars = list(zip(index.first_days[span_rows].tolist(),
                    (index.last_days[span_rows] + 1).tolist(),
                    index.take(span_rows), strict=True))
    lane.span_rows, no_room = pack_bars(bars, SPAN_ROWS)
    lane.row_starts = [[bar[0] for bar in row] for row in lane.span_rows]
    points = rows[~spanning[rows]] if len(rows) else rows
    if no_room:  # no room for a bar: shown as a point
        row_of = {id(events[i]): i for i in span_rows.tolist()}
        points = np.concatenate([points, np.array([row_of[id(e)] for e in no_room],
                                                  dtype=np.int64)])
    mids = index.mid_days[points]
    order = np.argsort(mids, kind="stable")
    points, mids = points[order], mids[order]
    lane.points = index.take(points)
    lane.keys = (warp.v_array(mids) if warp.gaps else mids).tolist()
    lane.point_firsts = index.first_days[points].tolist()
    lane.point_afters = (index.last_days[points] + 1).tolist()
    for alpha in ALPHAS:
        colour = QColor(lane.colour)
        colour.setAlpha(alpha)
        lane.colours[str(alpha)] = colour
    return lane
