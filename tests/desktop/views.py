"""Widgets on screen for the desktop tests."""

from __future__ import annotations

from desktop.map.view import MapView
from desktop.state import BriefingState


def shown_map(state: BriefingState, qtbot, width: int, height: int) -> MapView:
    """A map of `state` on screen at `width` x `height`, on the pack's default view."""
    view = MapView(state)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.fit_default()
    return view
