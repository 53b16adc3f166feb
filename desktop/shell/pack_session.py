"""The pack's life in the window: open another, watch for edits, reload, report problems.

`PackSession` owns the folder and its `PackWatcher`; loads run off the GUI thread
(`PackLoad`). It says what happened through signals — a good pack to show, problems
to list, a line for the status bar — and the main window wires those to the state,
the Problems dock and the status bar. A broken edit never replaces the last good
content: only `problems` is emitted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # imported when watching starts: it loads the content modules
    from desktop.shell.pack_watcher import PackWatcher


class PackSession(QObject):
    """The current pack folder, watched (when asked) and reloaded on change."""

    loaded = Signal(object)
    """A good pack to show: a reload or an edit (the same folder)."""
    opened = Signal(object)
    """A good pack from another folder (File > Open Pack…)."""
    problems = Signal(list)
    """The folder's problems; the last good content stays on screen."""
    status = Signal(str, int)
    """A line for the status bar and how long it stays (ms; 0: until replaced)."""

    def __init__(self, folder: Path | None, watch: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watching = watch
        self.watcher: PackWatcher | None = None
        self.refused: PackWatcher | None = None  # a folder that would not open, watched

    def watch(self) -> None:
        """Start (or restart, for a new folder) watching the current folder."""
        if not self.watching or self.folder is None:
            return
        from desktop.shell.pack_watcher import PackWatcher

        if self.watcher is not None:
            self.watcher.deleteLater()
        watcher = self.watcher = PackWatcher(self.folder, self)
        watcher.reloaded.connect(self._reloaded)
        watcher.failed.connect(self.problems)
        watcher.started.connect(lambda: self.status.emit("Reloading the pack…", 0))
        watcher.gone.connect(lambda path: self.status.emit(
            f"The pack folder {path} is gone; showing the last content and watching for "
            "it to come back", 0))
        watcher.back.connect(
            lambda path: self.status.emit(f"The pack folder {path} is back", 0))

    def reload(self) -> None:
        """Load the current folder again now."""
        if self.watcher is not None:
            self.watcher.reload()
            return
        from content.errors import ContentError
        from content.loader import load_pack

        try:
            self._reloaded(load_pack(self.folder))
        except ContentError as exc:
            self.problems.emit(exc.problems)

    def open(self, folder: Path) -> None:
        """Open another folder, off the GUI thread; on problems, keep the current pack."""
        from desktop.shell.pack_loading import PackLoad

        load = PackLoad(folder, self)
        load.finished.connect(lambda pack: self._opened(folder, pack))
        load.failed.connect(self.problems)
        load.failed.connect(lambda _problems: self.watch_refused(folder))
        load.finished.connect(load.deleteLater)
        load.failed.connect(load.deleteLater)
        self.status.emit(f"Opening {folder.name}…", 0)
        load.start()

    def watch_refused(self, folder: Path) -> None:
        """Watch a folder that would not open: once its files are fixed it opens by
        itself (no Ctrl+R, no Open Pack again); its problems are listed as they change."""
        if not self.watching:
            return
        from desktop.shell.pack_watcher import PackWatcher

        if self.refused is not None:
            self.refused.deleteLater()
        watcher = self.refused = PackWatcher(folder, self)
        watcher.reloaded.connect(lambda pack: self._opened(folder, pack))
        watcher.failed.connect(self.problems)
        self.status.emit(f"{folder.name} could not be opened: fix the problems listed and "
                         "it opens as soon as it is saved", 0)

    def _reloaded(self, pack: object) -> None:
        self.loaded.emit(pack)
        self.status.emit("Pack reloaded", 4000)

    def _opened(self, folder: Path, pack: object) -> None:
        from content.fileio.atomic import unprotect
        from content.loader import default_pack_folder

        if self.refused is not None:  # it opened: no longer a refused folder to watch
            self.refused.deleteLater()
            self.refused = None
        left = self.folder
        if left is not None and left != folder and left != default_pack_folder():
            unprotect(left)  # its files are an analyst's files again (never the app's)
        self.folder = folder
        self.loaded.emit(pack)
        self.watching = True  # a pack the analyst opened is one they edit: watch it
        self.watch()
        self.opened.emit(pack)
