"""Layout primitives: the slide frame (marking banners, footer), titles and text blocks.

Everything is measured with `slides.text`, so a block that does not fit is split
across slides by the caller instead of overflowing or shrinking below
`MIN_BODY_SIZE`, readable from the back of a room.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from slides.page import ACCENT, DEFAULT_PAGE, HEIGHT, MUTED, TEXT, Box, Page, Palette, lines_under
from slides.spec import Paragraph, Rect, Run, Shape, TextBox, TextRole
from slides.text import clamp_lines, line_height, text_width, word_size, wrap

TITLE_SIZE = 28.0
BODY_SIZE = 20.0
MIN_BODY_SIZE = 18.0

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


def chrome(frame: Frame, number: int, page: Page = DEFAULT_PAGE) -> list[Shape]:
    """Marking banners at top and bottom, the footer and the slide number.

    On our template the banners run across the slide; on an organisation's they are
    centred plates just wide enough for the marking, so their art stays visible.
    The PowerPoint writer puts these on every layout (the number as a field), so
    slides added later carry them too."""
    colour = marking_colour(frame.marking)
    width, height, band = page.width, page.height, page.banner_h
    plate = width if page.full_banners else min(
        width, text_width(frame.marking, 11, True) + 36)
    size = min(11.0, band / 1.55)  # a line, ascent to descent, inside the band
    shapes: list[Shape] = []
    for y, name in ((0.0, "Marking top"), (height - band, "Marking bottom")):
        x = _marking_x(page, plate, y, band)
        shapes.append(Rect(x, y, plate, band, colour, name=f"{name} band"))
        shapes.append(text_box(x, y, plate, band, frame.marking, size, bold=True,
                               colour="#ffffff", align="center", name=name, max_lines=1,
                               anchor="middle"))
    f = page.footer
    footer, footer_size = _footer(frame.footer, f.w * WRAP_SLACK)
    n = page.number
    if page.chrome_plate:  # the words' width (and the widest number) on a plate
        wide = text_width(str(max(frame.total, number)), 11) + 8
        shapes.append(Rect(f.x - 4, f.y - 2, text_width(footer, footer_size) + 8, f.h + 4,
                           page.chrome_plate, name="Footer plate"))
        shapes.append(Rect(n.right - wide + 4, n.y - 2, wide, n.h + 4, page.chrome_plate,
                           name="Slide number plate"))
    shapes.append(text_box(f.x, f.y, f.w, f.h, footer, footer_size, colour=MUTED,
                           name="Footer"))
    shapes.append(text_box(n.x, n.y, n.w, n.h, str(number), 11, colour=MUTED,
                           align="right", name="Slide number", role=TextRole.SLIDE_NUMBER))
    return shapes


def _marking_x(page: Page, plate: float, y: float, band: float) -> float:
    """Where a marking plate goes across its band: centred, unless the template's art
    (a logo on its title slide or master) is there; then the nearest place clear of
    it, stepping out from the centre. The marking is on every layout, one place for
    every layout, so it must be clear of the art of all of them."""
    width = page.width
    centre = (width - plate) / 2
    if not page.art:
        return centre
    steps = [centre + sign * step for step in range(0, int(width), 6) for sign in (1, -1)]
    for x in steps:
        if 0 <= x <= width - plate and not any(
                Box(x, y, plate, band).intersects(art) for art in page.art):
            return x
    return centre


def _footer(text: str, width: float) -> tuple[str, float]:
    """The footer whole on one line: at 11 pt, else 9; else only its "as of" part
    (a long deck title is on the title slide; the date must not be cut)."""
    short = text.rsplit(" \u00b7 ", 1)[-1]
    for candidate, size in ((text, 11.0), (text, 9.0), (short, 11.0), (short, 9.0)):
        if text_width(candidate, size) <= width:
            return candidate, size
    return short, 9.0


def themed(shapes: list[Shape], palette: Palette) -> list[Shape]:
    """`shapes` in a page's palette: our text, muted and accent colours become the
    template's (chosen to read on its background); everything else is kept."""
    if palette == Palette():
        return shapes
    swap = {TEXT: palette.text, MUTED: palette.muted, ACCENT: palette.accent}
    out: list[Shape] = []
    for shape in shapes:
        if isinstance(shape, TextBox):
            own = {**swap, TEXT: palette.title} if shape.role is TextRole.TITLE else swap
            paragraphs = tuple(dataclasses.replace(p, lines=tuple(
                tuple(dataclasses.replace(r, colour=own.get(r.colour, r.colour)) for r in line)
                for line in p.lines)) for p in shape.paragraphs)
            shape = dataclasses.replace(shape, paragraphs=paragraphs)
        elif isinstance(shape, Rect) and shape.fill in swap:
            shape = dataclasses.replace(shape, fill=swap[shape.fill])
        out.append(shape)
    return out


