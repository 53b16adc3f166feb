"""What the Edit menu offers for curating, each a named method on the pack editor.

The shell adds these actions to its menus (`fill_edit_menu`, `import_action`); no
action names what it runs by a string.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.keys import MakeAction

if TYPE_CHECKING:
    from desktop.curate.editor import PackEditor

RECORD_KINDS = ("place", "actor", "source", "section", "key point")


class CurationActions:
    """New, edit, duplicate, delete, import, undo and redo, on the window's editor
    (made at the first edit); forms open over `parent`."""

    def __init__(self, editor: Callable[[], PackEditor], parent: QWidget) -> None:
        self._editor = editor
        self.parent = parent

    @property
    def editor(self) -> PackEditor:
        """The pack editor the actions drive."""
        return self._editor()

    def undo(self) -> None:
        """Edit → Undo: the last edit of the pack's files."""
        self.editor.stack.undo()

    def redo(self) -> None:
        """Edit → Redo."""
        self.editor.stack.redo()

    def new_event(self) -> None:
        """Edit → New Event…"""
        self.editor.new_event(self.parent)

    def edit_event(self) -> None:
        """Edit → Edit Event… (the selected one)."""
        self.editor.edit_event(self.parent)

    def duplicate_event(self) -> None:
        """Edit → Duplicate Event (the selected one)."""
        self.editor.duplicate_event()

    def delete_event(self) -> None:
        """Edit → Delete Event (the selected one)."""
        self.editor.delete_event()

    def new_place(self) -> None:
        """Edit → New Place…"""
        self.editor.new_place(self.parent)

    def new_record(self, kind: str) -> None:
        """Edit → New Actor…, Source…, Section… or Key Point…"""
        records = self.editor.records
        {"actor": records.new_actor, "source": records.new_source,
         "section": records.new_section, "key point": records.new_key_point,
         "place": lambda parent: self.editor.new_place(parent)}[kind](self.parent)

    def change(self, kind: str, delete: bool = False) -> None:
        """Edit → Change or Delete → Edit KIND… (or Delete KIND… with `delete`)."""
        records = self.editor.records
        if kind == "key point":
            records.change_key_point(delete=delete, parent=self.parent)
        else:
            records.change_record(kind, delete=delete, parent=self.parent)

    def remove(self, kind: str) -> None:
        """Edit → Change or Delete → Delete KIND…"""
        self.change(kind, delete=True)

    def import_events(self) -> None:
        """File → Import Events…: a CSV, spreadsheet or TimelineJS file, mapped and
        checked in the import dialog."""
        from PySide6.QtWidgets import QFileDialog

        if not self.editor.editable():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.parent, "Import Events", "", "Events (*.csv *.xlsx *.json);;All files (*)")
        if name:
            self.editor.import_events(Path(name), self.parent)

    # -- menus ----------------------------------------------------------------
    def fill_edit_menu(self, menu: QMenu, act: MakeAction) -> None:
        """Undo, Redo, the event actions, New KIND… and the Change or Delete menu."""
        menu.addAction(act("&Undo", self.undo, QKeySequence.StandardKey.Undo))
        menu.addAction(act("&Redo", self.redo, QKeySequence.StandardKey.Redo))
        menu.addSeparator()
        menu.addAction(act("&New Event…", self.new_event, "Ctrl+N"))
        menu.addAction(act("&Edit Event…", self.edit_event, "F2"))
        menu.addAction(act("D&uplicate Event", self.duplicate_event, "Ctrl+D"))
        menu.addAction(act("De&lete Event", self.delete_event, "Ctrl+Del"))
        menu.addAction(act("New &Place…", self.new_place, "Ctrl+Shift+P"))
        for kind in RECORD_KINDS[1:]:
            menu.addAction(act(f"New {kind.title()}…", lambda k=kind: self.new_record(k)))
        records = menu.addMenu("Change or Delete")
        for kind in RECORD_KINDS:
            records.addAction(act(f"Edit {kind.title()}…", lambda k=kind: self.change(k)))
            records.addAction(act(f"Delete {kind.title()}…", lambda k=kind: self.remove(k)))

    def import_action(self, act: MakeAction) -> QAction:
        """File → Import Events…"""
        return act("&Import Events…", self.import_events, "Ctrl+I")
