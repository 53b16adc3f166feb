"""A timeline lane: one section's events, pre-sorted for fast painting and hit tests.

Shared by the view (which builds lanes from the pack and the filter) and the painter
(which draws them), so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from content.model import Event


@dataclass
class Lane:
    """One section's events, pre-sorted for fast painting."""

    section_id: str
    title: str
    colour: QColor
    keys: list[float] = field(default_factory=list)  # midpoint ordinals of point events
    points: list[Event] = field(default_factory=list)
    point_days: list[tuple[int, int]] = field(default_factory=list)  # first, after last
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
    """A cluster of points (the axis days of its first and last) where it was painted."""

    rect: QRectF
    first: float
    last: float
    events: list[Event]


Hit = EventHit | ClusterHit  # what a click or hover on the lanes can find
