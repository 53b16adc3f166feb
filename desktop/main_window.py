"""The main window: the pack's sections and its events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMainWindow, QSplitter, QTreeWidget, QTreeWidgetItem

from content.model import Pack


class MainWindow(QMainWindow):
    """Lists a pack's sections beside its events in date order (plain text only)."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")
        self.sections = QListWidget()
        self.sections.addItems([s.title for s in pack.sections])
        self.events = QTreeWidget()
        self.events.setHeaderLabels(["Date", "Event"])
        self.events.setRootIsDecorated(False)
        for event in pack.events:
            item = QTreeWidgetItem([event.date.label(), event.title])
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            self.events.addTopLevelItem(item)
        self.events.resizeColumnToContents(0)
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(self.events)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.resize(1100, 700)
