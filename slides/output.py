"""Where a deck file goes: the checks before writing it, and the write itself.

Before any work, a target is refused (as `ExportError`, one line) when LibreOffice
has it open (a stale lock is recovered), or when it is a device, a FIFO, a folder, a
read-only file or a file of the pack on screen. The bytes are then written
atomically: the old file byte for byte, or the whole new one. Used by the PowerPoint
writer; nothing here knows python-pptx.
"""

from __future__ import annotations

from pathlib import Path

from content.fileio import officelock
from content.fileio.atomic import TargetRefused, check_target, write_atomic
from slides.errors import ExportError


def check_output(out: Path) -> None:
    """Raise `ExportError` unless a deck may be written to `out`."""
    who = officelock.holder(out)
    if who:
        raise ExportError(f"{out} is open in LibreOffice ({who}); close it and export "
                          f"again (if nobody has it open, delete "
                          f"{officelock.lock_path(out).name})")
    try:
        check_target(out)
    except TargetRefused as exc:
        raise ExportError(str(exc)) from None


def save_output(out: Path, data: bytes) -> None:
    """Write `data` to `out` atomically; `ExportError` with the reason on failure."""
    try:
        write_atomic(out, data)
    except TargetRefused as exc:
        raise ExportError(str(exc)) from None
    except PermissionError:
        raise ExportError(f"{out}: permission denied (is the folder read-only, or the "
                          "file open in another program?)") from None
    except OSError as exc:
        raise ExportError(f"{out}: could not write the deck: {exc.strerror or exc}") from None
