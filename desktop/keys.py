"""Keys the map and the timeline share, so they answer them alike."""

from __future__ import annotations

from PySide6.QtCore import Qt

ZOOM_STEP = 1.5
#: Zoom keys and the factor each applies: + and = zoom in, - and _ zoom out.
ZOOM_KEYS = {Qt.Key.Key_Plus: ZOOM_STEP, Qt.Key.Key_Equal: ZOOM_STEP,
             Qt.Key.Key_Minus: 1 / ZOOM_STEP, Qt.Key.Key_Underscore: 1 / ZOOM_STEP}
