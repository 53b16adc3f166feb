"""The Deck pane keeps Export in sight and keeps the working deck between sessions."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from desktop.deck.pane import DeckBuilder
from desktop.deck.working import load_working, working_path
from desktop.shell.main_window import MainWindow
from tests.desktop.clock import settle_layouts


def test_the_working_deck_comes_back_at_the_next_start(qtbot, state, tmp_path) -> None:
    first = DeckBuilder(state)
    qtbot.addWidget(first)
    first.fields["title"].setText("Ministerial prep, 12 January")
    first.fields["marking"].setText("NATO RESTRICTED")
    first.recipe_file = tmp_path / "prep.yaml"
    first.keep()
    again = DeckBuilder(state)
    qtbot.addWidget(again)
    assert again.fields["title"].text() == "Ministerial prep, 12 January"
    assert again.recipe().marking == "NATO RESTRICTED"
    assert again.recipe_file == tmp_path / "prep.yaml"


def test_an_unreadable_working_deck_is_set_aside(qtbot, state) -> None:
    path = working_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("sections: [\n", encoding="utf-8")
    assert load_working() == (None, None)
    assert path.with_suffix(".unreadable.yaml").exists()
    pane = DeckBuilder(state)
    qtbot.addWidget(pane)
    assert pane.recipe().title == state.pack.info.title


def visible_in(window: MainWindow, widget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    bottom_right = widget.mapTo(window, QPoint(widget.width() - 1, widget.height() - 1))
    return (widget.isVisible() and window.rect().contains(top_left)
            and window.rect().contains(bottom_right)
            and not widget.visibleRegion().isEmpty())


def test_export_stays_in_sight_with_a_long_marking_at_1280x720(qtbot, window) -> None:
    window.deck_dock.raise_()
    pane = window.builder
    qtbot.waitUntil(lambda: pane.isVisible())
    width = window.deck_dock.width()
    pane.fields["marking"].setText("NATO UNCLASSIFIED // RELEASABLE TO PUBLIC " * 3)
    pane.template.setText("/a/very/long/path/to/the/organisation/templates/" * 4)
    settle_layouts()
    assert window.deck_dock.width() <= width + 2  # the pane did not grow
    assert visible_in(window, pane.export_button)
    assert pane.scroller.verticalScrollBar().maximum() > 0  # the recipe scrolls instead
