"""The audience's slide window and live slides, driven as a presenter with a clicker would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QLabel

from desktop.map.view import MapView
from desktop.present.audience import SlideWindow
from desktop.present.controller import Presentation
from desktop.timeline.lanes import ClusterHit
from desktop.timeline.view import TimelineView
from tests.desktop.clock import finish_animations, step_animations

ROOT = Path(__file__).resolve().parents[3]


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
    zoomed = live.scale_factor()
    qtbot.keyClick(live, Qt.Key.Key_R)  # R on the live view: keys go to the slide window
    assert window.live_state.selected_place is None
    assert step_animations(live, 120) == 1  # R glides back: part of the way at 120 ms...
    assert built < live.scale_factor() < zoomed
    finish_animations(live)  # ...and all the way at its end
    assert abs(live.scale_factor() - built) < 1e-6
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.live is None and not show.ended


def test_live_timeline_slide(qtbot, deck_and_pack) -> None:
    show, window = open_slide(qtbot, deck_and_pack, "timeline")
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert isinstance(window.live, TimelineView)
    show.next()
    assert window.live is None  # leaving the slide leaves live mode


def live_on(qtbot, deck_and_pack, kind: str) -> tuple[Presentation, SlideWindow]:
    show, window = open_slide(qtbot, deck_and_pack, kind)
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.is_live
    window.live.setFocus()
    return show, window


NEXT = [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown,
        Qt.Key.Key_N, Qt.Key.Key_Return]
PREVIOUS = [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_P,
            Qt.Key.Key_Backspace]


@pytest.mark.parametrize("kind", ["map", "timeline"])
@pytest.mark.parametrize(("key", "step"), [(k, +1) for k in NEXT] + [(k, -1) for k in PREVIOUS])
def test_clicker_keys_move_the_show_even_in_live_mode(qtbot, deck_and_pack, kind: str,
                                                      key: Qt.Key, step: int) -> None:
    """Next and previous, pressed while the live view has the focus, are the show's:
    the slide changes and live mode ends."""
    show, window = live_on(qtbot, deck_and_pack, kind)
    start = show.index
    qtbot.keyClick(window.live, key)
    assert show.index == start + step and not window.is_live


@pytest.mark.parametrize("kind", ["map", "timeline"])
def test_escape_leaves_live_mode_first_then_the_show(qtbot, deck_and_pack, kind: str) -> None:
    show, window = live_on(qtbot, deck_and_pack, kind)
    start = show.index
    qtbot.keyClick(window.live, Qt.Key.Key_Escape)
    assert not window.is_live and not show.ended and show.index == start
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert show.ended


@pytest.mark.parametrize("kind", ["map", "timeline"])
def test_blank_screens_and_typed_numbers_work_in_live_mode(qtbot, deck_and_pack,
                                                           kind: str) -> None:
    show, window = live_on(qtbot, deck_and_pack, kind)
    qtbot.keyClick(window.live, Qt.Key.Key_B)
    assert show.blank == "black" and not window.is_live
    qtbot.keyClick(window, Qt.Key.Key_B)
    qtbot.keyClick(window, Qt.Key.Key_L)
    window.live.setFocus()
    qtbot.keyClick(window.live, Qt.Key.Key_W)
    assert show.blank == "white"
    qtbot.keyClick(window, Qt.Key.Key_W)
    qtbot.keyClick(window, Qt.Key.Key_L)
    window.live.setFocus()
    qtbot.keyClick(window.live, Qt.Key.Key_2)
    qtbot.keyClick(window.live, Qt.Key.Key_Return)
    assert show.index == 1 and not window.is_live


def test_the_live_view_keeps_its_own_keys(qtbot, deck_and_pack) -> None:
    """+ and − still zoom the live map: only the show's keys are taken from it."""
    _, window = live_on(qtbot, deck_and_pack, "map")
    before = window.live.scale_factor()
    qtbot.keyClick(window.live, Qt.Key.Key_Plus)
    assert window.live.scale_factor() > before and window.is_live


DOUBLE_CLICK_SCRIPT = """
import subprocess, sys
from desktop.shell.app import make_app
from content.loader import load_pack
from slides.build import build_deck
from slides.recipe import default_recipe
from desktop.present.show import ShowController
from PySide6.QtCore import QTimer
app = make_app()
pack = load_pack()
deck = build_deck(pack, default_recipe(pack, ["operations"]))
before_map = [s.kind for s in deck.slides].index("map") - 1
show = ShowController(deck, pack, before_map, presenter_view=False)
# No fixed waits: click once the window is on screen, report once both clicks have
# been handled (or after a generous guard, so a lost click fails rather than hangs).
def when(ready, then, tries=[0]):
    tries[0] += 1
    if ready() or tries[0] > 600:
        then()
    else:
        QTimer.singleShot(50, lambda: when(ready, then))
def exposed():
    handle = show.window.windowHandle()
    return handle is not None and handle.isExposed()
def click():
    subprocess.run(["xdotool", "mousemove", "640", "360", "click", "--repeat", "2",
                    "--delay", "120", "1"], check=True)
    when(lambda: show.presentation.index >= before_map + 2,
         lambda: QTimer.singleShot(0, report))
def report():
    print("start", before_map, "index", show.presentation.index, "live", show.window.is_live)
    app.quit()
show.start()
when(exposed, click)
app.exec()
"""


