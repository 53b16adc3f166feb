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

from PySide6.QtCore import QEvent, Qt, Signal
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

from desktop.curate.actions import CurationActions
from desktop.map.actions import MapActions
from desktop.plaintext import PlainLabel
from desktop.shell import layout as frame
from desktop.shell.deck_actions import DeckActions
from desktop.shell.export_actions import ExportActions
from desktop.shell.help import HelpActions
from desktop.shell.menus import Menus
from desktop.shell.pack_actions import PackActions
from desktop.shell.pack_loading import PackLoad, prefetched
from desktop.shell.pack_session import PackSession
from desktop.shell.start_steps import StartSteps

if TYPE_CHECKING:
    from content.errors import Problem
    from content.model import Pack
    from desktop.curate.editor import PackEditor
    from desktop.deck.pane import DeckBuilder
    from desktop.map.view import MapView
    from desktop.panes.details import DetailPane
    from desktop.panes.event_list import EventList
    from desktop.panes.filters import FilterPanel
    from desktop.shell.pack_watcher import PackWatcher
    from desktop.state import BriefingState
    from desktop.timeline.panel import TimelinePanel


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

    packs: PackActions

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
        self.session.problems.connect(lambda problems: self.packs.show_problems(problems))
        self.session.status.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self._builder: DeckBuilder | None = None  # made when first needed (start-up)
        self._editor: PackEditor | None = None  # made at the first edit
        self.start_problems: list[Problem] = []  # why the pack asked for was refused
        self.refused_folder: Path | None = None
        self._pack = pack  # given: used as it is, not loaded
        self._prefetch = None if pack is not None else prefetched(self.folder, self)
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
        map_area = frame.Placeholder("sea", "mapPlaceholder")
        map_area.painted.connect(self._start.queue)  # the frame is on screen: go on
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("mapTimelineSplit")
        split.addWidget(map_area)
        split.addWidget(frame.Placeholder("lane", "timelinePlaceholder"))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.split = split
        self.setCentralWidget(split)

        self.packs = PackActions(self, self.session)
        self.problems = self.packs.problems
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
        self.packs.dock = self.problems_dock
        # Each room's actions, then the menus (after the docks: View lists their toggles).
        self.curation = CurationActions(lambda: self.editor, self)
        self.deck_actions = DeckActions(self, lambda: self.state, lambda: self.builder,
                                        self.deck_dock)
        self.map_actions = MapActions(lambda: self.map)
        self.help = HelpActions(self, lambda: self.state.pack)
        self.exports = ExportActions(self)
        self.menus = Menus(self, self, [self.filter_dock, self.events_dock, self.details_dock,
                                        self.deck_dock, self.problems_dock],
                           self.packs, self.curation, self.deck_actions, self.map_actions,
                           self.help, self.exports)
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
        frame.fit_to_screen(self)
        split.setSizes([480, 420])
        self._default_state = self.saveState()
        if self.remember_layout:
            self._restore_layout()

    def _load_pack(self) -> None:
        """Take the given pack, or load it off the GUI thread (the steps wait)."""
        if self._pack is not None:
            self._use_pack(self._pack)
            return
        load = self._prefetch or PackLoad(self.folder, self, defer_cache=True)
        load.finished.connect(self._start_pack_loaded)
        load.failed.connect(self._start_pack_refused)
        self.loaded.connect(load.write_cache)  # the cache entry once the window is up
        load.start()
        self._start.wait_for(load, frame.import_panes)

    def _start_pack_loaded(self, pack: Pack) -> None:
        if self._start.stopped:  # closed meanwhile
            return
        self._use_pack(pack)
        self._start.resume()

    def _start_pack_refused(self, problems: list[Problem]) -> None:
        """The pack asked for cannot be read: open on the embedded pack instead, with
        the problems listed (never an exit); only a broken embedded pack stops."""
        from content.errors import ContentError

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
        self.session.watch_refused(self.refused_folder)
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
        self.map_actions.follow_pack(pack)
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
        if placeholder is not None:
            pane.resize(placeholder.size())
            placeholder.deleteLater()
        self.split.replaceWidget(index, pane)  # keeps the placeholder's place

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
        frame.details_follow_selection(self.state, self.details_dock)

    def _finish(self) -> None:
        self.state.visibleChanged.connect(self._show_counts)  # also after a new pack
        self._show_counts()
        self.statusBar().clearMessage()
        if self.start_problems:  # the pack asked for was refused: say why, in the window
            self.packs.show_problems(self.start_problems)
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
            self.deck_holder.layout().addWidget(self._builder)  # type: ignore[union-attr]
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

    # -- what the menus run on the window (MenuHost) ----------------------------
    def changeEvent(self, event) -> None:
        """Follow the system's light/dark palette while running."""
        if event.type() == QEvent.Type.PaletteChange and not self.loading:
            self.map.apply_theme()
            self.timeline.view.apply_theme()
        super().changeEvent(event)

    def deck_marking(self) -> str:
        """The marking the Deck pane's recipe gives ("" before the pane is made)."""
        return self._builder.recipe().marking if self._builder is not None else ""

    def fit_timeline(self) -> None:
        """Show every event on the timeline."""
        self.timeline.view.fit_all()

    def reset_filters(self) -> None:
        """Show everything again."""
        self.state.reset_filter()

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def clear_selection(self) -> None:
        """Nothing selected: no event, no place."""
        self.state.select_event(None)
        self.state.select_place(None)

    def _show_counts(self) -> None:
        pack = self.state.pack
        shown = len(self.state.visible_events)
        self.counts.setText(f"{shown:,} of {len(pack.events):,} events · {len(pack.sections)} "
                            f"sections · {len(pack.places)} places · as of "
                            f"{pack.info.as_of.label()} · {pack.info.marking}")

    def _reloaded(self, pack: Pack) -> None:
        self.state.set_pack(pack)
        self.map_actions.follow_pack(pack)
        self.setWindowTitle(f"{pack.info.title} — Briefing Desk")
        self.packs.clear_problems()

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

    @property
    def editor(self) -> PackEditor:
        """Curating: events added, edited and deleted in the pack's files, with undo."""
        if self._editor is None:
            from desktop.curate.editor import PackEditor

            self._editor = PackEditor(self.state, lambda: self.folder, self)
            self._editor.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._editor.wrote.connect(self._own_write)
        return self._editor

    def _own_write(self, path: Path, data: bytes) -> None:
        """Tell the watcher about an edit the window made, so it does not reload it."""
        if self.watcher is not None:
            self.watcher.wrote(path, data)

    def focus_search(self) -> None:
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

    # -- layout persistence -------------------------------------------------
    def _restore_layout(self) -> None:
        frame.restore_layout(self, self.split)
        self.problems_dock.setVisible(self.problems.count() > 0)  # never an empty pane

    def save_layout(self) -> None:
        """Remember geometry, docks and splitter for next time."""
        frame.save_layout(self, self.split)

    def reset_layout(self) -> None:
        """Put docks back where they start."""
        self.restoreState(self._default_state)
        self.problems_dock.setVisible(self.problems.count() > 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._start.stop()  # closed while starting: build nothing more
        if hasattr(self, "timeline"):
            self.timeline.stop()
        if self._builder is not None:
            self._builder.keep()  # the working deck, for the next start
        if self.remember_layout:
            self.save_layout()
        super().closeEvent(event)
