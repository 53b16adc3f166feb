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
from content.fileio.reading import is_device_name
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


KEPT_PUNCTUATION = set(" -_,.()&'+")


def suggested_name(title: str, day: str = "", suffix: str = ".pptx",
                   fallback: str = "briefing") -> str:
    """A file name a save dialog offers for a deck (or its PDF) titled `title`: the
    title's words as they read ("Azerbaijan and NATO - visits, history 2026-12-02.pptx"),
    a colon or slash as a dash, nothing any of Windows, macOS or Linux refuses
    (control characters, `<>:"/\\|?*`, a trailing dot or space, a device name)."""
    out = []
    for char in title:
        if char.isalnum() or char in KEPT_PUNCTUATION:
            out.append(char)
        elif char in ":/\\|":
            out.append(" - ")
        elif char.isspace():
            out.append(" ")
    stem = " ".join("".join(out).split()).strip(" .-")
    stem = stem.replace(" - - ", " - ")[:120].rstrip(" .-")
    if not stem or is_device_name(stem):
        stem = f"{fallback} {stem}".strip() if stem else fallback
    return f"{stem} {day}{suffix}" if day else f"{stem}{suffix}"
