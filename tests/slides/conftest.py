"""Deck fixtures: the embedded pack and its default recipe."""

from __future__ import annotations

import pytest

from content.loader import load_pack
from content.model import Pack
from slides.recipe import Recipe, default_recipe


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(use_cache=False)


@pytest.fixture
def recipe(pack: Pack) -> Recipe:
    return default_recipe(pack).with_(presenter="A. Analyst", audience="Policy staff",
                                      date="1 December 2026")
