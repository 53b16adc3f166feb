"""The main window: wires the shared state to the map, timeline, lists and details.

This is the one place where views are connected, and only through `BriefingState`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QWidget,
)

from content.errors import ContentError, Problem
from content.loader import default_pack_folder, load_pack
from content.model import Pack
from desktop.detail_pane import DetailPane
from desktop.event_list import EventList
from desktop.filter_panel import FilterPanel
from desktop.housekeeping import remember_write_folder, settings
from desktop.map_view import MapView
from desktop.pack_watcher import PackWatcher
from desktop.state import BriefingState
from desktop.timeline_panel import TimelinePanel

if TYPE_CHECKING:
    from desktop.deck_builder import DeckBuilder
    from slides.spec import Deck

LAYER_TITLES = {"membership": "NATO members by accession date",
                "focus": "Azerbaijan and neighbours", "links": "Links between places",
                "labels": "Place labels"}




class MainWindow(QMainWindow):
    """Map above timeline; filters and events on the left; details on the right."""

    def __init__(self, pack: Pack, folder: Path | None = None, watch: bool = True,
                 remember_layout: bool = True) -> None:
        super().__init__()
        self.remember_layout = remember_layout
        self.folder = folder or Path(pack.folder or default_pack_folder())
        self.state = BriefingState(pack, self)
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")
        self.map = MapView(self.state)
        self.timeline = TimelinePanel(self.state)
        self.filters = FilterPanel(self.state)
        self.events = EventList(self.state)
        self.details = DetailPane(self.state)
        self._builder: DeckBuilder | None = None  # made when first needed (start-up)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("mapTimelineSplit")
        split.addWidget(self.map)
        split.addWidget(self.timeline)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        self.setCentralWidget(split)

        self.filter_dock = self._dock("Filters", self.filters, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.events_dock = self._dock("Events", self.events, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.details_dock = self._dock("Details", self.details,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.deck_scroller = QScrollArea()
        self.deck_scroller.setWidgetResizable(True)
        self.deck_scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.deck_dock = self._dock("Deck", self.deck_scroller,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.deck_dock, self.details_dock)  # Details in front
        self.deck_dock.visibilityChanged.connect(self._deck_visibility)
        self.problems_dock = self._dock("Problems", self.problems,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.problems_dock.hide()
        self.resizeDocks([self.filter_dock, self.details_dock], [280, 300],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.filter_dock, self.events_dock], [330, 420],
                         Qt.Orientation.Vertical)

        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self._build_menus()
        self.state.filterChanged.connect(self._show_counts)
        self.state.packChanged.connect(self._show_counts)
        self.details.linkRefused.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self._show_counts()

        self.watcher: PackWatcher | None = None
        if watch:
            self._watch(self.folder)
        self.resize(1440, 900)
        split.setSizes([480, 420])
        self._default_state = self.saveState()
        if remember_layout:
            self._restore_layout()

    @property
    def builder(self) -> DeckBuilder:
        """The Deck pane, created the first time it is needed (not at start-up)."""
        if self._builder is None:
            from desktop.deck_builder import DeckBuilder

            self._builder = DeckBuilder(self.state)
            self._builder.seen = not self.deck_dock.visibleRegion().isEmpty()
            self.deck_scroller.setWidget(self._builder)
        return self._builder

    def _deck_visibility(self, visible: bool) -> None:
        if visible or self._builder is not None:
            self.builder.set_seen(visible)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- menus --------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&Open Pack…", self.open_pack_dialog,
                                         QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action("&Reload Pack", self.reload_pack, "Ctrl+R"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("Export &Deck…", self._export_deck, "Ctrl+Shift+S"))
        file_menu.addAction(self._action("Export Deck as &PDF…", lambda: self.export_pdf(False)))
        file_menu.addAction(self._action("Export Notes Pages as PDF…",
                                         lambda: self.export_pdf(True)))
        file_menu.addAction(self._action("Save Deck Recipe…",
                                         lambda: self.builder.save_recipe_dialog()))
        file_menu.addAction(self._action("Load Deck Recipe…",
                                         lambda: self.builder.load_recipe_dialog()))
        file_menu.addSeparator()
        file_menu.addAction(self._action("Export Map as PNG…", lambda: self.export_png("map"),
                                         "Ctrl+Shift+M"))
        file_menu.addAction(self._action("Export Timeline as PNG…",
                                         lambda: self.export_png("timeline"), "Ctrl+Shift+T"))
        file_menu.addAction(self._action("Export Window as PNG…",
                                         lambda: self.export_png("window"), "Ctrl+Shift+E"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        slideshow = bar.addMenu("&Present")
        slideshow.addAction(self._action("From the &Beginning", lambda: self.present(0), "F5"))
        slideshow.addAction(self._action("From the &Selected Slide", self.present_selected,
                                         "Shift+F5"))
        slideshow.addAction(self._action("With Presenter &View",
                                         lambda: self.present(0, presenter_view=True),
                                         "Alt+F5"))

        view = bar.addMenu("&View")
        view.addAction(self._action("Map: Default View", self.map.fit_default, "Ctrl+0"))
        view.addAction(self._action("Map: Fit to Content", self.map.fit_content, "Ctrl+F"))
        view.addAction(self._action("Map: Fit to Selection", self.map.fit_selection, "Ctrl+E"))
        view.addAction(self._action("Timeline: Show All", self.timeline.view.fit_all,
                                    "Ctrl+Shift+0"))
        view.addAction(self._action("Clear Selection", self._clear_selection, "Esc"))
        view.addAction(self._action("Reset Filters", self.state.reset_filter, "Ctrl+Shift+R"))
        view.addSeparator()
        layers = view.addMenu("Map &Layers")
        self.layer_actions: dict[str, QAction] = {}
        for name in self.map.LAYERS:
            action = self._action(LAYER_TITLES[name], lambda on, n=name: self.map.set_layer(n, on),
                                  checkable=True)
            action.setChecked(True)
            layers.addAction(action)
            self.layer_actions[name] = action
        view.addSeparator()
        for dock in (self.filter_dock, self.events_dock, self.details_dock, self.deck_dock,
                     self.problems_dock):
            view.addAction(dock.toggleViewAction())
        view.addAction(self._action("Reset Layout", self.reset_layout))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About Briefing Desk", self.about))

    # -- actions ------------------------------------------------------------
    def present(self, start: int = 0, presenter_view: bool | None = None) -> None:
        """Present the deck the Deck pane shows, from slide `start`."""
        from desktop.show import ShowController

        deck = self._deck_or_hint()
        if deck is None:
            return
        self.show_controller = ShowController(deck, self.state.pack, start,
                                              presenter_view=presenter_view)
        self.show_controller.ended.connect(self._show_ended)
        self.show_controller.start()

    def _deck_or_hint(self) -> Deck | None:
        """The Deck pane's current deck, or None after telling the user why there is none."""
        deck = self.builder.current_deck()
        if deck is None:
            self.statusBar().showMessage("Choose at least one section in the Deck pane first",
                                         6000)
        return deck

    def present_selected(self) -> None:
        """Present from the slide selected among the Deck pane's thumbnails."""
        self.present(self.builder.current_slide())

    def _show_ended(self, index: int) -> None:
        """Back in the app where the show stopped: that slide selected in the Deck pane."""
        self.deck_dock.show()
        self.deck_dock.raise_()
        self.builder.select_slide(index)
        self.activateWindow()
        self.raise_()
        self.statusBar().showMessage(f"Show ended on slide {index + 1}", 5000)

    def _export_deck(self) -> None:
        self.deck_dock.show()
        self.deck_dock.raise_()
        self.builder.export_dialog()

    def export_pdf(self, notes: bool) -> None:
        """Ask where, then write the Deck pane's deck as a PDF handout (or notes pages)."""
        from desktop.pdf_export import write_pdf

        deck = self._deck_or_hint()
        if deck is None:
            return
        suffix = " notes" if notes else ""
        name, _ = QFileDialog.getSaveFileName(self, "Export PDF", f"{deck.title}{suffix}.pdf",
                                              "PDF (*.pdf)")
        if not name:
            return
        try:
            write_pdf(deck, Path(name), notes=notes)
            remember_write_folder(Path(name))
        except OSError as exc:
            QMessageBox.warning(self, "Export failed", f"Could not write {name}:\n{exc.strerror}")
            return
        self.statusBar().showMessage(f"Saved {name}", 5000)

    def changeEvent(self, event) -> None:
        """Follow the system's light/dark palette while running."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            self.map.apply_theme()
            self.timeline.view.apply_theme()
        super().changeEvent(event)

    def _clear_selection(self) -> None:
        self.state.select_event(None)
        self.state.select_place(None)

    def _show_counts(self) -> None:
        pack = self.state.pack
        shown = len(self.state.visible_events)
        self.counts.setText(f"{shown} of {len(pack.events)} events · {len(pack.sections)} "
                            f"sections · {len(pack.places)} places · as of "
                            f"{pack.info.as_of.label()} · {pack.info.marking}")

    def _watch(self, folder: Path) -> None:
        if self.watcher is not None:
            self.watcher.deleteLater()
        self.watcher = PackWatcher(folder, self)
        self.watcher.reloaded.connect(self._reloaded)
        self.watcher.failed.connect(self.show_problems)

    def reload_pack(self) -> None:
        """Reload the pack from disk now."""
        if self.watcher is not None:
            self.watcher.reload()
        else:
            try:
                self._reloaded(load_pack(self.folder))
            except ContentError as exc:
                self.show_problems(exc.problems)

    def _reloaded(self, pack: Pack) -> None:
        self.state.set_pack(pack)
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")
        self.problems.clear()
        self.problems_dock.hide()
        self.statusBar().showMessage("Pack reloaded", 4000)

    def show_problems(self, problems: list[Problem]) -> None:
        """List a broken pack's problems; the last good content stays on screen."""
        self.problems.clear()
        self.problems.addItems([str(p) for p in problems])
        self.problems_dock.show()
        noun = "problem" if len(problems) == 1 else "problems"
        self.statusBar().showMessage(f"The pack has {len(problems)} {noun}; showing the last "
                                     "good content", 0)

    def open_pack_dialog(self) -> None:
        """Ask for a pack folder and open it."""
        folder = QFileDialog.getExistingDirectory(self, "Open Content Pack", str(self.folder))
        if folder:
            self.open_pack(Path(folder))

    def open_pack(self, folder: Path) -> bool:
        """Open another pack; on problems, list them and keep the current one."""
        try:
            pack = load_pack(folder)
        except ContentError as exc:
            self.show_problems(exc.problems)
            return False
        self.folder = folder
        self._reloaded(pack)
        self._watch(folder)
        self.map.fit_default()
        self.timeline.view.fit_all()
        return True

    def export_png(self, kind: str) -> None:
        """Ask where, then save a PNG of the map, timeline or window."""
        from desktop.snapshot import grab_png

        name, _ = QFileDialog.getSaveFileName(self, "Export as PNG", f"{kind}.png",
                                              "PNG image (*.png)")
        if not name:
            return
        widget = {"map": self.map, "timeline": self.timeline.view}.get(kind, self)
        try:
            grab_png(widget, Path(name))
            remember_write_folder(Path(name))
        except OSError as exc:
            QMessageBox.warning(self, "Export failed", f"Could not write {name}:\n{exc.strerror}")
            return
        self.statusBar().showMessage(f"Saved {name}", 5000)

    def about(self) -> None:
        """The About box."""
        box = QMessageBox(self)
        box.setWindowTitle("About Briefing Desk")
        box.setTextFormat(Qt.TextFormat.PlainText)
        pack = self.state.pack
        box.setText(f"Briefing Desk\n\nOffline map, timeline and briefing decks.\n\n"
                    f"Pack: {pack.info.title} (as of {pack.info.as_of.label()})\n"
                    "Basemap: Natural Earth 1:50m (public domain) via world-atlas.")
        box.exec()

    # -- layout persistence -------------------------------------------------
    def _restore_layout(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        split = store.value("window/split")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        if isinstance(split, QByteArray):
            self.split.restoreState(split)

    def save_layout(self) -> None:
        """Remember geometry, docks and splitter for next time."""
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/split", self.split.saveState())
        store.sync()

    def reset_layout(self) -> None:
        """Put docks back where they start."""
        self.restoreState(self._default_state)
        self.problems_dock.setVisible(self.problems.count() > 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timeline.stop()
        if self.remember_layout:
            self.save_layout()
        super().closeEvent(event)
