"""Start-up: process start to an interactive main window, against a bare Qt window.

Each variant runs as a fresh process; the figure is the best wall time of several.
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
"""

APP = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from content.loader import load_pack
from desktop.main_window import MainWindow
w = MainWindow(load_pack(), watch=True, remember_layout=False); w.show(); app.processEvents()
"""


def best_wall_time(code: str, runs: int = 5) -> float:
    """Best wall-clock seconds for a fresh interpreter to run `code`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        best = min(best, time.perf_counter() - started)
    return best


def measure() -> tuple[float, float]:
    """(app seconds, bare Qt window seconds)."""
    best_wall_time(APP, 1)  # warm the pack cache and the OS file cache
    return best_wall_time(APP), best_wall_time(BARE)


if __name__ == "__main__":
    app, bare = measure()
    print(f"app {app:.3f} s, bare {bare:.3f} s, ratio {app / bare:.2f}")
