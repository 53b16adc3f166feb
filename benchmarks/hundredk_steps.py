"""What an analyst does in the window, at 100 and 100,000 events, steps interleaved.

A section untick is the filter change every view follows: the state's sections
change, the map, timeline, event list and deck pane update, and the window repaints.
A zoom step is one wheel notch on the timeline, painted. Both packs' windows take
turns step by step in one offscreen Qt process, so the machine's moods fall on both.
Work a view defers to a single-shot timer (the map's relayout, the deck's refresh)
is part of the step: it is run at once rather than waited for, so neither the
timer's pause nor the other window's leftovers fall into a figure.
Run by `benchmarks.hundredk`; prints JSON {"small.untick": ms, ...} (medians).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from content.loader import load_pack
from desktop.shell.main_window import MainWindow

STEPS = 20
WARM_UP = 2


def settle(window: QWidget) -> None:
    """Process events, running every pending single-shot timer of `window` at once,
    until nothing it deferred is left."""
    QApplication.processEvents()
    for _ in range(20):
        pending = [t for t in window.findChildren(QTimer) if t.isActive() and t.isSingleShot()]
        if not pending:
            return
        for timer in pending:
            timer.stop()
            timer.timeout.emit()
        QApplication.processEvents()


class Window:
    """The main window over one pack, showing everything."""

    def __init__(self, folder: Path) -> None:
        self.window = MainWindow(load_pack(folder), watch=False, remember_layout=False)
        self.window.resize(1600, 1000)
        self.window.show()
        settle(self.window)
        self.sections = frozenset(s.id for s in self.window.state.pack.sections)
        self.first = next(iter(sorted(self.sections)))

    def untick(self, n: int) -> float:
        """One section unticked (even steps) or ticked again (odd), every view painted."""
        state = self.window.state
        began = time.perf_counter()
        state.set_sections(self.sections - {self.first} if n % 2 == 0 else None)
        settle(self.window)
        self.window.repaint()
        return time.perf_counter() - began

    def zoom(self, n: int) -> float:
        """One zoom notch on the timeline (in, then out), painted."""
        timeline = self.window.timeline.view
        began = time.perf_counter()
        timeline.zoom(1.25 if n % 2 == 0 else 0.8)
        settle(self.window)
        timeline.repaint()
        return time.perf_counter() - began


def main(small: str, large: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    windows = {"small": Window(Path(small)), "large": Window(Path(large))}
    app.processEvents()
    times: dict[str, list[float]] = {}
    for step in ("untick", "zoom"):
        for n in range(STEPS + WARM_UP):
            for name, window in windows.items():
                seconds = getattr(window, step)(n)
                if n >= WARM_UP:
                    times.setdefault(f"{name}.{step}", []).append(seconds * 1000)
    print(json.dumps({key: statistics.median(t) for key, t in times.items()}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
