"""Watches a pack folder and reloads on change (off the GUI thread), keeping the last good
content on error.

A folder moved away (or renamed, or on an unmounted drive) is waited for: the watcher
says so (`gone`), watches the parent folder and checks once a second, and reloads the
moment the folder is back (`back`), so live reload never silently stops.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from content.errors import Problem
from content.model import Pack
from content.packfiles import OPTIONAL_FILES, REQUIRED_FILES
from desktop.shell.pack_loading import PackLoad

DEBOUNCE_MS = 250
POLL_MS = 1000  # while the folder is gone: the parent may be gone too, or not notify


class PackWatcher(QObject):
    """Emits `reloaded(pack)` after a good edit and `failed(problems)` after a bad one."""

    reloaded = Signal(object)
    failed = Signal(list)
    started = Signal()
    """A reload began (it may take a moment for a large pack)."""
    gone = Signal(str)
    """The pack folder is not there (moved, renamed, unmounted); the last content stays."""
    back = Signal(str)
    """The pack folder is there again; a reload follows."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.reload)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.loading: PackLoad | None = None
        self._again = False
        self.missing = False
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self._check_back)
        self.ours: dict[str, bytes] = {}  # files as the app itself last wrote them
        self._watch()

    def wrote(self, path: Path, data: bytes) -> None:
        """The app wrote `data` to `path` (an edit in the window): a change event that
        finds exactly these bytes is ours, not a reload to make."""
        self.ours[str(path)] = data

    def _only_ours(self) -> bool:
        """Whether every file the app wrote still holds its bytes, and nothing else
        changed since (each pack file as the app last saw it)."""
        if not self.ours:
            return False
        for name, data in self.ours.items():
            try:
                if Path(name).read_bytes() != data:
                    return False
            except OSError:
                return False
        return True

    def _watch(self) -> None:
        """(Re)watch the folder and its files: editors often replace files on save."""
        paths = [str(self.folder)] + [str(self.folder / n) for n in REQUIRED_FILES
                                      + OPTIONAL_FILES if (self.folder / n).exists()]
        if self.folder.parent.is_dir():  # to see the folder come back after a move
            paths.append(str(self.folder.parent))
        paths = [p for p in paths if Path(p).exists()]
        missing = [p for p in paths if p not in self.watcher.files()
                   and p not in self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, path: str) -> None:
        if path == str(self.folder.parent) and not self.missing and self.folder.is_dir():
            return  # a sibling changed in the parent folder: not our pack
        if (path in self.ours or path == str(self.folder)) and self._only_ours():
            self._watch()  # an atomic write replaced the file: watch the new one
            return  # our own edit, already on screen: nothing to reload
        self.ours.clear()  # someone else's change: from now on, reload as usual
        self.timer.start()

    def _check_back(self) -> None:
        if self.folder.is_dir():
            self.reload()

    def reload(self) -> None:
        """Load the pack again, off the GUI thread; emits `reloaded` or `failed`.

        A change while a load runs starts one more load when it ends, so the last
        edit is always the one shown."""
        self._watch()
        if not self.folder.is_dir():
            if not self.missing:
                self.missing = True
                self.poll.start()
                self.gone.emit(str(self.folder))
            return
        if self.missing:
            self.missing = False
            self.poll.stop()
            self.back.emit(str(self.folder))
        if self.loading is not None:
            self._again = True
            return
        self._again = False
        self.started.emit()
        self.loading = PackLoad(self.folder, self)
        self.loading.finished.connect(self._loaded)
        self.loading.failed.connect(self._failed)
        self.loading.start()

    def _loaded(self, pack: Pack) -> None:
        self._end_load()
        self.reloaded.emit(pack)
        self._maybe_again()

    def _failed(self, problems: list[Problem]) -> None:
        self._end_load()
        self.failed.emit(problems)
        self._maybe_again()

    def _end_load(self) -> None:
        if self.loading is not None:
            self.loading.deleteLater()
            self.loading = None

    def _maybe_again(self) -> None:
        if self._again:
            self.reload()
