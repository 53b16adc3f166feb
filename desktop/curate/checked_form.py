"""What every curating form shares: checked as the analyst types, never saved wrong.

A moment after each change the form asks `check` (the pack editor: the whole pack
built with this record, by the loader's rules) about what it shows, puts the first
problem in red and keeps Save off until there is none. The forms for events,
places and the other records add their fields; the checklists they pick sections,
places, actors and sources from are made here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.plaintext import PlainLabel, plain_tooltip

ROLE = Qt.ItemDataRole.UserRole


def checklist(name: str, items: list[tuple[str, str]], chosen: Iterable[str]) -> QListWidget:
    """A list of (id, text) with a box each, those in `chosen` ticked."""
    box = QListWidget()
    box.setAccessibleName(name)
    box.setMinimumHeight(72)
    for ident, text in items:
        item = QListWidgetItem(text)
        item.setData(ROLE, ident)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setToolTip(plain_tooltip(text))
        box.addItem(item)
    set_checked(box, chosen)
    return box


def set_checked(box: QListWidget, chosen: Iterable[str]) -> None:
    """Tick exactly the items of `box` whose id is in `chosen`."""
    chosen = set(chosen)
    for row in range(box.count()):
        item = box.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(ROLE) in chosen
                           else Qt.CheckState.Unchecked)


def checked(box: QListWidget) -> list[str]:
    """The ids ticked in `box`, in its order."""
    return [box.item(r).data(ROLE) for r in range(box.count())
            if box.item(r).checkState() == Qt.CheckState.Checked]


class CheckedForm(QDialog):
    """A dialog whose `current()` value is checked as it changes; `take(value)`
    keeps the value accepted. Subclasses build their fields, connect each change to
    `self.timer.start`, then call `finish(form)`."""

    def __init__(self, check: Callable[[Any], str], parent: QWidget | None = None,
                 interval: int = 250) -> None:
        super().__init__(parent)
        self.check = check
        self.timer = QTimer(self, singleShot=True, interval=interval)
        self.timer.timeout.connect(self.validate)
        self.problem = PlainLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setAccessibleName("Problem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self, form: QFormLayout) -> None:
        """Lay out `form` with the problem line right under it and the buttons at the
        bottom (spare height goes between them, not between the fields)."""
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def current(self) -> Any:
        """The value the form shows."""
        raise NotImplementedError

    def take(self, value: Any) -> None:
        """Keep the value accepted (where the caller reads it)."""
        raise NotImplementedError

    def validate(self) -> str:
        """Check now; show and return the first problem ("" when none)."""
        self.timer.stop()
        problem = self.check(self.current())
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        return problem

    def accept(self) -> None:
        if self.validate():
            return  # never saved while something is wrong
        self.take(self.current())
        super().accept()
