"""Render the map, timeline or whole window to PNG, with or without a screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.shell.images import grab_png

KINDS = ("map", "timeline", "window")


def settle(app: QApplication, rounds: int = 3) -> None:
    """Let layouts, timers posted for now and paints run."""
    for _ in range(rounds):
        app.processEvents()


def snapshot(kind: str, out: Path, size: tuple[int, int], folder: Path | None = None) -> None:
    """Render the `kind` view of the pack at `size` and save it as PNG."""
    from content.loader import load_pack
    from desktop.map.view import MapView
    from desktop.shell.app import make_app
    from desktop.shell.main_window import MainWindow
    from desktop.state import BriefingState
    from desktop.timeline.panel import TimelinePanel

    app = make_app()
    pack = load_pack(folder)
    widget: QWidget
    if kind == "window":
        widget = MainWindow(pack, folder, watch=False, remember_layout=False)
    elif kind == "map":
        widget = MapView(BriefingState(pack))
    else:
        widget = TimelinePanel(BriefingState(pack))
    widget.resize(*size)
    widget.show()
    settle(app)
    maps = [widget] if isinstance(widget, MapView) else widget.findChildren(MapView)
    for view in maps:
        view.fit_default()
        settle(app)
        view.relayout()
    settle(app)
    grab_png(widget, out)
    widget.close()
    widget.deleteLater()
