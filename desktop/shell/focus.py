"""Moving between the window's panes from the keyboard (F6 / Shift+F6).

Tab moves between the controls of a pane; F6 moves between panes, as in other
desktop applications: Filters (its search box), Events, Map, Timeline, Details and
Deck, skipping the ones that are hidden. The status bar names the pane reached, and
each pane has an accessible name, so a screen reader says where the focus went.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def next_pane(panes: list[tuple[str, QWidget]], focused: QWidget | None,
              step: int) -> tuple[str, QWidget] | None:
    """The pane after (or, with `step` -1, before) the one holding `focused`,
    among the visible `panes` (name, widget to focus)."""
    shown = [(name, w) for name, w in panes if w.isVisible() and w.isEnabled()]
    if not shown:
        return None
    current = -1
    for index, (_, widget) in enumerate(shown):
        if focused is not None and (focused is widget or widget.isAncestorOf(focused)):
            current = index
            break
    if current < 0:
        return shown[0] if step > 0 else shown[-1]
    return shown[(current + step) % len(shown)]


def cycle(panes: list[tuple[str, QWidget]], step: int) -> str:
    """Focus the next pane; its name ("" when none is shown)."""
    found = next_pane(panes, QApplication.focusWidget(), step)
    if found is None:
        return ""
    name, widget = found
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return name
