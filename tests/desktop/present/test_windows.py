"""The slide window, live slides and the presenter view, driven like a presenter would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from content.loader import load_pack
from desktop.map.view import MapView
from desktop.present.controller import Presentation
from desktop.present.windows import PresenterView, SlideWindow
from desktop.timeline.view import TimelineView
from slides.build import build_deck
from slides.recipe import default_recipe

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def deck_and_pack(qapp):
    pack = load_pack()
    return build_deck(pack, default_recipe(pack, ["operations"])), pack


def test_window_follows_keys_clicks_and_wheel(qtbot, deck_and_pack) -> None:
    deck, pack = deck_and_pack
    show = Presentation(deck)
    window = SlideWindow(show, pack)
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.slide is deck.slides[1]
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert show.index == 2
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blank == "black"
    image = window.grab().toImage()
    assert image.pixelColor(480, 270).name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert window.grab().toImage().pixelColor(480, 270).name() == "#ffffff"
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert window.grab().toImage().pixelColor(5, 5).name() != "#000000"  # the marking band


def test_presenter_view_follows_the_show(qtbot, deck_and_pack) -> None:
    deck, _ = deck_and_pack
    show = Presentation(deck)
    view = PresenterView(show)
    qtbot.addWidget(view)
    show.go(2)
    assert view.current.slide is deck.slides[2] and view.next_slide.slide is deck.slides[3]
    assert view.notes.toPlainText() == deck.slides[2].notes
    assert view.position.text() == f"Slide 3 of {len(deck.slides)}"
    show.go(len(deck.slides) - 1)
    assert view.next_slide.slide is None and view.next_slide.blank == "black"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # the presenter view takes keys too
    assert show.index == len(deck.slides) - 2
    view.toggle_pause()
    frozen = view.elapsed()
    qtbot.wait(50)
    assert view.elapsed() == frozen
    view.reset_timer()
    assert view.elapsed() == 0


def open_slide(qtbot, deck_and_pack, kind: str) -> tuple[Presentation, SlideWindow]:
    """A 1280x720 slide window showing the deck's first slide of `kind`."""
    deck, pack = deck_and_pack
    show = Presentation(deck, start=[s.kind for s in deck.slides].index(kind))
    window = SlideWindow(show, pack)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return show, window


def test_live_map_slide_can_be_driven_and_reset(qtbot, deck_and_pack) -> None:
    show, window = open_slide(qtbot, deck_and_pack, "map")
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert isinstance(window.live, MapView)
    live: MapView = window.live
    assert live.state.filter.sections == frozenset({"operations"})
    built = live.scale_factor()
    live.zoom_by(3.0)
    window.live_state.select_place("kabul-airport")
    assert live.scale_factor() > built
    qtbot.keyClick(live, Qt.Key.Key_R)  # R on the live view: keys go to the slide window
    assert abs(live.scale_factor() - built) < 1e-6
    assert window.live_state.selected_place is None
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.live is None and not show.ended


def test_live_timeline_slide(qtbot, deck_and_pack) -> None:
    show, window = open_slide(qtbot, deck_and_pack, "timeline")
    window.mouseDoubleClickEvent(None)  # double-click makes it live
    assert isinstance(window.live, TimelineView)
    show.next()
    assert window.live is None  # leaving the slide leaves live mode


def test_context_menu_lists_every_slide(qtbot, deck_and_pack) -> None:
    deck, pack = deck_and_pack
    window = SlideWindow(Presentation(deck), pack)
    qtbot.addWidget(window)
    menu = window.context_menu()
    go = next(a.menu() for a in menu.actions() if a.text() == "Go to Slide")
    assert len(go.actions()) == len(deck.slides)
    go.actions()[3].trigger()
    assert window.show_state.index == 3
    _ = QPoint


XVFB_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
from content.loader import load_pack
from slides.build import build_deck
from slides.recipe import default_recipe
from desktop.present.show import ShowController
pack = load_pack()
show = ShowController(build_deck(pack, default_recipe(pack, ["peace"])), pack)
def check():
    screen = app.primaryScreen().geometry()
    window = show.window.geometry()
    print("platform", app.platformName())
    print("screen", screen.width(), screen.height(), "window", window.x(), window.y(),
          window.width(), window.height(), "fullscreen", show.window.isFullScreen())
    show.window.grab().save(sys.argv[1])
    app.quit()
show.start()
QTimer.singleShot(800, check)
app.exec()
"""


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs Xvfb")
def test_full_screen_covers_a_bare_x_screen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    shot = tmp_path / "show.png"
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable,
                             "-c", XVFB_SCRIPT, str(shot)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert "platform xcb" in result.stdout, result.stderr[-2000:]
    assert "screen 1366 768 window 0 0 1366 768" in result.stdout, result.stdout
    assert shot.exists()
