"""The window lists the real pack's sections and events, as plain text."""

from __future__ import annotations

from content.loader import load_pack
from desktop.main_window import MainWindow


def test_window_lists_the_pack(qtbot) -> None:
    pack = load_pack()
    window = MainWindow(pack)
    qtbot.addWidget(window)
    assert window.sections.count() == len(pack.sections)
    assert window.events.topLevelItemCount() == len(pack.events)
    assert window.events.topLevelItem(0).text(1) == "Azerbaijan–NATO relations established"
