"""A form for the pack's other records: actors, sources, sections and key points.

Text fields, a choice (a key point's section) and a checklist (its sources), as the
record has them; checked as you type like the event form, by building the whole
pack with the record (`check` returns the first problem, "" when none).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QWidget,
)

from desktop.curate.checked_form import CheckedForm, checked, checklist, set_checked

Values = dict[str, object]


class RecordForm(CheckedForm):
    """`texts`: (key, label, placeholder); `choice`: (key, label, [(value, text)]);
    `checks`: (key, label, [(value, text)])."""

    def __init__(self, title: str, texts: list[tuple[str, str, str]],
                 check: Callable[[Values], str], parent: QWidget | None = None,
                 choice: tuple[str, str, list[tuple[str, str]]] | None = None,
                 checks: tuple[str, str, list[tuple[str, str]]] | None = None,
                 fill: Callable[[str], dict[str, object]] | None = None,
                 save_text: str = "") -> None:
        super().__init__(check, parent, interval=200)
        self.setWindowTitle(title)
        self.values: Values = {}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        self.choice: tuple[str, QComboBox] | None = None
        if choice is not None:
            combo = QComboBox()
            for value, text in choice[2]:
                combo.addItem(text, value)
            combo.setAccessibleName(choice[1])
            combo.currentIndexChanged.connect(lambda _: self._chosen())
            form.addRow(choice[1], combo)
            self.choice = (choice[0], combo)
        for key, label, placeholder in texts:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label)
            edit.textChanged.connect(lambda _: self.timer.start())
            form.addRow(label, edit)
            self.edits[key] = edit
        self.checks: tuple[str, QListWidget] | None = None
        if checks is not None:
            box = checklist(checks[1], checks[2], [])
            box.itemChanged.connect(lambda _: self.timer.start())
            form.addRow(checks[1], box)
            self.checks = (checks[0], box)
        if save_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
        self.fill = fill
        self.finish(form)
        self.resize(560, 120 + 36 * len(texts) + (160 if checks else 0))
        self._chosen()

    def _chosen(self) -> None:
        """A record chosen to edit: its fields fill the form."""
        if self.fill is not None and self.choice is not None:
            for key, value in self.fill(self.choice[1].currentData()).items():
                if key in self.edits:
                    self.edits[key].setText(str(value))
                elif self.checks is not None and key == self.checks[0]:
                    set_checked(self.checks[1], value)  # type: ignore[arg-type]
        self.validate()

    def current(self) -> Values:
        """The record as the form shows it."""
        values: Values = {k: " ".join(e.text().split()) for k, e in self.edits.items()}
        if self.choice is not None:
            values[self.choice[0]] = self.choice[1].currentData()
        if self.checks is not None:
            values[self.checks[0]] = checked(self.checks[1])
        return values

    def take(self, value: Values) -> None:
        self.values = value