def text_box(x: float, y: float, w: float, h: float, text: str, size: float,
             bold: bool = False, colour: str = TEXT, align: str = "left",
             max_lines: int | None = None, name: str = "", role: TextRole = TextRole.BODY,
             anchor: str = "top") -> TextBox:
    """A box of one paragraph, wrapped to `w` and cut to fit `h` (or `max_lines`);
    smaller (to 60 % of `size`, 8 pt at the least) rather than break a word too wide
    for the box ("Afghan / istan" reads as two words)."""
    size = word_size(text, w * WRAP_SLACK, size, bold, max(8.0, size * 0.6))
    lines = wrap(text, w * WRAP_SLACK, size, bold)
    limit = max(1, int(h // line_height(size)))
    if max_lines is not None:
        limit = min(limit, max_lines)
    lines = clamp_lines(lines, limit, w * WRAP_SLACK, size, bold)
    paragraph = Paragraph(tuple((Run(line, size, bold, colour),) for line in lines), align)
    return TextBox(x, y, w, h, (paragraph,), role=role, anchor=anchor, name=name)


def title_box(title: str, page: Page = DEFAULT_PAGE, size: float = TITLE_SIZE,
              kicker: str = "") -> list[TextBox]:
    """The slide title in the page's title area, whole: one or two lines, shrunk (to
    16 pt at the least) before it would be cut; with a `kicker` (the topic, small,
    above an assertion title) when given."""
    box = page.title
    shapes: list[TextBox] = []
    if kicker:
        shapes.append(text_box(box.x, box.y - 2, box.w, KICKER_SIZE * 1.2, kicker.upper(),
                               KICKER_SIZE, bold=True, colour=ACCENT, name="Kicker",
                               max_lines=1, align=page.title_align))
        box = Box(box.x, box.y + KICKER_SIZE * 1.1, box.w, box.h - KICKER_SIZE * 1.1)
    wrap_w = box.w * WRAP_SLACK
    while size > 22 and len(wrap(title, wrap_w, size, True)) > 1:
        size -= 1
    while size > 16 and len(wrap(title, wrap_w, size, True)) * line_height(size) > box.h:
        size -= 1
    need = len(wrap(title, wrap_w, size, True)) * line_height(size)
    if need > box.h:  # a template's one-line title area: down into the gap above the body
        room = page.body.y - 4 - box.y if page.body.y > box.bottom else box.h
        box = Box(box.x, box.y, box.w, max(box.h, min(need, room)))
    lines = max(1, int(box.h // line_height(size)))
    shapes.append(text_box(box.x, box.y, box.w, box.h, title, size, bold=True, role=TextRole.TITLE,
                           anchor="middle", name="Title", max_lines=lines,
                           align=page.title_align))
    return shapes


KICKER_SIZE = 12.0


def fitted_box(box: Box, text: str, size: float, bold: bool = False, role: TextRole = TextRole.BODY,
               name: str = "", anchor: str = "top", colour: str = TEXT,
               align: str = "left", min_size: float = 24.0) -> TextBox:
    """`text` in `box`, shrunk from `size` (not below `min_size`) until it fits whole;
    cut with an ellipsis only if it still does not."""
    while size > min_size and len(wrap(text, box.w * WRAP_SLACK, size, bold)) \
            * line_height(size) > box.h:
        size -= 2
    size = word_size(text, box.w * WRAP_SLACK, size, bold, 14.0)  # no word broken
    return text_box(box.x, box.y, box.w, box.h, text, size, bold=bold, colour=colour,
                    align=align, role=role, name=name, anchor=anchor)


def _grown(page: Page, sub: Box, lines: list[tuple[str, float, str]]) -> Box:
    """The title slide's subtitle area, grown down towards the footer (never over the
    template's art) when its lines would not all fit even at their smallest: a
    template's small subtitle box must not drop the date or the "as of" line."""
    need = sum(len(wrap(text, sub.w * WRAP_SLACK, max(14.0, size - 6))) *
               line_height(max(14.0, size - 6)) + 4 for text, size, _ in lines)
    if need <= sub.h:
        return sub
    floor = page.footer.y - 6
    for art in page.art:
        if art.x < sub.right and sub.x < art.right and art.y >= sub.bottom - 1:
            floor = min(floor, art.y - 4)
    return Box(sub.x, sub.y, sub.w, max(sub.h, min(floor - sub.y, need)))


def stacked_box(box: Box, lines: list[tuple[str, float, str]], name: str,
                role: TextRole = TextRole.BODY, align: str = "left") -> TextBox:
    """Paragraphs of (text, size, colour) in one box, each shrunk by the same steps
    (to no less than 14 pt) until all fit; the last ones are cut if they still do not."""
    for shrink in (0, 2, 4, 6):
        paragraphs, used = [], 0.0
        for text, size, colour in lines:
            size = max(14.0, size - shrink)
            wrapped = wrap(text, box.w * WRAP_SLACK, size)
            used += len(wrapped) * line_height(size) + 4
            paragraphs.append(Paragraph(tuple((Run(line, size, False, colour),)
                                              for line in wrapped), align, space_before=4))
        if used <= box.h:
            break
    kept: list[Paragraph] = []
    used = 0.0
    for paragraph in paragraphs:
        need = len(paragraph.lines) * line_height(paragraph.size) + 4
        if used + need > box.h and kept:
            break
        kept.append(paragraph)
        used += need
    return TextBox(box.x, box.y, box.w, box.h, tuple(kept), role=role, name=name)


def cover(page: Page, title: str, lines: list[tuple[str, float, str]],
          closing: bool = False) -> list[Shape]:
    """A title (or closing) slide's shapes: the title and its lines of (text, size,
    colour) in the template's own title and subtitle areas when it has a title slide
    layout, else on our band across the slide (the first line on the band)."""
    lines = [(text, size, colour) for text, size, colour in lines if text]
    t, subtitle, align = page.cover_areas(closing)
    if t is not None:
        sub = _grown(page, subtitle or lines_under(t, page.height), lines)
        return [fitted_box(t, title, 40.0, bold=True, role=TextRole.TITLE, name="Title",
                           anchor="bottom", align=align),
                stacked_box(sub, lines, name="Subtitle", role=TextRole.SUBTITLE, align=align)]
    fy = page.height / HEIGHT
    left, width = page.body.x, page.body.w
    band = Box(0, 150 * fy, page.width, 200 * fy)
    on = page.palette("title").on_accent
    shapes: list[Shape] = [
        Rect(band.x, band.y, band.w, band.h, ACCENT, name="Title band"),
        fitted_box(Box(left, band.y + 18 * fy, width, 100 * fy), title, 40.0, bold=True,
                   role=TextRole.TITLE, name="Title", anchor="bottom", colour=on)]
    if lines:
        text, size, _ = lines.pop(0)
        shapes.append(text_box(left, band.y + 124 * fy, width, 64 * fy, text, size,
                               colour=on, max_lines=2, name="Subtitle"))
    if lines:
        shapes.append(stacked_box(Box(left, band.bottom + 22 * fy, width,
                                      page.height * 0.88 - band.bottom - 22 * fy),
                                  lines, name="Details"))
    return shapes


@dataclass(frozen=True)
class Bullet:
    """One bullet before layout."""

    text: str
    marker: str = "•"
    size: float = BODY_SIZE
    bold_prefix: str = ""  # e.g. a date printed bold before the text
    colour: str = TEXT
    sources: str = ""  # the source marker, `[1,3·2]`, printed muted after the text


def bullet_paragraph(bullet: Bullet, width: float, indent: float) -> Paragraph:
    """Wrap a bullet (with an optional bold prefix and a muted source marker) to
    `width` minus its indent."""
    size = bullet.size
    inner = (width - indent) * WRAP_SLACK
    text = f"{bullet.bold_prefix} {bullet.text}" if bullet.bold_prefix else bullet.text
    if bullet.sources:
        text += f" {bullet.sources}"
    lines = wrap(text, inner, size)
    out: list[tuple[Run, ...]] = []
    prefix = bullet.bold_prefix
    for n, line in enumerate(lines):
        runs: list[Run] = []
        if n == 0 and prefix and line.startswith(prefix):
            runs.append(Run(prefix, size, True, ACCENT))
            line = line[len(prefix):]
        tail = bullet.sources if n == len(lines) - 1 and bullet.sources else ""
        if tail and line.endswith(tail):
            runs += [Run(line[:-len(tail)], size, False, bullet.colour),
                     Run(tail, size * 0.8, False, MUTED)]
        else:
            runs.append(Run(line, size, False, bullet.colour))
        out.append(tuple(r for r in runs if r.text))
    return Paragraph(tuple(out), "left", bullet.marker, indent, size * 0.45)


def paragraph_height(p: Paragraph) -> float:
    """Height a laid-out paragraph takes, its space before included."""
    return p.space_before + len(p.lines) * line_height(p.size)


def paginate(bullets: list[Bullet], width: float, height: float,
             indent: float = 26.0, later: float | None = None) -> list[list[Paragraph]]:
    """Bullets laid out into as few boxes of `width` x `height` as they need (boxes
    after the first `later` high, when a continuation slide has more room), shared
    out evenly: two pages of five, not one of nine and one of one."""
    later = height if later is None else later
    paragraphs = [_cut_to(bullet_paragraph(b, width, indent), width, min(height, later),
                          indent) for b in bullets]
    heights = [paragraph_height(p) for p in paragraphs]
    count = len(_pack(heights, height, later))
    low, high = max(heights, default=0.0) / max(1.0, min(height, later)), 1.0
    for _ in range(24):  # the lowest fill that still needs no more pages
        middle = (low + high) / 2
        if len(_pack(heights, height * middle, later * middle)) <= count:
            high = middle
        else:
            low = middle
    return [[paragraphs[i] for i in page]
            for page in _pack(heights, height * high, later * high)]


def _pack(heights: list[float], first: float, later: float) -> list[list[int]]:
    """Indices of paragraphs, greedily filled into pages no fuller than `first` (the
    first page) and `later` (the rest)."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, need in enumerate(heights):
        limit = first if len(pages) == 1 else later
        if pages[-1] and used + need > limit:
            pages.append([])
            used = 0.0
        pages[-1].append(i)
        used += need
    return pages


def _cut_to(paragraph: Paragraph, width: float, height: float, indent: float) -> Paragraph:
    """A paragraph taller than a whole page, cut to fit with an ellipsis."""
    if paragraph_height(paragraph) <= height:
        return paragraph
    limit = max(1, int((height - paragraph.space_before) // line_height(paragraph.size)))
    lines = list(paragraph.lines[:limit])
    last = "".join(r.text for r in lines[-1])
    cut = clamp_lines([last, "…"], 1, (width - indent) * WRAP_SLACK, paragraph.size)[0]
    lines[-1] = (Run(cut, paragraph.size, False, TEXT),)
    return Paragraph(tuple(lines), "left", paragraph.bullet, indent, paragraph.space_before)
