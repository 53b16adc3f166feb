"""The application object: named, and English whatever the desktop's language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop.panes.filters import FilterPanel
from desktop.shell.app import make_app
from desktop.state import BriefingState


def test_date_pickers_say_english_months_on_a_french_desktop(state: BriefingState,
                                                              qtbot) -> None:
    original = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))  # what Qt would take from LANG=fr_FR.UTF-8
    try:
        app = make_app()
        assert app.applicationName() == "Briefing Desk"
        panel = FilterPanel(state)
        qtbot.addWidget(panel)
        assert panel.start.text() == "1 Jan 1992"
    finally:
        QLocale.setDefault(original)


def test_the_app_has_its_icon_and_desktop_entry_name(qapp) -> None:
    """Windows' task bar, macOS's Dock and a Linux panel show the app's own icon, and
    the window is matched to its .desktop entry (resources/linux)."""
    from PySide6.QtWidgets import QApplication

    from resources import resource_path

    make_app()
    assert not QApplication.windowIcon().isNull()
    name = QApplication.desktopFileName()
    assert (resource_path("linux", f"{name}.desktop")).is_file()
    assert (resource_path("linux", f"{name}.metainfo.xml")).is_file()
