"""The Edit menu's curation entries: each reaches the editor's own method, once."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

ENTRIES = {
    "New Event…": ("editor", "new_event"), "Edit Event…": ("editor", "edit_event"),
    "Duplicate Event": ("editor", "duplicate_event"), "Delete Event": ("editor", "delete_event"),
    "New Place…": ("editor", "new_place"), "New Actor…": ("records", "new_actor"),
    "New Source…": ("records", "new_source"), "New Section…": ("records", "new_section"),
    "New Key Point…": ("records", "new_key_point"),
    "Edit Actor…": ("records", "change_record"), "Delete Source…": ("records", "change_record"),
    "Edit Key Point…": ("records", "change_key_point"),
    "Delete Key Point…": ("records", "change_key_point"),
}


def _edit_actions(window) -> dict[str, QAction]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    found: dict[str, QAction] = {}
    for action in menu.actions():
        for inner in (action.menu().actions() if action.menu() else [action]):
            found[inner.text().replace("&", "")] = inner
    return found


@pytest.mark.parametrize("text", sorted(ENTRIES))
def test_each_edit_entry_runs_what_it_says(window, monkeypatch, text: str) -> None:
    owner_name, method = ENTRIES[text]
    editor = window.editor
    owner = editor if owner_name == "editor" else editor.records
    calls: list[tuple] = []
    monkeypatch.setattr(owner, method, lambda *a, **k: calls.append((a, k)))
    _edit_actions(window)[text].trigger()
    assert len(calls) == 1
    if method.startswith("change_"):
        assert calls[0][1].get("delete") is text.startswith("Delete")
    if method == "change_record":
        assert calls[0][0][0] == text.split()[1].rstrip("…").casefold()  # the kind named


def test_undo_and_redo_drive_the_editors_stack(window, monkeypatch) -> None:
    stack = window.editor.stack
    said: list[str] = []
    monkeypatch.setattr(stack, "undo", lambda: said.append("undo"))
    monkeypatch.setattr(stack, "redo", lambda: said.append("redo"))
    actions = _edit_actions(window)
    actions["Undo"].trigger()
    actions["Redo"].trigger()
    assert said == ["undo", "redo"]
