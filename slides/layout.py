"""Layout primitives: the slide frame (marking banners, footer), titles and text blocks.

Everything is measured with `slides.text`, so a block that does not fit is split
across slides by the caller instead of overflowing or shrinking below
`MIN_BODY_SIZE`, readable from the back of a room.
"""

from __future__ import annotations

from dataclasses import dataclass

from slides.spec import Paragraph, Rect, Run, Shape, TextBox
from slides.text import clamp_lines, line_height, wrap

WIDTH, HEIGHT = 960.0, 540.0  # 16:9 in points (13.333 x 7.5 inches)
MARGIN = 48.0
BANNER_H = 20.0
TITLE_Y, TITLE_H = 36.0, 56.0
BODY_TOP = 104.0
FOOTER_Y = HEIGHT - BANNER_H - 26.0
BODY_BOTTOM = FOOTER_Y - 8.0
TITLE_SIZE = 28.0
BODY_SIZE = 20.0
MIN_BODY_SIZE = 18.0
SMALL_SIZE = 14.0
TEXT = "#1d232b"
MUTED = "#5f6b7a"
ACCENT = "#1f4e9c"

WRAP_SLACK = 0.96  # wrap at 96% of a box's width: a renderer measuring a little wider
                   # still fits the same lines, so text never spills out of its box
MARKING_COLOURS = (  # (word in the marking, banner colour), most severe first
    ("TOP SECRET", "#e87722"), ("SECRET", "#c8102e"), ("CONFIDENTIAL", "#0033a0"),
    ("RESTRICTED", "#7a4f9a"), ("UNCLASSIFIED", "#007a33"), ("PUBLIC", "#007a33"),
)


def marking_colour(marking: str) -> str:
    """The conventional banner colour for a classification marking."""
    upper = marking.upper()
    for word, colour in MARKING_COLOURS:
        if word in upper and not (word == "SECRET" and "TOP SECRET" in upper):
            return colour
    return "#4a4a4a"


@dataclass(frozen=True)
class Frame:
    """What every slide of a deck carries: marking, footer text, slide count."""

    marking: str
    footer: str
    total: int = 0


def chrome(frame: Frame, number: int) -> list[Shape]:
    """Marking banners at top and bottom, the footer and the slide number."""
    colour = marking_colour(frame.marking)
    shapes: list[Shape] = []
    for y, name in ((0.0, "Marking top"), (HEIGHT - BANNER_H, "Marking bottom")):
        shapes.append(Rect(0, y, WIDTH, BANNER_H, colour, name=f"{name} band"))
        shapes.append(text_box(0, y + 2, WIDTH, BANNER_H - 2, frame.marking, 11, bold=True,
                               colour="#ffffff", align="center", name=name))
    footer = clamp_lines(wrap(frame.footer, WIDTH / 2, 11), 1, WIDTH / 2, 11)[0]
    shapes.append(text_box(MARGIN, FOOTER_Y, WIDTH / 2, 16, footer, 11, colour=MUTED,
                           name="Footer"))
    count = f"{number} / {frame.total}" if frame.total else str(number)
    shapes.append(text_box(WIDTH - MARGIN - 120, FOOTER_Y, 120, 16, count, 11, colour=MUTED,
                           align="right", name="Slide number"))
    return shapes


def text_box(x: float, y: float, w: float, h: float, text: str, size: float,
             bold: bool = False, colour: str = TEXT, align: str = "left",
             max_lines: int | None = None, name: str = "", role: str = "body",
             anchor: str = "top") -> TextBox:
    """A box of one paragraph, wrapped to `w` and cut to fit `h` (or `max_lines`)."""
    lines = wrap(text, w * WRAP_SLACK, size, bold)
    limit = max(1, int(h // line_height(size)))
    if max_lines is not None:
        limit = min(limit, max_lines)
    lines = clamp_lines(lines, limit, w * WRAP_SLACK, size, bold)
    paragraph = Paragraph(tuple((Run(line, size, bold, colour),) for line in lines), align)
    return TextBox(x, y, w, h, (paragraph,), role=role, anchor=anchor, name=name)


def title_box(title: str, size: float = TITLE_SIZE) -> TextBox:
    """The slide title: one or two lines, shrunk a little before it is cut."""
    width = WIDTH - 2 * MARGIN
    while size > 22 and len(wrap(title, width * WRAP_SLACK, size, True)) > 1:
        size -= 1
    return text_box(MARGIN, TITLE_Y, width, TITLE_H, title, size, bold=True, role="title",
                    anchor="middle", name="Title", max_lines=2)


@dataclass(frozen=True)
class Bullet:
    """One bullet before layout."""

    text: str
    marker: str = "•"
    size: float = BODY_SIZE
    bold_prefix: str = ""  # e.g. a date printed bold before the text
    colour: str = TEXT


def bullet_paragraph(bullet: Bullet, width: float, indent: float) -> Paragraph:
    """Wrap a bullet (with an optional bold prefix) to `width` minus its indent."""
    size = bullet.size
    inner = (width - indent) * WRAP_SLACK
    text = f"{bullet.bold_prefix} {bullet.text}" if bullet.bold_prefix else bullet.text
    lines = wrap(text, inner, size)
    out: list[tuple[Run, ...]] = []
    prefix = bullet.bold_prefix
    for n, line in enumerate(lines):
        if n == 0 and prefix and line.startswith(prefix):
            rest = line[len(prefix):]
            out.append((Run(prefix, size, True, ACCENT), Run(rest, size, False, bullet.colour)))
        else:
            out.append((Run(line, size, False, bullet.colour),))
    return Paragraph(tuple(out), "left", bullet.marker, indent, size * 0.45)


def paragraph_height(p: Paragraph) -> float:
    """Height a laid-out paragraph takes, its space before included."""
    return p.space_before + len(p.lines) * line_height(p.size)


def paginate(bullets: list[Bullet], width: float, height: float,
             indent: float = 26.0) -> list[list[Paragraph]]:
    """Bullets laid out into as many boxes of `width` x `height` as they need."""
    pages: list[list[Paragraph]] = [[]]
    used = 0.0
    for bullet in bullets:
        paragraph = bullet_paragraph(bullet, width, indent)
        need = paragraph_height(paragraph)
        if pages[-1] and used + need > height:
            pages.append([])
            used = 0.0
        if need > height:  # a single bullet taller than a page: cut it to fit
            limit = int((height - paragraph.space_before) // line_height(paragraph.size))
            lines = list(paragraph.lines[:limit])
            last = "".join(r.text for r in lines[-1])
            cut = clamp_lines([last, "…"], 1, (width - indent) * WRAP_SLACK,
                              paragraph.size)[0]
            lines[-1] = (Run(cut, paragraph.size, False, TEXT),)
            paragraph = Paragraph(tuple(lines), "left", paragraph.bullet, indent,
                                  paragraph.space_before)
            need = paragraph_height(paragraph)
        pages[-1].append(paragraph)
        used += need
    return pages

