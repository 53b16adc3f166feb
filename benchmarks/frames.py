"""Frame time of the timeline and map at 100 and 10,000 events, whole span and day zoom.

Both packs are measured in one child process (offscreen Qt), their frames
interleaved: whatever the machine is doing meanwhile (frequency scaling, another
process on the second core) falls on the figure and its floor alike. Run by
`benchmarks/run.py`; prints JSON {"small": {...}, "large": {...}}.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from content.loader import load_pack
from desktop.map.view import MapView
from desktop.state import BriefingState
from desktop.timeline.view import TimelineView

FRAMES = 60  # sub-millisecond frames need many samples for a stable median
WARM_UP = 3


class Views:
    """A timeline and a map over one pack, with the frame scenarios to time."""

    def __init__(self, folder: Path) -> None:
        self.state = BriefingState(load_pack(folder))
        self.timeline = TimelineView(self.state)
        self.timeline.resize(1600, 520)
        self.timeline.show()
        self.map = MapView(self.state)
        self.map.resize(1600, 1000)
        self.map.show()
        self.start, self.end = self.state.extent()

    def scenarios(self) -> dict[str, tuple[QWidget, Callable[[int], None]]]:
        """Name -> (widget, how to prepare frame n)."""
        timeline, mapview = self.timeline, self.map

        def whole(n: int) -> None:
            timeline.fit_all()
            timeline.zoom(1.0 + 0.001 * (n % 3))

        def days(n: int) -> None:
            mid = (self.start.toordinal() + self.end.toordinal()) // 2 + n
            timeline.set_view(mid - 15, mid + 15)

        def world(n: int) -> None:
            mapview.fit_rect(mapview.sceneRect())
            mapview.relayout()

        def region(n: int) -> None:
            mapview.fit_default()
            mapview.zoom_by(1.0 + 0.01 * (n % 3))
            mapview.relayout()

        def city(n: int) -> None:
            p = mapview.marker(next(iter(self.state.pack.places))).pos()
            mapview.fit_points([p])
            mapview.zoom_by(8)
            mapview.relayout()

        return {"timeline_whole": (timeline, whole), "timeline_days": (timeline, days),
                "map_world": (mapview, world), "map_region": (mapview, region),
                "map_city": (mapview, city)}


def frame_ms(widget: QWidget, prepare: Callable[[int], None], n: int) -> float:
    """Milliseconds to prepare and paint frame `n` of `widget`."""
    started = time.perf_counter()
    prepare(n)
    widget.grab()
    return (time.perf_counter() - started) * 1000


def measure(small: Path, large: Path) -> dict[str, dict[str, float]]:
    """Median frame times of each scenario for both packs, frames interleaved."""
    app = QApplication.instance() or QApplication([])
    views = {"small": Views(small), "large": Views(large)}
    app.processEvents()
    scenarios = {which: view.scenarios() for which, view in views.items()}
    out: dict[str, dict[str, float]] = {"small": {}, "large": {}}
    for name in scenarios["small"]:
        samples: dict[str, list[float]] = {"small": [], "large": []}
        for n in range(FRAMES + WARM_UP):
            for which in views:
                widget, prepare = scenarios[which][name]
                took = frame_ms(widget, prepare, n)
                if n >= WARM_UP:
                    samples[which].append(took)
        for which in out:
            out[which][name] = statistics.median(samples[which])
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
