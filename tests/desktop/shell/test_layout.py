"""The window on the screen it opens on: inside its available area, whatever was saved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from desktop.shell.layout import FRAME_ALLOWANCE, fitted

ROOT = Path(__file__).resolve().parents[3]


def test_a_window_larger_than_the_screen_is_brought_inside_it() -> None:
    laptop = QRect(0, 0, 1280, 720)
    for saved in (QRect(100, 80, 1440, 900), QRect(1900, 1000, 1600, 1000),
                  QRect(-3000, -200, 800, 600)):
        rect = fitted(saved, laptop)
        assert rect.width() + FRAME_ALLOWANCE[0] <= 1280
        assert rect.height() + FRAME_ALLOWANCE[1] <= 720
        assert laptop.contains(rect), (saved, rect)
    small = QRect(200, 100, 800, 500)
    assert fitted(small, laptop) == small  # what fits is left where the user put it


OPEN_AND_REPORT = """
import sys
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from content.loader import load_pack
from desktop.shell.main_window import MainWindow
window = MainWindow(load_pack(), watch=False)
window.show()
QTest.qWaitForWindowExposed(window, 20000)
available, frame = window.screen().availableGeometry(), window.frameGeometry()
print("inside" if available.contains(frame) else "outside", frame.getRect())
window.save_layout()
"""


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs Xvfb")
def test_the_window_opens_inside_a_laptop_screen_even_after_a_large_one(
        tmp_path: Path) -> None:
    """On a bare X server at 1280 x 720, fresh and with settings saved at 1920 x
    1080: the whole window (status bar, right pane) is on the screen."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    for screen in ("1280x720", "1920x1080", "1280x720"):
        result = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24",
                                 sys.executable, "-c", OPEN_AND_REPORT], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=180)
        assert result.stdout.startswith("inside"), (screen, result.stdout,
                                                    result.stderr[-1500:])


def test_the_panes_modules_are_imported_before_the_panes_are_built(tmp_path: Path) -> None:
    """What `import_panes` imports while a pack loads is all the panes' steps need of
    the map, timeline, side panes and state: none of them is left for after the load."""
    code = """
import sys
from desktop.shell.app import make_app
from desktop.shell.layout import import_panes
from desktop.shell.main_window import MainWindow
app = make_app()
import_panes()
before = set(sys.modules)
window = MainWindow(None, remember_layout=False, watch=False)
window.show()
assert window.finish_loading()
rooms = ("desktop.map", "desktop.timeline", "desktop.panes", "desktop.state")
print(sorted(m for m in set(sys.modules) - before if m.startswith(rooms)))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFDESK_CACHE_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
