"""Frame time of the timeline and map at 100 and 10,000 events, whole span and day zoom.

Run in a child process (offscreen Qt) by `benchmarks/run.py`; prints JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from content.loader import load_pack
from desktop.map_view import MapView
from desktop.state import BriefingState
from desktop.timeline_view import TimelineView

FRAMES = 40  # sub-millisecond frames need many samples for a stable median


def frame_ms(widget, prepare) -> float:
    """Median milliseconds to prepare and paint one frame of `widget`."""
    times = []
    for n in range(FRAMES + 2):
        started = time.perf_counter()
        prepare(n)
        widget.grab()
        if n >= 2:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(folder: Path) -> dict[str, float]:
    app = QApplication.instance() or QApplication([])
    state = BriefingState(load_pack(folder))
    timeline = TimelineView(state)
    timeline.resize(1600, 520)
    timeline.show()
    mapview = MapView(state)
    mapview.resize(1600, 1000)
    mapview.show()
    app.processEvents()
    out: dict[str, float] = {}
    start, end = state.extent()

    def whole(n: int) -> None:
        timeline.fit_all()
        timeline.zoom(1.0 + 0.001 * (n % 3))

    def days(n: int) -> None:
        mid = (start.toordinal() + end.toordinal()) // 2 + n
        timeline.set_view(mid - 15, mid + 15)

    out["timeline_whole"] = frame_ms(timeline, whole)
    out["timeline_days"] = frame_ms(timeline, days)

    def world(n: int) -> None:
        mapview.fit_rect(mapview.sceneRect())
        mapview.relayout()

    def region(n: int) -> None:
        mapview.fit_default()
        mapview.zoom_by(1.0 + 0.01 * (n % 3))
        mapview.relayout()

    def city(n: int) -> None:
        p = mapview.marker(next(iter(state.pack.places))).pos()
        mapview.fit_points([p])
        mapview.zoom_by(8)
        mapview.relayout()

    out["map_world"] = frame_ms(mapview, world)
    out["map_region"] = frame_ms(mapview, region)
    out["map_city"] = frame_ms(mapview, city)
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
