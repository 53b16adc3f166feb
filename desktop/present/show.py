"""Running a show: which screen gets the slides, the presenter view, ending cleanly."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from content.model import Pack
from desktop.present.audience import SlideWindow
from desktop.present.controller import Presentation
from desktop.present.presenter_view import PresenterView
from slides.spec import Deck


class ShowController(QObject):
    """Slides full-screen on the audience screen; the presenter view on the other one.

    With one screen the presenter view is shown only on demand (right-click menu), in a
    normal window. `ended(index)` reports where the show stopped.
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
        if screen is not None and 0 <= screen < len(screens):
            self.audience = screens[screen]
        else:
            self.audience = screens[1] if len(screens) > 1 else screens[0]
        self.want_presenter = len(screens) > 1 if presenter_view is None else presenter_view
        self.presentation.finished.connect(self._finish)
        self.window.presenterRequested.connect(self.show_presenter_view)

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

    def show_presenter_view(self) -> None:
        """Open the presenter view on the other screen (a window with a single screen)."""
        if self.presenter is None:
            self.presenter = PresenterView(self.presentation)
            self.presenter.swap_button.clicked.connect(self.swap_screens)
            self.presenter.liveRequested.connect(self.window.enter_live)
        screen = self.other_screen()
        self.presenter.setScreen(screen)
        if screen is self.audience:
            self.presenter.resize(1100, 700)
            self.presenter.show()
        else:
            self.presenter.setGeometry(screen.availableGeometry())
            self.presenter.showMaximized()
        self.presenter.raise_()

    def swap_screens(self) -> None:
        """Move the slides to the other screen and the presenter view to this one."""
        self.audience = self.other_screen()
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
