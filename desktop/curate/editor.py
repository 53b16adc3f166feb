"""Curating in the window: add, edit, duplicate and delete events, with undo.

Every edit is a command on a QUndoStack holding the bytes of one pack file before
and after. An edit is computed on the file as it is when the analyst saves (not as
it was when the form opened), checked with the loader's own rules and held to the
curation invariant (the pack after is the pack before with exactly that change,
`content.editing.check_change`) before a byte is written. Doing, undoing and redoing
compare before they swap: each writes only while the file still holds the bytes the
window last saw; after a change on disk (an external editor, `git pull`) it writes
nothing and says so, and the command leaves the stack. A write that fails (a
read-only file or folder) says why and leaves no Undo entry. A pack file that is a
symlink (within the pack folder, as the loader allows) is edited at its target.
The embedded pack ships with the app and is never edited: the analyst is told to
open or make a copy.
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
    check_change,
    check_edit,
    delete_event,
    edit_or_problem,
    free_id,
    free_place_id,
    replace_event,
)
from content.errors import ContentError, Problem
from content.fileio.atomic import write_atomic
from content.loader import build_pack, default_pack_folder, read_pack_files
from content.model import Pack
from desktop.curate.records import RecordEditor
from desktop.state import BriefingState

READ_ONLY = ("The embedded pack ships with the app and is not edited: make your own "
             "copy with File → Save a Copy of This Pack… and curate that.")
# What an edit is meant to do: the kind of item, its id (or ids, or each id's own op),
# and "add", "change" or "delete".
Intent = tuple[str, "set[str] | str | dict[str, str]", str]


def _replanned() -> bytes:
    raise ValueError("changed since the import was planned: import the file again")


class _Edit(QUndoCommand):
    """One edit of a pack file: the bytes before and after. Each way it goes only
    from the bytes it expects; otherwise it writes nothing and leaves the stack."""

    def __init__(self, editor: PackEditor, label: str, before: bytes, after: bytes,
                 select: str | None, name: str = "events.yaml",
                 checked: Pack | None = None) -> None:
        super().__init__(label)
        self.editor, self.before, self.after, self.select = editor, before, after, select
        self.name = name
        self.checked = checked  # the pack `after` makes, built just now: the first redo's
        self.done = False  # whether the last redo wrote

    def redo(self) -> None:
        checked, self.checked = self.checked, None  # later redos check afresh
        self.done = self.editor.write(self.after, self.select, self.name, self.before,
                                      checked)
        if not self.done:
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.editor.write(self.before, None, self.name, self.after):
            self.setObsolete(True)


class PackEditor(QObject):
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
        self.records = RecordEditor(self)  # actors, sources, sections, key points, places

    @property
    def folder(self) -> Path | None:
        """The folder edits go to (None: nothing editable is open)."""
        folder = self._folder()
        if folder is None or Path(folder).resolve() == default_pack_folder().resolve():
            return None
        return Path(folder)

    def _files(self) -> dict[str, bytes]:
        if self.folder is None:
            raise ContentError([])
        return read_pack_files(self.folder)

    def path_of(self, name: str) -> Path:
        """Where file `name` of the pack is written: a symlink's target (the loader
        keeps links inside the pack folder), so the link stays a link."""
        folder = self.folder
        if folder is None:
            raise ContentError([Problem("pack", 1, 1, "no pack folder is open to edit")])
        path = folder / name
        return path.resolve() if path.is_symlink() else path

    def read(self, name: str) -> bytes | None:
        """File `name` as it is now (None, and said why, when it cannot be read)."""
        try:
            return self.path_of(name).read_bytes()
        except OSError as exc:
            self.said.emit(f"Not saved: cannot read {name}: {exc.strerror or exc}")
            return None

    def problem_of(self, after: bytes | None, name: str = "events.yaml") -> str:
        """The first thing the loader would refuse in `after` ("" when none)."""
        if after is None:
            return "Fill in the fields"
        if self.folder is None:
            return READ_ONLY
        try:
            files = self._files()
        except ContentError as exc:
            return str(exc.problems[0]) if exc.problems else "the pack cannot be read"
        _, problems = check_edit(self.folder, files, after, name)
        return str(problems[0]).split(": ", 1)[-1] if problems else ""

    def write(self, data: bytes, select: str | None, name: str = "events.yaml",
              expect: bytes | None = None, checked: Pack | None = None) -> bool:
        """Write file `name` and show the pack it makes (checked before writing, unless
        `checked` is that pack, just built from these bytes) when the file still holds
        `expect`; False, and said why, when nothing was written."""
        folder = self.folder
        if folder is None:
            self.said.emit(READ_ONLY)
            return False
        path = self.path_of(name)
        if expect is not None:
            now = self.read(name)
            if now is None:
                return False
            if now != expect:
                self.said.emit(f"Not saved: {name} was changed outside Briefing Desk since "
                               "the window last read it; reload the pack (Ctrl+R) to see "
                               "that change, then make yours again")
                return False
        pack = checked
        if pack is None:
            try:
                files = self._files()
            except ContentError as exc:
                self.said.emit(f"Not saved: {exc.problems[0] if exc.problems else exc}")
                return False
            pack, problems = check_edit(folder, files, data, name)
            if pack is None:  # the files changed under us: refuse rather than break them
                self.said.emit(f"Not saved: {problems[0]}")
                return False
        self.wrote.emit(path, data)  # before the write: the watcher knows it
        try:
            write_atomic(path, data, own_pack=True)
        except OSError as exc:
            self.wrote.emit(path, b"")  # nothing of ours on disk after all
            self.said.emit(f"Not saved: cannot write {path}: {exc.strerror or exc}")
            return False
        self.state.set_pack(pack)
        if select is not None and name == "events.yaml":
            self.state.select_event(select)
        elif select is not None:
            self.state.select_place(select)
        return True

    def _apply(self, label: str, make: Callable[[bytes], bytes | None], select: str | None,
               name: str, intent: Intent) -> bool:
        """Make one edit of file `name` on its bytes as they are now: held to the
        invariant, then done as one undoable command. False (and said why) when
        nothing was written."""
        folder = self.folder
        if folder is None:
            self.said.emit(READ_ONLY)
            return False
        before = self.read(name)
        if before is None:
            return False
        after, problem = edit_or_problem(lambda: make(before), name)  # None: no edit
        if after is None:
            self.said.emit(f"Not saved: {problem}" if problem else "Not saved")
            return False
        try:
            files = self._files()
            old_pack = build_pack(folder, files)
        except ContentError as exc:
            self.said.emit(f"Not saved: the pack on disk does not load ({exc.problems[0]})")
            return False
        new_pack, problems = check_edit(folder, files, after, name)
        if new_pack is None:
            self.said.emit(f"Not saved: {problems[0]}")
            return False
        kind, ids, op = intent
        wrong = check_change(old_pack, new_pack, kind, ids, op)
        if wrong:
            self.said.emit(f"Not saved: {wrong}; the file is left as it was")
            return False
        command = _Edit(self, label, before, after, select, name, new_pack)
        self.stack.push(command)
        if command.done:
            self.said.emit(f"{label} — saved to {self.path_of(name)} (Ctrl+Z undoes)")
        return command.done

    def new_place(self, parent: QWidget | None = None,
                  at: tuple[float, float] | None = None) -> None:
        """Edit → New Place…: found in the gazetteer or typed; or right-clicked on the
        map (`at`: latitude, longitude)."""
        from desktop.curate.place_form import PlaceForm

        if not self.editable() or (data := self.read("places.yaml")) is None:
            return
        pack = self.state.pack

        def check(draft: PlaceDraft) -> str:
            named = dataclasses.replace(draft, id=free_place_id(pack, draft.name))
            after, problem = edit_or_problem(lambda: add_place(data, named), "places.yaml")
            return problem or self.problem_of(after, "places.yaml")

        lat, lon = at if at is not None else (40.0, 48.0)
        form = PlaceForm(PlaceDraft("", "", round(lat, 4), round(lon, 4),
                                    "site" if at else "city"), check, parent)
        accepted = self._answered(form)
        if accepted:
            draft = form.draft
            draft.id = free_place_id(pack, draft.name)
            self._apply(f"Add place “{draft.name}”", lambda now: add_place(now, draft),
                        draft.id, "places.yaml", ("place", draft.id, "add"))

    def _form(self, draft: EventDraft, title: str, build: Callable[[bytes, EventDraft], bytes],
              parent: QWidget | None) -> EventDraft | None:
        from desktop.curate.event_form import EventForm

        data = self.read("events.yaml")
        if data is None:
            return None

        def check(d: EventDraft) -> str:
            after, problem = edit_or_problem(lambda: build(data, d), "events.yaml")
            return problem or self.problem_of(after)

        form = EventForm(self.state.pack, draft, check, title, parent)
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
            self._apply(f"Add “{done.title}”", lambda now: add_event(now, done), done.id,
                        "events.yaml", ("event", done.id, "add"))

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
            ops = ({event.id: "change"} if done.id == event.id
                   else {event.id: "delete", done.id: "add"})  # a new id: old out, new in
            self._apply(f"Edit “{done.title}”", lambda now: replace_event(now, event.id, done),
                        done.id, "events.yaml", ("event", ops, "change"))

    def duplicate_event(self) -> None:
        """Edit → Duplicate Event: a copy with a new id, for the analyst to change."""
        event = self.state.selected_event
        if event is None or not self.editable():
            return
        draft = EventDraft.of(event)
        draft.id = free_id(self.state.pack, event.id)
        self._apply(f"Duplicate “{event.title}”", lambda now: add_event(now, draft), draft.id,
                    "events.yaml", ("event", draft.id, "add"))

    def delete_event(self) -> None:
        """Edit → Delete Event (undoable)."""
        event = self.state.selected_event
        if event is None or not self.editable():
            return
        self._apply(f"Delete “{event.title}”", lambda now: delete_event(now, event.id), None,
                    "events.yaml", ("event", event.id, "delete"))

    def import_events(self, path: Path, parent: QWidget | None = None) -> None:
        """File → Import Events…: the mapping step, then one undoable edit."""
        from content.importing import plan_import
        from desktop.curate.import_dialog import ImportDialog

        if not self.editable():
            return
        folder = self.folder
        if folder is None:  # editable() said why
            return
        try:
            dialog = ImportDialog(
                self.state.pack, path,
                lambda section, source, skip, mapping: plan_import(
                    self.state.pack, folder, path, section, source, skip, mapping), parent)
        except ContentError as exc:  # the file cannot be read at all: said, located
            self.said.emit(f"Not imported: {exc.problems[0]}" if exc.problems
                           else f"Not imported: {path}")
            return
        accepted = self._answered(dialog)
        result = dialog.result_
        if accepted and result is not None and result.events_yaml:
            planned = result.events_yaml
            ids = {ident for _, ident, _ in result.blocks}
            # The import was planned on the file as the dialog read it: written only
            # while the file still holds those bytes (else the plan is made again).
            self._apply(f"Import {result.count} event(s) from {path.name}",
                        lambda now: planned if now == result.base else _replanned(), None,
                        "events.yaml", ("event", ids, "add"))

    def record(self, name: str, title: str, make: Callable[[bytes, dict], bytes | None],
                form_args: dict, label: Callable[[dict], str],
                intent: Callable[[dict], Intent],
                select: Callable[[dict], str | None] = lambda _: None,
                parent: QWidget | None = None) -> None:
        """A record form for file `name`: `make(bytes, values)` is the file with the
        record (None: the values are not yet a record), checked as the analyst types."""
        from desktop.curate.record_form import RecordForm

        if not self.editable() or (data := self.read(name)) is None:
            return

        def check(values: dict) -> str:
            after, problem = edit_or_problem(lambda: make(data, values), name)
            return problem or self.problem_of(after, name)

        form = RecordForm(title, parent=parent, check=check, **form_args)
        if self._answered(form):
            values = form.values  # applied to the file as it is now, not as it was read
            self._apply(label(values), lambda now: make(now, values), select(values), name,
                        intent(values))
