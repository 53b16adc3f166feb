"""The main window: live reload keeps good content, layout is remembered, snapshots work."""

from __future__ import annotations

from pathlib import Path

from content.loader import load_pack
from desktop.shell.main_window import MainWindow
from desktop.shell.snapshot import snapshot


def test_a_broken_edit_shows_problems_and_keeps_the_content(pack_copy: Path, qtbot) -> None:
    window = MainWindow(load_pack(pack_copy), pack_copy)
    qtbot.addWidget(window)
    before = len(window.state.pack.events)
    events = pack_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("date: 2024-03\n",
                                                                 "date: 2024-02-30\n"))
    with qtbot.waitSignal(window.watcher.failed, timeout=20_000):
        pass
    assert not window.problems_dock.isHidden()
    assert "2024-02-30" in window.problems.item(0).text()
    assert len(window.state.pack.events) == before
    events.write_text(events.read_text(encoding="utf-8").replace("2024-02-30", "2024-03")
                      .replace("title: Kabul airlift", "title: Kabul airlift (edited)"))
    with qtbot.waitSignal(window.watcher.reloaded, timeout=20_000):
        pass
    assert window.state.pack.event("kabul-airlift").title == "Kabul airlift (edited)"
    assert window.problems_dock.isHidden()


def test_watching_survives_the_folder_moving_away_and_back(pack_copy: Path, qtbot) -> None:
    window = MainWindow(load_pack(pack_copy), pack_copy)
    qtbot.addWidget(window)
    title = window.state.pack.info.title
    away = pack_copy.with_name("moved-away")
    with qtbot.waitSignal(window.watcher.gone, timeout=20_000):
        pack_copy.rename(away)
    assert "is gone" in window.statusBar().currentMessage()
    assert window.state.pack.info.title == title  # the last content stays on screen
    info = away / "pack.yaml"
    info.write_text(info.read_text(encoding="utf-8").replace(f"title: {title}",
                                                            "title: Back again"))
    with qtbot.waitSignal(window.watcher.reloaded, timeout=20_000):
        away.rename(pack_copy)
    assert window.state.pack.info.title == "Back again"
    pack_file = pack_copy / "pack.yaml"  # and edits are seen again after the return
    pack_file.write_text(pack_file.read_text(encoding="utf-8").replace("title: Back again",
                                                                      "title: Edited"))
    with qtbot.waitSignal(window.watcher.reloaded, timeout=20_000):
        pass
    assert window.state.pack.info.title == "Edited"


def test_layout_is_remembered(qtbot) -> None:
    first = MainWindow(load_pack(), watch=False)
    qtbot.addWidget(first)
    first.details_dock.hide()
    first.save_layout()
    second = MainWindow(load_pack(), watch=False)
    qtbot.addWidget(second)
    assert second.details_dock.isHidden()


def test_snapshots_render_each_view(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QImage

    for kind in ("map", "timeline", "window"):
        out = tmp_path / f"{kind}.png"
        snapshot(kind, out, (800, 500))
        image = QImage(str(out))
        assert (image.width(), image.height()) == (800, 500)
        colours = {image.pixel(x, y) for x in range(0, 800, 37) for y in range(0, 500, 23)}
        assert len(colours) > 5, f"{kind} snapshot looks blank"


def test_a_dark_palette_repaints_map_and_timeline(qtbot, qapp) -> None:
    from PySide6.QtGui import QColor, QPalette

    window = MainWindow(load_pack(), watch=False, remember_layout=False)
    qtbot.addWidget(window)
    light_sea = window.map.scene().backgroundBrush().color()
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: window.map.theme.dark, timeout=20_000)
        assert window.map.scene().backgroundBrush().color() != light_sea
        assert window.timeline.view.theme.dark
    finally:
        qapp.setPalette(original)


