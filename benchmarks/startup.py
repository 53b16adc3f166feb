"""Start-up: process start to an interactive main window, against a bare Qt window.

Each variant runs as a fresh process; the figure is the best of several runs of the
time from launching the process to the child's first processed frame, both read from
the system-wide monotonic clock. The process's exit is not part of its start.

A third variant, for information, is the bare window plus PySide's own set-up of
the Qt classes the app's start-up modules import (PySide creates each Python type,
and the `Qt` namespace's enums, on first use). It is what any PySide window made of
those widgets pays before running a line of its own code.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
import json, sys, time
print(json.dumps(sorted(m for m in sys.modules if m.startswith("desktop."))))
print(time.monotonic())
"""

BARE_WITH_TYPES = """
import importlib
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
for module, name in {names!r}:
    getattr(importlib.import_module(module), name)
w = QMainWindow(); w.resize(1440, 900); w.show(); app.processEvents()
import time; print(time.monotonic())
"""


def run_child(code: str) -> tuple[float, str]:
    """Seconds from launching a fresh interpreter on `code` to its last printed
    line (a monotonic timestamp), and what it printed before that."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT,
                          stdout=subprocess.PIPE, text=True)
    *before, stamp = done.stdout.strip().splitlines()
    return float(stamp) - started, "\n".join(before)


def best_wall_time(code: str, runs: int = 5) -> float:
    """Best seconds from launch to the first processed frame, over `runs` runs."""
    return min(run_child(code)[0] for _ in range(runs))


def qt_names(modules: list[str]) -> list[tuple[str, str]]:
    """(module, name) of every PySide6 import in the given desktop modules."""
    names: set[tuple[str, str]] = set()
    for module in modules:
        path = ROOT / (module.replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                names.update((node.module, alias.name) for alias in node.names)
    return sorted(names)


def measure_all() -> tuple[float, float, float, int]:
    """(app, bare window, bare window with the app's Qt types) in seconds, and how
    many Qt names the app's start-up modules import."""
    _, printed = run_child(APP)  # also warms the pack cache and the OS file cache
    names = qt_names(json.loads(printed))
    return (best_wall_time(APP), best_wall_time(BARE),
            best_wall_time(BARE_WITH_TYPES.format(names=names)), len(names))


if __name__ == "__main__":
    app, bare, typed, count = measure_all()
    print(f"app {app:.3f} s, bare {bare:.3f} s, ratio {app / bare:.2f}; bare with the "
          f"app's {count} Qt types {typed:.3f} s, ratio {typed / bare:.2f}")
