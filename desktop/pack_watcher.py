"""Watches a pack folder and reloads on change, keeping the last good content on error."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from content.errors import ContentError, Problem
from content.loader import OPTIONAL_FILES, REQUIRED_FILES, load_pack
from content.model import Pack

DEBOUNCE_MS = 250


class PackWatcher(QObject):
    """Emits `reloaded(pack)` after a good edit and `failed(problems)` after a bad one."""

    reloaded = Signal(object)
    failed = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.reload)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self._watch()

    def _watch(self) -> None:
        """(Re)watch the folder and its files: editors often replace files on save."""
        paths = [str(self.folder)] + [str(self.folder / n) for n in REQUIRED_FILES
                                      + OPTIONAL_FILES if (self.folder / n).exists()]
        missing = [p for p in paths if p not in self.watcher.files()
                   and p not in self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self.timer.start()

    def reload(self) -> Pack | None:
        """Load the pack now; emits `reloaded` or `failed`."""
        self._watch()
        try:
            pack = load_pack(self.folder)
        except ContentError as exc:
            self.failed.emit(list(exc.problems))
            return None
        except Exception as exc:
            self.failed.emit([Problem(str(self.folder), 0, 0, f"could not reload: {exc}")])
            return None
        self.reloaded.emit(pack)
        return pack
