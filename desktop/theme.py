"""Colours that follow the system's light or dark palette, and plain-text helpers."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Theme(NamedTuple):
    """The colours the map and timeline paint with.

    A NamedTuple rather than a dataclass: it is made for the window's first frame,
    where importing and building a dataclass would cost ~2 ms."""

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
    palette = QGuiApplication.palette() if QGuiApplication.instance() else QPalette()
    if palette.color(QPalette.ColorRole.Window).lightness() < 128:
        return Theme(
            dark=True, sea=QColor("#17202b"), land=QColor("#3a4250"),
            border=QColor("#5c6675"), coast=QColor("#6d7888"), member=QColor("#424a78"),
            member_new=QColor("#5a64a8"), focus=QColor("#c9a227"), marker=QColor("#e5533d"),
            marker_edge=QColor("#ffffff"), selected=QColor("#ffd84d"),
            link=QColor(255, 216, 77, 170), text=QColor("#e8ecf1"), muted=QColor("#9aa5b4"),
            lane=QColor("#232a35"), lane_alt=QColor("#283040"),
            window=QColor(74, 134, 197, 60))
    return Theme(
        dark=False, sea=QColor("#d3e2ee"), land=QColor("#f6f3ec"), border=QColor("#a9a49a"),
        coast=QColor("#8c9aa8"), member=QColor("#c5c9e6"), member_new=QColor("#98a0d6"),
        focus=QColor("#f2c84b"), marker=QColor("#c0392b"), marker_edge=QColor("#ffffff"),
        selected=QColor("#1f4e9c"), link=QColor(31, 78, 156, 150), text=QColor("#1d232b"),
        muted=QColor("#5f6b7a"), lane=QColor("#ffffff"), lane_alt=QColor("#f5f7fa"),
        window=QColor(31, 78, 156, 36))

