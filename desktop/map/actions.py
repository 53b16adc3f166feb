"""The map's entries in the View menu: its views, its layers and its legend.

The shell adds them (`fill_view_menu`); the focus layer is titled from the pack on
screen (its focus countries), not from one pack's names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.keys import MakeAction

if TYPE_CHECKING:
    from content.model import Pack
    from desktop.map.view import MapView

# The map's layers, in MapView.LAYERS order, with their menu titles ("focus" is
# retitled from the pack).
LAYER_TITLES = {"membership": "NATO members by accession date", "focus": "Focus countries",
                "links": "Links between places", "labels": "Place labels"}


def focus_title(pack: Pack) -> str:
    """The focus layer's title for `pack`: "Azerbaijan and neighbours" for a pack
    focused on Azerbaijan and the countries around it."""
    from content.geo import load_basemap

    names = {c.id: c.name for c in load_basemap().countries}
    focus = [names[c] for c in pack.info.focus_countries if c in names]
    if not focus:
        return LAYER_TITLES["focus"]
    return f"{focus[0]} and neighbours" if len(focus) > 1 else focus[0]


class MapActions:
    """Default view, fit to content and selection, layers and legend of the map
    (`view()` gives the map once the window has built it)."""

    def __init__(self, view: Callable[[], MapView]) -> None:
        self.view = view
        self.layer_actions: dict[str, QAction] = {}
        self.legend_action: QAction | None = None

    def fill_view_menu(self, menu: QMenu, act: MakeAction) -> None:
        """The view items at the top of the menu (call `fill_layers` for the rest)."""
        menu.addAction(act("Map: Default View", lambda: self.view().fit_default(), "Ctrl+0"))
        menu.addAction(act("Map: Fit to Content", lambda: self.view().fit_content(),
                           "Ctrl+Shift+F"))
        menu.addAction(act("Map: Fit to Selection", lambda: self.view().fit_selection(),
                           "Ctrl+E"))

    def fill_layers(self, menu: QMenu, act: MakeAction) -> None:
        """Map Layers (checkable, one per layer) and Map Legend."""
        layers = menu.addMenu("Map &Layers")
        for name, title in LAYER_TITLES.items():
            action = act(title, lambda on, n=name: self.view().set_layer(n, on),
                         checkable=True)
            action.setChecked(True)
            layers.addAction(action)
            self.layer_actions[name] = action
        legend = act("Map Legend", lambda on: self.view().set_legend_visible(on),
                     checkable=True)
        legend.setChecked(True)
        menu.addAction(legend)
        self.legend_action = legend

    def follow_pack(self, pack: Pack) -> None:
        """Title the focus layer for the pack on screen."""
        if "focus" in self.layer_actions:
            self.layer_actions["focus"].setText(focus_title(pack))
