"""`DeckCanvas`: what every slide of one deck is laid out against and added to.

The page's body area, the deck's numbered sources, the sections the recipe selects
and the slides so far. The deck builder (`slides.build`) and the section slides
(`slides.section_slides`) both add to one canvas; neither reaches into the other.
"""

from __future__ import annotations

from content.model import Citation, Pack
from slides import layout as L
from slides.citing import SourceIndex
from slides.layout import themed, title_box
from slides.notes import Notes
from slides.page import SAFE_CONTRAST, Box, Page, readable
from slides.recipe import Recipe
from slides.spec import LiveView, Rect, Shape, Slide, SlideKind, TextBox, TextRole
from slides.text import line_height

MAX_SECTIONS = 40  # per deck: beyond it the agenda says what it left out


def _words_of(box: TextBox) -> Box:
    """The part of `box` its lines fill, as its anchor places them: a plate behind a
    one-line title in a tall title area covers the line, not the empty area above."""
    used = sum(len(p.lines) * line_height(p.size) + p.space_before for p in box.paragraphs)
    used = min(box.h, used + 4)
    top = {"bottom": box.y + box.h - used, "middle": box.y + (box.h - used) / 2}.get(
        box.anchor, box.y)
    return Box(box.x, top, box.w, used)


class DeckCanvas:
    """One deck's page, sources and slides, and the one way a slide is added."""

    def __init__(self, pack: Pack, recipe: Recipe, page: Page) -> None:
        self.pack = pack
        self.recipe = recipe
        self.page = page
        body = page.body  # where content goes: the template's body area
        self.left, self.top, self.width, self.height = body.x, body.y, body.w, body.h
        self.bottom = body.bottom
        self.slides: list[Slide] = []
        self.sections = list(recipe.sections[:MAX_SECTIONS])
        self.sections_left_out = len(recipe.sections) - len(self.sections)
        self.index = SourceIndex(pack)  # the deck's numbered sources, as first cited
        self.event_slides: dict[str, str] = {}  # event id -> section it has its slide in

    def add(self, kind: SlideKind, title: str, body: list[Shape], notes: str = "",
            section: str = "", live: LiveView | None = None,
            with_title: bool = True, kicker: str = "") -> None:
        """A slide of `kind`: its title (unless `with_title` is off), then `body`, on
        plates where the template's background would not let them read."""
        shapes = [*(title_box(title, self.page, kicker=kicker) if with_title else []), *body]
        palette = self.page.palette(kind.look)
        page = self.page
        plates: list[tuple[Box, str]] = []  # where nothing reads on the template's art
        cover_title, cover_sub, _ = page.cover_areas(kind is SlideKind.CLOSING)
        if palette.plate:
            plates += [(b, palette.plate) for b in
                       ([page.body] if not kind.is_cover else [cover_sub]) if b is not None]
        if palette.title_plate and (with_title or kind.is_cover):
            title_area = cover_title if kind.is_cover else page.title
            words = next((s for s in shapes if isinstance(s, TextBox)
                          and s.role is TextRole.TITLE), None) if kind.is_cover else None
            if words is not None:  # a cover's title: the plate behind its lines only
                plates.append((_words_of(words), palette.title_plate))
            elif title_area is not None:  # a slide's title and any kicker above it
                plates.append((title_area, palette.title_plate))
        shapes = [Rect(b.x - 6, b.y - 4, b.w + 12, b.h + 8, fill, radius=4, name="Plate")
                  for b, fill in plates] + shapes
        self.slides.append(Slide(kind, title, tuple(themed(shapes, palette)), notes.strip(),
                                 section, live))

    def readable(self, colour: str) -> str:
        """A section's colour as text on this page: moved only as far as it must be to
        read on the template's background (our accent when it has none)."""
        palette = self.page.palette("content")
        if not colour:
            return L.ACCENT
        behind = list(palette.behind) or [palette.plate or palette.background]
        return readable(colour, behind, SAFE_CONTRAST, towards=palette.text)

    def note_citations(self, citations: tuple[Citation, ...]) -> None:
        """Number `citations` in the deck's sources (as first cited)."""
        self.index.cite(citations)

    def notes(self) -> Notes:
        """Speaker notes numbered as the deck numbers its sources."""
        return Notes(self.pack, self.index)
