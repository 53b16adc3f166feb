"""Moving the map's view smoothly: a glide from one view to another (R on a live
slide, fit to results), and Play, which follows the window's events and gives the
view back when it stops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QPointF, QVariantAnimation
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView
from shiboken6 import isValid as shiboken_alive

ANIMATE_MS = 350  # how long R on a live slide takes to glide back


class Glide:
    """Glides of one view; `settle` runs when a glide ends (the view's relayout)."""

    def __init__(self, view: QGraphicsView, settle: Callable[[], None]) -> None:
        self.view = view
        self.settle = settle
        self.animation: QVariantAnimation | None = None  # the glide under way, if any
        self._before_play: tuple[QTransform, QPointF] | None = None

    def to(self, fit: Callable[[], None], ms: int = ANIMATE_MS) -> QVariantAnimation:
        """Glide from the current view to the one `fit` sets: the zoom geometric, the
        centre straight."""
        view = self.view
        centre = QPointF(view.viewport().rect().center())
        start_scale = view.transform().m11()
        start_centre = view.mapToScene(centre.toPoint())
        fit()
        end_scale, end_centre = view.transform().m11(), view.mapToScene(centre.toPoint())

        def step(t: float) -> None:
            scale = start_scale * (end_scale / start_scale) ** t
            view.setTransform(QTransform.fromScale(scale, scale))
            view.centerOn(start_centre + (end_centre - start_centre) * t)

        step(0.0)
        self.stop()  # a new glide takes over from one still under way
        animation = QVariantAnimation(view, startValue=0.0, endValue=1.0, duration=ms)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        animation.valueChanged.connect(step)
        animation.finished.connect(self.settle)
        animation.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
        self.animation = animation
        return animation

    def stop(self) -> None:
        """Stop a glide under way where it is (it deletes itself when stopped)."""
        glide, self.animation = self.animation, None
        if glide is not None and shiboken_alive(glide):
            glide.stop()

    def play_started(self) -> None:
        """Remember the view Play starts from."""
        view = self.view
        centre = view.mapToScene(view.viewport().rect().center())
        self._before_play = (view.transform(), QPointF(centre))

    def play_stopped(self) -> None:
        """Give back the view Play started from."""
        if self._before_play is None:
            return
        transform, centre = self._before_play
        self._before_play = None
        self.stop()  # a follow glide still under way would carry the view off
        self.view.setTransform(transform)
        self.view.centerOn(centre)
        self.settle()
