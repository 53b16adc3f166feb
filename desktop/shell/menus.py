"""The main window's menu bar: every action, its shortcut, and what it runs.

The menus know the window only through `MenuHost`, the handful of things an action
runs; the window builds them once its frame exists. An action triggered while the
panes are still being built first finishes them (`finish_loading`), so nothing acts
on a half-built window; Quit works at any moment.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from desktop.plaintext import action_text

# The map's layers, in MapView.LAYERS order, with their menu titles.
LAYER_TITLES = {"membership": "NATO members by accession date",
                "focus": "Azerbaijan and neighbours", "links": "Links between places",
                "labels": "Place labels"}

Shortcut = QKeySequence | QKeySequence.StandardKey | str
# What a standard key means where the platform names none (offscreen, bare X11).
FALLBACK_KEYS = {QKeySequence.StandardKey.Quit: "Ctrl+Q",
                 QKeySequence.StandardKey.HelpContents: "F1",
                 QKeySequence.StandardKey.Find: "Ctrl+F",
                 QKeySequence.StandardKey.Open: "Ctrl+O",
                 QKeySequence.StandardKey.Undo: "Ctrl+Z",
                 QKeySequence.StandardKey.Redo: "Ctrl+Shift+Z"}


class MenuHost(Protocol):
    """What the menus run: the main window's actions and the panes they drive."""

    def finish_loading(self) -> bool: ...
    def open_pack_dialog(self) -> None: ...
    def new_pack_dialog(self) -> None: ...
    def recent_packs(self) -> list[Path]: ...
    def open_pack(self, folder: Path) -> None: ...
    def reload_pack(self) -> None: ...
    def export_deck(self) -> None: ...
    def export_pdf(self, notes: bool) -> None: ...
    def save_recipe(self) -> None: ...
    def load_recipe(self) -> None: ...
    def export_png(self, kind: str) -> None: ...
    def export_data(self) -> None: ...
    def export_figure(self, kind: str) -> None: ...
    def present(self, start: int = 0, presenter_view: bool | None = None) -> None: ...
    def present_selected(self) -> None: ...
    def fit_map(self, how: str) -> None: ...
    def fit_timeline(self) -> None: ...
    def clear_selection(self) -> None: ...
    def reset_filters(self) -> None: ...
    def set_map_layer(self, name: str, on: bool) -> None: ...
    def set_map_legend(self, on: bool) -> None: ...
    def reset_layout(self) -> None: ...
    def about(self) -> None: ...
    def find(self) -> None: ...
    def edit(self, what: str) -> None: ...
    def cycle_panes(self, step: int) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_guide(self) -> None: ...


