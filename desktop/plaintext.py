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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (escaped inside `<qt>`, which Qt takes as
    rich text, so nothing in `text` can be)."""
    import html  # not needed for the first frame

    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


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
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
                ) -> QMessageBox:
    """A message box showing `text` literally (not yet shown: call exec() or open())."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(buttons)
    return box
