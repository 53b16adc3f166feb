"""Measuring and wrapping with DejaVu Sans's widths: every line fits, nothing is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from slides.text import text_width, wrap

WIDTH, SIZE = 300.0, 20.0


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_every_line_fits_and_every_word_survives(text: str) -> None:
    lines = wrap(text, WIDTH, SIZE)
    assert all(text_width(line, SIZE) <= WIDTH or len(line) == 1 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_an_overlong_word_is_broken_across_lines() -> None:
    word = "Nordatlantikvertragsorganisation" * 20
    lines = wrap(f"The {word} end", WIDTH, SIZE)
    assert lines[0] == "The" and lines[-1].endswith(" end")
    assert "".join(lines[1:])[:-4] == word


def test_a_twenty_thousand_character_title_wraps_at_once() -> None:
    """Wrapping was cubic in a word's length (a 20,000-character title hung export);
    it is linear now, so this returns in milliseconds (timed in benchmarks/)."""
    lines = wrap("x" * 20_000, WIDTH, SIZE)
    assert sum(map(len, lines)) == 20_000 and len(lines) > 50


def test_a_no_break_space_keeps_a_number_with_its_unit() -> None:
    from slides.text import text_width, wrap

    text = "Brussels, 3,600\u00a0km"
    width = text_width("Brussels, 3,600", 12) + 4  # room for all but the unit
    assert wrap(text, width, 12) == ["Brussels,", "3,600\u00a0km"]


def test_a_number_joined_to_its_unit_is_shrunk_as_one_word() -> None:
    from slides.text import text_width, word_size

    joined = "3,600\u00a0km"
    width = text_width(joined, 12) * 0.8  # too narrow for it whole at 12 pt
    assert word_size(joined, width, 12) < 12
    assert text_width(joined, word_size(joined, width, 12)) <= width + 0.01
