"""The presenter view: follows the show, takes its keys, keeps time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView


def test_presenter_view_follows_the_show(qtbot, deck_and_pack) -> None:
    deck, _ = deck_and_pack
    show = Presentation(deck)
    view = PresenterView(show)
    qtbot.addWidget(view)
    show.go(2)
    assert view.current.slide is deck.slides[2] and view.next_slide.slide is deck.slides[3]
    assert view.notes.toPlainText() == deck.slides[2].notes
    assert view.position.text() == f"Slide 3 of {len(deck.slides)}"
    show.go(len(deck.slides) - 1)
    assert view.next_slide.slide is None and view.next_slide.blank == "black"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # the presenter view takes keys too
    assert show.index == len(deck.slides) - 2
    view.toggle_pause()
    frozen = view.elapsed()
    qtbot.wait(50)
    assert view.elapsed() == frozen
    view.reset_timer()
    assert view.elapsed() == 0
