"""The map's View menu entries: its layers, titled from the pack on screen."""

from __future__ import annotations

import dataclasses

from desktop.map.actions import focus_title


def test_the_focus_layer_is_named_for_the_packs_focus_countries() -> None:
    """A pack about Azerbaijan says "Azerbaijan and neighbours"; a pack about Georgia
    alone says "Georgia"; a pack with no focus says "Focus countries"."""
    from content.loader import load_pack

    pack = load_pack()
    assert focus_title(pack) == "Azerbaijan and neighbours"
    info = pack.info
    georgia = dataclasses.replace(pack, info=dataclasses.replace(info, focus_countries=("268",)))
    assert focus_title(georgia) == "Georgia"
    none = dataclasses.replace(pack, info=dataclasses.replace(info, focus_countries=()))
    assert focus_title(none) == "Focus countries"


def test_the_window_titles_the_layer_from_its_pack(window) -> None:
    action = window.menus.layer_actions["focus"]
    assert action.text() == "Azerbaijan and neighbours"
    action.trigger()  # unticked: the focus layer hides
    assert not window.map.layers["focus"]
