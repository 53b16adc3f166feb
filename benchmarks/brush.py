"""A brush drag step in the whole window at 100 and 10,000 events.

One step is what a mouse move on the timeline's brush does: the time window moves by
a day, every view that follows it updates, and the window repaints. Both packs are
measured in one child process (offscreen Qt), their steps interleaved, and the
medians compared. Run by `benchmarks/run.py`; prints JSON {"small": s, "large": s}.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from content.loader import load_pack
from desktop.shell.main_window import MainWindow

STEPS = 40


class Window:
    """The main window over one pack, with a brush to drag across its middle."""

    def __init__(self, folder: Path) -> None:
        self.window = MainWindow(load_pack(folder), watch=False, remember_layout=False)
        self.window.resize(1600, 1000)
        self.window.show()
        first, last = self.window.state.extent()
        self.middle = first + (last - first) / 2
        self.span = max((last - first) / 10, dt.timedelta(days=30))

    def step(self, n: int) -> float:
        start = self.middle + dt.timedelta(days=n)
        began = time.perf_counter()
        self.window.state.set_window(start, start + self.span)
        self.window.repaint()
        QApplication.processEvents()
        return time.perf_counter() - began


def main(small: str, large: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    windows = {"small": Window(Path(small)), "large": Window(Path(large))}
    app.processEvents()
    times: dict[str, list[float]] = {name: [] for name in windows}
    for n in range(STEPS + 3):
        for name, window in windows.items():
            seconds = window.step(n)
            if n >= 3:  # warm-up steps fill caches
                times[name].append(seconds)
    print(json.dumps({name: statistics.median(t) * 1000 for name, t in times.items()}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
