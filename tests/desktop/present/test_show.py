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
