"""Start-up housekeeping: remove temp files that a killed write left behind.

The app remembers the folders it writes into (decks, recipes, PDFs, snapshots); at
the next start, leftovers older than a minute are removed there and in the cache.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/write_folders"
KEEP = 20
MIN_AGE = 60.0  # seconds: spare a write another instance is doing right now


def settings() -> QSettings:
    """The app's settings (tests point XDG_CONFIG_HOME at a temporary folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     "briefing-desk", "briefing-desk")


def remember_write_folder(path: Path) -> None:
    """Note that the app wrote into `path`'s folder."""
    store = settings()
    folders = [f for f in (store.value(KEY) or []) if isinstance(f, str)]
    folder = str(Path(path).resolve().parent)
    folders = [folder] + [f for f in folders if f != folder]
    store.setValue(KEY, folders[:KEEP])
    store.sync()


def last_folder(kind: str) -> Path:
    """The folder a save dialog of `kind` last went to ("deck", "pdf", "pack-copy"…),
    else the user's Documents folder (Qt's name for it on each platform), else home."""
    from PySide6.QtCore import QStandardPaths

    saved = settings().value(f"files/last_{kind}")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(kind: str, folder: Path) -> None:
    """Where a save dialog of `kind` went: the next one opens there."""
    store = settings()
    store.setValue(f"files/last_{kind}", str(Path(folder)))
    store.sync()


def ask_save_name(parent, kind: str, caption: str, name: str, filters: str) -> str:
    """A save dialog that opens in the folder the last save of `kind` went to (else
    Documents) offering `name`, and remembers where this one went ("" if cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(last_folder(kind) / name),
                                            filters)
    if chosen:
        remember_folder(kind, Path(chosen).parent)
    return chosen


def clean_at_start() -> int:
    """Remove stray temp files in the cache and every remembered folder."""
    # Imported here, not with the module: the window's first frame needs only
    # `settings()`, and the cache module brings the whole content model.
    from content.cache import cache_folder
    from content.fileio.atomic import clean_stray_temp_files

    folders = [cache_folder()] + [Path(f) for f in (settings().value(KEY) or [])
                                  if isinstance(f, str)]
    return sum(clean_stray_temp_files(folder, MIN_AGE) for folder in folders)
