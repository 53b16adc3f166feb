"""File → Export Pack Data…, the map and timeline as figures, and screen grabs.

The dialogs and writers are `desktop.shell.exports`; these are the menu's entries,
acting on the window's views as they are when chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from desktop.keys import MakeAction

if TYPE_CHECKING:
    from desktop.shell.main_window import MainWindow


class ExportActions:
    """What the window exports besides the deck."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    def export_png(self, kind: str) -> None:
        """Ask where, then save a PNG of the map, timeline or window."""
        from desktop.shell import exports  # not needed for the first frame

        w = self.window
        widget = {"map": w.map, "timeline": w.timeline.view}.get(kind, w)
        exports.export_png(w, widget, kind, self._say)

    def export_data(self) -> None:
        """File → Export Pack Data…: CSV, GeoJSON, TimelineJS JSON or iCalendar."""
        from desktop.shell import exports

        exports.export_data(self.window, self.window.state.pack, self._say)

    def export_figure(self, kind: str) -> None:
        """File → Export Map/Timeline as Figure: framed, at print resolution, marked as
        the deck is (or as the pack is, before the Deck pane is made)."""
        from desktop.shell import exports
        from desktop.shell.figure import compose_figure

        w = self.window
        view = w.map if kind == "map" else w.timeline.view
        marking = w.deck_marking()
        exports.export_figure(w, view, kind, lambda width, height, dpi: compose_figure(
            w.state, w.map, kind, marking, width, height, dpi), self._say)

    def fill_file_menu(self, menu: QMenu, act: MakeAction) -> None:
        """The figure and screen-grab entries."""
        menu.addAction(act("Export Map as Figure…", lambda: self.export_figure("map"),
                           "Ctrl+Shift+M"))
        menu.addAction(act("Export Timeline as Figure…",
                           lambda: self.export_figure("timeline"), "Ctrl+Shift+T"))
        menu.addAction(act("Export Map as Screen Grab…", lambda: self.export_png("map")))
        menu.addAction(act("Export Window as PNG…", lambda: self.export_png("window"),
                           "Ctrl+Shift+E"))
