"""The show: slides on the audience screen, the presenter view wired to them."""

from __future__ import annotations

from desktop.present.show import ShowController


def test_interact_in_the_presenter_view_makes_the_audience_slide_live(qtbot,
                                                                      deck_and_pack) -> None:
    deck, pack = deck_and_pack
    map_slide = [s.kind for s in deck.slides].index("map")
    show = ShowController(deck, pack, map_slide, presenter_view=True)
    show.start()
    qtbot.addWidget(show.window)
    qtbot.addWidget(show.presenter)
    assert show.presenter.live_button.isEnabled()
    show.presenter.live_button.click()
    assert show.window.is_live
    show.presentation.next()
    assert not show.window.is_live
    assert not show.presenter.live_button.isEnabled() or \
        deck.slides[show.presentation.index].live is not None
    show.presentation.end()


def test_one_screen_presenter_view_is_full_screen_with_the_audience_a_key_away(
        qtbot, deck_and_pack) -> None:
    from PySide6.QtCore import Qt

    deck, pack = deck_and_pack
    show = ShowController(deck, pack, presenter_view=True)  # offscreen: one screen
    assert show.one_screen
    show.start()
    qtbot.addWidget(show.window)
    qtbot.addWidget(show.presenter)
    assert show.presenter.isVisible() and show.presenter.isFullScreen()
    qtbot.keyClick(show.presenter, Qt.Key.Key_F5, Qt.KeyboardModifier.AltModifier)
    assert not show.presenter.isVisible() and show.window.isVisible()
    qtbot.keyClick(show.window, Qt.Key.Key_F5, Qt.KeyboardModifier.AltModifier)
    assert show.presenter.isVisible()
    qtbot.keyClick(show.presenter, Qt.Key.Key_Right)
    assert show.presentation.index == 1  # the presenter view still drives the show
    show.presentation.end()
