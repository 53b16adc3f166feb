"""Item-data roles the app's lists and tables agree on."""

from __future__ import annotations

from PySide6.QtCore import Qt

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1  # a section list's item: the section id
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the event table: the row's event id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the event table: the value rows sort by
