"""The map keeps its context: a legend that can be hidden, accession dates on
hover, the focus countries named inside the view, and fits that never zoom past a
city and its country."""

from __future__ import annotations

import datetime as dt

from desktop.map.shading import membership_note
from desktop.map.view import MIN_FIT


def test_the_legend_says_what_colours_mean_and_hides_from_the_menu(window, qtbot) -> None:
    legend = window.map.legend
    assert legend.isVisible()
    assert "Azerbaijan (focus country)" in legend.rows()
    assert "NATO member" in legend.accessibleDescription()
    inside = window.map.viewport().rect().contains(legend.geometry())
    assert inside
    window.menus.legend_action.trigger()
    assert not legend.isVisible()
    window.menus.legend_action.trigger()
    assert legend.isVisible()


def test_hovering_a_member_gives_its_accession(window) -> None:
    sweden = window.map._countries["752"]
    assert sweden.toolTip().endswith("NATO member since 7 March 2024</qt>")
    window.state.set_window(dt.date(2020, 1, 1), dt.date(2022, 12, 31))
    assert "after the time shown" in sweden.toolTip()
    assert membership_note("Azerbaijan", None, dt.date(2025, 1, 1)) == "Azerbaijan"


def test_focus_countries_are_named_inside_the_view(window, qtbot) -> None:
    view = window.map
    view.fit_default()
    view.relayout()
    names = {label.text(): label for label in view._country_labels}
    russia = names["RUSSIA"]  # its centre is in Siberia, far off this view
    assert russia.isVisible()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(russia.scenePos())


def test_a_fit_keeps_a_city_and_its_country(window) -> None:
    view = window.map
    window.state.select_place("baku")
    view.fit_selection()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert min(shown.width(), shown.height()) >= MIN_FIT * 0.99


def test_a_reload_keeps_the_view(window, qtbot) -> None:
    """Every live reload re-zoomed to the selection; the analyst's view now stays."""
    view, state = window.map, window.state
    state.select_event("kabul-airlift")
    view.fit_default()  # the analyst looks elsewhere (Kabul is off this view)
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    state.set_pack(state.pack)  # what a reload of unchanged files does
    after = view.mapToScene(view.viewport().rect()).boundingRect()
    assert after == before
    state.select_event("washington-meeting")  # a new selection is followed
    state.select_event("kabul-airlift")
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.marker("kabul-airport").pos())
