"""The one way content text reaches a label, tooltip or message box: as plain text.

Qt guesses whether a string is rich text (`Qt::mightBeRichText`) for labels, tooltips
and message boxes; a guess of "rich" renders `<b>` and loads `<img src=…>` — from a
local file, a device or a FIFO. Content is never markup, so every label in the app is
a `PlainLabel`, every tooltip goes through `plain_tooltip`, and every message box is
made by `message_box`: plain by construction. `tests/desktop/test_plaintext.py`
refuses any other way in, and walks the whole window on a pack whose every field
carries markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # made when a box is first shown: the first frame has none (1 ms)
    from PySide6.QtWidgets import QMessageBox

# `html.escape`'s table, without importing `html` (1.4 ms of the first frame)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "'": "&#x27;", "\n": "<br>"})


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (escaped inside `<qt>`, which Qt takes as
    rich text, so nothing in `text` can be), its line breaks kept."""
    return "<qt>" + text.translate(_ESCAPES) + "</qt>"


def action_text(text: str) -> str:
    """Content as a menu item's text, literally: an `&` is not a mnemonic."""
    return text.replace("&", "&&")


class PlainLabel(QLabel):
    """A label whose text is always shown literally, whatever it contains."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # before any text is set
        self.setText(text)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton | None = None) -> QMessageBox:
    """A message box showing `text` literally (not yet shown: call exec() or open()),
    with `buttons` (OK when None)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok if buttons is None else buttons)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a warning saying `text` literally, and wait for it to be closed."""
    from PySide6.QtWidgets import QMessageBox

    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def offer_open(parent: QWidget | None, title: str, path: Path, open_label: str,
               what: str = "") -> None:
    """After an export: where it went, and buttons to open the file or its folder
    (in the system's default application; Qt picks it on each platform)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    size = f" ({what})" if what else ""
    box = message_box(parent, QMessageBox.Icon.Information, title,
                      f"Saved {path.name}{size}\nin {path.parent}",
                      QMessageBox.StandardButton.NoButton)
    open_file = box.addButton(open_label, QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("Open Folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
