"""The basemap layer: every country filled, borders and coasts each in their colour."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from content.geo import load_basemap
from desktop.map.basemap import BORDER_Z, COAST_Z, BasemapLayer
from desktop.map.items import CountryItem
from desktop.theme import current_theme


def test_every_country_has_a_fill_and_lines_are_hairlines(qapp) -> None:
    scene = QGraphicsScene()
    layer = BasemapLayer(scene, current_theme())
    assert set(layer.countries) == {c.id for c in load_basemap().countries}
    lines = [i for i in scene.items() if not isinstance(i, CountryItem)]
    assert lines and all(isinstance(i, QGraphicsPathItem) for i in lines)
    assert all(i.pen().widthF() == 0 for i in lines)  # cheap bounds; see restyle()
    assert {i.zValue() for i in lines} == {BORDER_Z, COAST_Z}


def test_restyle_keeps_borders_and_coasts_apart(qapp) -> None:
    scene = QGraphicsScene()
    theme = current_theme()
    layer = BasemapLayer(scene, theme)
    other = theme._replace(border=QColor("#ff0000"), coast=QColor("#0000ff"))
    layer.restyle(other)
    colours = {(i.zValue(), i.pen().color().name()) for i in scene.items()
               if not isinstance(i, CountryItem)}
    assert colours == {(BORDER_Z, "#ff0000"), (COAST_Z, "#0000ff")}
