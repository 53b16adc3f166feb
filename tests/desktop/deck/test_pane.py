"""The deck builder pane: recipe both ways, live thumbnails, export, error messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox

from content.dates import PartialDate
from desktop.deck.pane import DeckBuilder
from desktop.roles import SECTION_ROLE
from desktop.state import BriefingState
from slides.recipe import OPTIONS


@pytest.fixture
def builder(qtbot, state: BriefingState) -> DeckBuilder:
    pane = DeckBuilder(state)
    qtbot.addWidget(pane)
    pane.show()  # the deck is built when the pane is seen
    return pane


def check_only(pane: DeckBuilder, ids: set[str]) -> None:
    for row in range(pane.sections.count()):
        item = pane.sections.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(SECTION_ROLE) in ids
                           else Qt.CheckState.Unchecked)


def test_unchecking_sections_shrinks_the_deck_and_its_thumbnails(builder: DeckBuilder,
                                                                  qtbot) -> None:
    full = builder.thumbnail_model.rowCount()
    check_only(builder, {"energy"})
    qtbot.waitUntil(lambda: builder.thumbnail_model.rowCount() < full, timeout=20_000)
    assert builder.recipe().sections == ("energy",)
    assert builder.thumbnail_model.rowCount() == len(builder.deck.slides)
    assert "Energy security" in [s.title for s in builder.deck.slides]


def test_dragged_order_is_the_deck_order(builder: DeckBuilder) -> None:
    check_only(builder, {"energy", "history"})
    item = builder.sections.takeItem(7)  # energy, moved to the top
    builder.sections.insertItem(0, item)
    builder.refresh()
    assert builder.recipe().sections == ("energy", "history")
    titles = [s.title for s in builder.deck.slides if s.kind == "section"]
    assert titles == ["Energy security", "History and framework"]


def test_fields_reach_the_deck(builder: DeckBuilder) -> None:
    builder.fields["marking"].setText("NATO RESTRICTED")
    builder.fields["presenter"].setText("Col. A. Analyst")
    builder.refresh()
    assert builder.deck.marking == "NATO RESTRICTED"
    title_slide = builder.deck.slides[0]
    assert any("Col. A. Analyst" in t.plain_text() for t in title_slide.texts())


def test_export_through_the_dialog(builder: DeckBuilder, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "briefing.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    offered: list[Path] = []
    monkeypatch.setattr(DeckBuilder, "_offer_open", lambda self, path: offered.append(path))
    check_only(builder, {"peace"})
    builder.export_dialog()
    assert offered == [target]
    assert len(Presentation(str(target)).slides) == len(builder.deck.slides)


def test_a_broken_template_is_a_message_and_writes_nothing(builder: DeckBuilder,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    bad = tmp_path / "bad.potx"
    bad.write_text("not a template")
    builder.template.setText(str(bad))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()))
    assert not builder.export(tmp_path / "deck.pptx")
    assert shown and "not a PowerPoint template" in shown[0]
    assert not (tmp_path / "deck.pptx").exists()


def test_the_deck_is_not_built_until_its_tab_is_shown(qtbot, state) -> None:
    from desktop.shell.main_window import MainWindow

    window = MainWindow(state.pack, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.builder.deck is None  # start-up does not pay for building the deck
    window.deck_dock.raise_()
    qtbot.waitUntil(lambda: window.builder.deck is not None, timeout=20_000)
    assert window.builder.thumbnail_model.rowCount() == len(window.builder.deck.slides)


def test_thumbnails_are_painted_on_demand_and_bounded(qtbot, state, monkeypatch) -> None:
    from PySide6.QtCore import QSize, Qt

    from desktop.deck import thumbnails as thumbnail_model
    from desktop.deck.thumbnails import ThumbnailModel

    cache = 20
    monkeypatch.setattr(thumbnail_model, "CACHE", cache)
    from slides.build import build_deck
    from slides.recipe import Options, default_recipe

    deck = build_deck(state.pack, default_recipe(state.pack).with_(
        options=Options(event_slides=True)))
    model = ThumbnailModel(QSize(96, 54))
    model.set_deck(deck)
    assert model.rowCount() == len(deck.slides) > cache and model.cached() == 0
    for row in range(model.rowCount()):
        pixmap = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
        assert pixmap.width() == 96
    assert model.cached() == cache


def test_the_deck_is_rebuilt_only_after_a_change(builder: DeckBuilder) -> None:
    first = builder.current_deck()
    assert first is not None and builder.current_deck() is first  # Present, PDF, Export
    builder.fields["title"].setText("Another title")
    second = builder.current_deck()
    assert second is not first and second.title == "Another title"


def test_the_deck_pane_fits_its_dock_without_scrolling_sideways(qtbot, state) -> None:
    """A row of three buttons once pushed Export Deck… behind a scroll bar."""
    from desktop.shell.main_window import MainWindow

    window = MainWindow(state.pack, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    window.deck_dock.raise_()
    qtbot.waitUntil(lambda: window.builder.deck is not None, timeout=20_000)
    scroller = window.builder.scroller
    button = window.builder.export_button

    def in_sight() -> bool:
        corner = button.mapTo(window.deck_dock, button.rect().bottomRight())
        return window.deck_dock.rect().contains(corner)

    qtbot.waitUntil(in_sight, timeout=20_000)  # once laid out, never cut off
    assert not scroller.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("option", [s.name for s in OPTIONS if s.kind == "switch"])
def test_each_deck_checkbox_turns_on_its_own_option(builder: DeckBuilder, option: str) -> None:
    """Unticking "Sources" drops the sources slide, not the agenda: each box in the
    Deck pane reaches the option it is labelled with, and only that one."""
    label = next(s.label for s in OPTIONS if s.name == option)
    boxes = {box.text(): box for box in builder.findChildren(QCheckBox)}
    for box in builder.options.values():
        box.setChecked(False)
    boxes[label].setChecked(True)
    options = builder.recipe().options
    on = {name for name in builder.options if getattr(options, name)}
    assert on == {option}


def test_the_changed_since_box_and_date_reach_the_recipe(builder: DeckBuilder) -> None:
    """Ticking "What changed since" with a date puts that date in the deck's recipe."""
    from PySide6.QtCore import QDate

    box, date = builder.dated["changed_since"]
    date.setDate(QDate(2024, 5, 17))
    assert builder.recipe().options.changed_since is None
    box.setChecked(True)
    assert builder.recipe().options.changed_since == PartialDate(2024, 5, 17)


def test_none_and_as_filtered_pick_sections_in_one_click(builder: DeckBuilder, state,
                                                        qtbot) -> None:
    """Going from 13 sections to 3 took ten toggles: None clears them all, As Filtered
    ticks the sections the filter shows, All ticks every one."""
    from PySide6.QtWidgets import QPushButton

    buttons = {b.text(): b for b in builder.findChildren(QPushButton)}
    state.set_sections(frozenset({"history", "energy", "operations"}))
    buttons["None"].click()
    assert builder.recipe().sections == ()
    buttons["As Filtered"].click()
    assert set(builder.recipe().sections) == {"history", "energy", "operations"}
    qtbot.waitUntil(lambda: builder.deck is not None and {
        s.section for s in builder.deck.slides if s.section} <= {"history", "energy",
                                                                  "operations"})
    buttons["All"].click()
    assert len(builder.recipe().sections) == len(state.pack.sections)
