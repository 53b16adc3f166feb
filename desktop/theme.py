"""Colours that follow the system's light or dark palette, and plain-text helpers."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Theme:
    """The colours the map and timeline paint with."""

    dark: bool
    sea: QColor
    land: QColor
    border: QColor
    coast: QColor
    member: QColor
    member_new: QColor
    focus: QColor
    marker: QColor
    marker_edge: QColor
    selected: QColor
    link: QColor
    text: QColor
    muted: QColor
    lane: QColor
    lane_alt: QColor
    window: QColor


def current_theme() -> Theme:
    """The theme matching the application's palette (light unless the window is dark)."""
    app = QGuiApplication.instance()
    palette = app.palette() if app else QPalette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if dark:
        return Theme(True, QColor("#17202b"), QColor("#3a4250"), QColor("#5c6675"),
                     QColor("#6d7888"), QColor("#424a78"), QColor("#5a64a8"),
                     QColor("#c9a227"), QColor("#e5533d"), QColor("#ffffff"),
                     QColor("#ffd84d"), QColor(255, 216, 77, 170), QColor("#e8ecf1"),
                     QColor("#9aa5b4"), QColor("#232a35"), QColor("#283040"),
                     QColor(74, 134, 197, 60))
    return Theme(False, QColor("#d3e2ee"), QColor("#f6f3ec"), QColor("#a9a49a"),
                 QColor("#8c9aa8"), QColor("#c5c9e6"), QColor("#98a0d6"),
                 QColor("#f2c84b"), QColor("#c0392b"), QColor("#ffffff"),
                 QColor("#1f4e9c"), QColor(31, 78, 156, 150), QColor("#1d232b"),
                 QColor("#5f6b7a"), QColor("#ffffff"), QColor("#f5f7fa"),
                 QColor(31, 78, 156, 36))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt would otherwise guess it is rich text."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
