"""Presenter keys behave as in PowerPoint (and clickers, which send the same keys)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from content.loader import load_pack
from desktop.present.controller import Presentation
from slides.build import build_deck
from slides.recipe import default_recipe


@pytest.fixture
def show(qapp) -> Presentation:
    pack = load_pack()
    return Presentation(build_deck(pack, default_recipe(pack, ["history", "peace"])))


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space,
                                 Qt.Key.Key_PageDown, Qt.Key.Key_N, Qt.Key.Key_Return,
                                 Qt.Key.Key_Enter])
def test_next_keys(show: Presentation, key: Qt.Key) -> None:
    assert show.key(key) and show.index == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp,
                                 Qt.Key.Key_P, Qt.Key.Key_Backspace])
def test_previous_keys(show: Presentation, key: Qt.Key) -> None:
    show.go(3)
    assert show.key(key) and show.index == 2


def test_home_end_and_limits(show: Presentation) -> None:
    show.key(Qt.Key.Key_End)
    assert show.index == show.slide_count - 1
    show.key(Qt.Key.Key_Right)
    assert show.index == show.slide_count - 1
    show.key(Qt.Key.Key_Home)
    show.key(Qt.Key.Key_Left)
    assert show.index == 0


def test_number_then_enter_jumps(show: Presentation) -> None:
    assert show.slide_count >= 8
    for key in (Qt.Key.Key_7, Qt.Key.Key_Return):
        show.key(key)
    assert show.index == 6
    show.key(Qt.Key.Key_9)
    show.key(Qt.Key.Key_9)
    show.key(Qt.Key.Key_Enter)
    assert show.index == show.slide_count - 1


@pytest.mark.parametrize(("key", "blank"), [(Qt.Key.Key_B, "black"), (Qt.Key.Key_Period, "black"),
                                            (Qt.Key.Key_W, "white"), (Qt.Key.Key_Comma, "white")])
def test_blank_screens_toggle_and_any_key_returns(show: Presentation, key: Qt.Key,
                                                  blank: str) -> None:
    show.go(2)
    show.key(key)
    assert show.blank == blank
    show.key(key)
    assert show.blank is None
    show.key(key)
    show.key(Qt.Key.Key_Right)  # unblanks without moving on
    assert (show.blank, show.index) == (None, 2)


def test_escape_ends_the_show_where_it_is(show: Presentation, qtbot) -> None:
    show.go(4)
    show.key(Qt.Key.Key_B)
    show.key(Qt.Key.Key_Escape)  # first Esc leaves the black screen
    assert not show.ended
    with qtbot.waitSignal(show.finished) as blocker:
        show.key(Qt.Key.Key_Escape)
    assert blocker.args == [4]
