"""A template's fixed captions, drawn into the backdrop the show and the PDF paint.

Text on a master or layout that is not a placeholder ("How people build software",
a department's name beside its logo) is part of the organisation's look: PowerPoint
shows it on every slide, so the presenter and the PDF must too. Drawn in DejaVu Sans,
the font LibreOffice falls back to, at the caption's size, colour and alignment; one
line per paragraph, as a caption is. Not drawn into the image the template reader
samples for colours: a caption is not behind our words.
"""

from __future__ import annotations

import functools

from lxml import etree
from PIL import Image, ImageDraw, ImageFont

from slides.page import rgb
from slides.pptx.drawingml import EMU_PER_PT
from slides.pptx.theme import NS, ThemeColours
from slides.text import line_height

DEFAULT_INSETS = (91440, 45720)  # left/right and top/bottom, as DrawingML defaults


@functools.cache
def _font(pixels: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, max(4, pixels))
    except OSError:  # no DejaVu on this machine: Pillow's own font, still legible
        return ImageFont.load_default(max(4, pixels))


def draw_captions(image: Image.Image, tree, colours: ThemeColours, scale: float) -> None:
    """Draw the text of `tree`'s top-level shapes that are not placeholders onto
    `image` (`scale`: pixels per EMU)."""
    for shape in tree.findall("p:sp", NS):
        if shape.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None:
            continue
        body = shape.find("p:txBody", NS)
        xfrm = shape.find("p:spPr/a:xfrm", NS)
        if body is None or xfrm is None or xfrm.find("a:off", NS) is None \
                or xfrm.find("a:ext", NS) is None:
            continue
        _caption(image, shape, body, xfrm, colours, scale)


def _caption(image: Image.Image, shape, body, xfrm, colours: ThemeColours,
             scale: float) -> None:
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    x, y = int(off.get("x", 0)), int(off.get("y", 0))
    w, h = int(ext.get("cx", 0)), int(ext.get("cy", 0))
    props = body.find("a:bodyPr", NS)
    side = int(props.get("lIns", DEFAULT_INSETS[0])) if props is not None else DEFAULT_INSETS[0]
    top = int(props.get("tIns", DEFAULT_INSETS[1])) if props is not None else DEFAULT_INSETS[1]
    anchor = props.get("anchor", "t") if props is not None else "t"
    lines = []
    for paragraph in body.findall("a:p", NS):
        text = "".join(t.text or "" for t in paragraph.iter(f"{{{NS['a']}}}t"))
        if not text.strip():
            continue
        run = paragraph.find(".//a:rPr", NS)
        default = paragraph.find("a:pPr/a:defRPr", NS)
        if default is None:
            default = body.find("a:lstStyle/a:lvl1pPr/a:defRPr", NS)
        size = _attr(run, default, "sz", 1800) / 100
        bold = _attr(run, default, "b", 0) == 1
        fill = _fill(run)
        if fill is None:
            fill = _fill(default)
        colour = colours.resolve(fill) if fill is not None else None
        if colour is None:
            ref = shape.find("p:style/a:fontRef", NS)
            colour = colours.resolve(ref) if ref is not None else colours.slot("tx1")
        align = paragraph.find("a:pPr", NS)
        lines.append((text, size, bold, colour or "#000000",
                      align.get("algn", "l") if align is not None else "l"))
    if not lines:
        return
    draw = ImageDraw.Draw(image)
    pixels_per_pt = EMU_PER_PT * scale
    heights = [line_height(size) * pixels_per_pt for _, size, _, _, _ in lines]
    left, right = (x + side) * scale, (x + w - side) * scale
    top_px, bottom_px = (y + top) * scale, (y + h - top) * scale
    cursor = {"ctr": (top_px + bottom_px - sum(heights)) / 2,
              "b": bottom_px - sum(heights)}.get(anchor, top_px)
    for (text, size, bold, colour, align), height in zip(lines, heights, strict=True):
        font = _font(round(size * pixels_per_pt), bold)
        width = draw.textlength(text, font=font)
        start = {"ctr": (left + right - width) / 2, "r": right - width}.get(align, left)
        draw.text((start, cursor), text, font=font, fill=(*rgb(colour), 255))
        cursor += height


def _attr(run, default, name: str, fallback: int) -> int:
    for element in (run, default):
        if element is not None and element.get(name) is not None:
            value = element.get(name)
            if value in ("1", "true"):
                return 1
            if value in ("0", "false"):
                return 0
            try:
                return int(value)
            except ValueError:
                continue
    return fallback


def _fill(element) -> etree._Element | None:
    return element.find("a:solidFill", NS) if element is not None else None
