"""Help's dialogs: every keyboard shortcut in one table, and the user guide.

Imported when Help opens one (`desktop.shell.help.HelpActions`), not with the
window: their Qt classes cost the first frame ~6 ms to make and it shows neither.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.help import VIEW_KEYS, menu_shortcuts
from resources import resource_path


class ShortcutsDialog(QDialog):
    """Help → Keyboard Shortcuts: every action and its keys, in one table."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = [*menu_shortcuts(bar), *VIEW_KEYS]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "Does"])
        self.table.setAccessibleName("Keyboard shortcuts")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table's rows, as shown."""
        def text(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]


class OfflineBrowser(QTextBrowser):
    """A text browser that never loads anything: no images, no links followed."""

    def loadResource(self, kind: int, name) -> object:
        return None


def guide_dialog(parent: QWidget | None = None) -> QDialog:
    """Help → User Guide: the guide shipped in `resources/guide/guide.html`."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Briefing Desk User Guide")
    browser = OfflineBrowser(dialog)
    browser.setOpenLinks(False)
    browser.setAccessibleName("User guide")
    browser.setHtml(resource_path("guide", "guide.html").read_text(encoding="utf-8"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(820, 680)
    dialog.browser = browser  # type: ignore[attr-defined]
    return dialog
