"""The quiet part of a body area: our words keep clear of art the template draws
inside it, and keep their full line length where they can."""

from __future__ import annotations

from PIL import Image, ImageDraw

from slides.page import Box
from slides.pptx.quiet import busy_cells, largest_quiet, quiet_area

AREA = Box(0, 0, 400, 200)  # points; the images below are 1 px a point


def backdrop(*art: tuple[int, int, int, int], ground: str = "#102020") -> Image.Image:
    image = Image.new("RGB", (400, 200), ground)
    draw = ImageDraw.Draw(image)
    for box in art:
        draw.line(box, fill="#7fd6c0", width=2)  # thin strokes, as arrows are drawn
    return image


def test_art_in_a_corner_leaves_a_band_of_whole_lines_above_it() -> None:
    arrows = backdrop((340, 150, 360, 195), (370, 140, 380, 198), (390, 160, 395, 198))
    quiet = quiet_area(arrows, AREA, 1.0)
    assert quiet.x == 0 and quiet.w == AREA.w  # lines keep their length
    assert 120 <= quiet.bottom <= 140  # and stop above the arrows' tips at 140 pt
    assert quiet.y == 0


def test_art_down_one_side_leaves_the_column_beside_it() -> None:
    rule = backdrop((330, 0, 330, 199), (345, 0, 345, 199))
    quiet = quiet_area(rule, AREA, 1.0)
    assert quiet.right <= 330 and quiet.x == 0 and quiet.h == AREA.h


def test_a_plain_area_and_a_photograph_are_left_as_they_are() -> None:
    assert quiet_area(backdrop(), AREA, 1.0) == AREA
    noise = Image.effect_noise((400, 200), 120).convert("RGB")
    assert quiet_area(noise, AREA, 1.0) == AREA  # colours and plates handle photographs


def test_art_that_would_leave_too_little_is_not_cut_around() -> None:
    middle = backdrop((200, 0, 200, 199), (0, 100, 399, 100))
    assert quiet_area(middle, AREA, 1.0) == AREA


def test_largest_quiet_finds_the_biggest_rectangle() -> None:
    x, o = True, False
    cells = [[o, o, o, x],
             [o, o, o, x],
             [x, x, o, o]]
    assert largest_quiet(cells) == (0, 0, 3, 2)
    assert busy_cells(backdrop(), AREA, 1.0)[0][0] is False
