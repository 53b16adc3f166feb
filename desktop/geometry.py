"""Fast conversion of flat coordinate lists to Qt geometry."""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, Qt
from PySide6.QtGui import QPainterPath, QPolygonF


def polygon(flat: Sequence[float]) -> QPolygonF:
    """A `QPolygonF` from flat [x0, y0, x1, y1, ...] coordinates.

    Built by Qt from packed bytes in QDataStream's format (a count, then the
    coordinates): far faster than appending points one by one from Python. Float32
    arrays (the basemap) go in as they are, read in QDataStream's single precision.
    """
    stream_data: bytes
    if isinstance(flat, array) and flat.typecode == "f":  # the basemap: no per-point work
        stream_data = struct.pack("<I", len(flat) // 2) + flat.tobytes()
        order = QDataStream.ByteOrder.LittleEndian if sys.byteorder == "little" \
            else QDataStream.ByteOrder.BigEndian
        precision = QDataStream.FloatingPointPrecision.SinglePrecision
    else:
        stream_data = struct.pack(f"<I{len(flat)}d", len(flat) // 2, *flat)
        order = QDataStream.ByteOrder.LittleEndian
        precision = QDataStream.FloatingPointPrecision.DoublePrecision
    data = QByteArray(stream_data)  # kept alive: the stream reads through a pointer to it
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream.setByteOrder(order)
    stream.setFloatingPointPrecision(precision)
    result = QPolygonF()
    stream >> result
    return result


def ring_path(rings: Sequence[Sequence[float]]) -> QPainterPath:
    """A filled path from flat rings."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        path.addPolygon(polygon(ring))
        path.closeSubpath()
    return path


def line_path(lines: Sequence[Sequence[float]]) -> QPainterPath:
    """An unfilled path of flat polylines."""
    path = QPainterPath()
    for line in lines:
        path.addPolygon(polygon(line))
    return path
