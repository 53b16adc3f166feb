"""The place form: a place found by name in the offline gazetteer, or typed.

Typing in Find lists the gazetteer's cities (largest first); picking one fills the
name, coordinates and country, all still editable (an airport, a road or a base is
typed in by hand). Checked as you type, like the event form: the first problem in
red, Save off until there is none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from content.editing import PlaceDraft
from content.gazetteer import City, find_cities
from content.geo import load_basemap
from desktop.curate.checked_form import CheckedForm

KINDS = ["city", "capital", "country", "region", "base", "airport", "headquarters", "road",
         "site"]


class CountryField(QComboBox):
    """The place's country by name ("Azerbaijan"), typed with completion or picked
    from the basemap's countries; stored as its ISO 3166-1 numeric code, which the
    analyst need not know (a code typed as such is taken too)."""

    textChanged = Signal(str)

    def __init__(self, code: str = "") -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for country in sorted(load_basemap().countries, key=lambda c: c.name):
            self.addItem(f"{country.name} ({country.id})", country.id)
        edit, completer = self.lineEdit(), self.completer()
        assert edit is not None and completer is not None  # an editable box has both
        edit.setPlaceholderText("Country name, e.g. Azerbaijan")
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit.textChanged.connect(self.textChanged)
        self.setText(code)

    def setText(self, code: str) -> None:
        """Show the country of `code` (its name), or the text as it is."""
        index = self.findData(code)
        self.setCurrentIndex(index) if index >= 0 else self.setEditText(code)

    def text(self) -> str:
        """The code, as the field used to hold it (tests and callers read this)."""
        return self.code()

    def code(self) -> str:
        """The ISO numeric code of the country named, or the text as typed."""
        typed = self.currentText().strip()
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index < 0:  # a name alone, without the code after it
            index = next((i for i in range(self.count())
                          if self.itemText(i).rsplit(" (", 1)[0].casefold() == typed.casefold()
                          and typed), -1)
        return str(self.itemData(index)) if index >= 0 else typed


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
        self.country = CountryField(draft.country)
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
        self.name.textChanged.connect(self.timer.start)
        self.country.textChanged.connect(self.timer.start)
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
                          self.country.code())

    def take(self, value: PlaceDraft) -> None:
        self.draft = value
