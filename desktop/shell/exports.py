"""Exports from the window: a deck as PDF, a view as PNG, each after a save dialog.

Failures are shown in a message box from the one error table (`desktop.errors`);
success is said in the status bar. The folder written to is remembered, so stray
temp files of a killed write are cleaned there at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.errors import error_message
from desktop.housekeeping import remember_write_folder
from desktop.plaintext import message_box

if TYPE_CHECKING:  # the first frame imports no slides module
    from slides.spec import Deck


def _save(parent: QWidget, write: Callable[[Path], None], name: str,
          say: Callable[[str], None]) -> None:
    try:
        write(Path(name))
        remember_write_folder(Path(name))
    except OSError as exc:
        title, text = error_message(exc)
        message_box(parent, QMessageBox.Icon.Warning, title, text).exec()
        return
    say(f"Saved {name}")


def export_pdf(parent: QWidget, deck: Deck, notes: bool, say: Callable[[str], None]) -> None:
    """Ask where, then write `deck` as a PDF handout (or A4 notes pages)."""
    from desktop.deck.pdf import write_pdf

    suffix = " notes" if notes else ""
    name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", f"{deck.title}{suffix}.pdf",
                                          "PDF (*.pdf)")
    if name:
        _save(parent, lambda path: write_pdf(deck, path, notes=notes), name, say)


def export_png(parent: QWidget, widget: QWidget, kind: str, say: Callable[[str], None]) -> None:
    """Ask where, then save what `widget` (the map, timeline or window) shows as PNG."""
    from desktop.shell.images import grab_png

    name, _ = QFileDialog.getSaveFileName(parent, "Export as PNG", f"{kind}.png",
                                          "PNG image (*.png)")
    if name:
        _save(parent, lambda path: grab_png(widget, path), name, say)
