"""The main window: wires the shared state to the map, timeline, lists and details.

This is the one place where views are connected, and only through `BriefingState`.

Start-up is incremental. The first frame is the window at its remembered size and
layout: working menus, the docks with their titles, the map and timeline areas in
their own colours, and a status line saying the pack is being opened. Once that
frame is painted, the pack, the map, the timeline and the side panels are built one
step at a time on the event loop, so the window moves, resizes and opens its menus
meanwhile. Nothing acts on a half-built window: every menu action first finishes
the remaining steps. The content, map and timeline modules are imported by those
steps, not before the first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.plaintext import PlainLabel, message_box, plain_tooltip
from desktop.shell.layout import Placeholder, restore_layout, save_layout
from desktop.shell.menus import Menus
from desktop.shell.pack_session import PackSession
from desktop.shell.problems import EditorTemplateError, open_problem
from desktop.shell.start_steps import StartSteps

if TYPE_CHECKING:
    from content.errors import Problem
    from content.model import Pack
    from desktop.deck.pane import DeckBuilder
    from desktop.map.view import MapView
    from desktop.panes.details import DetailPane
    from desktop.panes.event_list import EventList
    from desktop.panes.filters import FilterPanel
    from desktop.shell.figure import Figure
    from desktop.shell.pack_editor import PackEditor
    from desktop.shell.pack_watcher import PackWatcher
    from desktop.state import BriefingState
    from desktop.timeline.panel import TimelinePanel
    from slides.spec import Deck


class MainWindow(QMainWindow):
    """Map above timeline; filters and events on the left; details on the right."""

    loaded = Signal()
    """Every pane is built and shows the pack."""
    packOpened = Signal(object)
    """File > Open Pack… has shown the new pack."""
    loadFailed = Signal(object)
    """The pack could not be loaded at start (the `ContentError`); the window keeps
    its empty panes."""

    state: BriefingState
    map: MapView
    timeline: TimelinePanel
    filters: FilterPanel
    events: EventList
    details: DetailPane
    split: QSplitter
    problems: QListWidget
    deck_holder: QWidget
    filter_dock: QDockWidget
    events_dock: QDockWidget
    details_dock: QDockWidget
    deck_dock: QDockWidget
    problems_dock: QDockWidget

    def __init__(self, pack: Pack | None, folder: Path | None = None, watch: bool = True,
                 remember_layout: bool = True) -> None:
        """Given a pack, the window is complete when this returns. Given None, it
        loads `folder` (the embedded pack when None) once shown, in steps on the
        event loop, and then emits `loaded` (or `loadFailed`)."""
        super().__init__()
        self.remember_layout = remember_layout
        self.session = PackSession(folder or (Path(pack.folder) if pack and pack.folder
                                              else None), watch, self)
        self.session.loaded.connect(self._reloaded)
        self.session.opened.connect(self._opened)
        self.session.problems.connect(self.show_problems)
        self.session.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self._builder: DeckBuilder | None = None  # made when first needed (start-up)
        self._editor: PackEditor | None = None  # made at the first edit
        self.start_problems: list[Problem] = []  # why the pack asked for was refused
        self.refused_folder: Path | None = None
        self._pack = pack  # given: used as it is, not loaded
        self._start = StartSteps([self._load_pack, self._build_map, self._build_timeline,
                                  self._build_panels, self._finish], self)
        self._start.broke.connect(lambda: self.statusBar().showMessage(
            "Briefing Desk could not finish opening; see the terminal for details"))
        self.setWindowTitle("Briefing Desk")
        self._build_frame()
        if pack is not None:
            self.finish_loading()

    # -- start-up -----------------------------------------------------------
    @property
    def loading(self) -> bool:
        """Whether panes are still to be built (the window may show its frame only)."""
        return self._start.pending

    def finish_loading(self) -> bool:
        """Build whatever is not built yet, now; False if it cannot be (the pack failed
        to load, a step broke, or the window was closed while starting)."""
        return self._start.finish()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start.queue_soon()  # in case the first frame is never painted

    def _build_frame(self) -> None:
        """The first frame: menus, docks, splitter and status line, at the window's
        remembered size and layout, with empty panes."""
        map_area = Placeholder("sea", "mapPlaceholder")
        map_area.painted.connect(self._start.queue)  # the frame is on screen: go on
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("mapTimelineSplit")
        split.addWidget(map_area)
        split.addWidget(Placeholder("lane", "timelinePlaceholder"))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        self.setCentralWidget(split)

        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.problems.setToolTip(plain_tooltip("Double-click a problem to open its file "
                                               "at its line"))
        self.problems.itemActivated.connect(lambda item: self._open_problem(item.text()))
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.filter_dock = self._dock("Filters", left)
        self.events_dock = self._dock("Events", left)
        self.details_dock = self._dock("Details", right)
        self.deck_holder = QWidget()  # the Deck pane goes in when first needed
        QVBoxLayout(self.deck_holder).setContentsMargins(0, 0, 0, 0)
        self.deck_dock = self._dock("Deck", right, self.deck_holder)
        self.tabifyDockWidget(self.deck_dock, self.details_dock)  # Details in front
        self.problems_dock = self._dock("Problems", Qt.DockWidgetArea.BottomDockWidgetArea,
                                        self.problems)
        self.problems_dock.hide()
        # After the docks: the View menu lists their toggles.
        self.menus = Menus(self, self, [self.filter_dock, self.events_dock, self.details_dock,
                                        self.deck_dock, self.problems_dock])
        self.layer_actions = self.menus.layer_actions
        self.view_menu = self.menus.view_menu
        # Sized before the window is shown: resizeDocks() ignores docks that a
        # window already on screen has not laid out yet.
        self.resizeDocks([self.filter_dock, self.details_dock], [280, 300],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.filter_dock, self.events_dock], [330, 420],
                         Qt.Orientation.Vertical)
        self.counts = PlainLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().showMessage("Opening the content pack…")
        self.resize(1440, 900)
        split.setSizes([480, 420])
        self._default_state = self.saveState()
        if self.remember_layout:
            self._restore_layout()

    def _load_pack(self) -> None:
        """Take the given pack, or load it off the GUI thread (the steps wait)."""
        from desktop.shell.pack_loading import PackLoad

        if self._pack is not None:
            self._use_pack(self._pack)
            return
        load = PackLoad(self.folder, self)
        load.finished.connect(self._start_pack_loaded)
        load.failed.connect(self._start_pack_refused)
        load.start()
        self._start.wait_for(load)

    def _start_pack_loaded(self, pack: Pack) -> None:
        if self._start.stopped:  # closed meanwhile
            return
        self._use_pack(pack)
        self._start.resume()

    def _start_pack_refused(self, problems: list[Problem]) -> None:
        """The pack asked for cannot be read: open on the embedded pack instead, with
        the problems listed (never an exit); only a broken embedded pack stops."""
        from content.errors import ContentError
        from desktop.shell.pack_loading import PackLoad

        if self._start.stopped:
            return
        if self.folder is None:  # the embedded pack itself: nothing to fall back on
            self._start.stop()
            self.statusBar().showMessage("The content pack has problems")
            self.loadFailed.emit(ContentError(problems))
            return
        self.start_problems = list(problems)
        self.refused_folder, self.folder = self.folder, None
        self.statusBar().showMessage(f"{self.refused_folder} could not be opened; showing "
                                     "the embedded pack")
        fallback = PackLoad(None, self)
        fallback.finished.connect(self._start_pack_loaded)
        fallback.failed.connect(self._start_pack_refused)
        fallback.start()
        self._start.wait_for(fallback)

    def _use_pack(self, pack: Pack) -> None:
        from content.loader import default_pack_folder
        from desktop.state import BriefingState

        self.folder = self.folder or Path(pack.folder or default_pack_folder())
        self.state = BriefingState(pack, self)
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")

    def _build_map(self) -> None:
        from desktop.map.view import MapView

        self.map = MapView(self.state)
        self.map.newPlaceAt.connect(lambda lat, lon: self.editor.new_place(self, (lat, lon)))
        self._replace_placeholder(0, self.map)
        self.map.fit_default()  # again, now that the map has its place's size

    def _build_timeline(self) -> None:
        from desktop.timeline.panel import TimelinePanel

        self.timeline = TimelinePanel(self.state)
        self._replace_placeholder(1, self.timeline)

    def _replace_placeholder(self, index: int, pane: QWidget) -> None:
        placeholder = self.split.widget(index)
        pane.resize(placeholder.size())
        self.split.replaceWidget(index, pane)  # keeps the placeholder's place
        placeholder.deleteLater()

    def _build_panels(self) -> None:
        from desktop.panes.details import DetailPane
        from desktop.panes.event_list import EventList
        from desktop.panes.filters import FilterPanel

        self.filters = FilterPanel(self.state)
        self.events = EventList(self.state)
        self.details = DetailPane(self.state)
        # In a scroller, so a short window scrolls the filters instead of growing past
        # the screen (the section list alone wants 120 px).
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.filters)
        self.filter_dock.setWidget(scroller)
        self.events_dock.setWidget(self.events)
        self.details_dock.setWidget(self.details)
        self.details.linkRefused.connect(lambda m: self.statusBar().showMessage(m, 8000))

    def _finish(self) -> None:
        self.state.visibleChanged.connect(self._show_counts)  # also after a new pack
        self._show_counts()
        self.statusBar().clearMessage()
        if self.start_problems:  # the pack asked for was refused: say why, in the window
            self.show_problems(self.start_problems)
            self.statusBar().showMessage(
                f"{self.refused_folder} is not usable ({len(self.start_problems)} "
                "problem(s), listed below); showing the embedded pack. File → Open Pack… "
                "opens another.", 0)
        self.deck_dock.visibilityChanged.connect(self._deck_visibility)
        if self.deck_dock.isVisible() and not self.deck_dock.visibleRegion().isEmpty():
            self._deck_visibility(True)  # the remembered layout put the Deck tab in front
        self.session.watch()
        self.loaded.emit()

    @property
    def builder(self) -> DeckBuilder:
        """The Deck pane, created the first time it is needed (not at start-up)."""
        if self._builder is None:
            from desktop.deck.pane import DeckBuilder

            self.finish_loading()
            self._builder = DeckBuilder(self.state)
            self._builder.seen = not self.deck_dock.visibleRegion().isEmpty()
            self.deck_holder.layout().addWidget(self._builder)
        return self._builder

    def _deck_visibility(self, visible: bool) -> None:
        if visible or self._builder is not None:
            self.builder.set_seen(visible)

    def _dock(self, title: str, area: Qt.DockWidgetArea,
              widget: QWidget | None = None) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        if widget is not None:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- actions ------------------------------------------------------------
    def present(self, start: int = 0, presenter_view: bool | None = None) -> None:
        """Present the deck the Deck pane shows, from slide `start`."""
        from desktop.present.show import ShowController

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

    # -- what the menus run (MenuHost) ----------------------------------------
    def export_deck(self) -> None:
        """Export the Deck pane's deck as .pptx (the pane's dialog)."""
        self.deck_dock.show()
        self.deck_dock.raise_()
        self.builder.export_dialog()

    def changeEvent(self, event) -> None:
        """Follow the system's light/dark palette while running."""
        if event.type() == QEvent.Type.PaletteChange and not self.loading:
            self.map.apply_theme()
            self.timeline.view.apply_theme()
        super().changeEvent(event)

    def export_pdf(self, notes: bool) -> None:
        """Ask where, then write the Deck pane's deck as a PDF handout (or notes pages)."""
        deck = self._deck_or_hint()
        if deck is not None:
            from desktop.shell import exports  # not needed for the first frame

            exports.export_pdf(self, deck, notes, self._say)

    def export_png(self, kind: str) -> None:
        """Ask where, then save a PNG of the map, timeline or window."""
        widget = {"map": self.map, "timeline": self.timeline.view}.get(kind, self)
        from desktop.shell import exports

        exports.export_png(self, widget, kind, self._say)

    def export_data(self) -> None:
        """File → Export Pack Data…: CSV, GeoJSON, TimelineJS JSON or iCalendar."""
        from desktop.shell import exports

        exports.export_data(self, self.state.pack, self._say)

    def export_figure(self, kind: str) -> None:
        """File → Export Map/Timeline as Figure: framed, at print resolution."""
        from desktop.shell import exports

        view = self.map if kind == "map" else self.timeline.view
        exports.export_figure(self, view, kind, lambda w, h, dpi: self.figure(kind, w, h, dpi),
                              self._say)

    def figure(self, kind: str, width_in: float = 10.0, height_in: float = 5.625,
               dpi: int = 300) -> Figure:
        """The frame of a figure of the map or timeline as the analyst sees it now."""
        from content.dates import day_label
        from desktop.shell.figure import Figure

        pack = self.state.pack
        marking = (self._builder.recipe().marking if self._builder is not None else "") \
            or pack.info.marking
        flt = self.state.filter
        when = ""
        if flt.start or flt.end:
            first, last = self.state.extent()
            when = f", {day_label(flt.start or first)} – {day_label(flt.end or last)}"
        title = f"{pack.info.title}: {'places' if kind == 'map' else 'timeline'}{when}"
        legend = tuple((colour, text) for colour, text in zip(
            (self.map.theme.member, self.map.theme.member_new, self.map.theme.focus,
             self.map.theme.marker), self.map.legend.rows()[:4], strict=False)) \
            if kind == "map" else ()
        return Figure(title, marking, pack.info.as_of.label(), legend, width_in, height_in,
                      dpi)

    def save_recipe(self) -> None:
        """Save the Deck pane's recipe (its dialog)."""
        self.builder.save_recipe_dialog()

    def load_recipe(self) -> None:
        """Load a recipe into the Deck pane (its dialog)."""
        self.builder.load_recipe_dialog()

    def fit_map(self, how: str) -> None:
        """Map to its default view, its content or the selection."""
        {"default": self.map.fit_default, "content": self.map.fit_content,
         "selection": self.map.fit_selection}[how]()

    def fit_timeline(self) -> None:
        """Show every event on the timeline."""
        self.timeline.view.fit_all()

    def reset_filters(self) -> None:
        """Show everything again."""
        self.state.reset_filter()

    def set_map_layer(self, name: str, on: bool) -> None:
        """Show or hide one of the map's layers."""
        self.map.set_layer(name, on)

    def set_map_legend(self, on: bool) -> None:
        """View → Map Legend."""
        self.map.set_legend_visible(on)

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def clear_selection(self) -> None:
        """Nothing selected: no event, no place."""
        self.state.select_event(None)
        self.state.select_place(None)

    def _show_counts(self) -> None:
        pack = self.state.pack
        shown = len(self.state.visible_events)
        self.counts.setText(f"{shown} of {len(pack.events)} events · {len(pack.sections)} "
                            f"sections · {len(pack.places)} places · as of "
                            f"{pack.info.as_of.label()} · {pack.info.marking}")

    def _reloaded(self, pack: Pack) -> None:
        self.state.set_pack(pack)
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")
        self.problems.clear()
        self.problems_dock.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        """List a broken pack's problems; the last good content stays on screen."""
        self.problems.clear()
        self.problems.addItems([str(p) for p in problems])
        was_hidden = self.problems_dock.isHidden()
        self.problems_dock.show()
        if was_hidden:  # as tall as its lines (up to 8), once the dock is laid out
            QTimer.singleShot(0, self._fit_problems_dock)
        noun = "problem" if len(problems) == 1 else "problems"
        self.statusBar().showMessage(f"The pack has {len(problems)} {noun}; showing the last "
                                     "good content", 0)

    def _fit_problems_dock(self) -> None:
        rows = min(max(self.problems.count(), 2), 8)
        row = self.problems.sizeHintForRow(0) if self.problems.count() else 18
        chrome = self.problems_dock.height() - self.problems.viewport().height()
        self.resizeDocks([self.problems_dock], [rows * row + chrome + 4],
                         Qt.Orientation.Vertical)

    def open_pack_dialog(self) -> None:
        """Ask for a pack folder and open it."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, "Open Content Pack", str(self.folder))
        if folder:
            self.open_pack(Path(folder))

    def new_pack_dialog(self) -> None:
        """File → New Pack…: a skeleton pack in a new folder, opened at once."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from content.newpack import new_pack

        name, _ = QFileDialog.getSaveFileName(self, "New Content Pack (a new folder)",
                                              "briefing-pack", "Folders (*)")
        if not name:
            return
        folder = Path(name)
        try:
            new_pack(folder, folder.name.replace("-", " ").replace("_", " ").capitalize())
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, "New Pack", str(exc)).exec()
            return
        self.open_pack(folder)

    def recent_packs(self) -> list[Path]:
        """File → Open Recent."""
        from desktop.shell.recent import recent_packs

        return recent_packs()

    def reload_pack(self) -> None:
        """Reload the pack from disk now."""
        self.session.reload()

    def open_pack(self, folder: Path) -> None:
        """Open another pack, loaded off the GUI thread; on problems, list them and
        keep the current one. `packOpened` says when it is shown."""
        self.session.open(folder)

    @property
    def folder(self) -> Path | None:
        """The pack folder on screen (the pack session's: one place holds it)."""
        return self.session.folder

    @folder.setter
    def folder(self, folder: Path | None) -> None:
        self.session.folder = folder

    @property
    def watcher(self) -> PackWatcher | None:
        """What watches the pack folder (None when not watching)."""
        return self.session.watcher

    def _opened(self, pack: Pack) -> None:
        from desktop.shell.recent import remember_pack

        self.statusBar().showMessage(f"Opened {pack.info.title}", 4000)
        if self.folder is not None:
            remember_pack(Path(self.folder))
        self.map.fit_default()
        self.timeline.view.fit_all()
        self.packOpened.emit(pack)

    def about(self) -> None:
        """Help → About: version, licences, where the data come from."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.shell.help import about_text

        pack = self.state.pack
        box = message_box(self, QMessageBox.Icon.Information, "About Briefing Desk",
                          about_text(pack.info.title, pack.info.as_of.label()))
        box.exec()

    @property
    def editor(self) -> PackEditor:
        """Curating: events added, edited and deleted in the pack's files, with undo."""
        if self._editor is None:
            from desktop.shell.pack_editor import PackEditor

            self._editor = PackEditor(self.state, lambda: self.folder, self)
            self._editor.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._editor.wrote.connect(self._own_write)
        return self._editor

    def _own_write(self, path: Path, data: bytes) -> None:
        """Tell the watcher about an edit the window made, so it does not reload it."""
        if self.watcher is not None:
            self.watcher.wrote(path, data)

    def edit(self, what: str) -> None:
        """The Edit menu's content actions: undo, redo, new, edit, duplicate, delete;
        "change KIND" and "remove KIND" for places, actors, sources and sections."""
        editor = self.editor
        verb, _, kind = what.partition(" ")
        if verb in ("change", "remove") and kind == "key point":
            editor.change_key_point(delete=verb == "remove", parent=self)
            return
        if verb in ("change", "remove") and kind:
            editor.change_record(kind, delete=verb == "remove", parent=self)
            return
        {"undo": editor.stack.undo, "redo": editor.stack.redo,
         "new": lambda: editor.new_event(self), "edit": lambda: editor.edit_event(self),
         "duplicate": editor.duplicate_event, "delete": editor.delete_event,
         "place": lambda: editor.new_place(self), "import": self._import_dialog,
         "actor": lambda: editor.new_actor(self), "source": lambda: editor.new_source(self),
         "section": lambda: editor.new_section(self),
         "key point": lambda: editor.new_key_point(self)}[what]()

    def _import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.editor.editable():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Import Events", "", "Events (*.csv *.xlsx *.json);;All files (*)")
        if name:
            self.editor.import_events(Path(name), self)

    def find(self) -> None:
        """Edit → Find: the search box, its text selected to type over."""
        self.filter_dock.show()
        self.filter_dock.raise_()
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def panes(self) -> list[tuple[str, QWidget]]:
        """The panes F6 moves between, in order: (name, widget to focus)."""
        found = [("Filters", self.filters.search), ("Events", self.events),
                 ("Map", self.map), ("Timeline", self.timeline.view),
                 ("Details", self.details)]
        if self._builder is not None:
            found.append(("Deck", self._builder))
        return found

    def cycle_panes(self, step: int) -> None:
        """F6 / Shift+F6: focus the next or previous pane, and say which."""
        from desktop.shell.focus import cycle

        name = cycle(self.panes(), step)
        if name:
            self.statusBar().showMessage(f"{name} pane", 3000)

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts."""
        from desktop.shell.help import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), self)
        self.shortcuts_dialog.open()

    def show_guide(self) -> None:
        """Help → User Guide (shipped with the app, read offline)."""
        from desktop.shell.help import guide_dialog

        self.guide = guide_dialog(self)
        self.guide.open()

    # -- layout persistence -------------------------------------------------
    def _restore_layout(self) -> None:
        restore_layout(self, self.split)

    def save_layout(self) -> None:
        """Remember geometry, docks and splitter for next time."""
        save_layout(self, self.split)

    def reset_layout(self) -> None:
        """Put docks back where they start."""
        self.restoreState(self._default_state)
        self.problems_dock.setVisible(self.problems.count() > 0)

    def _open_problem(self, text: str) -> None:
        """A double-clicked problem, opened at its line; a template that cannot be
        used is said in the status line, never a traceback."""
        try:
            open_problem(text)
        except EditorTemplateError as exc:
            self.statusBar().showMessage(str(exc), 12000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._start.stop()  # closed while starting: build nothing more
        if hasattr(self, "timeline"):
            self.timeline.stop()
        if self._builder is not None:
            self._builder.keep()  # the working deck, for the next start
        if self.remember_layout:
            self.save_layout()
        super().closeEvent(event)
