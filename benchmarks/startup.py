"""Start-up: process start to an interactive main window, against a bare Qt window.

Each variant runs as a fresh process, timed from launching it to a monotonic
timestamp the child prints, both read from the system-wide clock; the process's
exit is not part of its start. The app and the bare window take turns, and each app
run is compared with the bare window run just after it: the ratio is the median of
those pairs' ratios (a busy moment falls on both of a pair), and the app's figure
the bare window's median times that ratio. (The best of nine runs of each let one
lucky bare window move the ratio: two runs in a row on a busy machine said 1.62
and 1.36.)

The app starts the way `briefdesk` does (`desktop.shell.app.open_window`): its first
frame is the window with working menus, painted before the pack is loaded; the
docks, pack, map, timeline and panels follow in steps on the event loop. Two
stamps are printed: when that first frame has been processed (the budget's
"interactive window"), and when every pane is built and painted (reported beside
it, so the whole cost stays in view).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60
RUNS = 15

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1440, 900); w.show(); app.processEvents()
import time; print(time.monotonic())
"""

APP = f"""
import sys, time
GIVE_UP_MS = {TIMEOUT_S * 1000 // 2}
from desktop.shell.app import make_app, open_window
app = make_app()
window = open_window(None)
app.processEvents()
print(time.monotonic())
from desktop.shell.pack_loading import PackLoad
def built():
    print(time.monotonic()); done()
def done():  # the cache entry is written after the window is up: let it finish
    if any(load.writing_cache for load in window.findChildren(PackLoad)):
        QTimer.singleShot(50, done)
    else:
        app.quit()
from PySide6.QtCore import QTimer
window.loaded.connect(lambda: QTimer.singleShot(0, built))  # after the last pane's paint
window.loadFailed.connect(lambda exc: sys.exit(exc.report()))
QTimer.singleShot(GIVE_UP_MS, lambda: sys.exit("the window never finished loading"))
app.exec()
"""


def run_child(code: str) -> list[float]:
    """Seconds from launching a fresh interpreter on `code` to each monotonic
    timestamp it prints."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode:  # Qt's warnings are shown only when the child failed
        raise RuntimeError(f"start-up child exited {done.returncode}:\n{done.stderr}")
    return [float(stamp) - started for stamp in done.stdout.split()]


def paired_times(codes: list[str], runs: int = RUNS) -> list[list[float]]:
    """Each stamp of each child in `codes`, as the last child's median times the median
    of the stamp's ratio to that child's stamp in the same turn (for the last child,
    its own median).

    The children take turns, run after run, so a busy moment on the machine falls
    on the app and the bare window alike rather than on one block of runs."""
    turns = [[run_child(code) for code in codes] for _ in range(runs)]
    floor = statistics.median(turn[-1][0] for turn in turns)
    return [[floor * statistics.median(turn[n][k] / turn[-1][0] for turn in turns)
             for k in range(len(turns[0][n]))] for n in range(len(codes))]


def compile_project() -> None:
    """Bytecode for our modules, as an installed app has; the floor's PySide has its
    own. Without it, every run would compile our source anew (~40 ms) wherever
    bytecode is not written (PYTHONDONTWRITEBYTECODE, a read-only checkout)."""
    for package in ("content", "desktop", "slides"):
        compileall.compile_dir(ROOT / package, quiet=1)


def measure_all() -> tuple[float, float, float]:
    """(first frame of the app, every pane of the app built, bare window) in seconds."""
    compile_project()
    run_child(APP)  # warms the pack cache and the OS file cache
    (first_frame, built), (bare,) = paired_times([APP, BARE])
    return first_frame, built, bare


if __name__ == "__main__":
    first_frame, built, bare = measure_all()
    print(f"first frame {first_frame:.3f} s, every pane built {built:.3f} s, bare window "
          f"{bare:.3f} s; ratios {first_frame / bare:.2f} and {built / bare:.2f}")
