"""The presenter view: follows the show, takes its keys, keeps time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView
from tests.desktop.clock import settle_layouts


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
    clock = [1000.0]  # a clock the test steps: no waiting for real seconds to pass
    view.now = lambda: clock[0]
    view.reset_timer()
    clock[0] += 65
    view.toggle_pause()
    assert view.elapsed() == 65 and view.elapsed_label.text() == "0:01:05"
    clock[0] += 600  # ten minutes paused count for nothing
    assert view.elapsed() == 65
    view.toggle_pause()
    clock[0] += 5
    assert view.elapsed() == 70
    view.reset_timer()
    assert view.elapsed() == 0


def opened(qtbot, deck_and_pack) -> tuple[Presentation, PresenterView]:
    deck, _ = deck_and_pack
    show = Presentation(deck)
    view = PresenterView(show)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    return show, view


def test_notes_zoom_from_the_keyboard_and_the_wheel_and_are_remembered(qtbot,
                                                                      deck_and_pack) -> None:
    show, view = opened(qtbot, deck_and_pack)
    size = view.notes_size()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.notes_size() == size + 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.notes_size() == size - 2
    assert show.index == 0  # zooming is not moving
    again = PresenterView(show)
    qtbot.addWidget(again)
    assert again.notes_size() == size - 2  # remembered for the next show


def test_notes_scroll_from_the_keyboard(qtbot, deck_and_pack) -> None:
    show, view = opened(qtbot, deck_and_pack)
    show.go(next(i for i, s in enumerate(show.deck.slides) if len(s.notes) > 600))
    view.set_notes_size(36)
    bar = view.notes.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() > 0
    index = show.index
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert show.index == index  # Ctrl+arrows scroll; plain arrows move the show


def test_the_strip_and_the_grid_go_to_a_slide(qtbot, deck_and_pack) -> None:
    show, view = opened(qtbot, deck_and_pack)
    assert view.strip.count() == len(show.deck.slides)
    item = view.strip.item(3)
    qtbot.mouseClick(view.strip.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.strip.visualItemRect(item).center())
    assert show.index == 3 and view.strip.currentRow() == 3
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert view.grid.isVisible()
    last = view.grid.item(view.grid.count() - 1)
    view.grid.scrollToItem(last)
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.grid.visualItemRect(last).center())
    assert show.index == len(show.deck.slides) - 1 and not view.grid.isVisible()


def test_laser_and_pen_show_on_the_audience_window_and_clear_on_slide_change(
        qtbot, deck_and_pack) -> None:
    from PySide6.QtCore import QPoint

    from desktop.present.audience import SlideWindow

    deck, pack = deck_and_pack
    show, view = opened(qtbot, deck_and_pack)
    audience = SlideWindow(show, pack)
    qtbot.addWidget(audience)
    audience.resize(1280, 720)
    audience.show()
    qtbot.waitExposed(audience)
    qtbot.waitExposed(view)
    settle_layouts()  # both laid out at their sizes: the slide where it will stay
    centre = view.current.slide_rect().center().toPoint()
    per_point = 1280 / deck.width  # the audience's pixels per slide point

    def on_audience(at) -> tuple[int, int]:
        return round(at.x() * per_point), round(at.y() * per_point)

    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseMove(view.current, centre)
    assert show.ink.pointer is not None
    assert abs(show.ink.pointer.x() - deck.width / 2) < 5  # the middle of the slide
    pointer = audience.grab().toImage().pixelColor(*on_audience(show.ink.pointer))
    assert pointer.red() > 200 and pointer.green() < 80, "the laser dot on the audience"

    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.mousePress(view.current, Qt.MouseButton.LeftButton, pos=centre)
    for dx in range(0, 120, 10):
        qtbot.mouseMove(view.current, centre + QPoint(dx, 0))
    qtbot.mouseRelease(view.current, Qt.MouseButton.LeftButton, pos=centre + QPoint(110, 0))
    assert len(show.ink.strokes) == 1 and len(show.ink.strokes[0]) > 5
    middle = show.ink.strokes[0][len(show.ink.strokes[0]) // 2]
    ink = audience.grab().toImage().pixelColor(*on_audience(middle))
    assert ink.red() > 150 and ink.green() < 90, "the stroke, on the audience's screen"
    assert show.index == 0  # drawing is not advancing
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert show.ink.strokes == []
    qtbot.mousePress(view.current, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(view.current, centre + QPoint(30, 0))
    assert show.ink.strokes

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert show.index == 1 and show.ink.strokes == []  # a new slide: clean


def test_the_timer_counts_from_the_shows_start_not_the_presenter_views(qtbot,
                                                                      deck_and_pack) -> None:
    """Switching to the presenter view ten minutes into a show restarted its timer at
    0:00: it counts from when the show began."""
    import time

    deck, _ = deck_and_pack
    show = Presentation(deck)
    show.started_at = time.monotonic() - 600  # the show began ten minutes ago
    view = PresenterView(show)
    qtbot.addWidget(view)
    assert view.elapsed() >= 600 and view.elapsed_label.text().startswith("0:10:")
