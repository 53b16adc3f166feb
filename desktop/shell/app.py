"""Starts the Qt application on a pack and shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.shell.main_window import MainWindow
from resources import resource_path

if TYPE_CHECKING:
    from content.errors import ContentError


def make_app() -> QApplication:
    """The application object, named so settings and caches land in the right place."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Briefing Desk")
    app.setOrganizationName("Briefing Desk")
    QApplication.setDesktopFileName("io.github.briefingdesk.BriefingDesk")  # its .desktop
    QApplication.setWindowIcon(QIcon(str(resource_path("icons", "briefdesk.png"))))
    # The app and its briefings are in English: date pickers say "1 Jan 1992" as
    # the timeline and the slides do, whatever the desktop's language.
    QLocale.setDefault(QLocale("en_GB"))
    return app  # type: ignore[return-value]


def open_window(folder: Path | None) -> MainWindow:
    """Show the main window at once; it loads the pack in `folder` (the embedded
    pack when None) and builds its panes on the event loop. A pack that cannot be
    loaded opens the window on the embedded pack with its problems listed; only a
    broken embedded pack is reported and ends the application with status 1."""
    window = MainWindow(None, folder)
    window.loadFailed.connect(lambda exc: _refuse_pack(window, exc))
    window.loaded.connect(_clean_up_after_killed_writes)
    window.show()
    return window


def _clean_up_after_killed_writes() -> None:
    """Stray temp files of writes killed in an earlier run (after the first frame:
    it is housekeeping, nothing the user waits for)."""
    from desktop.housekeeping import clean_at_start

    clean_at_start()


def _refuse_pack(window: MainWindow, exc: ContentError) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.plaintext import message_box

    print(exc.report(), file=sys.stderr)
    message_box(window, QMessageBox.Icon.Critical, "Briefing Desk",
                f"The content pack has problems:\n\n{exc.report()}").exec()
    QApplication.exit(1)


def run_app(folder: Path | None) -> int:
    """Open the main window on the pack in `folder` (the embedded pack when None)."""
    app = make_app()
    window = open_window(folder)
    code = app.exec()
    window.deleteLater()
    return code
