"""Exports from the window: a deck as PDF, a view as a framed figure (PNG or SVG at a
chosen size and resolution) or a screen grab, each after a save dialog.

Failures are shown in a message box from the one error table (`desktop.errors`);
success is said in the status bar. The folder written to is remembered, so stray
temp files of a killed write are cleaned there at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from desktop.errors import error_message
from desktop.housekeeping import ask_save_name, last_folder, remember_folder, remember_write_folder
from desktop.plaintext import PlainLabel, offer_open, warn

if TYPE_CHECKING:  # the first frame imports no slides module
    from desktop.shell.figure import Figure
    from slides.spec import Deck


def _save(parent: QWidget, write: Callable[[Path], None], name: str,
          say: Callable[[str], None]) -> bool:
    try:
        write(Path(name))
        remember_write_folder(Path(name))
    except OSError as exc:
        title, text = error_message(exc)
        warn(parent, title, text)
        return False
    say(f"Saved {name}")
    return True


def export_pdf(parent: QWidget, deck: Deck, notes: bool, say: Callable[[str], None]) -> None:
    """Ask where, then write `deck` as a PDF handout (or A4 notes pages)."""
    import datetime as dt

    from desktop.deck.pdf import write_pdf
    from slides.output import suggested_name

    suffix = " notes" if notes else ""
    offered = suggested_name(f"{deck.title}{suffix}", dt.date.today().isoformat(), ".pdf")
    name = ask_save_name(parent, "deck", "Export PDF", offered, "PDF (*.pdf)")
    if name and _save(parent, lambda path: write_pdf(deck, path, notes=notes), name, say):
        offer_open(parent, "PDF exported", Path(name), "Open PDF",
                   f"{len(deck.slides)} {'notes pages' if notes else 'slides'}")


def export_png(parent: QWidget, widget: QWidget, kind: str, say: Callable[[str], None]) -> None:
    """Ask where, then save what `widget` (the map, timeline or window) shows as PNG."""
    from desktop.shell.images import grab_png

    name = ask_save_name(parent, "figure", "Export as PNG", f"{kind}.png",
                         "PNG image (*.png)")
    if name:
        _save(parent, lambda path: grab_png(widget, path), name, say)


class FigureDialog(QDialog):
    """Size, resolution and format of a figure, before the save dialog."""

    def __init__(self, parent: QWidget, kind: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export {kind.capitalize()} as Figure")
        self.width_in = QDoubleSpinBox(suffix=" in", minimum=0.5, maximum=60.0, value=10.0,
                                       decimals=2, singleStep=0.5)
        self.height_in = QDoubleSpinBox(suffix=" in", minimum=0.5, maximum=60.0, value=5.63,
                                        decimals=2, singleStep=0.5)
        self.dpi = QSpinBox(suffix=" dpi", minimum=36, maximum=1200, value=300, singleStep=50)
        self.svg = QCheckBox("SVG (scalable) instead of PNG")
        self.pixels = PlainLabel()
        form = QFormLayout(self)
        form.addRow("Width", self.width_in)
        form.addRow("Height", self.height_in)
        form.addRow("Resolution", self.dpi)
        form.addRow("", self.svg)
        form.addRow("", self.pixels)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for box in (self.width_in, self.height_in, self.dpi):
            box.valueChanged.connect(self._show_pixels)
        self._show_pixels()

    def _show_pixels(self) -> None:
        w = round(self.width_in.value() * self.dpi.value())
        h = round(self.height_in.value() * self.dpi.value())
        self.pixels.setText(f"{w:,} × {h:,} pixels")


def export_figure(parent: QWidget, view: QWidget, kind: str, figure_for: Callable[
        [float, float, int], Figure], say: Callable[[str], None]) -> None:
    """Ask for size and resolution, then where; write the framed figure."""
    from desktop.shell.figure import write_figure

    dialog = FigureDialog(parent, kind)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    suffix = ".svg" if dialog.svg.isChecked() else ".png"
    name = ask_save_name(parent, "figure", "Export Figure", f"{kind}{suffix}",
                         "SVG (*.svg)" if suffix == ".svg" else "PNG image (*.png)")
    if not name:
        return
    path = Path(name if name.lower().endswith(suffix) else name + suffix)
    figure = figure_for(dialog.width_in.value(), dialog.height_in.value(), dialog.dpi.value())
    try:
        write_figure(view, figure, path)
        remember_write_folder(path)
    except (OSError, ValueError) as exc:
        title, text = error_message(exc) if isinstance(exc, OSError) else (
            "Export Figure", str(exc))
        warn(parent, title, text)
        return
    say(f"Saved {path}")


DATA_FILTERS = {"CSV (*.csv)": "csv", "GeoJSON (*.geojson)": "geojson",
                "TimelineJS JSON (*.json)": "timelinejs", "iCalendar (*.ics)": "ics"}
SUFFIXES = {"csv": ".csv", "geojson": ".geojson", "timelinejs": ".json", "ics": ".ics"}


def export_data(parent: QWidget, pack, say: Callable[[str], None]) -> None:
    """File → Export Pack Data…: the pack's events and places in another format, the
    format chosen by the file type (never over a file of the pack itself)."""
    from content.exporting import export_text
    from content.fileio.atomic import write_atomic

    name, chosen = QFileDialog.getSaveFileName(parent, "Export Pack Data",
                                               str(last_folder("data") / "pack-data.csv"),
                                               ";;".join(DATA_FILTERS))
    if not name:
        return
    remember_folder("data", Path(name).parent)
    fmt = DATA_FILTERS.get(chosen) or next(
        (f for f, suffix in SUFFIXES.items() if name.lower().endswith(suffix)), "csv")
    path = Path(name if Path(name).suffix else name + SUFFIXES[fmt])
    protected = [Path(pack.folder) / n for n in ("pack.yaml", "events.yaml", "places.yaml")] \
        if pack.folder else []
    _save(parent, lambda p: write_atomic(p, export_text(pack, fmt).encode("utf-8"),
                                         protected), str(path), say)
