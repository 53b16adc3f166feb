"""Keys: the zoom keys the map and the timeline share, and how a room's menu action
gets its shortcut (each room makes its own actions with the shell's `MakeAction`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str
# What a standard key means where the platform names none (offscreen, bare X11).
FALLBACK_KEYS = {QKeySequence.StandardKey.Quit: "Ctrl+Q",
                 QKeySequence.StandardKey.HelpContents: "F1",
                 QKeySequence.StandardKey.Find: "Ctrl+F",
                 QKeySequence.StandardKey.Open: "Ctrl+O",
                 QKeySequence.StandardKey.Undo: "Ctrl+Z",
                 QKeySequence.StandardKey.Redo: "Ctrl+Shift+Z"}


class MakeAction(Protocol):
    """The shell's way to make a menu action: its slot runs on the finished window."""

    def __call__(self, text: str, slot: Callable[..., object],
                 shortcut: Shortcut | None = None, checkable: bool = False) -> QAction: ...


def set_shortcut(action: QAction, shortcut: Shortcut) -> None:
    """Give `action` its shortcut: every binding the platform has for a standard key
    (Copy, for one, has two on X11), or the one sequence given."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(shortcut)
        if not bindings and shortcut in FALLBACK_KEYS:  # a platform theme without them
            bindings = [QKeySequence(FALLBACK_KEYS[shortcut])]
        action.setShortcuts(bindings)
    else:
        action.setShortcuts([QKeySequence(shortcut)])

ZOOM_STEP = 1.5
#: Zoom keys and the factor each applies: + and = zoom in, - and _ zoom out.
ZOOM_KEYS: dict[int, float] = {Qt.Key.Key_Plus: ZOOM_STEP, Qt.Key.Key_Equal: ZOOM_STEP,
             Qt.Key.Key_Minus: 1 / ZOOM_STEP, Qt.Key.Key_Underscore: 1 / ZOOM_STEP}
