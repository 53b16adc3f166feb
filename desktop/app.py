"""Starts the Qt application on a pack and shows the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from content.errors import ContentError
from content.loader import load_pack


def run_app(folder: Path | None) -> int:
    """Open the main window on the pack in `folder` (the embedded pack when None)."""
    from desktop.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Briefing Desk")
    app.setOrganizationName("Briefing Desk")
    from desktop.housekeeping import clean_at_start

    clean_at_start()
    try:
        pack = load_pack(folder)
    except ContentError as exc:
        QMessageBox.critical(None, "Briefing Desk", f"The content pack has problems:\n\n"
                                                    f"{exc.report()}")
        print(exc.report(), file=sys.stderr)
        return 1
    window = MainWindow(pack, folder)
    window.show()
    return app.exec()
