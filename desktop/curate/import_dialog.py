"""Importing events in the window: the file's columns mapped to event fields, a
preview, each row's problems, then Import (undoable, like every edit).

The mapping step lists the file's columns with what each becomes (guessed from its
header: ours or TimelineJS's names; anything else is ignored until the analyst says
what it is). Every change re-checks the whole import (`plan`), so the problems list
and the count of events to add always say what Import would do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from content.importing import FIELDS, ImportResult, column_keys
from content.model import Pack
from desktop.plaintext import PlainLabel

IGNORE = "(ignore)"
PREVIEW_ROWS = 8
Planner = Callable[[str | None, str | None, bool, dict[str, str]], ImportResult]


class ImportDialog(QDialog):
    """Map, preview and check an import of `path` into `pack` (`plan` does the work)."""

    def __init__(self, pack: Pack, path: Path, plan: Planner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import Events from {path.name}")
        self.plan = plan
        self.result_: ImportResult | None = None
        self.columns = column_keys(path)
        self.mapping = QTableWidget(len(self.columns), 2)
        self.mapping.setHorizontalHeaderLabels(["Column in the file", "Becomes"])
        self.mapping.setAccessibleName("Column mapping")
        self.combos: list[QComboBox] = []
        for row, (header, key) in enumerate(self.columns):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItems([IGNORE, *FIELDS])
            combo.setCurrentText(key if key in FIELDS else IGNORE)
            combo.currentIndexChanged.connect(self.refresh)
            self.mapping.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.mapping.resizeColumnToContents(0)
        self.mapping.verticalHeader().hide()
        self.preview = self._preview(path)
        self.section = QComboBox()
        self.section.addItem("(none: rows must name theirs)", None)
        for s in pack.sections:
            self.section.addItem(s.title, s.id)
        self.source = QComboBox()
        self.source.addItem("(none: rows must cite theirs)", None)
        for ident, source in sorted(pack.sources.items(), key=lambda kv: kv[1].outlet):
            self.source.addItem(f"{source.outlet}: {source.title}", ident)
        self.skip = QCheckBox("Skip the rows with problems")
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.summary = PlainLabel()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Section for rows without one", self.section)
        form.addRow("Source for rows without one", self.source)
        form.addRow("", self.skip)
        layout = QVBoxLayout(self)
        if self.columns:
            layout.addWidget(PlainLabel("Map the file's columns to event fields"))
            layout.addWidget(self.mapping)
        layout.addWidget(PlainLabel("The file's first rows"))
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addWidget(PlainLabel("Problems"))
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        for combo in (self.section, self.source):
            combo.currentIndexChanged.connect(self.refresh)
        self.skip.toggled.connect(self.refresh)
        self.resize(720, 640)
        self.refresh()

    def _preview(self, path: Path) -> QTableWidget:
        """The file's first rows as they are, to map against."""
        from content.errors import ContentError
        from content.importing import read_rows

        try:
            rows, _ = read_rows(path, strict=False)
        except ContentError:
            rows = []
        keys = list(dict.fromkeys(k for _, row in rows[:PREVIEW_ROWS] for k in row))
        table = QTableWidget(min(len(rows), PREVIEW_ROWS), len(keys))
        table.setHorizontalHeaderLabels(keys)
        table.setVerticalHeaderLabels([str(n) for n, _ in rows[:PREVIEW_ROWS]])
        table.setAccessibleName("Preview of the file")
        for r, (_, row) in enumerate(rows[:PREVIEW_ROWS]):
            for c, key in enumerate(keys):
                table.setItem(r, c, QTableWidgetItem(row.get(key, "")))
        table.setMaximumHeight(170)
        return table

    def chosen_mapping(self) -> dict[str, str]:
        """Each column's key and the field it becomes ("" ignored)."""
        return {key: ("" if combo.currentText() == IGNORE else combo.currentText())
                for (_, key), combo in zip(self.columns, self.combos, strict=True)}

    def refresh(self) -> ImportResult | None:
        """Plan the import again with the dialog's choices; show what it would do."""
        from content.errors import ContentError

        self.problems.clear()
        try:
            result = self.plan(self.section.currentData(), self.source.currentData(),
                               self.skip.isChecked(), self.chosen_mapping())
        except ContentError as exc:
            self.problems.addItems([str(p) for p in exc.problems])
            self.summary.setText("This file cannot be imported.")
            self.import_button.setEnabled(False)
            self.result_ = None
            return None
        self.problems.addItems([str(p) for p in result.problems])
        ready = bool(result.events_yaml) and result.count > 0
        skipped = f", {result.skipped} row(s) skipped" if result.skipped else ""
        self.summary.setText(f"{result.count} event(s) will be added{skipped}." if ready else
                             f"Nothing to import yet: {len(result.problems)} problem(s).")
        self.import_button.setEnabled(ready)
        self.result_ = result
        return result
