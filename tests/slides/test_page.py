"""Colours that read: contrast, legible variants and palettes for any background."""

from __future__ import annotations

from slides.page import MIN_CONTRAST, contrast, palette_for, readable


def test_contrast_is_wcag() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#777777") == 1.0


def test_readable_moves_a_colour_only_as_far_as_it_must() -> None:
    assert readable("#1f4e9c", ["#ffffff"]) == "#1f4e9c"  # already reads: kept
    moved = readable("#5566aa", ["#10241f"])
    assert contrast(moved, "#10241f") >= MIN_CONTRAST and moved != "#ffffff"


def test_a_dark_background_gets_light_text_and_a_mixed_one_a_plate() -> None:
    dark = palette_for(["#10241f", "#1f3a34"], ["#000000", "#ffffff"], ["#4472c4"])
    assert dark.text == "#ffffff" and dark.plate is None
    for colour in (dark.text, dark.muted, dark.accent):
        assert min(contrast(colour, b) for b in ["#10241f", "#1f3a34"]) >= MIN_CONTRAST
    mixed = palette_for(["#000000", "#ffffff"], ["#000000", "#ffffff"], [])
    assert mixed.plate is not None and contrast(mixed.text, mixed.plate) >= MIN_CONTRAST
