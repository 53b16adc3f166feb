"""Incremental start-up: the window is on screen and usable before its panes exist,
and the panes it then builds are the ones a window built at once has."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from content.loader import load_pack
from desktop.map.actions import LAYER_TITLES
from desktop.map.view import MapView
from desktop.shell import app as desktop_app
from desktop.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


def _starting_window(qtbot, folder: Path | None = None) -> MainWindow:
    window = MainWindow(None, folder, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_frame_is_painted_before_the_pack_is_loaded(qtbot) -> None:
    window = _starting_window(qtbot)
    qtbot.waitExposed(window)
    assert window.loading
    assert window.windowTitle() == "Briefing Desk"
    assert window.statusBar().currentMessage() == "Opening the content pack…"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Edit", "&Present", "&View", "&Help"]
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert not window.loading
    assert window.windowTitle().startswith("Azerbaijan")
    assert window.map.isVisible() and window.timeline.isVisible()
    assert window.statusBar().currentMessage() == ""
    total = len(window.state.pack.events)
    assert window.counts.text().startswith(f"{total} of {total} events")


def test_a_window_built_in_steps_is_laid_out_like_one_built_at_once(qtbot) -> None:
    """Docks added to a window already on screen used to ignore their default sizes."""
    at_once = MainWindow(load_pack(), watch=False, remember_layout=False)
    qtbot.addWidget(at_once)
    at_once.show()
    stepped = _starting_window(qtbot)
    with qtbot.waitSignal(stepped.loaded, timeout=10_000):
        pass
    docks = ("filter_dock", "events_dock", "details_dock")
    # Laid out on the next turns of the loop: wait for that, not for a fixed time.
    qtbot.waitUntil(lambda: all(getattr(stepped, name).geometry()
                                == getattr(at_once, name).geometry() for name in docks))
    assert stepped.split.sizes() == at_once.split.sizes()
    # The map opens on the pack's default view (the South Caucasus), fitted to the
    # size it has in the window, not to the size it was created at.
    shown = stepped.map.mapToScene(stepped.map.viewport().rect()).boundingRect()
    baku = stepped.map.mapFromScene(stepped.map._markers["baku"].pos())
    assert stepped.map.viewport().rect().contains(baku)
    assert shown.width() < 60, "the map opened zoomed out, not on the default view"


def test_a_menu_action_during_start_up_finishes_it_first(qtbot) -> None:
    window = _starting_window(qtbot)
    assert window.loading
    fit = next(a for a in window.view_menu.actions() if a.text() == "Map: Fit to Content")
    fit.trigger()
    assert not window.loading
    assert window.map.isVisible()


def test_every_map_layer_has_its_menu_item() -> None:
    assert tuple(LAYER_TITLES) == MapView.LAYERS


def test_the_view_menu_ends_with_the_dock_toggles_and_reset_layout(qtbot) -> None:
    window = _starting_window(qtbot)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    texts = [a.text() for a in window.view_menu.actions()]
    assert texts[-6:] == ["Filters", "Events", "Details", "Deck", "Problems", "Reset Layout"]


def test_closing_while_starting_builds_nothing_more(qtbot) -> None:
    window = _starting_window(qtbot)
    window.close()
    window._start._next()  # the turn it had queued, taken now: it builds nothing
    window._start.queue()
    assert not hasattr(window, "map") and not window._start._queued
    assert window.finish_loading() is False  # a late shortcut builds nothing either
    assert not hasattr(window, "map")


def test_a_broken_pack_at_start_opens_the_window_with_its_problems(qtbot, pack_copy: Path,
                                                                   monkeypatch) -> None:
    """Never an exit: the embedded pack is shown and the problems are listed, each
    openable at its line."""
    (pack_copy / "events.yaml").write_text("events: [\n", encoding="utf-8")
    exits: list[int] = []
    monkeypatch.setattr(desktop_app.QApplication, "exit", staticmethod(exits.append))
    window = desktop_app.open_window(pack_copy)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert exits == []
    assert window.state.pack.info.title == "Azerbaijan and NATO"  # the embedded pack
    assert window.problems_dock.isVisible()
    lines = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert lines and all(line.startswith(str(pack_copy / "events.yaml")) for line in lines)
    assert "is not usable" in window.statusBar().currentMessage()


def test_a_folder_that_is_not_a_pack_is_one_line_in_the_window(qtbot, tmp_path: Path) -> None:
    window = desktop_app.open_window(tmp_path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert window.problems.count() == 1
    assert "this folder is not a content pack" in window.problems.item(0).text()


def test_a_problem_opens_its_file_at_its_line(tmp_path: Path, monkeypatch) -> None:
    from desktop.shell.problems import open_problem

    bad = tmp_path / "events.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    record = tmp_path / "opened.txt"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\necho "$@" > {record}\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("BRIEFDESK_EDITOR", f"{editor} --line {{line}} {{file}}")
    command = open_problem(f"{bad}:12:3: a mapping was expected")
    assert command == [str(editor), "--line", "12", str(bad)]
    from desktop.shell.problems import _EDITORS

    _EDITORS[-1].wait(timeout=60)  # the editor has run: no polling against a clock
    assert record.read_text().split() == ["--line", "12", str(bad)]
    assert open_problem("no location here") is None
    assert open_problem(f"{tmp_path / 'gone.yaml'}:1:1: missing") is None


def test_a_bug_in_a_step_is_said_and_nothing_more_is_built(qtbot, monkeypatch) -> None:
    def broken(self: MainWindow) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(MainWindow, "_build_timeline", broken)
    window = _starting_window(qtbot)
    with pytest.raises(RuntimeError):
        window.finish_loading()
    assert "could not finish opening" in window.statusBar().currentMessage()
    assert window.finish_loading() is False  # the panels after it are not built
    assert not hasattr(window, "filters")


def test_opening_the_app_removes_stray_temp_files_of_killed_writes(qtbot, tmp_path: Path) -> None:
    from content.fileio.atomic import TEMP_PREFIX
    from desktop.housekeeping import remember_write_folder

    folder = tmp_path / "exports"
    folder.mkdir()
    remember_write_folder(folder / "deck.pptx")
    stale = folder / f"{TEMP_PREFIX}abc.part"
    stale.write_bytes(b"half a deck")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    window = desktop_app.open_window(None)
    qtbot.addWidget(window)
    assert stale.exists(), "cleaning is housekeeping: not before the first frame"
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert not stale.exists()


FIRST_FRAME = """
import json, sys
from desktop.shell.app import make_app, open_window
app = make_app()
window = open_window(None)
app.processEvents()
from PySide6 import QtWidgets
print(json.dumps({"loading": window.loading, "modules": sorted(sys.modules),
                  "qt_classes": sorted(QtWidgets.__dict__)}))
