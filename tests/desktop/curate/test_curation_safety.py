"""Curating never overwrites what it did not write: undo and forms after a change on
disk, read-only files and folders, symlinked pack files (issue 24, findings 3, 8, 9
and 17)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from content.loader import load_pack
from desktop.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, pack_copy: Path):
    win = MainWindow(load_pack(pack_copy, use_cache=False), pack_copy, watch=False,
                     remember_layout=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def said(window) -> list[str]:
    messages: list[str] = []
    window.editor.said.connect(messages.append)
    return messages


def outside_edit(path: Path, old: bytes, new: bytes) -> bytes:
    """Someone else's change to `path` (an editor, `git pull`)."""
    data = path.read_bytes()
    assert old in data
    changed = data.replace(old, new, 1)
    path.write_bytes(changed)
    return changed


def test_undo_after_a_change_on_disk_keeps_that_change(window) -> None:
    """Finding 3: undo silently overwrote the outside change."""
    events = Path(window.folder) / "events.yaml"
    window.state.select_event("kabul-airlift")
    window.curation.duplicate_event()
    assert window.editor.stack.count() == 1
    theirs = outside_edit(events, b"title: Kabul airlift\n", b"title: Kabul airlift (theirs)\n")
    messages = said(window)
    window.editor.stack.undo()
    assert events.read_bytes() == theirs  # their change is still there
    assert any("changed outside" in m for m in messages)
    assert window.editor.stack.count() == 0  # the stale step left the stack
    window.editor.stack.redo()
    assert events.read_bytes() == theirs


def test_a_form_saves_onto_the_file_as_it_is_when_saved(window) -> None:
    """Finding 8: a record form saved from the bytes read when it opened, losing a
    change made meanwhile."""
    actors = Path(window.folder) / "actors.yaml"

    def answer(form) -> None:
        # While the form is open, someone edits the file.
        outside_edit(actors, b"Secretary General", b"Secretary General of NATO")
        form.edits["name"].setText("A. New Envoy")
        form.edits["role"].setText("Envoy")
        form.validate()
        form.accept()

    window.editor.form_opened = answer
    window.curation.new_record("actor")
    data = actors.read_bytes()
    assert b"Secretary General of NATO" in data and b"A. New Envoy" in data


def test_a_read_only_file_says_so_and_leaves_no_undo_step(window) -> None:
    """Finding 9: a read-only events.yaml gave a traceback on stderr and an Undo entry
    for an edit that never happened."""
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")  # pragma: no cover - CI runs as root
    events = Path(window.folder) / "events.yaml"
    events.chmod(0o444)
    before = events.read_bytes()
    messages = said(window)
    window.state.select_event("kabul-airlift")
    window.curation.duplicate_event()
    assert events.read_bytes() == before
    assert window.editor.stack.count() == 0
    assert any("Not saved" in m for m in messages)


def test_a_folder_that_cannot_be_written_says_so_and_leaves_no_undo_step(
        window, monkeypatch) -> None:
    """The same for a folder that refuses the temp file (read-only, or as root a
    full or read-only disk): the write fails, the window says why, nothing is undone."""
    import desktop.curate.editor as editor_module

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(editor_module, "write_atomic", refuse)
    events = Path(window.folder) / "events.yaml"
    before = events.read_bytes()
    messages = said(window)
    window.state.select_event("kabul-airlift")
    window.curation.duplicate_event()
    assert events.read_bytes() == before and window.editor.stack.count() == 0
    assert any("Permission denied" in m for m in messages)
    assert window.state.pack.has_event("kabul-airlift-2") is False


def test_a_symlinked_pack_file_is_edited_at_its_target(window) -> None:
    """Finding 17: the link was replaced by a plain file and its target went stale."""
    folder = Path(window.folder)
    real = folder / "events-real.yaml"
    (folder / "events.yaml").rename(real)
    (folder / "events.yaml").symlink_to(real.name)
    window.state.select_event("kabul-airlift")
    window.curation.duplicate_event()
    assert (folder / "events.yaml").is_symlink()
    assert b"kabul-airlift-2" in real.read_bytes()
    window.editor.stack.undo()
    assert b"kabul-airlift-2" not in real.read_bytes()


def test_an_unreadable_import_file_is_said_in_the_window(window, tmp_path) -> None:
    """Finding 10: in the window the import dialog never opened and nothing was said."""
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    messages = said(window)
    window.editor.import_events(broken)
    assert any(m.startswith("Not imported:") and "broken.xlsx" in m for m in messages)
    assert window.editor.stack.count() == 0


def test_undo_all_then_redo_all_gives_back_each_file_byte_for_byte(window) -> None:
    """A run of edits across files, undone to the start and redone to the end: every
    file is exactly what it was at each end."""
    from content.editing import add_record, change_record, delete_event

    folder = Path(window.folder)
    names = ("events.yaml", "actors.yaml", "sources.yaml")
    start = {n: (folder / n).read_bytes() for n in names}
    editor = window.editor
    window.state.select_event("kabul-airlift")
    window.curation.duplicate_event()
    assert editor._apply("Add actor", lambda d: add_record(d, "actors.yaml", "actors", {
        "id": "new-envoy", "name": "New Envoy", "role": "Envoy"}), None, "actors.yaml",
        ("actor", "new-envoy", "add"))
    source = next(iter(window.state.pack.sources))
    assert editor._apply("Edit source", lambda d: change_record(
        d, "sources.yaml", "sources", source, {"title": "Retitled"}), None, "sources.yaml",
        ("source", source, "change"))
    assert editor._apply("Delete", lambda d: delete_event(d, "kabul-airlift-2"), None,
                         "events.yaml", ("event", "kabul-airlift-2", "delete"))
    end = {n: (folder / n).read_bytes() for n in names}
    assert end["events.yaml"] == start["events.yaml"]  # duplicated, then deleted
    while editor.stack.canUndo():
        editor.stack.undo()
    assert {n: (folder / n).read_bytes() for n in names} == start
    while editor.stack.canRedo():
        editor.stack.redo()
    assert {n: (folder / n).read_bytes() for n in names} == end
    assert editor.stack.count() == 4


def test_an_edit_that_would_touch_another_item_is_refused(window) -> None:
    """The invariant, in the window: an edit whose bytes would change more than its
    item writes nothing and says what else it would change."""
    from content.editing import delete_event

    events = Path(window.folder) / "events.yaml"
    before = events.read_bytes()
    messages = said(window)
    two = window.state.pack.events[:2]
    assert not window.editor._apply(
        "Delete", lambda d: delete_event(delete_event(d, two[0].id), two[1].id), None,
        "events.yaml", ("event", two[0].id, "delete"))
    assert events.read_bytes() == before and window.editor.stack.count() == 0
    assert any(two[1].id in m for m in messages)
