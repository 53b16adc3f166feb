"""A clock the desktop tests can step: glides are Qt animations, and a test moves
them to a point in their run instead of waiting for the wall clock to get there.

A busy machine delivers timer ticks late and in bursts, so "wait 120 ms, then the
glide is part of the way" holds only on an idle one; stepping holds everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QEvent, QObject
from PySide6.QtWidgets import QApplication


def running_animations(owner: QObject) -> list[QAbstractAnimation]:
    """The animations `owner` (or any child of it) is running now."""
    return [animation for animation in owner.findChildren(QAbstractAnimation)
            if animation.state() == QAbstractAnimation.State.Running]


def step_animations(owner: QObject, ms: int) -> int:
    """Move every running animation of `owner` to `ms` into its run (clamped to its
    end, which finishes it). Returns how many there were, so a test can insist that
    something was gliding at all."""
    animations = running_animations(owner)
    for animation in animations:
        animation.setCurrentTime(min(ms, animation.totalDuration()))
    return len(animations)


def finish_animations(owner: QObject) -> int:
    """Run every animation of `owner` to its end now; returns how many there were."""
    animations = running_animations(owner)
    for animation in animations:
        animation.setCurrentTime(animation.totalDuration())
    return len(animations)


def settle_layouts(rounds: int = 5) -> None:
    """Deliver the layout requests widgets have posted (and what they post in turn),
    so sizes are final when a test looks: what a wait "for the layout to settle"
    was for, without the wait."""
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