def set_shortcut(action: QAction, shortcut: Shortcut) -> None:
    """Give `action` its shortcut: every binding the platform has for a standard key
    (Copy, for one, has two on X11), or the one sequence given."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(shortcut)
        if not bindings and shortcut in FALLBACK_KEYS:  # a platform theme without them
            bindings = [QKeySequence(FALLBACK_KEYS[shortcut])]
        action.setShortcuts(bindings)
    else:
        action.setShortcuts([QKeySequence(shortcut)])


class Menus:
    """Builds the menu bar of `window` for `host`; keeps the actions tests and the
    window refer to (`layer_actions`, `view_menu`)."""

    def __init__(self, window: QMainWindow, host: MenuHost,
                 docks: list[QDockWidget]) -> None:
        self.window = window
        self.host = host
        self.layer_actions: dict[str, QAction] = {}
        bar = window.menuBar()
        self._file(bar.addMenu("&File"))
        edit = bar.addMenu("&Edit")
        edit.addAction(self.action("&Undo", lambda: host.edit("undo"),
                                   QKeySequence.StandardKey.Undo))
        edit.addAction(self.action("&Redo", lambda: host.edit("redo"),
                                   QKeySequence.StandardKey.Redo))
        edit.addSeparator()
        edit.addAction(self.action("&New Event…", lambda: host.edit("new"), "Ctrl+N"))
        edit.addAction(self.action("&Edit Event…", lambda: host.edit("edit"), "F2"))
        edit.addAction(self.action("D&uplicate Event", lambda: host.edit("duplicate"),
                                   "Ctrl+D"))
        edit.addAction(self.action("De&lete Event", lambda: host.edit("delete"),
                                   "Ctrl+Del"))
        edit.addAction(self.action("New &Place…", lambda: host.edit("place"),
                                   "Ctrl+Shift+P"))
        for what in ("actor", "source", "section", "key point"):
            edit.addAction(self.action(f"New {what.title()}…",
                                       lambda w=what: host.edit(w)))
        records = edit.addMenu("Change or Delete")
        for kind in ("place", "actor", "source", "section", "key point"):
            records.addAction(self.action(f"Edit {kind.title()}…",
                                          lambda k=kind: host.edit(f"change {k}")))
            records.addAction(self.action(f"Delete {kind.title()}…",
                                          lambda k=kind: host.edit(f"remove {k}")))
        edit.addSeparator()
        edit.addAction(self.action("&Find…", host.find, QKeySequence.StandardKey.Find))
        self._present(bar.addMenu("&Present"))
        self.view_menu: QMenu = self._view(bar.addMenu("&View"), docks)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.action("&User Guide", host.show_guide,
                                        QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self.action("&Keyboard Shortcuts", host.show_shortcuts,
                                        "Ctrl+/"))
        help_menu.addSeparator()
        help_menu.addAction(self.action("&About Briefing Desk", host.about))

    def action(self, text: str, slot: Callable[..., object], shortcut: Shortcut | None = None,
               checkable: bool = False) -> QAction:
        """A menu action whose slot runs on the finished window."""
        action = QAction(text, self.window)
        if shortcut is not None:
            set_shortcut(action, shortcut)
        action.setCheckable(checkable)

        def run(checked: bool = False) -> None:
            if self.host.finish_loading():
                slot(checked) if checkable else slot()

        action.triggered.connect(run)
        return action

    def _file(self, menu: QMenu) -> None:
        host, act = self.host, self.action
        menu.addAction(act("&New Pack…", host.new_pack_dialog, "Ctrl+Shift+N"))
        menu.addAction(act("&Open Pack…", host.open_pack_dialog, QKeySequence.StandardKey.Open))
        recent = menu.addMenu("Open &Recent")
        self.recent_menu = recent

        def fill() -> None:
            recent.clear()
            folders = host.recent_packs()
            for folder in folders:
                recent.addAction(act(action_text(str(folder)),
                                     lambda f=folder: host.open_pack(f)))
            if not folders:
                recent.addAction("(none yet)").setEnabled(False)

        recent.aboutToShow.connect(fill)
        menu.addAction(act("&Reload Pack", host.reload_pack, "Ctrl+R"))
        menu.addAction(act("&Import Events…", lambda: host.edit("import"), "Ctrl+I"))
        menu.addAction(act("Export Pack &Data…", host.export_data))
        menu.addSeparator()
        menu.addAction(act("Export &Deck…", host.export_deck, "Ctrl+Shift+S"))
        menu.addAction(act("Export Deck as &PDF…", lambda: host.export_pdf(False)))
        menu.addAction(act("Export Notes Pages as PDF…", lambda: host.export_pdf(True)))
        menu.addAction(act("Save Deck Recipe…", host.save_recipe))
        menu.addAction(act("Load Deck Recipe…", host.load_recipe))
        menu.addSeparator()
        menu.addAction(act("Export Map as Figure…", lambda: host.export_figure("map"),
                           "Ctrl+Shift+M"))
        menu.addAction(act("Export Timeline as Figure…",
                           lambda: host.export_figure("timeline"), "Ctrl+Shift+T"))
        menu.addAction(act("Export Map as Screen Grab…", lambda: host.export_png("map")))
        menu.addAction(act("Export Window as PNG…", lambda: host.export_png("window"),
                           "Ctrl+Shift+E"))
        menu.addSeparator()
        quit_action = QAction("&Quit", self.window)  # at any moment, panes built or not
        set_shortcut(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.window.close)
        menu.addAction(quit_action)

    def _present(self, menu: QMenu) -> None:
        host, act = self.host, self.action
        menu.addAction(act("From the &Beginning", lambda: host.present(0), "F5"))
        menu.addAction(act("From the &Selected Slide", host.present_selected, "Shift+F5"))
        menu.addAction(act("With Presenter &View", lambda: host.present(0, presenter_view=True),
                           "Alt+F5"))

    def _view(self, menu: QMenu, docks: list[QDockWidget]) -> QMenu:
        host, act = self.host, self.action
        menu.addAction(act("Map: Default View", lambda: host.fit_map("default"), "Ctrl+0"))
        menu.addAction(act("Map: Fit to Content", lambda: host.fit_map("content"),
                           "Ctrl+Shift+F"))
        menu.addAction(act("Map: Fit to Selection", lambda: host.fit_map("selection"),
                           "Ctrl+E"))
        menu.addAction(act("Timeline: Show All", host.fit_timeline, "Ctrl+Shift+0"))
        menu.addAction(act("Clear Selection", host.clear_selection, "Esc"))
        menu.addAction(act("Reset Filters", host.reset_filters, "Ctrl+Shift+R"))
        menu.addAction(act("Next Pane", lambda: host.cycle_panes(+1), "F6"))
        menu.addAction(act("Previous Pane", lambda: host.cycle_panes(-1), "Shift+F6"))
        menu.addSeparator()
        layers = menu.addMenu("Map &Layers")
        for name, title in LAYER_TITLES.items():
            action = act(title, lambda on, n=name: host.set_map_layer(n, on), checkable=True)
            action.setChecked(True)
            layers.addAction(action)
            self.layer_actions[name] = action
        legend = act("Map Legend", host.set_map_legend, checkable=True)
        legend.setChecked(True)
        menu.addAction(legend)
        self.legend_action = legend
        menu.addSeparator()
        for dock in docks:
            menu.addAction(dock.toggleViewAction())
        menu.addAction(act("Reset Layout", host.reset_layout))
        return menu