def test_pdf_from_the_file_menu(qtbot, tmp_path: Path, monkeypatch) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QFileDialog

    from desktop.shell import exports

    window = MainWindow(load_pack(), watch=False, remember_layout=False)
    qtbot.addWidget(window)
    target = tmp_path / "handout.pdf"
    asked: list[str] = []

    def answer(parent, caption, start, filters):
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    offered: list[Path] = []
    monkeypatch.setattr(exports, "offer_open", lambda parent, title, path, *a: offered.append(
        path))
    window.deck_actions.export_pdf(notes=False)
    assert target.read_bytes().startswith(b"%PDF")
    assert offered == [target]  # Open PDF / Open Folder, as after a .pptx export
    first = Path(asked[0]).name  # the deck's title, dated, nothing a system refuses
    assert first.endswith(f" {dt.date.today().isoformat()}.pdf") and ":" not in first
    window.deck_actions.export_pdf(notes=True)
    assert Path(asked[1]).parent == tmp_path  # the next dialog opens where this one went
    assert Path(asked[1]).name.endswith(f"notes {dt.date.today().isoformat()}.pdf")


def test_open_pack_shows_another_pack_or_keeps_the_current_one(qtbot, pack_copy: Path,
                                                                tmp_path: Path) -> None:
    window = MainWindow(load_pack(), watch=False, remember_layout=False)
    qtbot.addWidget(window)
    meta = pack_copy / "pack.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "title: Azerbaijan and NATO", "title: Another pack"), encoding="utf-8")
    with qtbot.waitSignal(window.packOpened, timeout=10_000):
        window.session.open(pack_copy)
    assert window.windowTitle() == "Another pack — Briefing Desk"
    assert window.folder == pack_copy and window.watcher is not None

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pack.yaml").write_text("title: [\n", encoding="utf-8")
    changes: list[int] = []
    window.state.packChanged.connect(lambda *_: changes.append(1))
    window.session.open(broken)
    qtbot.waitUntil(lambda: not window.problems_dock.isHidden(), timeout=10_000)
    problems = [window.problems.item(i).text() for i in range(window.problems.count())]
    assert any(str(broken) in p and "missing" in p for p in problems), problems
    assert changes == []
    assert window.windowTitle() == "Another pack — Briefing Desk"
    assert window.folder == pack_copy


def test_edits_made_while_a_reload_runs_are_not_lost(qtbot, pack_copy: Path) -> None:
    window = MainWindow(load_pack(pack_copy), pack_copy)
    qtbot.addWidget(window)
    events = pack_copy / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("title: Kabul airlift", "title: Kabul airlift (1)"))
    window.watcher.reload()
    events.write_text(text.replace("title: Kabul airlift", "title: Kabul airlift (2)"))
    window.watcher.reload()  # while the first runs: one more load follows it
    qtbot.waitUntil(lambda: window.state.pack.event("kabul-airlift").title
                    == "Kabul airlift (2)", timeout=10_000)
    qtbot.waitUntil(lambda: window.watcher.loading is None, timeout=10_000)


def test_the_problems_dock_is_as_tall_as_its_lines(qtbot) -> None:
    from content.errors import Problem

    window = MainWindow(load_pack(), watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.packs.show_problems([Problem("events.yaml", 12, 9, "date 2026-02-30 does not exist"),
                          Problem("places.yaml", 3, 1, 'unknown field "lat_"')])
    row = window.problems.sizeHintForRow(0)
    qtbot.waitUntil(lambda: window.problems_dock.height() < 8 * row, timeout=20_000)
    assert window.problems.viewport().height() >= 2 * row  # both lines readable


def test_a_pack_that_would_not_open_opens_once_its_file_is_fixed(pack_copy: Path,
                                                                 qtbot) -> None:
    """File → Open Pack… on a broken pack lists its problems and keeps the content on
    screen; fixing the file used to change nothing until Ctrl+R: now the pack opens
    as soon as the fix is saved, and the status line says it will."""
    window = MainWindow(load_pack(), watch=True, remember_layout=False)
    qtbot.addWidget(window)
    events = pack_copy / "events.yaml"
    good = events.read_text(encoding="utf-8")
    events.write_text(good.replace("date: 2024-03\n", "date: 2024-02-30\n"),
                      encoding="utf-8")
    with qtbot.waitSignal(window.session.problems, timeout=20_000):
        window.session.open(pack_copy)
    qtbot.waitUntil(lambda: "opens as soon as it is saved" in window.statusBar().currentMessage())
    assert window.folder != pack_copy
    with qtbot.waitSignal(window.packOpened, timeout=20_000):
        events.write_text(good.replace("title: Kabul airlift", "title: Kabul airlift (fixed)"),
                          encoding="utf-8")
    assert window.folder == pack_copy
    assert window.state.pack.event("kabul-airlift").title == "Kabul airlift (fixed)"
