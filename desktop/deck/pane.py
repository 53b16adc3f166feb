"""The deck builder pane: pick and order sections, fill in the deck, see it, export it.

Thumbnails are painted from the same slide specs the PowerPoint writer uses, and
refresh shortly after any change. Export shows progress, then offers to open the
deck or its folder. Every failure is a message, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from content.dates import PartialDate
from content.errors import ContentError
from desktop.date_field import DateField
from desktop.deck.thumbnails import ThumbnailModel
from desktop.deck.working import load_working, save_working
from desktop.errors import error_message
from desktop.housekeeping import ask_save_name, remember_write_folder
from desktop.plaintext import PlainLabel, offer_open, plain_tooltip, warn
from desktop.roles import SECTION_ROLE
from desktop.state import BriefingState
from slides.build import build_deck
from slides.errors import DeckError
from slides.output import suggested_name
from slides.pptx.look import template_page
from slides.recipe import OPTIONS, Options, Recipe, default_recipe, load_recipe, save_recipe
from slides.spec import Deck

THUMB = QSize(192, 108)
KEEP_MS = 800  # the working deck is kept this long after the last change
REFRESH_MS = 250


class DeckBuilder(QWidget):
    """Edits a recipe for the state's pack and exports it."""

    deckChanged = Signal()

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.deck: Deck | None = None
        self.problem: Exception | None = None  # why the last build failed
        self.last_export: Path | None = None
        self.recipe_file: Path | None = None  # where the recipe was last saved or loaded
        self.sections = QListWidget()
        self.sections.setAccessibleName("Deck sections")
        self.sections.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.sections.setToolTip("Check the sections to include; drag to reorder")
        self.sections.setMinimumHeight(120)
        self.fields = {name: QLineEdit() for name in
                       ("title", "subtitle", "presenter", "date", "audience", "marking")}
        self.template = QLineEdit()
        self.template.setPlaceholderText("Briefing Desk default (16:9)")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse_template)
        # A checkbox per switch, a checkbox and a date per dated option: from the one
        # description of the deck's options that the recipe file and the CLI read too.
        self.options = {spec.name: QCheckBox(spec.label) for spec in OPTIONS
                        if spec.kind == "switch"}
        self.dated = {spec.name: (QCheckBox(spec.label), DateField()) for spec in OPTIONS
                      if spec.kind == "date"}
        for spec in OPTIONS:
            box = self.options.get(spec.name) or self.dated[spec.name][0]
            box.setToolTip(plain_tooltip(spec.help[:1].upper() + spec.help[1:]))
        for box, date in self.dated.values():
            date.setAccessibleName(box.text())
        self.thumbnail_model = ThumbnailModel(THUMB, self)
        self.thumbnails = QListView()
        self.thumbnails.setModel(self.thumbnail_model)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setIconSize(THUMB)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setSpacing(4)
        self.thumbnails.setAccessibleName("Slide thumbnails")
        self.thumbnails.setMinimumHeight(THUMB.height() + 40)
        self.summary = PlainLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton("Export Deck…")
        self.export_button.setDefault(True)
        save = QPushButton("Save Recipe…")
        load = QPushButton("Load Recipe…")
        save.clicked.connect(self.save_recipe_dialog)
        load.clicked.connect(self.load_recipe_dialog)
        self.export_button.clicked.connect(self.export_dialog)

        form = QFormLayout()
        for name, edit in self.fields.items():
            form.addRow(name.capitalize(), edit)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(browse)
        form.addRow("Template", row)
        options = QVBoxLayout()
        for box in self.options.values():
            options.addWidget(box)
        for box, date in self.dated.values():
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(date, 1)
            options.addLayout(row)
        # Two short rows, not one long one: the pane opens 300 px wide, and a row of
        # three buttons pushed Export Deck… out of sight behind a scroll bar.
        recipes = QHBoxLayout()
        recipes.addWidget(load)
        recipes.addWidget(save)
        recipes.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        # The recipe scrolls; the summary and the buttons are a footer that never
        # does, so Export Deck… stays in sight at 1280 x 720 and in a narrow pane.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(PlainLabel("Sections (check, drag to order)"))
        inner.addLayout(self._section_picks())
        inner.addWidget(self.sections, 2)
        inner.addLayout(form)
        inner.addLayout(options)
        inner.addWidget(self.thumbnails, 3)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(content)
        self.summary.setWordWrap(True)
        self.footer = QWidget()
        bottom = QVBoxLayout(self.footer)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.summary)
        bottom.addLayout(recipes)
        bottom.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.footer)
        for edit in (*self.fields.values(), self.template):  # long text scrolls inside
            edit.setMinimumWidth(60)
            edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self._stale = True  # the deck is built when the pane is first seen, not at start-up
        self.seen: bool | None = None  # set by a dock that knows; None: when shown
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.timer.timeout.connect(self._refresh_if_seen)
        self.sections.itemChanged.connect(self._changed)
        self.sections.model().rowsMoved.connect(self._changed)
        for edit in (*self.fields.values(), self.template):
            edit.textChanged.connect(self._changed)
        for box in (*self.options.values(), *(on for on, _ in self.dated.values())):
            box.toggled.connect(self._changed)
        for _, date in self.dated.values():
            date.dateChanged.connect(self._changed)
        state.packChanged.connect(self._pack_changed)
        # The working deck of the last session, if there was one; else the pack's.
        self.keeper = QTimer(self, singleShot=True, interval=KEEP_MS)
        self.keeper.timeout.connect(self.keep)
        recipe, self.recipe_file = load_working()
        self.set_recipe(recipe or default_recipe(state.pack))

    # -- recipe <-> widgets -------------------------------------------------
    def set_recipe(self, recipe: Recipe) -> None:
        """Show `recipe` in the pane (unknown sections are dropped)."""
        pack = self.state.pack
        chosen = [s for s in recipe.sections if any(x.id == s for x in pack.sections)]
        order = chosen + [s.id for s in pack.sections if s.id not in chosen]
        self.sections.blockSignals(True)
        self.sections.clear()
        for sid in order:
            item = QListWidgetItem(pack.section(sid).title)
            item.setData(SECTION_ROLE, sid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if sid in chosen else
                               Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        for name, edit in self.fields.items():
            edit.blockSignals(True)
            edit.setText(getattr(recipe, name))
            edit.blockSignals(False)
        self.template.setText(recipe.template)
        o = recipe.options
        for name, box in self.options.items():
            box.setChecked(getattr(o, name))
        for name, (box, date) in self.dated.items():
            value = getattr(o, name)
            box.setChecked(value is not None)
            day = (value or self.state.pack.info.as_of).first_day()
            date.setDate(QDate(day.year, day.month, day.day))
        self._stale = True
        self._refresh_if_seen()

    def recipe(self) -> Recipe:
        """The recipe the pane shows."""
        sections = tuple(self.sections.item(r).data(SECTION_ROLE)
                         for r in range(self.sections.count())
                         if self.sections.item(r).checkState() == Qt.CheckState.Checked)
        values: dict[str, bool | PartialDate | None] = {
            name: box.isChecked() for name, box in self.options.items()}
        for name, (box, date) in self.dated.items():
            d = date.date()
            values[name] = PartialDate(d.year(), d.month(), d.day()) if box.isChecked() else None
        options = Options.of(values)
        texts = {name: edit.text().strip() for name, edit in self.fields.items()}
        return Recipe(sections=sections, template=self.template.text().strip(),
                      options=options, **texts)

    def _changed(self, *_args: object) -> None:
        self._stale = True
        self.timer.start()
        self.keeper.start()

    def keep(self) -> None:
        """Keep the working deck for the next start (a moment after each change)."""
        self.keeper.stop()
        save_working(self.recipe(), self.recipe_file)

    def _refresh_if_seen(self) -> None:
        if self._stale and (self.seen if self.seen is not None else self.isVisible()):
            self.refresh()

    def current_deck(self) -> Deck | None:
        """The deck for the recipe shown, rebuilt only if something changed since."""
        if self._stale or self.deck is None:
            self.refresh()
        return self.deck

    def set_seen(self, seen: bool) -> None:
        """Whether a user can see the pane (its dock's tab is in front): build when seen."""
        self.seen = seen
        if seen and self._stale:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.seen is None:
            self.refresh()

    def _pack_changed(self) -> None:
        self.set_recipe(self.recipe())

    # -- preview ------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the deck and its thumbnails from the current recipe."""
        self._stale = False
        recipe = self.recipe()
        if not recipe.sections:
            self.deck = None
            self.thumbnail_model.set_deck(None)
            self.summary.setText("Check at least one section to build a deck.")
            self.export_button.setEnabled(False)
            return
        self.problem = None
        try:
            page = template_page(recipe.template or None)  # read once per template file
            self.deck = build_deck(self.state.pack, recipe, page)
        except (DeckError, ContentError) as exc:
            self.problem = exc
            self.deck = None
            self.thumbnail_model.set_deck(None)
            self.summary.setText(error_message(exc)[1])
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.summary.setText(f"{len(self.deck.slides)} slides · marking "
                             f"{self.deck.marking}")
        self.thumbnail_model.set_deck(self.deck)
        self.deckChanged.emit()

    # -- files --------------------------------------------------------------
    def current_slide(self) -> int:
        """The selected thumbnail's slide index (0 when none)."""
        index = self.thumbnails.currentIndex()
        return index.row() if index.isValid() else 0

    def select_slide(self, index: int) -> None:
        """Select (and scroll to) slide `index`'s thumbnail."""
        model_index = self.thumbnail_model.index(index, 0)
        self.thumbnails.setCurrentIndex(model_index)
        self.thumbnails.scrollTo(model_index)

    def _section_picks(self) -> QHBoxLayout:
        """All, None, and As Filtered (the sections the filter shows): 13 sections to
        3 in one click, not ten."""
        row = QHBoxLayout()
        for text, tip, pick in (
                ("All", "Include every section", lambda: None),
                ("None", "Include no section (then tick the ones you want)",
                 lambda: frozenset()),
                ("As Filtered", "The sections the filter shows", lambda: (
                    self.state.filter.sections))):
            button = QPushButton(text)
            button.setToolTip(plain_tooltip(tip))
            button.clicked.connect(lambda _=False, p=pick: self.check_sections(p()))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def check_sections(self, chosen: frozenset[str] | None) -> None:
        """Tick exactly `chosen` (None: every section), keeping their order."""
        self.sections.blockSignals(True)
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            on = chosen is None or item.data(SECTION_ROLE) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.sections.blockSignals(False)
        self._changed()

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a Template", "",
                                              "PowerPoint templates (*.pptx *.potx)")
        if name:
            self.template.setText(name)

    def save_recipe_dialog(self) -> None:
        """Ask where and save the recipe as YAML."""
        name = ask_save_name(self, "recipe", "Save Recipe",
                             self.recipe_file.name if self.recipe_file else "briefing.yaml",
                             "Recipes (*.yaml *.yml)")
        if name:
            try:
                save_recipe(self.recipe(), Path(name))
                remember_write_folder(Path(name))
                self.recipe_file = Path(name)
                self.keep()
            except OSError as exc:
                self._show_error(exc)

    def load_recipe_dialog(self) -> None:
        """Ask for a recipe file and show it."""
        name, _ = QFileDialog.getOpenFileName(self, "Load Recipe", "", "Recipes (*.yaml *.yml)")
        if name:
            try:
                self.set_recipe(load_recipe(Path(name)))
                self.recipe_file = Path(name)
                self.keep()
            except DeckError as exc:
                self._show_error(exc)

    def export_dialog(self) -> None:
        """Ask where, export with progress, then offer to open the deck or its folder."""
        offered = suggested_name(self.recipe().title, dt.date.today().isoformat())
        name = ask_save_name(self, "deck", "Export Deck", offered, "PowerPoint (*.pptx)")
        if not name:
            return
        path = Path(name if name.lower().endswith(".pptx") else name + ".pptx")
        if self.export(path):
            self._offer_open(path)

    def export(self, path: Path) -> bool:
        """Write the deck to `path` with a progress dialog; False (after a message) if not."""
        from slides.pptx.writer import write_pptx

        deck = self.current_deck()
        if deck is None:
            if self.problem is not None:  # say why (a template that cannot be used)
                self._show_error(self.problem)
            return False
        progress = QProgressDialog("Exporting the deck…", "", 0, len(deck.slides), self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> None:
            progress.setValue(done)

        template = self.template.text().strip() or None
        try:
            write_pptx(deck, path, template, step)
        except (DeckError, OSError) as exc:
            progress.close()
            self._show_error(exc)
            return False
        progress.close()
        self.last_export = path
        remember_write_folder(path)
        return True

    def _offer_open(self, path: Path) -> None:
        offer_open(self, "Deck exported", path, "Open Deck",
                   f"{len(self.deck.slides) if self.deck else 0} slides")

    def _show_error(self, exc: BaseException) -> None:
        title, text = error_message(exc)
        warn(self, title, text)
