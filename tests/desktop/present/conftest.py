"""A deck of one section over the embedded pack, for the show's tests."""

from __future__ import annotations

import pytest

from content.loader import load_pack
from slides.build import build_deck
from slides.recipe import default_recipe


@pytest.fixture
def deck_and_pack(qapp):
    pack = load_pack()
    return build_deck(pack, default_recipe(pack, ["operations"])), pack