"""


@pytest.mark.slow
def test_the_first_frame_imports_no_content_map_or_timeline(tmp_path: Path) -> None:
    """What keeps the first frame fast: none of this is imported before it is drawn."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               BRIEFDESK_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True, timeout=60)
    first = json.loads(done.stdout.splitlines()[-1])
    assert first["loading"]
    late = {"content.loader", "content.model", "content.cache", "yaml", "desktop.state",
            "desktop.map.view", "desktop.timeline.panel", "desktop.panes.filters",
            "desktop.panes.details", "desktop.panes.event_list", "slides.spec",
            # what a window's first frame once paid for and never used (3 to 17 ms each)
            "importlib.metadata", "importlib.resources", "subprocess", "html",
            "content.errors", "content.yamlhalf", "desktop.shell.problems", "shlex"}
    assert late.isdisjoint(first["modules"]), late & set(first["modules"])
    # nor are these Qt classes made (PySide6 makes a class and its enums when first
    # named: 6 ms for these dialogs' together, and the first frame shows none)
    dialogs = {"QFileDialog", "QMessageBox", "QDialogButtonBox", "QTextBrowser",
               "QTableWidget", "QDialog"}
    assert dialogs.isdisjoint(first["qt_classes"]), dialogs & set(first["qt_classes"])
