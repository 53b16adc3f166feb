"""Keyboard first: F6 moves between panes, Tab leaves the events list, Ctrl+F finds,
and Help lists every shortcut, shows the guide offline and says the version."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.shell.help import menu_shortcuts, version
from desktop.shell.help_dialogs import ShortcutsDialog, guide_dialog
from desktop.shell.main_window import MainWindow


def focused_pane(win: MainWindow) -> str:
    widget = QApplication.focusWidget()
    for name, pane in win.panes():
        if widget is pane or pane.isAncestorOf(widget):
            return name
    return ""


def test_f6_cycles_the_panes_and_shift_f6_goes_back(window, qtbot) -> None:
    window.events.setFocus()
    qtbot.waitUntil(lambda: focused_pane(window) == "Events")
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        seen.append(focused_pane(window))
    assert seen == ["Map", "Timeline", "Details", "Filters", "Events"]
    assert window.statusBar().currentMessage() == "Events pane"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6,
                   Qt.KeyboardModifier.ShiftModifier)
    assert focused_pane(window) == "Filters"


def test_tab_leaves_the_events_list_without_moving_the_selection(window, qtbot) -> None:
    window.events.setFocus()
    window.events.selectRow(2)
    selected = window.state.selected_event
    qtbot.keyClick(window.events, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.events
    assert window.state.selected_event == selected


def test_ctrl_f_finds(window, qtbot) -> None:
    window.filters.search.setText("kabul")
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.filters.search
    assert window.filters.search.selectedText() == "kabul"  # typing replaces it


def test_the_shortcuts_dialog_lists_every_menu_shortcut(window) -> None:
    rows = menu_shortcuts(window.menuBar())
    actions = {text for _, _, text in rows}
    assert {"Find", "Next Pane", "Keyboard Shortcuts", "From the Beginning",
            "Export Deck"} <= actions
    assert len({keys for _, keys, _ in rows}) == len(rows)  # no key does two things
    dialog = ShortcutsDialog(window.menuBar(), window)
    shown = dialog.rows()
    assert any(where == "Edit" and "Ctrl+F" in keys.split(", ") and does == "Find"
               for where, keys, does in shown)
    assert any(where == "Presenting" and "PgDn" in keys for where, keys, _ in shown)
    dialog.close()


def test_help_opens_the_guide_offline_and_about_names_the_version(window) -> None:
    dialog = guide_dialog(window)
    text = dialog.browser.toPlainText()
    assert "Bottom line up front".lower() in text.lower() and "F6" in text
    assert dialog.browser.loadResource(2, "file:///etc/passwd") is None
    dialog.close()
    assert version() != ""


def test_views_say_what_is_selected_to_a_screen_reader(window) -> None:
    window.state.select_event("kabul-airlift")
    assert "Kabul airlift" in window.timeline.view.accessibleDescription()
    window.state.select_place("baku")
    assert window.map.accessibleDescription() == "Selected: Baku"
    assert window.events.accessibleName() == "Events"


def test_quit_and_help_have_keys_on_every_platform(window) -> None:
    actions = {text: keys for _, keys, text in menu_shortcuts(window.menuBar())}
    assert "Ctrl+Q" in actions["Quit"].split(", ")
    assert "F1" in actions["User Guide"].split(", ")


def test_about_names_the_version_the_licences_and_the_data() -> None:
    from desktop.shell.help import about_text

    text = about_text("Azerbaijan and NATO", "15 December 2025")
    assert text.startswith(f"Briefing Desk {version()}")
    assert "Natural Earth" in text and "LGPL" in text and "MIT" in text
    assert "GeoNames" in text and "CC BY 4.0" in text  # the gazetteer's attribution
    assert "Azerbaijan and NATO (as of 15 December 2025)" in text
