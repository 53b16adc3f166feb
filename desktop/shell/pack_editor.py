"""Curating in the window: add, edit, duplicate and delete events, with undo.

Every edit is a command on a QUndoStack holding the bytes of `events.yaml` before
and after; doing or undoing it writes those bytes atomically and shows the pack they
make (built and checked before the write, so the file on disk always loads). Undo
restores the previous file byte for byte. The file watcher's reload after our own
write finds the pack already on screen. The embedded pack ships with the app and is
never edited: the analyst is told to open or make a copy.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from content.editing import (
    EventDraft,
    PlaceDraft,
    add_event,
    add_place,
    check_edit,
    delete_event,
    free_id,
    free_place_id,
    replace_event,
)
from content.fileio.atomic import write_atomic
from content.loader import default_pack_folder, read_pack_files
from desktop.shell.record_editing import RecordEditing
from desktop.state import BriefingState

READ_ONLY = ("The embedded pack ships with the app and is not edited: open a copy "
             "(File → Open Pack…) to curate it.")


class _Edit(QUndoCommand):
    """One edit of events.yaml: the bytes before and after."""

    def __init__(self, editor: PackEditor, label: str, before: bytes, after: bytes,
                 select: str | None, name: str = "events.yaml") -> None:
        super().__init__(label)
        self.editor, self.before, self.after, self.select = editor, before, after, select
        self.name = name

    def redo(self) -> None:
        self.editor.write(self.after, self.select, self.name)

    def undo(self) -> None:
        self.editor.write(self.before, None, self.name)


class PackEditor(QObject, RecordEditing):
    """Edits the state's pack folder; `said` carries a status line for the window."""

    said = Signal(str)
    wrote = Signal(object, bytes)  # a pack file's path and the bytes the editor wrote

    def __init__(self, state: BriefingState, folder: Callable[[], Path | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._folder = folder
        self.stack = QUndoStack(self)
        self.form_opened: Callable[[QDialog], None] | None = None  # tests answer forms

    @property
    def folder(self) -> Path | None:
        """The folder edits go to (None: nothing editable is open)."""
        folder = self._folder()
        if folder is None or Path(folder).resolve() == default_pack_folder().resolve():
            return None
        return Path(folder)

    def _files(self) -> dict[str, bytes]:
        assert self.folder is not None
        return read_pack_files(self.folder)

    def problem_of(self, after: bytes, name: str = "events.yaml") -> str:
        """The first thing the loader would refuse in `after` ("" when none)."""
        assert self.folder is not None
        _, problems = check_edit(self.folder, self._files(), after, name)
        return str(problems[0]).split(": ", 1)[-1] if problems else ""

    def write(self, data: bytes, select: str | None, name: str = "events.yaml") -> None:
        """Write file `name` and show the pack it makes (checked before writing)."""
        folder = self.folder
        assert folder is not None
        pack, problems = check_edit(folder, self._files(), data, name)
        if pack is None:  # the files changed under us: refuse rather than break them
            self.said.emit(f"Not saved: {problems[0]}")
            return
        self.wrote.emit(folder / name, data)  # before the write: the watcher knows it
        write_atomic(folder / name, data, own_pack=True)
        self.state.set_pack(pack)
        if select is not None and name == "events.yaml":
            self.state.select_event(select)
        elif select is not None:
            self.state.select_place(select)

    def _apply(self, label: str, after: bytes, select: str | None,
               name: str = "events.yaml") -> None:
        assert self.folder is not None
        before = (self.folder / name).read_bytes()
        self.stack.push(_Edit(self, label, before, after, select, name))
        self.said.emit(f"{label} — saved to {self.folder / name} (Ctrl+Z undoes)")

    def new_place(self, parent: QWidget | None = None,
                  at: tuple[float, float] | None = None) -> None:
        """Edit → New Place…: found in the gazetteer or typed; or right-clicked on the
        map (`at`: latitude, longitude)."""
        from desktop.panes.place_form import PlaceForm

        if not self.editable():
            return
        data = (self.folder / "places.yaml").read_bytes()  # type: ignore[operator]
        pack = self.state.pack

        def check(draft: PlaceDraft) -> str:
            named = dataclasses.replace(draft, id=free_place_id(pack, draft.name))
            return self.problem_of(add_place(data, named), "places.yaml")

        lat, lon = at if at is not None else (40.0, 48.0)
        form = PlaceForm(PlaceDraft("", "", round(lat, 4), round(lon, 4),
                                    "site" if at else "city"), check, parent)
        accepted = self._answered(form)
        if accepted:
            draft = form.draft
            draft.id = free_place_id(pack, draft.name)
            self._apply(f"Add place “{draft.name}”", add_place(data, draft), draft.id,
                        "places.yaml")

    def _form(self, draft: EventDraft, title: str, build: Callable[[bytes, EventDraft], bytes],
              parent: QWidget | None) -> EventDraft | None:
        from desktop.panes.event_form import EventForm

        data = (self.folder / "events.yaml").read_bytes()  # type: ignore[operator]
        form = EventForm(self.state.pack, draft,
                         lambda d: self.problem_of(build(data, d)), title, parent)
        return form.draft if self._answered(form) else None

    def _answered(self, dialog: QDialog) -> bool:
        """Whether the dialog was accepted: shown modally, or handed to `form_opened`
        (tests answer it there and leave it accepted or rejected)."""
        if self.form_opened is not None:
            self.form_opened(dialog)
            return dialog.result() == QDialog.DialogCode.Accepted
        return dialog.exec() == QDialog.DialogCode.Accepted

    def editable(self) -> bool:
        """Whether edits can be made; says why not."""
        if self.folder is None:
            self.said.emit(READ_ONLY)
            return False
        return True

    def new_event(self, parent: QWidget | None = None) -> None:
        """Edit → New Event…"""
        if not self.editable():
            return
        pack = self.state.pack
        section = sorted(self.state.filter.sections or {s.id for s in pack.sections[:1]})
        draft = EventDraft(free_id(pack, "new-event"), pack.info.as_of.iso(), "", "",
                           section[:1], [])
        done = self._form(draft, "New Event", add_event, parent)
        if done is not None:
            done.id = free_id(pack, done.title or "event")
            self._apply(f"Add “{done.title}”", add_event(self._bytes(), done), done.id)

    def edit_event(self, parent: QWidget | None = None) -> None:
        """Edit → Edit Event… (the selected one)."""
        event = self.state.selected_event
        if event is None:
            self.said.emit("Select an event to edit")
            return
        if not self.editable():
            return
        done = self._form(EventDraft.of(event), f"Edit “{event.title}”",
                          lambda data, d: replace_event(data, event.id, d), parent)
        if done is not None:
            self._apply(f"Edit “{done.title}”", replace_event(self._bytes(), event.id, done),
                        event.id)

    def duplicate_event(self) -> None:
        """Edit → Duplicate Event: a copy with a new id, for the analyst to change."""
        event = self.state.selected_event
        if event is None or not self.editable():
            return
        draft = EventDraft.of(event)
        draft.id = free_id(self.state.pack, event.id)
        self._apply(f"Duplicate “{event.title}”", add_event(self._bytes(), draft), draft.id)

    def delete_event(self) -> None:
        """Edit → Delete Event (undoable)."""
        event = self.state.selected_event
        if event is None or not self.editable():
            return
        after = delete_event(self._bytes(), event.id)
        problem = self.problem_of(after)
        if problem:
            self.said.emit(f"Not deleted: {problem}")
            return
        self._apply(f"Delete “{event.title}”", after, None)

    def import_events(self, path: Path, parent: QWidget | None = None) -> None:
        """File → Import Events…: the mapping step, then one undoable edit."""
        from content.importing import plan_import
        from desktop.panes.import_dialog import ImportDialog

        if not self.editable():
            return
        folder = self.folder
        assert folder is not None
        dialog = ImportDialog(
            self.state.pack, path,
            lambda section, source, skip, mapping: plan_import(
                self.state.pack, folder, path, section, source, skip, mapping), parent)
        accepted = self._answered(dialog)
        result = dialog.result_
        if accepted and result is not None and result.events_yaml:
            self._apply(f"Import {result.count} event(s) from {path.name}",
                        result.events_yaml, None)

    def _record(self, name: str, title: str, make: Callable[[bytes, dict], bytes | None],
                form_args: dict, label: Callable[[dict], str],
                select: Callable[[dict], str | None] = lambda _: None,
                parent: QWidget | None = None) -> None:
        """A record form for file `name`: `make(bytes, values)` is the file with the
        record (None: the values are not yet a record), checked as the analyst types."""
        from desktop.panes.record_form import RecordForm

        if not self.editable():
            return
        data = (self.folder / name).read_bytes()  # type: ignore[operator]

        def check(values: dict) -> str:
            after = make(data, values)
            return "Fill in the fields" if after is None else self.problem_of(after, name)

        form = RecordForm(title, parent=parent, check=check, **form_args)
        accepted = self._answered(form)
        if accepted:
            after = make(data, form.values)
            if after is not None:
                self._apply(label(form.values), after, select(form.values), name)

    def _bytes(self) -> bytes:
        return (self.folder / "events.yaml").read_bytes()  # type: ignore[operator]
