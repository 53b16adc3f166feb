"""The main window's menu bar: every action, its shortcut, and what it runs.

Each room makes its own actions (curating: `desktop.curate.actions`; the map:
`desktop.map.actions`; the deck and the show: `desktop.shell.deck_actions`; the
pack: `desktop.shell.pack_actions`) with the
`action` factory here; what the window itself runs it gives as `MenuHost`. The window
builds the menus once its frame exists. An action triggered while the
panes are still being built first finishes them (`finish_loading`), so nothing acts
on a half-built window; Quit works at any moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from desktop.keys import Shortcut, set_shortcut

if TYPE_CHECKING:
    from desktop.curate.actions import CurationActions
    from desktop.map.actions import MapActions
    from desktop.shell.deck_actions import DeckActions
    from desktop.shell.export_actions import ExportActions
    from desktop.shell.help import HelpActions
    from desktop.shell.pack_actions import PackActions


class MenuHost(Protocol):
    """What the menus run on the window itself: its pack, its panes, its help. The
    rooms' own actions (curating, the map, the deck) come from the rooms."""

    def finish_loading(self) -> bool: ...
    def fit_timeline(self) -> None: ...
    def clear_selection(self) -> None: ...
    def reset_filters(self) -> None: ...
    def reset_layout(self) -> None: ...
    def focus_search(self) -> None: ...
    def cycle_panes(self, step: int) -> None: ...


class Menus:
    """Builds the menu bar of `window` for `host`; keeps the actions tests and the
    window refer to (`layer_actions`, `view_menu`)."""

    def __init__(self, window: QMainWindow, host: MenuHost, docks: list[QDockWidget],
                 packs: PackActions, curation: CurationActions, deck: DeckActions,
                 map_actions: MapActions, help_actions: HelpActions,
                 exports: ExportActions) -> None:
        self.window = window
        self.host = host
        self.packs, self.curation, self.deck, self.map = packs, curation, deck, map_actions
        self.exports = exports
        bar = window.menuBar()
        self._file(bar.addMenu("&File"))
        edit = bar.addMenu("&Edit")
        curation.fill_edit_menu(edit, self.action)
        edit.addSeparator()
        edit.addAction(self.action("&Find…", host.focus_search, QKeySequence.StandardKey.Find))
        deck.fill_present_menu(bar.addMenu("&Present"), self.action)
        self.view_menu: QMenu = self._view(bar.addMenu("&View"), docks)
        self.layer_actions = map_actions.layer_actions
        self.legend_action = map_actions.legend_action
        help_actions.fill_help_menu(bar.addMenu("&Help"), self.action)

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
        act = self.action
        self.recent_menu = self.packs.fill_file_menu(menu, act)
        menu.addAction(self.curation.import_action(act))
        menu.addAction(act("Export Pack &Data…", self.exports.export_data))
        menu.addSeparator()
        self.deck.fill_file_menu(menu, act)
        menu.addSeparator()
        self.exports.fill_file_menu(menu, act)
        menu.addSeparator()
        quit_action = QAction("&Quit", self.window)  # at any moment, panes built or not
        set_shortcut(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.window.close)
        menu.addAction(quit_action)

    def _view(self, menu: QMenu, docks: list[QDockWidget]) -> QMenu:
        host, act = self.host, self.action
        self.map.fill_view_menu(menu, act)
        menu.addAction(act("Timeline: Show All", host.fit_timeline, "Ctrl+Shift+0"))
        menu.addAction(act("Clear Selection", host.clear_selection, "Esc"))
        menu.addAction(act("Reset Filters", host.reset_filters, "Ctrl+Shift+R"))
        menu.addAction(act("Next Pane", lambda: host.cycle_panes(+1), "F6"))
        menu.addAction(act("Previous Pane", lambda: host.cycle_panes(-1), "Shift+F6"))
        menu.addSeparator()
        self.map.fill_layers(menu, act)
        menu.addSeparator()
        for dock in docks:
            menu.addAction(dock.toggleViewAction())
        menu.addAction(act("Reset Layout", host.reset_layout))
        return menu
