"""Running a show: which screen gets the slides, the presenter view, ending cleanly."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from content.model import Pack
from desktop.housekeeping import settings
from desktop.present.audience import SlideWindow
from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView
from slides.spec import Deck

AUDIENCE_KEY = "present/audience_screen"  # the screen the audience saw last time


def screen_id(screen: QScreen) -> str:
    """What tells a screen apart from the others next time: its name and where it is
    (two screens of one X server, or two identical monitors, share a name)."""
    g = screen.geometry()
    return f"{screen.name()} {g.width()}x{g.height()}+{g.x()}+{g.y()}"


class ShowController(QObject):
    """Slides full-screen on the audience screen; the presenter view on the other one.

    With two screens the audience gets the one it had last time (or the second), and
    Swap Screens remembers the choice. With one screen the presenter view is opened on
    demand (right-click menu, Alt+F5) full-screen, as PowerPoint's one-screen
    presenter view, and Alt+F5 toggles between it and the audience's view.
    `ended(index)` reports where the show stopped.
    """

    ended = Signal(int)

    def __init__(self, deck: Deck, pack: Pack | None = None, start: int = 0,
                 presenter_view: bool | None = None, screen: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presentation = Presentation(deck, start, self)
        self.window = SlideWindow(self.presentation, pack)
        self.presenter: PresenterView | None = None
        screens = QGuiApplication.screens()
        remembered = [s for s in screens if screen_id(s) == settings().value(AUDIENCE_KEY)]
        if screen is not None and 0 <= screen < len(screens):
            self.audience = screens[screen]
        elif len(screens) > 1 and remembered:
            self.audience = remembered[0]
        else:
            self.audience = screens[1] if len(screens) > 1 else screens[0]
        self.want_presenter = len(screens) > 1 if presenter_view is None else presenter_view
        self.presentation.finished.connect(self._finish)
        self.window.presenterRequested.connect(self.toggle_views)

    def start(self) -> None:
        """Go full screen (and open the presenter view when wanted)."""
        self.window.present_on(self.audience)
        if self.want_presenter:
            self.show_presenter_view()

    def other_screen(self) -> QScreen:
        """The screen the audience does not see (the same one with a single screen)."""
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not self.audience]
        return others[0] if others else self.audience

    @property
    def one_screen(self) -> bool:
        return self.other_screen() is self.audience

    def show_presenter_view(self) -> None:
        """Open the presenter view on the other screen (full-screen over the show with a
        single screen: Alt+F5 goes back to the audience's view)."""
        if self.presenter is None:
            self.presenter = PresenterView(self.presentation)
            self.presenter.swap_button.clicked.connect(self.swap_screens)
            self.presenter.liveRequested.connect(self.window.enter_live)
            self.presenter.audienceRequested.connect(self.toggle_views)
        screen = self.other_screen()
        self.presenter.setScreen(screen)
        self.presenter.setGeometry(screen.geometry() if self.one_screen
                                   else screen.availableGeometry())
        if self.one_screen:
            self.presenter.showFullScreen()
        else:
            self.presenter.showMaximized()
        self.presenter.raise_()
        self.presenter.activateWindow()

    def toggle_views(self) -> None:
        """With one screen: the presenter view or the audience's, a keystroke apart;
        with two, open the presenter view."""
        if not self.one_screen:
            self.show_presenter_view()
        elif self.presenter is not None and self.presenter.isVisible():
            self.presenter.hide()
            self.window.present_on(self.audience)
        else:
            self.show_presenter_view()

    def swap_screens(self) -> None:
        """Move the slides to the other screen and the presenter view to this one;
        the next show remembers which screen the audience sees."""
        if self.one_screen:
            self.toggle_views()
            return
        self.audience = self.other_screen()
        settings().setValue(AUDIENCE_KEY, screen_id(self.audience))
        self.window.present_on(self.audience)
        if self.presenter is not None:
            self.show_presenter_view()

    def _finish(self, index: int) -> None:
        self.window.leave_live()
        self.window.close()
        if self.presenter is not None:
            self.presenter.ticker.stop()
            self.presenter.close()
        self.ended.emit(index)
