"""The audience's full-screen window: slides, black and white screens, live slides.

Slides are painted from the same specs the PowerPoint writer uses (vector, crisp at
any resolution). A map or timeline slide can be made live, deliberately (L, or the
presenter view's button; never by clicks meant to advance): the app's own map or
timeline, showing the slide's sections and places, is laid over the area the slide
drew it in, so the presenter can pan, zoom and select during questions; R returns it
to how the slide was built, L or Esc goes back to the slide.

The clicker's keys always belong to the show, live or not: → ↓ Space PgDn N Enter
advance and ← ↑ PgUp P Backspace go back (leaving live mode), B/W and a number then
Enter work as ever, and Esc first leaves live mode, then the show. The live view gets
only the keys the show does not use (+, −, arrows are the show's).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QScreen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QMenu,
    QWidget,
)

from content.geo import view_box
from content.model import Pack
from desktop.deck.slide_painter import SlidePainter
from desktop.plaintext import PlainLabel
from desktop.present.controller import (
    BLACK_KEYS,
    NEXT_KEYS,
    PREVIOUS_KEYS,
    WHITE_KEYS,
    Presentation,
)
from desktop.present.ink import Ink
from desktop.state import BriefingState
from slides.spec import Slide

#: Keys a live view never sees: the show's (and a clicker's).
SHOW_KEYS = (NEXT_KEYS | PREVIOUS_KEYS | BLACK_KEYS | WHITE_KEYS
             | {Qt.Key.Key_Escape, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_L,
                Qt.Key.Key_R} | {Qt.Key(Qt.Key.Key_0 + n) for n in range(10)})


class SlideCanvas(QWidget):
    """Paints one slide (or a black/white screen) letterboxed into the widget."""

    def __init__(self, painter: SlidePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slide_painter = painter
        self.slide: Slide | None = None
        self.blank: str | None = None
        self.letterbox = QColor("#000000")  # around the slide when aspects differ
        self.blank_fills_widget = True  # a black/white screen covers everything, as in
        # PowerPoint; previews in the presenter view blank only the slide's area
        self.ink: Ink | None = None  # pointer and pen strokes painted over the slide
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_slide(self, slide: Slide | None, blank: str | None = None) -> None:
        """Show `slide`, or a blank screen."""
        self.slide, self.blank = slide, blank
        self.update()

    def slide_rect(self) -> QRectF:
        """Where the slide sits in the widget (letterboxed)."""
        deck = self.slide_painter.deck
        scale = min(self.width() / deck.width, self.height() / deck.height)
        w, h = deck.width * scale, deck.height * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def slide_scale(self) -> float:
        """Pixels per slide point, as the slide is shown in the widget."""
        return self.slide_rect().width() / self.slide_painter.deck.width

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.letterbox)
        area = QRectF(self.rect()) if self.blank_fills_widget else self.slide_rect()
        if self.blank == "white":
            painter.fillRect(area, QColor("#ffffff"))
        elif self.blank == "black" or self.slide is None:
            painter.fillRect(area, QColor("#000000"))
        else:
            self.slide_painter.paint(painter, self.slide, QRectF(self.rect()))
            if self.ink is not None:
                self.ink.paint(painter, self.slide_rect(), self.slide_scale())
        painter.end()

    def to_slide(self, position: QPointF) -> QPointF | None:
        """A point of the widget in slide points (None outside the slide)."""
        rect = self.slide_rect()
        if not rect.contains(position):
            return None
        scale = self.slide_scale()
        return QPointF((position.x() - rect.x()) / scale, (position.y() - rect.y()) / scale)


class SlideWindow(SlideCanvas):
    """The audience's full-screen window, driven by a `Presentation`."""

    presenterRequested = Signal()

    def __init__(self, show: Presentation, pack: Pack | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(SlidePainter(show.deck), parent)
        self.show_state = show
        self.pack = pack
        self.live: QWidget | None = None
        self.live_state: BriefingState | None = None
        self.cue: QWidget | None = None  # says "live" while the live view is shown
        self.setWindowTitle(f"{show.deck.title} — presenting")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMouseTracking(True)
        self._cursor_timer = QTimer(self, singleShot=True, interval=2000)
        self._cursor_timer.timeout.connect(lambda: self.setCursor(Qt.CursorShape.BlankCursor))
        self.ink = show.ink
        show.changed.connect(self.refresh)
        show.ink.changed.connect(self.update)
        self.refresh()

    def refresh(self) -> None:
        """Follow the presentation: slide, blank state; leave live mode on slide change."""
        show = self.show_state
        self.leave_live()
        self.show_slide(show.deck.slides[show.index], show.blank)

    # -- full screen --------------------------------------------------------
    def present_on(self, screen: QScreen | None = None) -> None:
        """Cover `screen` (the primary when None), with or without a window manager."""
        screen = screen or QGuiApplication.primaryScreen()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())  # without a window manager, full screen alone
        self.showFullScreen()  # leaves the window small: set the geometry first
        self.raise_()
        self.activateWindow()
        self.setFocus()

    # -- live slides --------------------------------------------------------
    @property
    def is_live(self) -> bool:
        """Whether the live map/timeline is shown over the slide."""
        return self.live is not None

    def enter_live(self) -> bool:
        """Make the current map or timeline slide live; False if it cannot be."""
        slide = self.show_state.deck.slides[self.show_state.index]
        if self.pack is None or slide.live is None or self.show_state.blank:
            return False
        from desktop.map.view import MapView
        from desktop.timeline.view import TimelineView

        state = BriefingState(self.pack, self)
        state.set_sections(frozenset(slide.live.sections) or None)
        self.live_state = state
        self.live = MapView(state, self) if slide.live.view == "map" else \
            TimelineView(state, self)
        for widget in [self.live, *self.live.findChildren(QWidget)]:
            widget.installEventFilter(self)  # the show's keys come here first
        self.live.present_dress(self.slide_scale())
        if isinstance(self.live, MapView):
            self.live.number_places(slide.live.places)  # as the slide's legend
        self._place_live()
        self.live.show()
        self.reset_live()
        self._live_cue()
        self.live.setFocus()
        return True

    def _live_cue(self) -> None:
        """A small mark just above the live view that says it is live (and how to get
        back), for presenter and audience; it takes no clicks. Above, not over: a widget
        over the live map makes every pan step repaint the whole of it."""
        if self.live is None:
            return
        cue = PlainLabel("\u25cf LIVE  \u00b7  R resets  \u00b7  Esc leaves", self)
        cue.setObjectName("Live cue")
        cue.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = cue.font()
        font.setPixelSize(max(11, round(11 * self.slide_scale())))
        cue.setFont(font)
        cue.setStyleSheet("QLabel { color: white; background: rgba(20, 30, 45, 150); "
                          "border-radius: 4px; padding: 2px 6px; }")
        cue.adjustSize()
        self.cue = cue
        self._place_live()
        cue.show()
        cue.raise_()

    def reset_live(self, animate: bool = False) -> None:
        """Return the live view to how the slide was built (gliding back, for R)."""
        live = self.show_state.deck.slides[self.show_state.index].live
        if self.live is None or self.live_state is None or live is None or self.pack is None:
            return
        self.live_state.select_event(None)
        self.live_state.select_place(None)
        from desktop.map.view import MapView
        from desktop.timeline.view import TimelineView

        if isinstance(self.live, MapView):
            view = self.live
            points = [view.marker(p).pos() for p in live.places if p in self.pack.places]

            def built() -> None:  # the slide's own view, where the slide says it
                if len(live.bounds) == 4:
                    view.fit_rect(QRectF(*view_box(*live.bounds)), margin_share=0.0)
                else:
                    view.fit_points(points)
            if animate:
                view.animate_to(built)
            else:
                built()
        elif isinstance(self.live, TimelineView):
            events = [self.pack.event(e) for e in live.events if self.pack.has_event(e)]
            if events:
                first = min(e.start_day for e in events).toordinal()
                last = max(e.end_day for e in events).toordinal() + 1
                pad = max((last - first) * 0.08, 30)
                if animate:
                    self.live.animate_view(first - pad, last + pad)
                else:
                    self.live.set_view(first - pad, last + pad)

    def leave_live(self) -> None:
        """Back to the painted slide."""
        if self.live is not None:
            self.live.hide()
            self.live.deleteLater()
            self.live = None
            if self.cue is not None:
                self.cue.deleteLater()
                self.cue = None
            self.live_state = None
            self.setFocus()

    def _place_live(self) -> None:
        if self.live is None:
            return
        live = self.show_state.deck.slides[self.show_state.index].live
        if live is None:
            return
        rect, scale = self.slide_rect(), self.slide_scale()  # over what the slide drew
        area = QRectF(rect.x() + live.x * scale, rect.y() + live.y * scale, live.w * scale,
                      live.h * scale)
        self.live.setGeometry(area.toRect())
        if self.cue is not None:  # in the slide's margin above the view, at its left edge
            self.cue.move(round(area.x()), max(0, round(area.y()) - self.cue.height() - 2))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_live()

    # -- input --------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The show's keys, pressed while the live view has the focus, are the show's."""
        if self.is_live and isinstance(event, QKeyEvent) and event.key() in SHOW_KEYS:
            if event.type() == QEvent.Type.KeyPress:
                self.show_key(event.key(), event.text())
            event.accept()  # ShortcutOverride too: no widget inside may take it
            return True
        return super().eventFilter(watched, event)

    def show_key(self, key: int, text: str = "") -> None:
        """One of the show's keys, live or not."""
        if self.is_live:
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_L):
                self.leave_live()
                return
            if key == Qt.Key.Key_R:
                self.reset_live(animate=True)
                return
        elif key == Qt.Key.Key_L:
            self.enter_live()
            return
        self.show_state.key(key, text)  # a slide change leaves live mode

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.show_state.ink.key(key, event.modifiers()):  # Esc puts the pen down first
            return
        if key == Qt.Key.Key_F5 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.presenterRequested.emit()  # the presenter view (one screen: instead)
            return
        if event.key() in SHOW_KEYS or self.show_state.typed:
            self.show_key(event.key(), event.text())
        elif not self.show_state.key(event.key(), event.text()):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        at = self.to_slide(QPointF(event.position()))
        if self.show_state.ink.mode == "pen" and at is not None:
            self.show_state.ink.begin_stroke(at)  # with the pen, a click draws
        elif not self.show_state.ink.mode:
            self.show_state.next()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """The second of two quick clicks: it advances again, as in PowerPoint (live
        mode starts only deliberately)."""
        if (event is None or event.button() == Qt.MouseButton.LeftButton) and \
                not self.show_state.ink.mode:
            self.show_state.next()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        ink = self.show_state.ink
        if ink.mode:
            ink.move(self.to_slide(QPointF(event.position())),
                     bool(event.buttons() & Qt.MouseButton.LeftButton))
            return
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self._cursor_timer.start()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.angleDelta().y() < 0:
            self.show_state.next()
        elif event.angleDelta().y() > 0:
            self.show_state.previous()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu().exec(event.globalPos())

    def context_menu(self) -> QMenu:
        """Right-click menu: next, previous, go to slide, blank, live, end show."""
        show = self.show_state
        menu = QMenu(self)
        menu.addAction("Next", show.next)
        menu.addAction("Previous", show.previous)
        go = menu.addMenu("Go to Slide")
        for n, slide in enumerate(show.deck.slides):
            action = QAction(f"{n + 1}. {slide.title}", go)
            action.triggered.connect(lambda _=False, i=n: show.go(i))
            go.addAction(action)
        menu.addSeparator()
        menu.addAction("Black Screen (B)", lambda: show.set_blank("black"))
        menu.addAction("White Screen (W)", lambda: show.set_blank("white"))
        live = menu.addAction("Interact with Map/Timeline (L)", self.enter_live)
        live.setEnabled(show.deck.slides[show.index].live is not None and self.pack is not None)
        menu.addAction("Show Presenter View", self.presenterRequested.emit)
        menu.addSeparator()
        menu.addAction("End Show (Esc)", show.end)
        return menu
