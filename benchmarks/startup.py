"""Start-up: process start to an interactive main window, against a bare Qt window.

Each variant runs as a fresh process; the figure is the best of several runs of the
time from launching the process to the child's first processed frame, both read from
the system-wide monotonic clock. The process's exit is not part of its start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1440, 900); w.show(); app.processEvents()
import time; print(time.monotonic())
"""

APP = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from content.loader import load_pack
from desktop.main_window import MainWindow
w = MainWindow(load_pack(), watch=True, remember_layout=False); w.show(); app.processEvents()
import time; print(time.monotonic())
"""


def best_wall_time(code: str, runs: int = 5) -> float:
    """Best seconds from launching a fresh interpreter on `code` to the moment it
    prints (its window shown and its first events processed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    best = float("inf")
    for _ in range(runs):
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", code], check=True, env=env,
                              stdout=subprocess.PIPE, text=True)
        best = min(best, float(done.stdout.split()[-1]) - started)
    return best


def measure() -> tuple[float, float]:
    """(app seconds, bare Qt window seconds)."""
    best_wall_time(APP, 1)  # warm the pack cache and the OS file cache
    return best_wall_time(APP), best_wall_time(BARE)


if __name__ == "__main__":
    app, bare = measure()
    print(f"app {app:.3f} s, bare {bare:.3f} s, ratio {app / bare:.2f}")
