"""The map's level of detail with a large pack: markers stay a readable size and
never cover one another; what merges into a cluster is counted on its lead."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from benchmarks.synthetic import write_pack
from content.loader import load_pack
from desktop.map.clustering import MAX_RADIUS, marker_radius
from desktop.state import BriefingState
from tests.desktop.views import shown_map


def test_marker_size_grows_with_events_then_stops() -> None:
    assert marker_radius(1) < marker_radius(4) < marker_radius(40) == MAX_RADIUS
    assert marker_radius(5_000) == MAX_RADIUS


def test_a_busy_map_shows_discs_that_do_not_cover_each_other(qtbot, tmp_path: Path) -> None:
    """A 2,000-event pack once drew discs of 80 px radius heaped over the map."""
    state = BriefingState(load_pack(write_pack(tmp_path / "busy", 2_000)))
    view = shown_map(state, qtbot, 1000, 600)
    view.relayout()
    transform = view.viewportTransform()
    shown = [m for m in view._markers.values() if m.isVisible()]
    assert shown
    for a, b in itertools.combinations(shown, 2):
        pa, pb = transform.map(a.pos()), transform.map(b.pos())
        gap = math.hypot(pa.x() - pb.x(), pa.y() - pb.y()) - a.radius() - b.radius()
        assert gap >= 0, (a.place.id, b.place.id, gap)
    counted = sum(m.shown_count for m in shown)
    assert counted == sum(m.count for m in view._markers.values())
