"""The place form: a place found by name in the offline gazetteer, or typed.

Typing in Find lists the gazetteer's cities (largest first); picking one fills the
name, coordinates and country, all still editable (an airport, a road or a base is
typed in by hand). Checked as you type, like the event form: the first problem in
red, Save off until there is none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from content.editing import PlaceDraft
from content.gazetteer import City, find_cities
from desktop.curate.checked_form import CheckedForm

KINDS = ["city", "capital", "country", "region", "base", "airport", "headquarters", "road",
         "site"]


class PlaceForm(CheckedForm):
    """Edit `draft`; `check(draft)` says what is wrong ("" when nothing)."""

    def __init__(self, draft: PlaceDraft, check: Callable[[PlaceDraft], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(lambda d: "A place needs a name" if not d.name else check(d),
                         parent, interval=200)
        self.setWindowTitle("New Place")
        self.draft = draft
        self.finder = QLineEdit()
        self.finder.setPlaceholderText("Find a city by name (offline gazetteer)")
        self.finder.setAccessibleName("Find a city")
        self.matches = QListWidget()
        self.matches.setAccessibleName("Cities found")
        self.matches.setMinimumHeight(120)
        self.name = QLineEdit(draft.name)
        self.lat = QDoubleSpinBox(minimum=-90.0, maximum=90.0, decimals=4, value=draft.lat)
        self.lon = QDoubleSpinBox(minimum=-180.0, maximum=180.0, decimals=4, value=draft.lon)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(KINDS)
        self.kind.setCurrentText(draft.kind)
        self.country = QLineEdit(draft.country)
        self.country.setPlaceholderText("ISO 3166-1 numeric, e.g. 031")
        form = QFormLayout()
        form.addRow("Find", self.finder)
        form.addRow("", self.matches)
        form.addRow("Name", self.name)
        form.addRow("Latitude", self.lat)
        form.addRow("Longitude", self.lon)
        form.addRow("Kind", self.kind)
        form.addRow("Country", self.country)
        self.finish(form)
        self.finder.textChanged.connect(self._search)
        self.matches.itemActivated.connect(self.pick)
        self.matches.itemClicked.connect(self.pick)
        for edit in (self.name, self.country):
            edit.textChanged.connect(self.timer.start)
        for spin in (self.lat, self.lon):
            spin.valueChanged.connect(self.timer.start)
        self.kind.currentTextChanged.connect(self.timer.start)
        self.validate()

    def _search(self, text: str) -> None:
        self.matches.clear()
        for city in find_cities(text):
            item = QListWidgetItem(city.label())
            item.setData(Qt.ItemDataRole.UserRole, city)
            self.matches.addItem(item)

    def pick(self, item: QListWidgetItem) -> None:
        """Fill the form from a gazetteer city."""
        city: City = item.data(Qt.ItemDataRole.UserRole)
        self.name.setText(city.name)
        self.lat.setValue(city.lat)
        self.lon.setValue(city.lon)
        self.country.setText(city.country_code)
        self.kind.setCurrentText("city")
        self.validate()

    def current(self) -> PlaceDraft:
        """The draft as the form shows it."""
        return PlaceDraft(self.draft.id, " ".join(self.name.text().split()),
                          self.lat.value(), self.lon.value(),
                          self.kind.currentText().strip() or "site",
                          self.country.text().strip())

    def take(self, value: PlaceDraft) -> None:
        self.draft = value
