"""Decks and notes build and write for packs at the calendar's edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.loader import load_pack
from slides.build import build_deck
from slides.pptx.writer import write_pptx
from slides.recipe import Options, default_recipe
from tests.edge_dates import EDGES, with_edge_dates


@pytest.mark.parametrize(("first", "last"), EDGES)
def test_deck_at_the_calendars_edges(tmp_path: Path, pack_copy: Path, first: str,
                                     last: str) -> None:
    with_edge_dates(pack_copy, first, last)
    pack = load_pack(pack_copy, use_cache=False)
    recipe = default_recipe(pack).with_(options=Options(event_slides=True,
                                                        changed_since=pack.events[-1].date))
    deck = build_deck(pack, recipe)
    out = tmp_path / "deck.pptx"
    write_pptx(deck, out)
    assert out.stat().st_size > 10_000
