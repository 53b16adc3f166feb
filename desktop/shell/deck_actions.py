"""The deck's actions: export it (PowerPoint, PDF, notes pages), keep its recipe,
present it, and come back to the slide where the show stopped.

They act on the Deck pane's deck, which the window makes when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from desktop.keys import MakeAction

if TYPE_CHECKING:
    from desktop.deck.pane import DeckBuilder
    from desktop.present.show import ShowController
    from desktop.state import BriefingState
    from slides.spec import Deck


class DeckActions(QObject):
    """File → Export Deck…, PDF, recipes; the Present menu."""

    def __init__(self, window: QMainWindow, state: Callable[[], BriefingState],
                 builder: Callable[[], DeckBuilder], dock: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.builder = builder
        self.dock = dock
        self.show_controller: ShowController | None = None

    def _say(self, text: str, ms: int = 5000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _show_pane(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def deck_or_hint(self) -> Deck | None:
        """The Deck pane's current deck, or None after telling the user why there is none."""
        deck = self.builder().current_deck()
        if deck is None:
            self._say("Choose at least one section in the Deck pane first", 6000)
        return deck

    def export_deck(self) -> None:
        """Export the Deck pane's deck as .pptx (the pane's dialog)."""
        self._show_pane()
        self.builder().export_dialog()

    def export_pdf(self, notes: bool) -> None:
        """Ask where, then write the Deck pane's deck as a PDF handout (or notes pages)."""
        deck = self.deck_or_hint()
        if deck is not None:
            from desktop.shell import exports  # not needed for the first frame

            exports.export_pdf(self.window, deck, notes, self._say)

    def save_recipe(self) -> None:
        """Save the Deck pane's recipe (its dialog)."""
        self.builder().save_recipe_dialog()

    def load_recipe(self) -> None:
        """Load a recipe into the Deck pane (its dialog)."""
        self.builder().load_recipe_dialog()

    def present(self, start: int = 0, presenter_view: bool | None = None) -> None:
        """Present the deck the Deck pane shows, from slide `start`."""
        from desktop.present.show import ShowController

        deck = self.deck_or_hint()
        if deck is None:
            return
        self.show_controller = ShowController(deck, self.state().pack, start,
                                              presenter_view=presenter_view)
        self.show_controller.ended.connect(self._show_ended)
        self.show_controller.start()

    def present_selected(self) -> None:
        """Present from the slide selected among the Deck pane's thumbnails."""
        self.present(self.builder().current_slide())

    def _show_ended(self, index: int) -> None:
        """Back in the app where the show stopped: that slide selected in the Deck pane."""
        self._show_pane()
        self.builder().select_slide(index)
        self.window.activateWindow()
        self.window.raise_()
        self._say(f"Show ended on slide {index + 1}")

    # -- menus ----------------------------------------------------------------
    def fill_file_menu(self, menu: QMenu, act: MakeAction) -> None:
        """Export Deck…, as PDF, as notes pages; save and load the recipe."""
        menu.addAction(act("Export &Deck…", self.export_deck, "Ctrl+Shift+S"))
        menu.addAction(act("Export Deck as &PDF…", lambda: self.export_pdf(False)))
        menu.addAction(act("Export Notes Pages as PDF…", lambda: self.export_pdf(True)))
        menu.addAction(act("Save Deck Recipe…", self.save_recipe))
        menu.addAction(act("Load Deck Recipe…", self.load_recipe))

    def fill_present_menu(self, menu: QMenu, act: MakeAction) -> None:
        """From the beginning, from the selected slide, with the presenter view."""
        menu.addAction(act("From the &Beginning", lambda: self.present(0), "F5"))
        menu.addAction(act("From the &Selected Slide", self.present_selected, "Shift+F5"))
        menu.addAction(act("With Presenter &View", lambda: self.present(0, presenter_view=True),
                           "Alt+F5"))
