"""Which markers merge into clusters at the current zoom: plain Python, no Qt.

Works on `Spot`s (a marker's screen position, event count and priority); the map
turns its marker items into spots and back (`desktop.map.labels.cluster_markers`).
Spots closer than a threshold, or whose discs touch, join the most important one
(first in priority order); a lead's disc grows with what joins it, so leads that
then touch are merged too, until no two shown discs overlap.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

MAX_RADIUS = 24.0  # px: a place with 40 events is as big as a marker gets


def marker_radius(count: int) -> float:
    """Screen radius in pixels of a marker standing for `count` events: grows with
    the square root, then stops, so a pack with hundreds of events a place shows
    discs that cluster rather than cover the map."""
    return min(5.0 + 3.2 * math.sqrt(max(count, 1)), MAX_RADIUS)


@dataclass
class Spot:
    """One marker as clustering sees it: where it is on screen and what it carries."""

    key: str
    x: float
    y: float
    count: int


@dataclass
class Cluster:
    """A shown spot and the spots that joined it."""

    lead: Spot
    members: list[Spot] = field(default_factory=list)
    total: int = 0

    @property
    def radius(self) -> float:
        return marker_radius(self.total)

    def touches(self, x: float, y: float, r: float, distance: float) -> bool:
        return math.hypot(x - self.lead.x, y - self.lead.y) < max(distance, r + self.radius + 2)


def cluster(spots: list[Spot], distance: float) -> list[Cluster]:
    """The clusters of `spots`, given most important first; each cluster's lead is
    the first of its spots in that order."""
    clusters: list[Cluster] = []
    for spot in spots:
        for c in clusters:
            if c.touches(spot.x, spot.y, marker_radius(spot.count), distance):
                c.members.append(spot)
                c.total += spot.count
                break
        else:
            clusters.append(Cluster(spot, [], spot.count))
    merged = True
    while merged:
        merged = False
        for a, b in itertools.combinations(clusters, 2):  # a comes first: it leads
            if a.touches(b.lead.x, b.lead.y, b.radius, distance):
                a.members += [b.lead, *b.members]
                a.total += b.total
                clusters.remove(b)
                merged = True
                break
    return clusters
