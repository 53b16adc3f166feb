"""The window at 100 and 100,000 events, each against a floor measured in the same run.

The floor of opening a window is a fresh process that imports Qt, reads the same
events from JSON with `json.loads` and paints a bare main window: what any app
must pay to show that much data. Against it:

- the window opened on the pack with an empty cache (first open), then with the
  cache filled by an earlier open (reopen), each from process start to every pane
  built and painted (`MainWindow.loaded`);
- the peak resident memory of that first open, against the floor process's own.

In one more child, both packs' windows take turns at what an analyst does with
them: unticking a section (every view follows, the window repaints) and one
timeline zoom step. Those are compared between the packs (a 100,000-event pack
may cost a small multiple of a 100-event one, not a thousand times).

    python -m benchmarks.hundredk SMALL LARGE      (prints every figure as JSON)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
TIMEOUT_S = 300

FLOOR = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
with open(sys.argv[1], encoding="utf-8") as fh:
    events = json.loads(fh.read())
w = QMainWindow(); w.resize(1440, 900); w.show(); app.processEvents(); w.grab()
print(time.monotonic(), len(events))
"""

APP = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop.shell.app import make_app, open_window
app = make_app()
window = open_window(Path(sys.argv[1]))
from desktop.shell.pack_loading import PackLoad
def built():
    window.grab()
    print(time.monotonic(), len(window.state.pack.events))
    done()
def done():  # the cache entry is written after the window is up: let it finish
    if any(load.writing_cache for load in window.findChildren(PackLoad)):
        QTimer.singleShot(50, done)
    else:
        app.quit()
window.loaded.connect(lambda: QTimer.singleShot(0, built))
window.loadFailed.connect(lambda exc: sys.exit(exc.report()))
app.exec()
"""

PEAK = """
import sys
def peak_mb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("peak", peak_mb())
"""


def events_json(folder: Path, out: Path) -> Path:
    """The pack's events as one JSON list (the floor's input), written once."""
    import yaml_rs

    text = (folder / "events.yaml").read_text(encoding="utf-8")
    events = yaml_rs.loads(text, parse_datetime=False)["events"]
    out.write_text(json.dumps(events), encoding="utf-8")
    return out


def run(code: str, arg: Path, cache: Path) -> tuple[float, float]:
    """(seconds from launch to the child's stamp, the child's peak MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFDESK_CACHE_DIR=str(cache))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code + PEAK, str(arg)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode:
        raise RuntimeError(f"child exited {done.returncode}:\n{done.stderr[-2000:]}")
    lines = done.stdout.split("\n")
    stamp = next(float(line.split()[0]) for line in lines if line[:1].isdigit())
    peak = next(float(line.split()[1]) for line in lines if line.startswith("peak"))
    return stamp - started, peak


def open_figures(folder: Path, tmp: Path) -> dict[str, float]:
    """Best-of-RUNS first open, reopen and floor (seconds) and peak MB, taking turns."""
    floor_input = events_json(folder, tmp / f"{folder.name}.json")
    warm = tmp / f"{folder.name}-warm"
    run(APP, folder, warm)  # fills the warm cache and the OS file cache
    got: dict[str, list[float]] = {"first": [], "reopen": [], "floor": [],
                                   "first_mb": [], "floor_mb": []}
    for n in range(RUNS):
        seconds, peak = run(APP, folder, tmp / f"{folder.name}-cold-{n}")
        got["first"].append(seconds)
        got["first_mb"].append(peak)
        got["reopen"].append(run(APP, folder, warm)[0])
        seconds, peak = run(FLOOR, floor_input, warm)
        got["floor"].append(seconds)
        got["floor_mb"].append(peak)
    return {name: min(values) for name, values in got.items()}


def interaction_figures(small: Path, large: Path) -> dict[str, float]:
    """Median ms of a section untick and a timeline zoom step, both packs, in a child."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.hundredk_steps", str(small),
                           str(large)], cwd=ROOT, capture_output=True, text=True,
                          timeout=TIMEOUT_S, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if done.returncode:
        raise RuntimeError(f"steps child exited {done.returncode}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(small: Path, large: Path) -> dict[str, dict[str, float]]:
    """Every figure for both packs (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = {"small": open_figures(small, Path(tmp)), "large": open_figures(large, Path(tmp))}
    steps = interaction_figures(small, large)
    for which in out:
        out[which].update({k.split(".", 1)[1]: v for k, v in steps.items()
                           if k.startswith(which + ".")})
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
