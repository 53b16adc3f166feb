"""Markup in every content field shows literally in every widget and slide; nothing loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from content.loader import load_pack
from desktop.panes.details import DetailPane
from desktop.plaintext import plain_tooltip
from desktop.shell.main_window import MainWindow
from slides.build import build_deck
from slides.pptx.writer import write_pptx
from slides.recipe import default_recipe
from tests.desktop.test_plaintext import poison_every_field

PAYLOAD = ('<img src="http://127.0.0.1:9/x.png"><b>B</b><a href="file:///etc/passwd">L</a>'
           "<style>*{}</style>&amp;")
@pytest.fixture
def hostile_pack(pack_copy: Path):
    poison_every_field(pack_copy, PAYLOAD)
    pack = load_pack(pack_copy, use_cache=False)
    assert pack.event("kabul-airlift").title == PAYLOAD
    assert pack.actors["ilham-aliyev"].name == PAYLOAD
    return pack


def test_every_widget_shows_markup_literally(qtbot, hostile_pack) -> None:
    window = MainWindow(hostile_pack, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    state = window.state
    state.select_event("kabul-airlift")
    text = window.details.toPlainText()
    assert text.count(PAYLOAD) >= 3  # title, summary, source title
    state.select_place("baku")
    assert PAYLOAD in window.details.toPlainText()  # the place's events, listed by title
    model = window.events.model()
    row = window.events.events.row_of("kabul-airlift")
    assert model.data(model.index(row, 1), Qt.ItemDataRole.DisplayRole) == PAYLOAD
    tooltip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    marker = window.map.marker("baku")
    assert "<img" not in marker.toolTip()
    assert window.map.marker("baku").label.text() == PAYLOAD
    window.timeline.view.repaint()
    window.grab()
    assert window.details.refused_resources == []  # nothing content named was requested


def test_the_resource_check_can_fail(qtbot, hostile_pack) -> None:
    """Control: real markup in the pane does ask for its image (and is refused)."""
    from desktop.state import BriefingState

    pane = DetailPane(BriefingState(hostile_pack))
    qtbot.addWidget(pane)
    pane.setHtml('<img src="http://127.0.0.1:9/x.png">')
    pane.show()
    pane.grab()
    assert set(pane.refused_resources) == {"http://127.0.0.1:9/x.png"}


def test_detail_pane_never_loads_resources(qtbot, hostile_pack) -> None:
    from content.model import Pack
    from desktop.state import BriefingState

    state = BriefingState(hostile_pack)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select_event("kabul-airlift")
    assert isinstance(hostile_pack, Pack)
    assert pane.loadResource(0, pane.source()) is None
    assert "<img" not in pane.toHtml().replace("&lt;img", "")


def test_slides_and_pptx_keep_markup_as_text(tmp_path: Path, hostile_pack) -> None:
    deck = build_deck(hostile_pack, default_recipe(hostile_pack, ["operations"]))
    texts = " ".join(t.plain_text() for s in deck.slides for t in s.texts())
    assert "<img" in texts  # shown, as characters
    out = tmp_path / "deck.pptx"
    write_pptx(deck, out)
    from pptx import Presentation

    shown = " ".join(sh.text_frame.text for sl in Presentation(str(out)).slides
                     for sh in sl.shapes if sh.has_text_frame)
    assert "<img src=" in shown
    first_section = next(s for s in deck.slides if s.kind == "section")
    assert first_section.notes.count(PAYLOAD) >= 1


def test_tooltip_helper_escapes() -> None:
    assert plain_tooltip(PAYLOAD).count("<") == 2  # only the <qt></qt> wrapper
