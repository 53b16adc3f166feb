"""Decks for pages of any size: lay out at the usual scale, then scale the result.

A deck is laid out on a page 540 points high (7.5 in: our own and most templates'
height), so the text sizes that read from the back of a room are the same
proportion of every slide. A template of another size (10 in wide 16:9, 26.67 in
wide, A4) gets the deck laid out on its page scaled to that height, then every
position, size and font size scaled back up: the same slides, at its size.
"""

from __future__ import annotations

import dataclasses
from array import array

from slides.page import HEIGHT, Box, Page
from slides.spec import Deck, Ellipse, Line, Paragraph, Rect, Shape, TextBox

LAYOUT_HEIGHT = HEIGHT  # decks are laid out this high, then scaled


def _box(box: Box, k: float) -> Box:
    return Box(box.x * k, box.y * k, box.w * k, box.h * k)


def _maybe(box: Box | None, k: float) -> Box | None:
    return None if box is None else _box(box, k)


def scale_page(page: Page, k: float) -> Page:
    """`page` with every area and size multiplied by `k` (colours and backdrops kept)."""
    return dataclasses.replace(
        page, width=page.width * k, height=page.height * k, title=_box(page.title, k),
        body=_box(page.body, k), footer=_box(page.footer, k), number=_box(page.number, k),
        cover_title=_maybe(page.cover_title, k), cover_subtitle=_maybe(page.cover_subtitle, k),
        closing_title=_maybe(page.closing_title, k),
        closing_subtitle=_maybe(page.closing_subtitle, k),
        art=tuple(_box(a, k) for a in page.art),
        banner_h=page.banner_h * k)


def _paragraph(p: Paragraph, k: float) -> Paragraph:
    lines = tuple(tuple(dataclasses.replace(r, size=r.size * k) for r in line)
                  for line in p.lines)
    return dataclasses.replace(p, lines=lines, indent=p.indent * k,
                               space_before=p.space_before * k)


def scale_shape(shape: Shape, k: float) -> Shape:
    """One shape scaled by `k` about the slide's top-left corner."""
    if isinstance(shape, TextBox):
        return dataclasses.replace(shape, x=shape.x * k, y=shape.y * k, w=shape.w * k,
                                   h=shape.h * k, paragraphs=tuple(
                                       _paragraph(p, k) for p in shape.paragraphs))
    if isinstance(shape, Rect):
        return dataclasses.replace(shape, x=shape.x * k, y=shape.y * k, w=shape.w * k,
                                   h=shape.h * k, line_width=shape.line_width * k,
                                   radius=shape.radius * k)
    if isinstance(shape, Ellipse):
        return dataclasses.replace(shape, x=shape.x * k, y=shape.y * k, w=shape.w * k,
                                   h=shape.h * k, line_width=shape.line_width * k)
    if isinstance(shape, Line):
        return dataclasses.replace(shape, x1=shape.x1 * k, y1=shape.y1 * k, x2=shape.x2 * k,
                                   y2=shape.y2 * k, width=shape.width * k)
    rings = tuple(array("d", (v * k for v in ring)) for ring in shape.rings)
    return dataclasses.replace(shape, rings=rings, line_width=shape.line_width * k)


def scale_deck(deck: Deck, k: float, page: Page) -> Deck:
    """A deck laid out on `page` scaled by 1/k, brought to `page`'s own size."""
    slides = []
    for slide in deck.slides:
        live = slide.live
        if live is not None:
            live = dataclasses.replace(live, x=live.x * k, y=live.y * k, w=live.w * k,
                                       h=live.h * k)
        slides.append(dataclasses.replace(
            slide, shapes=tuple(scale_shape(s, k) for s in slide.shapes),
            chrome=tuple(scale_shape(s, k) for s in slide.chrome), live=live))
    return dataclasses.replace(deck, width=page.width, height=page.height,
                               slides=tuple(slides), page=page)

