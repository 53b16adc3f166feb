"""Curating in the window: an event form that checks as you type, edits written
back with every other byte kept, and undo that restores the file exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from content.loader import load_pack
from desktop.curate.editor import READ_ONLY
from desktop.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, pack_copy: Path):
    win = MainWindow(load_pack(pack_copy), pack_copy, watch=False, remember_layout=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def events_file(window) -> Path:
    return Path(window.folder) / "events.yaml"


def test_editing_an_event_writes_only_it_and_undo_restores_the_file(window, qtbot) -> None:
    before = events_file(window).read_bytes()
    window.state.select_event("kabul-airlift")

    def answer(form) -> None:
        form.title_edit.selectAll()
        qtbot.keyClicks(form.title_edit, "Kabul airlift, August 2021")
        form.validate()
        form.accept()

    window.editor.form_opened = answer
    window.curation.edit_event()
    after = events_file(window).read_bytes()
    assert b'title: "Kabul airlift, August 2021"' in after
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert all(b"kabul" in line.lower() or line.startswith(b"    ") for line in changed)
    assert len(changed) <= 8  # the one event's block, nothing else
    assert window.state.selected_event.title == "Kabul airlift, August 2021"
    assert load_pack(Path(window.folder), use_cache=False).event(
        "kabul-airlift").title == "Kabul airlift, August 2021"
    window.curation.undo()
    assert events_file(window).read_bytes() == before
    assert window.state.pack.event("kabul-airlift").title == "Kabul airlift"
    window.curation.redo()
    assert events_file(window).read_bytes() == after


def test_the_form_says_what_is_wrong_and_will_not_save_it(window, qtbot, tmp_path) -> None:
    before = events_file(window).read_bytes()
    window.state.select_event("kabul-airlift")
    seen = {}

    def answer(form) -> None:
        form.date.selectAll()
        qtbot.keyClicks(form.date, "2021-02-30")
        qtbot.waitUntil(lambda: form.problem.text() != "", timeout=20_000)
        seen["problem"] = form.problem.text()
        seen["save"] = form.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        form.grab().save(str(tmp_path / "form.png"))
        form.accept()  # refused: still invalid

    window.editor.form_opened = answer
    window.curation.edit_event()
    assert "does not exist" in seen["problem"] and seen["save"] is False
    assert events_file(window).read_bytes() == before


def test_new_duplicate_and_delete_are_undoable(window, qtbot) -> None:
    original = events_file(window).read_bytes()
    count = len(window.state.pack.events)

    def answer(form) -> None:
        qtbot.keyClicks(form.title_edit, "Ambassadors meet in Baku")
        qtbot.keyClicks(form.summary, "The two ambassadors meet the press in Baku.")
        form.date.selectAll()
        qtbot.keyClicks(form.date, "2026-01-20")
        form.sources.item(0, 0).setCheckState(Qt.CheckState.Checked)
        form.validate()
        form.accept()

    window.editor.form_opened = answer
    window.curation.new_event()
    assert len(window.state.pack.events) == count + 1
    new = next(e for e in window.state.pack.events if e.title == "Ambassadors meet in Baku")
    assert window.state.selected_event.id == new.id
    window.curation.duplicate_event()
    assert len(window.state.pack.events) == count + 2
    window.curation.delete_event()
    assert len(window.state.pack.events) == count + 1
    for _ in range(3):
        window.curation.undo()
    assert events_file(window).read_bytes() == original


def test_the_embedded_pack_is_not_edited(qtbot, state) -> None:
    win = MainWindow(state.pack, watch=False, remember_layout=False)
    qtbot.addWidget(win)
    said: list[str] = []
    win.editor.said.connect(said.append)
    win.state.select_event("kabul-airlift")
    win.curation.delete_event()
    assert said == [READ_ONLY]


def test_new_pack_opens_and_is_remembered(qtbot, state, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.shell.recent import recent_packs

    win = MainWindow(state.pack, watch=False, remember_layout=False)
    qtbot.addWidget(win)
    target = tmp_path / "ministerial-prep"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(win.packOpened, timeout=10_000):
        win.packs.new_pack_dialog()
    assert win.state.pack.info.title == "Ministerial prep"
    assert recent_packs()[0] == target.resolve()
    win.menus.recent_menu.aboutToShow.emit()
    assert str(target.resolve()) in [a.text() for a in win.menus.recent_menu.actions()]


def test_a_place_is_found_in_the_gazetteer_and_added(window, qtbot) -> None:
    places = Path(window.folder) / "places.yaml"
    before = places.read_bytes()

    def answer(form) -> None:
        qtbot.keyClicks(form.finder, "Ganja")
        assert form.matches.count() >= 1
        form.pick(form.matches.item(0))
        assert form.country.text() == "031" and abs(form.lat.value() - 40.68) < 0.05
        form.accept()

    window.editor.form_opened = answer
    window.curation.new_place()
    after = places.read_bytes()
    assert after.startswith(before)  # every existing byte kept; the place appended
    assert window.state.pack.places["ganja"].name == "Ganja"
    assert window.state.selected_place == "ganja"
    window.curation.undo()
    assert places.read_bytes() == before and "ganja" not in window.state.pack.places


def test_importing_in_the_window_maps_columns_and_is_undoable(window, qtbot,
                                                              tmp_path: Path) -> None:
    sheet = tmp_path / "our-log.csv"
    sheet.write_text("When,Event,Details\n2026-01-14,Ambassadors brief the press,"
                     "They brief the press in Baku.\n2026-02-30,Bad,Day\n", encoding="utf-8")
    events = Path(window.folder) / "events.yaml"
    before = events.read_bytes()
    seen = {}

    def answer(dialog) -> None:
        seen["unmapped"] = dialog.summary.text()
        for combo, field in zip(dialog.combos, ("date", "title", "summary"), strict=True):
            combo.setCurrentText(field)
        dialog.section.setCurrentIndex(dialog.section.findData("dialogue"))
        dialog.source.setCurrentIndex(dialog.source.findData("report-2025-12-15"))
        seen["mapped"] = [dialog.problems.item(i).text()
                          for i in range(dialog.problems.count())]
        dialog.skip.setChecked(True)
        seen["ready"] = dialog.summary.text()
        dialog.grab().save(str(tmp_path / "import.png"))
        dialog.accept()

    window.editor.form_opened = answer
    window.editor.import_events(sheet, window)
    assert seen["unmapped"].startswith("Nothing to import yet")
    assert any(":3:1: date:" in line for line in seen["mapped"])  # the bad row, located
    assert seen["ready"] == "1 event(s) will be added, 1 row(s) skipped."
    assert any(e.title == "Ambassadors brief the press" for e in window.state.pack.events)
    window.curation.undo()
    assert events.read_bytes() == before


def test_actors_sources_sections_and_key_points_are_added_checked_and_undoable(
        window, qtbot) -> None:
    folder = Path(window.folder)
    originals = {n: (folder / n).read_bytes() for n in ("actors.yaml", "sources.yaml",
                                                        "sections.yaml")}

    def fill(values: dict):
        def answer(form) -> None:
            for key, text in values.items():
                if key in form.edits:
                    qtbot.keyClicks(form.edits[key], text)
            if form.checks is not None:
                form.checks[1].item(0).setCheckState(Qt.CheckState.Checked)
            if form.choice is not None:
                form.choice[1].setCurrentIndex(form.choice[1].findData("energy"))
            form.validate()
            form.accept()
        return answer

    window.editor.form_opened = fill({"name": "Elcin Gasymov Jr", "role": "Attache",
                                      "affiliation": "Slovakia"})
    window.curation.new_record("actor")
    assert any(a.name == "Elcin Gasymov Jr" for a in window.state.pack.actors.values())
    window.editor.form_opened = fill({"outlet": "APA", "title": "A new interview",
                                      "date": "2026-01-12"})
    window.curation.new_record("source")
    assert any(s.title == "A new interview" for s in window.state.pack.sources.values())
    window.editor.form_opened = fill({"title": "Energy transit", "summary": "Its point."})
    window.curation.new_record("section")
    assert any(s.title == "Energy transit" for s in window.state.pack.sections)
    window.editor.form_opened = fill({"text": "A new point, in our words."})
    window.curation.new_record("key point")
    assert window.state.pack.section("energy").key_points[-1].text == \
        "A new point, in our words."

    refused = {}

    def bad_date(form) -> None:
        qtbot.keyClicks(form.edits["outlet"], "APA")
        qtbot.keyClicks(form.edits["title"], "T")
        qtbot.keyClicks(form.edits["date"], "2026-02-30")
        refused["problem"] = form.validate()
        form.accept()

    window.editor.form_opened = bad_date
    window.curation.new_record("source")
    assert "does not exist" in refused["problem"]
    for _ in range(4):
        window.curation.undo()
    assert {n: (folder / n).read_bytes() for n in originals} == originals


def test_a_place_is_picked_on_the_map_by_right_click(window, qtbot) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    view = window.map
    view.fit_default()
    baku = view.mapFromScene(view.marker("baku").pos())
    seen = {}

    def answer(form) -> None:
        seen["at"] = (form.lat.value(), form.lon.value())
        qtbot.keyClicks(form.name, "Baku port")
        form.accept()

    window.editor.form_opened = answer
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, baku,
                              view.viewport().mapToGlobal(baku))
    QApplication.sendEvent(view.viewport(), event)
    action = view.context_menu.actions()[0]
    assert action.text().startswith("New Place Here… (40.")
    action.trigger()
    lat, lon = seen["at"]
    assert abs(lat - 40.41) < 0.3 and abs(lon - 49.87) < 0.3  # where Baku is
    assert window.state.pack.places["baku-port"].name == "Baku port"


def test_records_are_changed_and_a_cited_one_cannot_be_deleted(window, qtbot) -> None:
    folder = Path(window.folder)
    before = {n: (folder / n).read_bytes() for n in ("actors.yaml", "sections.yaml",
                                                     "places.yaml")}
    seen = {}

    def change_actor(form) -> None:
        form.choice[1].setCurrentIndex(form.choice[1].findData("mark-rutte"))
        assert form.edits["name"].text() == "Mark Rutte"  # the record fills the form
        form.edits["role"].setText("NATO Secretary General")
        form.accept()

    window.editor.form_opened = change_actor
    window.curation.change("actor")
    assert window.state.pack.actors["mark-rutte"].role == "NATO Secretary General"

    def change_section(form) -> None:
        form.choice[1].setCurrentIndex(form.choice[1].findData("energy"))
        form.edits["summary"].setText("Gas, and the infrastructure behind it.")
        form.accept()

    window.editor.form_opened = change_section
    window.curation.change("section")
    energy = window.state.pack.section("energy")
    assert energy.summary == "Gas, and the infrastructure behind it."
    assert len(energy.key_points) == 2  # its key points untouched

    def delete_cited(form) -> None:
        form.choice[1].setCurrentIndex(form.choice[1].findData("baku"))
        seen["problem"] = form.validate()
        form.accept()

    window.editor.form_opened = delete_cited
    window.curation.remove("place")
    assert "baku" in seen["problem"] and "baku" in window.state.pack.places
    for _ in range(2):
        window.curation.undo()
    assert {n: (folder / n).read_bytes() for n in before} == before


def test_the_watcher_does_not_reload_our_own_writes(qtbot, pack_copy: Path) -> None:
    win = MainWindow(load_pack(pack_copy), pack_copy, watch=True, remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.watcher is not None, timeout=20_000)
    reloads: list[int] = []
    win.watcher.started.connect(lambda: reloads.append(1))
    win.state.select_event("kabul-airlift")
    win.curation.duplicate_event()
    events = pack_copy / "events.yaml"
    # The change notices the system sends for our own write, delivered now rather
    # than waited for: none of them starts a reload, nor one put off for later.
    for path in (events, pack_copy):
        win.watcher._changed(str(path))
    assert reloads == [] and not win.watcher.timer.isActive()  # our edit, already on screen
    # Someone else's edit is reloaded as ever.
    events.write_text(events.read_text(encoding="utf-8").replace(
        "title: Kabul airlift\n", "title: Kabul airlift (outside)\n"), encoding="utf-8")
    qtbot.waitUntil(lambda: reloads != [], timeout=20_000)
    qtbot.waitUntil(lambda: win.state.pack.event("kabul-airlift").title
                    == "Kabul airlift (outside)", timeout=5000)


def test_a_key_point_is_changed_with_its_quotes_kept_and_deleted(window, qtbot) -> None:
    sections = Path(window.folder) / "sections.yaml"
    before = sections.read_bytes()

    def change(form) -> None:
        form.choice[1].setCurrentIndex(form.choice[1].findData("history#4"))
        assert form.edits["text"].text().startswith("At NATO Headquarters")
        form.edits["text"].setText(form.edits["text"].text().replace(
            "At NATO Headquarters", "At NATO HQ"))
        form.accept()

    window.editor.form_opened = change
    window.curation.change("key point")
    point = window.state.pack.section("history").key_points[4]
    assert point.text.startswith("At NATO HQ") and len(point.quotes) == 2
    changed = [line for line in sections.read_bytes().splitlines()
               if line not in before.splitlines()]
    assert len(changed) == 1  # the one line of its words

    def delete(form) -> None:
        form.choice[1].setCurrentIndex(form.choice[1].findData("energy#0"))
        form.accept()

    window.editor.form_opened = delete
    count = len(window.state.pack.section("energy").key_points)
    window.curation.remove("key point")
    assert len(window.state.pack.section("energy").key_points) == count - 1
    window.curation.undo()
    window.curation.undo()
    assert sections.read_bytes() == before


def test_each_cited_source_gets_its_own_grade(window, qtbot) -> None:
    window.state.select_event("kabul-airlift")

    def answer(form) -> None:
        rows = [r for r in range(form.sources.rowCount())
                if form.sources.item(r, 0).checkState() == Qt.CheckState.Checked]
        assert len(rows) == 2  # Caspian Post and the Jamestown article
        form.grades[rows[0]].setCurrentText("B2")
        form.grades[rows[1]].setCurrentText("C3")
        form.validate()
        form.accept()

    window.editor.form_opened = answer
    window.curation.edit_event()
    grades = sorted(c.grade for c in window.state.pack.event("kabul-airlift").citations)
    assert grades == ["B2", "C3"]
