"""The packs the analyst opened lately (File → Open Recent), newest first."""

from __future__ import annotations

from pathlib import Path

from desktop.housekeeping import settings

KEY = "files/recent_packs"
KEEP = 8


def recent_packs() -> list[Path]:
    """Remembered pack folders that still exist, newest first."""
    stored = settings().value(KEY) or []
    names = [stored] if isinstance(stored, str) else list(stored)
    return [Path(n) for n in names if isinstance(n, str) and Path(n).is_dir()][:KEEP]


def remember_pack(folder: Path) -> None:
    """Put `folder` first in the recent packs."""
    path = str(Path(folder).resolve())
    names = [path] + [str(p) for p in recent_packs() if str(p) != path]
    store = settings()
    store.setValue(KEY, names[:KEEP])
    store.sync()
