"""Content text is plain text everywhere: markup shows literally, nothing is loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from content.loader import load_pack
from desktop.panes.details import DetailPane
from desktop.panes.event_model import TITLE_COLUMN, EventTableModel
from desktop.panes.links import is_openable
from desktop.plaintext import plain_tooltip
from desktop.state import BriefingState

PAYLOAD = '<img src="file:///etc/passwd"><b>bold</b>'


def hostile_pack(folder: Path):
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8").replace(
        "title: Kabul airlift", f"title: '{PAYLOAD}'")
    events.write_text(text, encoding="utf-8")
    return load_pack(folder, use_cache=False)


def test_markup_in_a_title_shows_literally(pack_copy: Path, qtbot) -> None:
    state = BriefingState(hostile_pack(pack_copy))
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select_event("kabul-airlift")
    assert PAYLOAD in pane.toPlainText()
    assert "<img" not in pane.toHtml().replace("&lt;img", "")
    model = EventTableModel(state)
    row = model.row_of("kabul-airlift")
    assert model.data(model.index(row, TITLE_COLUMN), Qt.ItemDataRole.DisplayRole) == PAYLOAD


def test_tooltips_escape_markup() -> None:
    assert plain_tooltip("<b>x</b>") == "<qt>&lt;b&gt;x&lt;/b&gt;</qt>"


def test_only_http_and_https_links_open() -> None:
    assert is_openable("https://www.nato.int/cps/en/natohq/topics_52044.htm")
    assert is_openable("http://example.org/a")
    for url in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,x",
                "smb://host/share", "/relative/path", "https:no-host", ""):
        assert not is_openable(url), url
