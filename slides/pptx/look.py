"""Reading an organisation's template into the page a deck is laid out on.

The layouts a deck uses are chosen by `slides.pptx.layouts`. The page takes its geometry from the
layouts' placeholders (any slide size), keeps our text off the template's pictures,
and takes colours from the template's theme, each checked against the pixels its
background puts behind our text (`slides.pptx.backdrop`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from slides.page import (
    MIN_CONTRAST,
    TEXT,
    Backdrop,
    Box,
    Page,
    Palette,
    contrast,
    lines_under,
    palette_for,
)
from slides.pptx.backdrop import Composer, png_bytes, samples
from slides.pptx.drawingml import EMU_PER_PT
from slides.pptx.layouts import (
    BODY,
    CENTER_TITLE,
    OBJECT,
    TITLE,
    alignment,
    box_of,
    choose_layouts,
    cover_areas,
    inner_box,
    placeholder_box,
    slide_layouts,
)
from slides.pptx.quiet import quiet_area
from slides.pptx.template import open_template
from slides.pptx.theme import NS, ThemeColours, theme_colours, with_override
from slides.text import text_width

MIN_NUMBER_W = 40.0  # points: room for "123" at 11 pt, right-aligned
MIN_FOOTER_W = 160.0  # points: the footer's "title · as of date" wraps below this


def _written_cover(layout, composer: Composer, colours: ThemeColours, body: Box,
                   width: float, height: float) -> tuple[Box, Box]:
    """Title and subtitle areas on a title slide layout that is art alone: the middle
    band of the slide, cut to what its art leaves quiet and clear of its logos."""
    image = composer.compose(layout, with_override(colours, layout))
    band = _clear_of(Box(body.x, height * 0.25, body.w, height * 0.5), _pictures(layout),
                     width, height)
    area = quiet_area(image, band, width / composer.size[0])
    split = area.h * 0.45
    return (Box(area.x, area.y, area.w, split),
            Box(area.x, area.y + split + 6, area.w, area.h - split - 6))


def _clear_number(number: Box, footer: Box, art: tuple[Box, ...]) -> Box:
    """The slide number moved off the template's logo: left along the footer line
    (never onto the footer text), else just above the logo."""
    if not any(number.intersects(a) for a in art):
        return number
    narrow = Box(number.right - MIN_NUMBER_W, number.y, MIN_NUMBER_W, number.h)
    x = narrow.x
    while x >= footer.right + 8:
        moved = Box(x, number.y, narrow.w, number.h)
        if not any(moved.intersects(a) for a in art):
            return moved
        x -= 6
    top = min(a.y for a in art if a.intersects(narrow)) - 4 - number.h
    return Box(narrow.x, top, narrow.w, number.h)


def _holds_a_slide(box: Box, width: float, height: float) -> bool:
    """Whether a layout's area can hold a slide's content: a Google Slides export's
    "Title and Content" body may be 0.3 in tall, which would lay out nothing."""
    return box.w >= 0.4 * width and box.h >= 0.3 * height


def _pictures(layout) -> list[Box]:
    """Where the template's graphics are on slides of `layout` (its master's too):
    pictures, and shapes that are not placeholders (logos drawn as shapes, fixed
    captions); the art that fills most of the slide is background, dealt with by
    choosing colours."""
    boxes = []
    sources = [layout]
    if layout._element.get("showMasterSp") != "0":
        sources.append(layout.slide_master)
    for source in sources:
        for shape in source.shapes:
            art = shape._element.xpath("./p:nvPicPr | ./p:nvGrpSpPr") or (
                shape._element.xpath("./p:txBody//a:t[normalize-space(.) != '']"))
            if art and not shape.is_placeholder:
                box = box_of(shape)
                if box is not None:
                    boxes.append(_caption_extent(shape, box))
    return boxes


def _caption_extent(shape, box: Box) -> Box:
    """Where a fixed caption's words may fall: its box, widened to the words' width
    in the fallback font at its size (a font the machine lacks is drawn wider than
    the template's author saw, past the box's edge), growing the way it aligns."""
    if not shape.has_text_frame:
        return box
    sizes = [int(v) / 100 for v in shape._element.xpath(".//a:rPr/@sz | .//a:defRPr/@sz")]
    size = max(sizes) if sizes else 18.0
    words = max((text_width(line, size) for line in shape.text_frame.text.splitlines()),
                default=0.0)
    extra = words + 8 - box.w
    if extra <= 0:
        return box
    align = (shape._element.xpath(".//a:pPr/@algn") or ["l"])[0]
    left = {"ctr": extra / 2, "r": extra}.get(align, 0.0)
    return Box(box.x - left, box.y, box.w + extra, box.h)


def _clear_of(area: Box, pictures: list[Box], page_w: float, page_h: float) -> Box:
    """`area` shrunk from the side a picture intrudes on, so our content never
    covers the template's logos and art (nor they it). Pictures that fill most of
    the slide are backgrounds, not logos."""
    for pic in pictures:
        if pic.w * pic.h > 0.4 * page_w * page_h or not area.intersects(pic):
            continue
        cuts = {  # the area left on each side of the picture
            "top": Box(area.x, pic.bottom + 4, area.w, area.bottom - pic.bottom - 4),
            "bottom": Box(area.x, area.y, area.w, pic.y - 4 - area.y),
            "left": Box(pic.right + 4, area.y, area.right - pic.right - 4, area.h),
            "right": Box(area.x, area.y, pic.x - 4 - area.x, area.h),
        }
        best = max(cuts.values(), key=lambda b: max(b.w, 0) * max(b.h, 0))
        if best.w > area.w * 0.5 and best.h > area.h * 0.5:
            area = best
    return area


@dataclass
class Look:
    """A template read: the page to lay out on, the layout for covers and for content
    slides (`slide_layouts`), and what the preflight check reports."""

    page: Page
    layouts: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def read_look(prs, name: str = "template") -> Look:
    """The look of an open (sanitised) python-pptx presentation."""
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    found = choose_layouts(prs)
    cover = found.get("title")
    cover_title, cover_sub = cover_areas(cover)
    closing = found.get("closing")
    closing_title, closing_sub = cover_areas(closing)
    layouts = slide_layouts(found, cover is not None, closing is not None)
    content = layouts["content"]
    warnings: list[str] = []
    if not any(kind in found for kind in ("content", "title_only")):
        warnings.append(f"{name}: no layout with a title and a body: slides use "
                        f"'{content.name}' and our own areas")
    master = content.slide_master
    banner = 20.0 * min(width / 960, height / 540) ** 0.5
    title = (inner_box(content, (TITLE, CENTER_TITLE),
                       placeholder_box(content, (TITLE, CENTER_TITLE))
                       or placeholder_box(master, (TITLE,)))
             or Box(width * 0.05, height * 0.07, width * 0.9, height * 0.11))
    if title.y < banner + 4:  # our top marking plate must not sit on the title
        title = Box(title.x, banner + 4, title.w, max(title.h - (banner + 4 - title.y),
                                                      height * 0.08))
    pictures = _pictures(content)
    art = tuple(p for p in {*pictures, *_pictures(layouts["title"]),  # logos: not the
                            *_pictures(layouts["closing"])}
                if p.w * p.h <= 0.4 * width * height and p.w < 0.8 * width)  # backgrounds, bands
    number = placeholder_box(master, (13,))
    bottom_limit = height - banner - 6
    fallback = Box(title.x, title.bottom + 12, title.w, bottom_limit - title.bottom - 40)
    body = placeholder_box(content, (BODY, OBJECT))
    if body is not None and not _holds_a_slide(body, width, height):
        warnings.append(f"{name}: the body area of '{content.name}' is "
                        f"{body.w / 72:.2f} x {body.h / 72:.2f} in, too small for a slide's "
                        "content: content uses the master's body area (or the page's)")
        body = None
    if body is None:
        body = placeholder_box(master, (BODY,))
        if body is not None and not _holds_a_slide(body, width, height):
            body = None
    body = body or fallback
    footer_y = bottom_limit - 18
    body_bottom = min(body.bottom, footer_y - 6)
    body_top = max(body.y, title.bottom + 6)
    reserved = Box(body.x, body_top, body.w, body_bottom - body_top)
    composer = Composer(prs.slide_width, prs.slide_height)
    colours = theme_colours(master)
    per_px = width / composer.size[0]
    images = {id(content): composer.compose(content, with_override(colours, content))}
    body = quiet_area(images[id(content)], _clear_of(reserved, pictures, width, height),
                      per_px)
    if body != reserved:
        warnings.append(f"{name}: a picture sits in the body area of '{content.name}': "
                        "content is laid out clear of it")
    if any(body.intersects(p) for p in pictures if p.w * p.h < 0.4 * width * height):
        warnings.append(f"{name}: a picture sits in the body area of '{content.name}'")
    left = min(body.x, title.x)  # the page's left margin (a body may sit to the right)
    footer = _clear_of(Box(left, footer_y, max(width / 2 - left, MIN_FOOTER_W), 16),
                       list(art), width, height)
    number_box = Box(body.right - 120, footer_y, 120, 16)
    if number is not None and not any(number.intersects(p) for p in art):
        number_box = Box(number.x, footer_y, number.w, 16)
    if number_box.w < MIN_NUMBER_W:  # a 0.14 in box wraps "12": grown to its left
        number_box = Box(number_box.right - MIN_NUMBER_W, footer_y, MIN_NUMBER_W, 16)
    if number_box.intersects(footer):  # the number where the footer text goes
        warnings.append(f"{name}: the slide number sits on the footer: the footer ends "
                        "before it")
        if number_box.x - 8 - footer.x >= MIN_FOOTER_W:
            footer = Box(footer.x, footer.y, number_box.x - 8 - footer.x, footer.h)
        else:  # too little room before it: the number goes to the body's right edge
            number_box = Box(body.right - MIN_NUMBER_W, footer_y, MIN_NUMBER_W, 16)
    number_box = _clear_number(number_box, footer, art)
    if cover is not None and cover_title is None:  # a cover of art alone: its quiet middle
        cover_title, cover_sub = _written_cover(cover, composer, colours, body, width, height)
        warnings.append(f"{name}: the title slide layout '{cover.name}' has no title "
                        "placeholder: the title is written where its art leaves room")
    if closing is not None and closing_title is None:
        closing_title, closing_sub = _written_cover(closing, composer, colours, body, width,
                                                    height)
    if cover_title is not None and cover_title.y < banner + 4:
        cover_title = Box(cover_title.x, banner + 4, cover_title.w, cover_title.h)
    if closing_title is not None and closing_title.y < banner + 4:
        closing_title = Box(closing_title.x, banner + 4, closing_title.w, closing_title.h)
    # a cover with a title and no subtitle: its lines go under the title (as read here)
    if cover_title is not None:
        cover_sub = cover_sub or lines_under(cover_title, height)
    if closing_title is not None:
        closing_sub = closing_sub or lines_under(closing_title, height)
    palettes, backdrops = {}, {}
    kinds = {"content": (content, [title, body, footer, number_box]),
             "title": (layouts["title"], [cover_title or title, cover_sub or body, footer,
                                          number_box])}
    if closing_title is not None:
        kinds["closing"] = (layouts["closing"], [closing_title, closing_sub or body, footer,
                                                 number_box])
    chrome_behind: set[str] = set()
    for kind, (layout, areas) in kinds.items():
        seen = with_override(colours, layout)
        image = images.get(id(layout)) or composer.compose(layout, seen)
        chrome_behind.update(c for area in (footer, number_box)
                             for c in samples(image, area, per_px))
        # the title is judged against what is behind it alone (a white title on the
        # template's dark band reads, whatever the body sits on); the rest together
        behind = sorted({c for area in areas[1:] for c in samples(image, area, per_px)})
        palette = palette_for(behind, _text_candidates(seen), _accents(seen))
        title_behind = sorted(set(samples(image, areas[0], per_px))) or behind
        palette = _with_title(palette, title_behind, _title_colour(layout, seen),
                              _text_candidates(seen))
        palettes[kind] = palette
        backdrops[kind] = Backdrop(png_bytes(composer.with_captions(image, layout, seen)))
        if palette.plate:
            warnings.append(f"{name}: no theme colour reads on the background of "
                            f"'{layout.name}': text gets a plate")
    if cover is None:
        warnings.append(f"{name}: no title slide layout: the title slide uses our band")
    on_master = palettes["content"]
    chrome_plate = None
    if any(contrast(on_master.muted, c) < 4.5 for c in chrome_behind):
        chrome_plate = on_master.plate or on_master.background
        warnings.append(f"{name}: the footer's colour does not read on every layout: "
                        "footer and slide number get a plate")
    page = Page(width, height, title, body, footer, number_box, cover_title, cover_sub,
                alignment(cover) if cover is not None else "left", alignment(content),
                closing_title, closing_sub,
                alignment(closing) if closing is not None else "left", banner,
                full_banners=False, palettes=palettes, backdrops=backdrops,
                title_font=colours.fonts[0], body_font=colours.fonts[1], templated=True,
                chrome_plate=chrome_plate, art=tuple(sorted(art, key=lambda b: (b.y, b.x))))
    return Look(page, layouts, warnings)


def preflight(look: Look, name: str) -> list[str]:
    """What a deck on this template will use, and what to watch: one line each."""
    page = look.page
    lines = [f"{name}: {page.width / 72:.2f} x {page.height / 72:.2f} in "
             f"({page.width:.0f} x {page.height:.0f} pt)"]
    used = [("title slide", "title"), ("closing slide", "closing"), ("content slides", "content")]
    for what, kind in used:
        lines.append(f"  {what}: layout '{look.layouts[kind].name}'")
    lines.append(f"  fonts: titles {page.title_font or '(ours)'}, "
                 f"body {page.body_font or '(ours)'} (lists and our shapes: DejaVu Sans)")
    for kind, palette in page.palettes.items():
        plate = f", on a {palette.plate} plate" if palette.plate else ""
        title_plate = f" on a {palette.title_plate} plate" if palette.title_plate else ""
        lines.append(f"  {kind} colours: text {palette.text}, titles {palette.title}"
                     f"{title_plate}, "
                     f"accent {palette.accent}, behind {palette.background}{plate}")
    lines += [f"  warning: {w.split(': ', 1)[-1]}" for w in look.warnings]
    return lines


def _text_candidates(colours: ThemeColours) -> list[str]:
    return [colours.slot(s) for s in ("tx1", "bg1", "tx2", "bg2")]


def _accents(colours: ThemeColours) -> list[str]:
    return [colours.scheme[a] for a in ("accent1", "accent2", "accent3", "accent4",
                                        "accent5", "accent6") if a in colours.scheme]


def _title_colour(layout, colours: ThemeColours) -> str | None:
    """The colour the template gives titles on `layout` (its title placeholder, then
    the master's title style), or None if it sets none."""
    for source in (layout, layout.slide_master):
        for p in source.placeholders:
            if int(p.placeholder_format.type) in (TITLE, CENTER_TITLE):
                fill = p._element.find(".//a:lvl1pPr/a:defRPr/a:solidFill", NS)
                if fill is None:
                    fill = p._element.find(".//a:p//a:rPr/a:solidFill", NS)
                if fill is not None:
                    return colours.resolve(fill)
    style = layout.slide_master._element.find(
        "p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr/a:solidFill", NS)
    return colours.resolve(style) if style is not None else colours.slot("tx1")


def _with_title(palette: Palette, behind: list[str], own: str | None,
                candidates: list[str]) -> Palette:
    """`palette` with its title colour: the template's own where it reads on what is
    behind the title, else the text colour or the theme colour that reads best there;
    on a plate (the body's, or the best theme colour's) when none does."""
    def worst(colour: str) -> float:
        return min(contrast(colour, b) for b in behind)
    if own and worst(own) >= MIN_CONTRAST:
        return replace(palette, title=own)
    best = max([palette.text, *candidates], key=worst)
    if worst(best) >= MIN_CONTRAST:
        return replace(palette, title=best)
    plate = palette.plate or max(candidates or ["#ffffff"], key=lambda c: contrast(c, own or best))
    colour = own if own and contrast(own, plate) >= MIN_CONTRAST else palette.text
    if contrast(colour, plate) < MIN_CONTRAST:
        colour, plate = TEXT, "#ffffff"
    return replace(palette, title=colour, title_plate=plate)


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime: float, size: int) -> Look:
    return read_look(open_template(Path(path)), Path(path).name)


def template_look(template: Path | str | None) -> Look | None:
    """The look of a template file (None for ours: `DEFAULT_PAGE` is its page). Read
    once per file version. TemplateError if it cannot be used."""
    if not template:
        return None
    path = Path(template)
    try:
        stat = path.stat()
    except OSError:
        open_template(path)  # says why in one line
        raise
    return _cached(str(path.resolve()), stat.st_mtime, stat.st_size)


def template_page(template: Path | str | None) -> Page:
    """The page a deck for `template` is laid out on."""
    look = template_look(template)
    return look.page if look is not None else Page()

