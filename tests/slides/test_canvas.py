"""The deck canvas: every slide added the one way, on plates where text cannot read."""

from __future__ import annotations

import dataclasses

from content.loader import load_pack
from slides.canvas import DeckCanvas
from slides.layout import ACCENT
from slides.page import DEFAULT_PAGE, Palette
from slides.recipe import default_recipe
from slides.spec import Rect, SlideKind, TextRole


def canvas(**palettes: Palette) -> DeckCanvas:
    pack = load_pack()
    page = dataclasses.replace(DEFAULT_PAGE, palettes={**DEFAULT_PAGE.palettes, **palettes})
    return DeckCanvas(pack, default_recipe(pack), page)


def test_a_slide_gets_its_title_in_the_title_role_and_keeps_its_kind() -> None:
    c = canvas()
    c.add(SlideKind.AGENDA, "Agenda", [])
    slide = c.slides[0]
    assert slide.kind is SlideKind.AGENDA and not slide.kind.is_cover
    assert [b.plain_text() for b in slide.texts() if b.role is TextRole.TITLE] == ["Agenda"]


def test_where_nothing_reads_on_the_background_text_sits_on_plates() -> None:
    """A dark template whose content slides no colour of ours can read on: the body and
    the title get a plate; a cover gets plates behind its own title and subtitle only."""
    c = canvas(content=Palette(plate="#202020", title_plate="#202020"))
    c.add(SlideKind.SECTION, "History", [])
    c.add(SlideKind.TITLE, "Cover", [], with_title=False)
    plates = [s for s in c.slides[0].shapes if isinstance(s, Rect) and s.name == "Plate"]
    assert len(plates) == 2 and {p.fill for p in plates} == {"#202020"}
    assert not any(isinstance(s, Rect) and s.name == "Plate" for s in c.slides[1].shapes)


def test_a_title_that_reads_on_its_band_gets_no_plate() -> None:
    """White titles on the template's dark band over a body nothing of ours reads on:
    the body gets a plate, the title keeps the template's band."""
    c = canvas(content=Palette(plate="#202020"))
    c.add(SlideKind.SECTION, "History", [])
    plates = [s for s in c.slides[0].shapes if isinstance(s, Rect) and s.name == "Plate"]
    assert [(p.y, p.h) for p in plates] == [(DEFAULT_PAGE.body.y - 4, DEFAULT_PAGE.body.h + 8)]


def test_a_section_without_a_colour_reads_in_our_accent() -> None:
    assert canvas().readable("") == ACCENT


def test_a_cover_title_plate_covers_its_lines_not_the_empty_area_above() -> None:
    """A closing layout's tall title area, its one line anchored at the bottom: the
    plate behind it was the whole area, a white block over the template's photograph."""
    from slides.layout import cover
    from slides.page import Box

    tall = Box(40, 200, 600, 180)
    page = dataclasses.replace(DEFAULT_PAGE, cover_title=tall, cover_subtitle=None, palettes={
        **DEFAULT_PAGE.palettes, "title": Palette(title_plate="#ffffff")})
    c = DeckCanvas(load_pack(), default_recipe(load_pack()), page)
    c.add(SlideKind.TITLE, "Questions", cover(page, "Questions", []), with_title=False)
    (plate,) = [s for s in c.slides[0].shapes if isinstance(s, Rect) and s.name == "Plate"]
    title = next(b for b in c.slides[0].texts() if b.role is TextRole.TITLE)
    assert plate.y + plate.h >= title.y + title.h  # the line is on it
    assert plate.h < tall.h / 2  # and no more than the line
