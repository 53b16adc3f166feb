"""The pack's actions: new, open, open recent and reload, and the Problems list that
says why a pack could not be shown (double-click: open the file at its line).

The pack session (`desktop.shell.pack_session`) loads and watches; this is what the
File menu and the Problems dock do with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QListWidget, QMainWindow, QMenu

from desktop.keys import MakeAction
from desktop.plaintext import action_text, plain_tooltip, warn
from desktop.shell.pack_session import PackSession

if TYPE_CHECKING:
    from content.errors import Problem


class ProblemList(QListWidget):
    """A broken pack's problems, one a line; double-click opens the file at its line
    (a template that cannot be used is said in the status line, never a traceback)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setAccessibleName("Problems")
        self.setToolTip(plain_tooltip("Double-click a problem to open its file at its line"))
        self.itemActivated.connect(lambda item: self.open(item.text()))

    def open(self, text: str) -> None:
        """Open the problem's file at its line in the analyst's editor."""
        from desktop.shell.problems import EditorTemplateError, NothingOpens, open_problem

        try:
            open_problem(text)
        except (EditorTemplateError, NothingOpens) as exc:
            self.window_.statusBar().showMessage(str(exc), 12000)


class PackActions:
    """File → New Pack…, Open Pack…, Open Recent, Reload Pack; the Problems dock."""

    def __init__(self, window: QMainWindow, session: PackSession) -> None:
        self.window = window
        self.session = session
        self.problems = ProblemList(window)
        self.dock: QDockWidget | None = None  # the window docks the list

    def open_pack_dialog(self) -> None:
        """Ask for a pack folder and open it."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self.window, "Open Content Pack",
                                                  str(self.session.folder or ""))
        if folder:
            self.session.open(Path(folder))

    def new_pack_dialog(self) -> None:
        """File → New Pack…: a skeleton pack in a new folder, opened at once."""
        from PySide6.QtWidgets import QFileDialog

        from content.newpack import new_pack

        name, _ = QFileDialog.getSaveFileName(self.window, "New Content Pack (a new folder)",
                                              "briefing-pack", "Folders (*)")
        if not name:
            return
        folder = Path(name)
        try:
            new_pack(folder, folder.name.replace("-", " ").replace("_", " ").capitalize())
        except OSError as exc:
            warn(self.window, "New Pack", str(exc))
            return
        self.session.open(folder)

    def save_copy_dialog(self) -> None:
        """File → Save a Copy of This Pack…: the open pack (the embedded one, which
        is not edited) written into a new folder and opened there, ready to curate."""
        from content.loader import default_pack_folder
        from content.newpack import copy_pack
        from desktop.housekeeping import ask_save_name

        source = self.session.folder or default_pack_folder()
        name = ask_save_name(self.window, "pack-copy", "Save a Copy of This Pack (a new folder)",
                             f"{Path(source).name}-copy", "Folders (*)")
        if not name:
            return
        try:
            folder = copy_pack(Path(source), Path(name))
        except OSError as exc:
            warn(self.window, "Save a Copy of This Pack", str(exc))
            return
        self.session.open(folder)
        self.window.statusBar().showMessage(f"Copied the pack to {folder}: edits go there",
                                            8000)

    @staticmethod
    def recent_packs() -> list[Path]:
        """File → Open Recent: the packs opened last, newest first."""
        from desktop.shell.recent import recent_packs

        return recent_packs()

    # -- the Problems dock ----------------------------------------------------
    def show_problems(self, problems: list[Problem]) -> None:
        """List a broken pack's problems; the last good content stays on screen."""
        self.problems.clear()
        self.problems.addItems([str(p) for p in problems])
        if self.dock is not None:
            was_hidden = self.dock.isHidden()
            self.dock.show()
            if was_hidden:  # as tall as its lines (up to 8), once the dock is laid out
                QTimer.singleShot(0, self._fit_dock)
        noun = "problem" if len(problems) == 1 else "problems"
        self.window.statusBar().showMessage(f"The pack has {len(problems)} {noun}; showing "
                                            "the last good content", 0)

    def clear_problems(self) -> None:
        """The pack is good again: no list, no dock."""
        self.problems.clear()
        if self.dock is not None:
            self.dock.hide()

    def _fit_dock(self) -> None:
        if self.dock is None:
            return
        rows = min(max(self.problems.count(), 2), 8)
        row = self.problems.sizeHintForRow(0) if self.problems.count() else 18
        chrome = self.dock.height() - self.problems.viewport().height()
        self.window.resizeDocks([self.dock], [rows * row + chrome + 4], Qt.Orientation.Vertical)

    # -- menus ----------------------------------------------------------------
    def fill_file_menu(self, menu: QMenu, act: MakeAction) -> QMenu:
        """New, Open, Open Recent (filled as it opens) and Reload; returns Open Recent."""
        menu.addAction(act("&New Pack…", self.new_pack_dialog, "Ctrl+Shift+N"))
        menu.addAction(act("&Open Pack…", self.open_pack_dialog, QKeySequence.StandardKey.Open))
        recent = menu.addMenu("Open &Recent")

        def fill() -> None:
            recent.clear()
            folders = self.recent_packs()
            for folder in folders:
                recent.addAction(act(action_text(str(folder)),
                                     lambda f=folder: self.session.open(f)))
            if not folders:
                recent.addAction("(none yet)").setEnabled(False)

        recent.aboutToShow.connect(fill)
        menu.addAction(act("Save a &Copy of This Pack…", self.save_copy_dialog))
        menu.addAction(act("&Reload Pack", self.session.reload, "Ctrl+R"))
        return recent