def test_two_quick_clicks_advance_twice_and_never_go_live(tmp_path: Path) -> None:
    """Under a real X server, xdotool clicks twice quickly on the slide before a map
    slide: the show moves on two slides, and the map slide never turns live."""
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is missing: scripts/setup.sh test installs it")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", sys.executable,
                             "-c", DOUBLE_CLICK_SCRIPT], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    line = next((x for x in result.stdout.splitlines() if x.startswith("start")), "")
    assert line, result.stderr[-2000:]
    words = line.split()
    start, index, live = int(words[1]), int(words[3]), words[5]
    assert (index, live) == (start + 2, "False"), line


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


def test_live_slides_are_dressed_for_the_audience(qtbot, deck_and_pack) -> None:
    """No app controls, no brush strip, labels at the slide's text size; the slide's
    own title and legend stay visible around the live area."""
    _, window = open_slide(qtbot, deck_and_pack, "map")
    window.resize(1920, 1080)
    qtbot.keyClick(window, Qt.Key.Key_L)
    live = window.live
    assert live._controls.isHidden()
    marker = next(m for m in live._markers.values() if m.count)
    assert marker.label.font().pixelSize() >= 20  # 12 pt of a 960-pt slide at 1920 px
    slide = window.show_state.deck.slides[window.show_state.index]
    assert live.geometry().width() < window.width() * 0.7  # the legend beside stays
    assert live.geometry().top() > 0.1 * window.height()  # the title above stays
    window.leave_live()
    window.show_state.go([s.kind for s in window.show_state.deck.slides].index("timeline"))
    qtbot.keyClick(window, Qt.Key.Key_L)
    timeline = window.live
    assert not timeline.brushing and timeline.brush_rect().isEmpty()
    assert timeline.font().pixelSize() >= 20
    timeline.grab()  # paint once: the hit areas are the marks as drawn
    marks = [h.rect for h in timeline._hits if isinstance(h, ClusterHit)
             or abs(h.rect.width() - h.rect.height()) < 0.5]
    assert marks and min(r.height() for r in marks) >= 2 * 5.5 * 1.9  # slide-size stops
    assert slide.live is not None


def test_r_glides_the_live_timeline_back(qtbot, deck_and_pack) -> None:
    _, window = open_slide(qtbot, deck_and_pack, "timeline")
    qtbot.keyClick(window, Qt.Key.Key_L)
    live = window.live
    built = (live.view_start, live.view_end)
    live.zoom(4.0)
    zoomed = live.view_end - live.view_start
    qtbot.keyClick(live, Qt.Key.Key_R)
    assert step_animations(live, 120) == 1
    assert zoomed < live.view_end - live.view_start < built[1] - built[0]
    finish_animations(live)
    assert abs(live.view_start - built[0]) < 1e-3 and abs(live.view_end - built[1]) < 1e-3


def test_the_live_timeline_keeps_whole_titles_and_always_shows_the_year(
        qtbot, deck_and_pack) -> None:
    """Live on a timeline slide: titles wrap as on the slide rather than end in
    "Colomi…", and zoomed in to months the year is on screen (the gutter is too
    narrow for it on a one-lane slide, so it goes at the axis's end)."""
    import datetime as dt

    from PySide6.QtGui import QFontMetricsF

    _, window = open_slide(qtbot, deck_and_pack, "timeline")
    qtbot.keyClick(window, Qt.Key.Key_L)
    live = window.live
    event = max(live.lanes[0].points, key=lambda e: len(e.title))
    metrics = QFontMetricsF(live.font())
    room = metrics.horizontalAdvance(event.title) * 0.6
    label = live.marks.elided(event, room, metrics)
    assert label is not None and "\u2026" not in label.text()
    assert all(word in label.text() for word in event.title.split()[:2])
    day = dt.date(2021, 6, 1).toordinal()
    live.view_start, live.view_end = day, day + 150  # month ticks, one year
    live.grab()
    assert live.axis_context == "2021" and live.axis_context_drawn


def test_l_on_a_map_slide_starts_from_the_slides_own_view_and_says_live(
        qtbot, deck_and_pack) -> None:
    """Pressing L used to jump from the slide's South Caucasus to a Europe-wide view
    (it fitted every numbered place, Brussels too): the live map starts on the box
    the slide drew, and a small cue in its corner says it is live."""
    from content.geo import view_box

    deck, _ = deck_and_pack
    _, window = open_slide(qtbot, deck_and_pack, "map")
    spec = next(s for s in deck.slides if s.kind == "map").live
    assert len(spec.bounds) == 4
    qtbot.keyClick(window, Qt.Key.Key_L)
    live: MapView = window.live
    shown = live.mapToScene(live.viewport().rect()).boundingRect()
    slide = QRectF(*view_box(*spec.bounds))
    assert shown.width() <= slide.width() * 1.1 and shown.height() <= slide.height() * 1.1
    assert shown.contains(slide.center())
    cue = window.findChild(QLabel, "Live cue")
    assert cue is not None and cue.isVisible() and "LIVE" in cue.text()
    # just above the live map, not over it (an overlay makes every pan repaint it all)
    assert not cue.geometry().intersects(live.geometry())
    assert cue.geometry().bottom() <= live.geometry().top() and cue.x() == live.x()
    assert not live._ring.enabled  # no app focus ring in front of the room
