"""A widget as a PNG file: what File > Export as PNG and `briefdesk snapshot` write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QWidget

from content.fileio.atomic import write_atomic


def grab_png(widget: QWidget, out: Path) -> None:
    """Save what `widget` shows as a PNG, written atomically (maps brought up to date
    first: they recount their markers a moment after a filter change)."""
    from desktop.map.view import MapView

    for view in [widget, *widget.findChildren(MapView)]:
        if isinstance(view, MapView):
            view.flush()
    image = widget.grab().toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; Qt takes str
    buffer.close()
    write_atomic(out, bytes(data.data()))
