"""LibreOffice's lock files (`.~lock.NAME#`): who holds a file open, and stale locks.

LibreOffice writes `,user,host,date,profile;` beside a document it has open and
removes it on close; a crash leaves it behind, and refusing to export over a file
"open in LibreOffice" forever would block the briefer for good. A lock is stale when
it names this machine and no LibreOffice process runs here, or when it is not a
LibreOffice lock at all; stale locks are removed. A lock from another machine (a
shared folder) cannot be checked and is honoured.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

OFFICE_PROCESSES = {"soffice.bin", "soffice", "oosplash", "libreoffice"}
MAX_LOCK_BYTES = 4096


def lock_path(target: Path) -> Path:
    """Where LibreOffice keeps the lock of `target`."""
    return target.parent / f".~lock.{target.name}#"


def office_running() -> bool:
    """Whether a LibreOffice process runs on this machine (as any user we can see)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    comm = Path(entry.path, "comm").read_text(encoding="utf-8").strip()
                    if comm in OFFICE_PROCESSES:
                        return True
    return False


def holder(target: Path) -> str | None:
    """Who holds `target` open in LibreOffice ("user on host"), or None when nobody
    does. A stale lock is removed on the way."""
    lock = lock_path(target)
    try:
        with lock.open("rb") as fh:
            text = fh.read(MAX_LOCK_BYTES).decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    except OSError:
        return "someone (the lock file cannot be read)"
    fields = text.split(",")
    host = fields[2].strip() if len(fields) >= 4 else ""
    user = fields[1].strip() if len(fields) >= 4 else ""
    stale = not host or (host == socket.gethostname() and not office_running())
    if stale:
        with contextlib.suppress(OSError):
            lock.unlink()
        return None
    return f"{user or 'someone'} on {host}"
