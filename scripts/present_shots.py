"""Presenting screenshots for the README: a map slide static and live, the presenter
view with zoomed notes, and its grid of slides (run by scripts/screenshots)."""
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.shell.app import make_app

app = make_app()
from content.loader import load_pack
from desktop.present.audience import SlideWindow
from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView
from slides.build import build_deck
from slides.recipe import default_recipe

out = sys.argv[1]
pack = load_pack(); deck = build_deck(pack, default_recipe(pack, ["operations"]))
kinds = [s.kind for s in deck.slides]
show = Presentation(deck, start=kinds.index("map"))
w = SlideWindow(show, pack); w.resize(1920, 1080); w.show(); QTest.qWait(300)
w.grab().save(f"{out}/present-map-static.png")
QTest.keyClick(w, Qt.Key.Key_L); QTest.qWait(300); w.live.flush(); QTest.qWait(100)
w.grab().save(f"{out}/present-map-live.png")
w.leave_live(); show.go(kinds.index("section"))
view = PresenterView(show); view.resize(1600, 1000); view.show(); QTest.qWait(300)
for _ in range(3):
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
view.set_notes_size(24)
QTest.qWait(200); view.grab().save(f"{out}/presenter-view.png")
QTest.keyClick(view, Qt.Key.Key_G); QTest.qWait(300); view.grab().save(f"{out}/presenter-grid.png")
print("ok")
