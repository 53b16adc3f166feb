"""Images worth pasting: the map or the timeline at print resolution, framed with its
title, marking, legend and date, without the app's controls."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from desktop.shell.exports import FigureDialog
from desktop.shell.figure import compose_figure, write_figure


def test_a_map_figure_at_300_dpi_is_framed_and_has_no_controls(window, tmp_path) -> None:
    out = tmp_path / "map.png"
    figure = compose_figure(window.state, window.map, "map", "", 4.0, 2.5, 300)
    assert figure.title == "Azerbaijan and NATO: places" and figure.marking == "UNCLASSIFIED"
    assert [text for _, text in figure.legend][:3] == window.map.legend.rows()[:3]
    write_figure(window.map, figure, out)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 750)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    top = QColor(image.pixel(5, 5))
    assert top.green() > top.red() and top.green() > 90  # the marking's green banner
    bottom = QColor(image.pixel(5, image.height() - 5))
    assert bottom == top
    assert window.map._controls.isVisible() and window.map.legend.isVisible()  # back


def test_a_timeline_figure_hides_the_drag_strip_only_while_drawn(window, tmp_path) -> None:
    view = window.timeline.view
    figure = compose_figure(window.state, window.map, "timeline", "", 6.0, 3.0, 150)
    write_figure(view, figure, tmp_path / "t.png")
    assert view.show_strip and view.brushing
    image = QImage(str(tmp_path / "t.png"))
    assert (image.width(), image.height()) == (900, 450)


def test_an_svg_figure_says_its_title_marking_and_date(window, tmp_path) -> None:
    window.state.set_window(None, None)
    out = tmp_path / "map.svg"
    write_figure(window.map, compose_figure(window.state, window.map, "map"), out)
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "Azerbaijan and NATO: places" in text
    assert "UNCLASSIFIED" in text and "15 December 2025" in text


def test_sizes_no_printer_needs_are_refused(window, tmp_path) -> None:
    out = tmp_path / "huge.png"
    with pytest.raises(ValueError, match="36 to 1200 dpi"):
        write_figure(window.map, compose_figure(window.state, window.map, "map", "", 4, 3,
                                                5000), out)
    with pytest.raises(ValueError, match="more than a PNG"):
        write_figure(window.map, compose_figure(window.state, window.map, "map", "", 60, 40,
                                                600), out)
    assert not out.exists()


def test_the_dialog_shows_the_pixels_it_will_write(qtbot, window) -> None:
    dialog = FigureDialog(window, "map")
    qtbot.addWidget(dialog)
    assert dialog.dpi.value() == 300
    dialog.width_in.setValue(4.0)
    dialog.height_in.setValue(2.5)
    assert dialog.pixels.text() == "1,200 × 750 pixels"


@pytest.mark.parametrize(("choice", "suffix", "starts"), [
    ("CSV (*.csv)", ".csv", "id,date,end"), ("GeoJSON (*.geojson)", ".geojson", "{"),
    ("TimelineJS JSON (*.json)", ".json", "{"), ("iCalendar (*.ics)", ".ics", "BEGIN:VCAL")])
def test_pack_data_is_exported_from_the_file_menu(window, tmp_path, monkeypatch, choice: str,
                                                  suffix: str, starts: str) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "data"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), choice)))
    window.exports.export_data()
    written = out.with_suffix(suffix)
    assert written.read_text(encoding="utf-8").startswith(starts)
    assert window.statusBar().currentMessage() == f"Saved {written}"
