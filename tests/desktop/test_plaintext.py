"""Content reaches every label, tooltip, model role and message box as plain text.

The whole window, the Deck pane, the presenter view and the About and error boxes are
built on a pack whose every text field carries `<b>`, `<img src=…>` and `<a href=…>`;
then every widget, tooltip, graphics item and model role is walked. What a user sees
must be the markup as characters, never its rendering. And no code path may make a
label or tooltip any other way than through `desktop.plaintext`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QWidget,
)

from content.loader import load_pack
from desktop.plaintext import PlainLabel, message_box, plain_tooltip
from desktop.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = ('<b>B</b><img src="file:///nonexistent/briefdesk-canary.png">'
           '<a href="file:///etc/passwd">L</a>&amp;')
#: What Qt shows when it takes PAYLOAD for rich text (the image becomes U+FFFC).
RENDERED = "B\ufffcL&"
TEXT_FIELDS = {"title", "subtitle", "marking", "description", "summary", "text", "name",
               "role", "affiliation", "outlet", "author"}
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole)


class _QuotingDumper(yaml.SafeDumper):
    """Quotes every string, so "008" stays text under our YAML 1.2 reader."""


_QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def poison_every_field(folder: Path, payload: str = PAYLOAD) -> None:
    """Every text field of every file, pack.yaml included, becomes `payload`."""

    def walk(value: object) -> object:
        if isinstance(value, dict):
            return {k: payload if k in TEXT_FIELDS and isinstance(v, str) else walk(v)
                    for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    for path in folder.glob("*.yaml"):
        data = walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True,
                                  sort_keys=False),
                        encoding="utf-8")


def shown(text: str, rich: bool | None = None) -> str:
    """The characters Qt puts on screen for `text`: as rich text when `rich` (or, when
    None, when Qt's own guess says so, as it does for tooltips), else literally."""
    if rich is None:
        rich = GuiQt.mightBeRichText(text)
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    fmt = label.textFormat()
    return shown(label.text(), None if fmt == Qt.TextFormat.AutoText
                 else fmt != Qt.TextFormat.PlainText)


def model_texts(model: QAbstractItemModel, limit: int = 300) -> list[tuple[str, str]]:
    """(role name, shown text) of every string a model gives for its first rows."""
    found = []
    for row in range(min(model.rowCount(QModelIndex()), limit)):
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for column in range(max(columns, 1)):
            index = model.index(row, column)
            for role in ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    # Item views draw display text literally; tooltips and "What's
                    # this" go through Qt's rich-text guess.
                    rich = False if role == Qt.ItemDataRole.DisplayRole else None
                    found.append((role.name, shown(value, rich)))
    return found


def everything_shown(widgets: list[QWidget]) -> list[tuple[str, str]]:
    """(where, shown text) for every label, tooltip, model role and scene tooltip."""
    found: list[tuple[str, str]] = []
    for widget in widgets:
        where = f"{type(widget).__name__}:{widget.objectName()}"
        if widget.toolTip():
            found.append((where + " tooltip", shown(widget.toolTip())))
        if isinstance(widget, QLabel):
            found.append((where, label_shows(widget)))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [(f"{where} {role}", text) for role, text in model_texts(widget.model())]
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            found += [(where + " item tooltip", shown(item.toolTip()))
                      for item in widget.scene().items() if item.toolTip()]
    return found


@pytest.fixture
def poisoned_pack(pack_copy: Path):
    poison_every_field(pack_copy)
    pack = load_pack(pack_copy, use_cache=False)
    assert pack.info.marking == PAYLOAD and pack.sections[0].summary == PAYLOAD
    return pack


def test_the_whole_app_shows_markup_as_characters(qtbot, poisoned_pack, monkeypatch) -> None:
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window = MainWindow(poisoned_pack, watch=False, remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.state.select_event(poisoned_pack.events[0].id)
    window.deck_dock.show()
    window.deck_dock.raise_()
    builder = window.builder
    builder.set_seen(True)
    builder.refresh()
    assert builder.current_deck() is not None
    window.help.about()
    from desktop.present.controller import Presentation
    from desktop.present.presenter_view import PresenterView

    presenter = PresenterView(Presentation(builder.current_deck()))
    qtbot.addWidget(presenter)
    presenter.show()
    window.grab()
    presenter.grab()

    found = everything_shown(QApplication.allWidgets())
    rendered = [(where, text) for where, text in found if RENDERED in text]
    assert rendered == [], "markup was rendered, not shown"
    literal = {where for where, text in found if PAYLOAD in text or "<b>B</b>" in text}
    # The places the red team found, and the kinds of place: a status-bar label (the
    # marking), section tooltips, thumbnail tooltips, the event table, map tooltips.
    assert any("PlainLabel" in w for w in literal), literal
    assert any("tooltip" in w.lower() and "ListWidget" in w for w in literal), literal
    assert any("ToolTipRole" in w for w in literal), literal
    assert any("item tooltip" in w for w in literal), literal
    assert boxes and all(b.textFormat() == Qt.TextFormat.PlainText for b in boxes)
    assert PAYLOAD in boxes[0].text()


def test_the_check_sees_rendered_markup(qtbot) -> None:
    """Control: a label and a tooltip that let Qt guess are caught."""
    label = QLabel(PAYLOAD)
    qtbot.addWidget(label)
    label.setToolTip(PAYLOAD)
    found = everything_shown([label])
    assert [where for where, text in found if RENDERED in text] == [
        "QLabel: tooltip", "QLabel:"]
    plain = PlainLabel(PAYLOAD)
    qtbot.addWidget(plain)
    plain.setToolTip(plain_tooltip(PAYLOAD))
    assert all(text == PAYLOAD for _, text in everything_shown([plain]))


@pytest.mark.parametrize("text", [PAYLOAD, "a & b < c > d \"e\" 'f'", "two\nlines",
                                  "&lt;already escaped&gt;", "", "\u2028 é ☃ &#x27;"])
def test_a_tooltip_is_escaped_as_html_escape_does(text: str) -> None:
    import html

    assert plain_tooltip(text) == "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def test_message_boxes_are_plain(qtbot) -> None:
    box = message_box(None, QMessageBox.Icon.Warning, "t", PAYLOAD)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == PAYLOAD


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def test_no_other_way_in() -> None:
    """No QLabel, static QMessageBox, or setToolTip with anything but a literal or
    plain_tooltip(...), outside desktop/plaintext.py."""
    offences = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        if path.name == "plaintext.py":
            continue
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = _name(call.func)
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if name in ("QLabel", "QMessageBox") or (name.startswith("QMessageBox.") and \
                    name.split(".")[1] in ("critical", "warning", "information", "question",
                                           "about")):
                offences.append(f"{where}: {name}")
            if name.endswith(".setToolTip") and call.args:
                arg = call.args[0]
                literal = isinstance(arg, ast.Constant) or (
                    isinstance(arg, ast.IfExp) and all(isinstance(x, ast.Constant)
                                                       for x in (arg.body, arg.orelse)))
                if not literal and not (isinstance(arg, ast.Call)
                                        and _name(arg.func) == "plain_tooltip"):
                    offences.append(f"{where}: setToolTip without plain_tooltip")
    assert offences == []


def _as_shown(menu_text: str) -> str:
    """What a menu item shows for `menu_text`: Qt draws `&&` as `&` and hides a lone `&`
    (it marks the next letter as the item's Alt shortcut)."""
    return menu_text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_an_ampersand_in_a_title_is_shown_in_menus_not_made_a_shortcut(qtbot, state) -> None:
    """A cluster's menu on the timeline lists "Oil & Gas talks" as written, and Alt+G
    does not pick it."""
    import dataclasses

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QKeySequence

    from desktop.timeline.view import TimelineView

    view = TimelineView(state)
    qtbot.addWidget(view)
    first, second = state.pack.events[:2]
    events = [dataclasses.replace(first, title="Oil & Gas talks"),
              dataclasses.replace(second, title="R&D")]
    menu = view.open_cluster(events, QPoint(0, 0))
    texts = [action.text() for action in menu.actions()]
    assert any(_as_shown(t).endswith("\u2014 Oil & Gas talks") for t in texts), texts
    assert any(_as_shown(t).endswith("\u2014 R&D") for t in texts), texts
    assert all(QKeySequence.mnemonic(t).isEmpty() for t in texts)
    menu.close()
