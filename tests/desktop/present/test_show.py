"""The show: slides on the audience screen, the presenter view wired to them."""

from __future__ import annotations

from desktop.present.show import ShowController


def test_interact_in_the_presenter_view_makes_the_audience_slide_live(qtbot,
                                                                      deck_and_pack) -> None:
    deck, pack = deck_and_pack
    map_slide = [s.kind for s in deck.slides].index("map")
    show = ShowController(deck, pack, map_slide, presenter_view=True)
    show.start()
    qtbot.addWidget(show.window)
    qtbot.addWidget(show.presenter)
    assert show.presenter.live_button.isEnabled()
    show.presenter.live_button.click()
    assert show.window.is_live
    show.presentation.next()
    assert not show.window.is_live
    assert not show.presenter.live_button.isEnabled() or \
        deck.slides[show.presentation.index].live is not None
    show.presentation.end()


def test_one_screen_presenter_view_is_full_screen_with_the_audience_a_key_away(
        qtbot, deck_and_pack) -> None:
    from PySide6.QtCore import Qt

    deck, pack = deck_and_pack
    show = ShowController(deck, pack, presenter_view=True)  # offscreen: one screen
    assert show.one_screen
    show.start()
    qtbot.addWidget(show.window)
    qtbot.addWidget(show.presenter)
    assert show.presenter.isVisible() and show.presenter.isFullScreen()
    qtbot.keyClick(show.presenter, Qt.Key.Key_F5, Qt.KeyboardModifier.AltModifier)
    assert not show.presenter.isVisible() and show.window.isVisible()
    qtbot.keyClick(show.window, Qt.Key.Key_F5, Qt.KeyboardModifier.AltModifier)
    assert show.presenter.isVisible()
    qtbot.keyClick(show.presenter, Qt.Key.Key_Right)
    assert show.presentation.index == 1  # the presenter view still drives the show
    show.presentation.end()


TWO_SCREENS_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from content.loader import load_pack
from slides.build import build_deck
from slides.recipe import default_recipe
from desktop.present.show import ShowController
pack = load_pack()
deck = build_deck(pack, default_recipe(pack, ["peace"]))
screens = app.screens()
def size(screen):
    return screen.geometry().width()
first = ShowController(deck, pack, presenter_view=True)
first.start()
app.processEvents()
before = size(first.audience)
first.swap_screens()
app.processEvents()
swapped = size(first.audience)
on = size(first.window.screen())
first.presentation.end()
app.processEvents()
second = ShowController(deck, pack, presenter_view=True)
print("screens", len(screens), "before", before, "swapped", swapped, "window_on", on,
      "next_show", size(second.audience))
"""


def test_swapped_screens_are_remembered_for_the_next_show(tmp_path) -> None:
    """Two screens of one X server (same name, different sizes): Swap Screens moves
    the slides, and the next show puts the audience on the screen chosen."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is missing: scripts/setup.sh test installs it")
    root = Path(__file__).resolve().parents[3]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24 -screen 1 1024x768x24",
         sys.executable, "-c", TWO_SCREENS_SCRIPT], cwd=root, env=env,
        capture_output=True, text=True, timeout=120)
    line = next((x for x in result.stdout.splitlines() if x.startswith("screens")), "")
    assert line, result.stderr[-2000:]
    words = dict(zip(line.split()[::2], map(int, line.split()[1::2]), strict=True))
    assert words["screens"] == 2
    assert words["swapped"] != words["before"]
    assert words["window_on"] == words["swapped"]
    assert words["next_show"] == words["swapped"]
