"""Presenting screenshots for the README: a map and a timeline slide static and live, the presenter
view with zoomed notes, and its grid of slides (run by scripts/screenshots)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from content.loader import load_pack
from desktop.present.audience import SlideWindow
from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView
from desktop.shell.app import make_app
from slides.build import build_deck
from slides.recipe import default_recipe


def main(out: str) -> None:
    make_app()
    pack = load_pack()
    deck = build_deck(pack, default_recipe(pack, ["operations"]))
    kinds = [s.kind for s in deck.slides]
    show = Presentation(deck, start=kinds.index("map"))
    window = SlideWindow(show, pack)
    window.resize(1920, 1080)
    window.show()
    QTest.qWait(300)
    window.grab().save(f"{out}/present-map-static.png")
    QTest.keyClick(window, Qt.Key.Key_L)
    QTest.qWait(300)
    window.live.flush()
    QTest.qWait(100)
    window.grab().save(f"{out}/present-map-live.png")
    window.leave_live()
    show.go(kinds.index("timeline"))
    QTest.qWait(200)
    window.grab().save(f"{out}/present-timeline-static.png")
    QTest.keyClick(window, Qt.Key.Key_L)
    QTest.qWait(300)
    window.grab().save(f"{out}/present-timeline-live.png")
    window.leave_live()
    show.go(kinds.index("section"))
    view = PresenterView(show)
    view.resize(1600, 1000)
    view.show()
    view.set_notes_size(24, remember=False)
    QTest.qWait(300)
    view.grab().save(f"{out}/presenter-view.png")
    QTest.keyClick(view, Qt.Key.Key_G)
    QTest.qWait(300)
    view.grab().save(f"{out}/presenter-grid.png")


if __name__ == "__main__":
    main(sys.argv[1])
