"""Decks on pages of any size are the same slides at that size."""

from __future__ import annotations

from content.model import Pack
from slides.build import build_deck
from slides.page import DEFAULT_PAGE
from slides.recipe import Recipe
from slides.scaling import scale_page


def test_a_page_twice_the_size_gets_the_same_deck_twice_the_size(pack: Pack,
                                                                 recipe: Recipe) -> None:
    normal = build_deck(pack, recipe)
    big = build_deck(pack, recipe, scale_page(DEFAULT_PAGE, 2.0))
    assert (big.width, big.height) == (1920.0, 1080.0)
    assert [s.title for s in big.slides] == [s.title for s in normal.slides]
    for a, b in zip(normal.slides, big.slides, strict=True):
        sizes_a = [r.size for t in a.texts() for p in t.paragraphs for line in p.lines
                   for r in line]
        sizes_b = [r.size for t in b.texts() for p in t.paragraphs for line in p.lines
                   for r in line]
        assert sizes_b == [2 * s for s in sizes_a]
        for shape in b.drawn():
            x, y = getattr(shape, "x", 0), getattr(shape, "y", 0)
            assert 0 <= x + getattr(shape, "w", 0) <= 1920.01
            assert 0 <= y + getattr(shape, "h", 0) <= 1080.01
