"""What a template paints behind a slide, composed into one image with Pillow.

The background (solid, gradient or picture, or the theme's background style), then
the master's shapes (unless the layout hides them) and the layout's own: pictures,
filled rectangles, ellipses and free-form art. Text and placeholders are left out:
they are not behind our text. The template reader samples this image under every
area where our words go, to choose colours that read; the show and the PDF paint it
so they look like the exported deck. An approximation of PowerPoint's rendering,
good to a few percent of luminance, which is what choosing colours needs.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Callable

from lxml import etree
from PIL import Image, ImageChops, ImageDraw

from slides.page import Box, hex_colour, mix, rgb
from slides.pptx.captions import draw_captions
from slides.pptx.theme import NS, ThemeColours

PX_WIDTH = 960  # the composed image's width in pixels, whatever the slide's size
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
Transform = Callable[[float, float], tuple[float, float]]


TEXT_PLACEHOLDERS = (1, 2, 3, 4, 7)  # title, body, centred title, subtitle, object


class Composer:
    """Composes one layout's backdrop at `PX_WIDTH` pixels across."""

    def __init__(self, width_emu: int, height_emu: int) -> None:
        self.scale = PX_WIDTH / width_emu
        self.size = (PX_WIDTH, max(1, round(height_emu * self.scale)))

    def compose(self, layout, colours: ThemeColours) -> Image.Image:
        master = layout.slide_master
        image = Image.new("RGBA", self.size, "#ffffff")
        bg = layout._element.find("p:cSld/p:bg", NS)
        owner = layout.part
        if bg is None:
            bg, owner = master._element.find("p:cSld/p:bg", NS), master.part
        if bg is not None:
            self._background(image, bg, owner, colours)
        for tree, part in _trees(layout):
            self._shapes(image, tree, part, colours, lambda x, y: (x, y))
        self._filled_placeholders(image, layout, colours)
        return image.convert("RGB")

    def _filled_placeholders(self, image: Image.Image, layout, colours: ThemeColours) -> None:
        """The fills of the layout's text placeholders (a title placeholder filled
        dark grey is the template's title band): a slide's placeholders inherit them,
        so our words sit on them."""
        for placeholder in layout.placeholders:
            if int(placeholder.placeholder_format.type) not in TEXT_PLACEHOLDERS:
                continue
            if None in (placeholder.left, placeholder.top, placeholder.width,
                        placeholder.height):
                continue
            props = None  # the layout's own fill, else its master placeholder's
            for source in (placeholder, getattr(placeholder, "_base_placeholder", None)):
                found = source._element.find("p:spPr", NS) if source is not None else None
                if found is not None and any(etree.QName(c).localname.endswith("Fill")
                                             for c in found):
                    props = found
                    break
            if props is None or props.find("a:noFill", NS) is not None:
                continue
            left, top = placeholder.left * self.scale, placeholder.top * self.scale
            box = (left, top, left + placeholder.width * self.scale,
                   top + placeholder.height * self.scale)
            preset = props.find("a:prstGeom", NS)
            geometry = preset.get("prst", "rect") if preset is not None else "rect"
            self._fill(image, props, layout.part, colours, box, None,
                       geometry if geometry in ("rect", "ellipse", "roundRect") else "rect")

    def with_captions(self, image: Image.Image, layout, colours: ThemeColours
                      ) -> Image.Image:
        """A copy of `layout`'s composed backdrop with its fixed captions drawn on:
        what the show and the PDF paint (the colour sampling uses the image without)."""
        out = image.copy()
        for tree, _ in _trees(layout):
            draw_captions(out, tree, colours, self.scale)
        return out

    # -- fills ----------------------------------------------------------------
    def _background(self, image: Image.Image, bg, part, colours: ThemeColours) -> None:
        props = bg.find("p:bgPr", NS)
        placeholder = None
        if props is None:
            ref = bg.find("p:bgRef", NS)
            if ref is None or colours.theme is None:
                return
            placeholder = colours.resolve(ref)
            styles = colours.theme.find(".//a:fmtScheme/a:bgFillStyleLst", NS)
            index = int(ref.get("idx", "0") or 0) - 1001
            if styles is None or not 0 <= index < len(styles):
                if placeholder:
                    image.paste(placeholder, (0, 0, *self.size))
                return
            props = etree.Element("bgPr")
            props.append(_copy(styles[index]))
            part = colours.part  # a theme's background picture is the theme's
        self._fill(image, props, part, colours, (0, 0, *self.size), placeholder, "rect")

    def _fill(self, image: Image.Image, props, part, colours: ThemeColours,
              box: tuple[float, float, float, float], placeholder: str | None,
              geometry: str, outline: list[list[tuple[float, float]]] | None = None) -> None:
        """Paint the first fill among `props`' children over pixel box (l, t, r, b)."""
        for fill in props:
            name = etree.QName(fill).localname
            if name == "noFill":
                return
            if name == "solidFill":
                colour = colours.resolve(fill, placeholder)
                if colour:
                    self._paint(image, box, geometry, colour, _alpha(fill), outline)
                return
            if name == "gradFill":
                stops = _stops(fill, colours, placeholder)
                if stops and geometry == "rect" and outline is None:
                    self._gradient(image, box, stops, fill)
                elif stops:
                    average = stops[0][1]
                    for _, colour in stops[1:]:
                        average = mix(average, colour, 0.5)
                    self._paint(image, box, geometry, average, 1.0, outline)
                return
            if name == "blipFill":
                self._picture(image, fill, part, box)
                return
            if name == "pattFill":
                fg = colours.resolve(fill.find("a:fgClr", NS), placeholder)
                bg = colours.resolve(fill.find("a:bgClr", NS), placeholder)
                if fg and bg:
                    self._paint(image, box, geometry, mix(bg, fg, 0.3), 1.0, outline)
                return

    def _paint(self, image: Image.Image, box, geometry: str, colour: str, alpha: float,
               outline) -> None:
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        fill = (*rgb(colour), round(255 * alpha))
        left, top, right, bottom = box
        if right <= left or bottom <= top:
            return
        if outline:
            layer.paste(fill, mask=_even_odd(outline, image.size))
        elif geometry == "ellipse":
            draw.ellipse(box, fill=fill)
        elif geometry == "roundRect":
            draw.rounded_rectangle(box, radius=min(right - left, bottom - top) * 0.16,
                                   fill=fill)
        else:
            draw.rectangle(box, fill=fill)
        image.alpha_composite(layer)

    def _gradient(self, image: Image.Image, box, stops, fill) -> None:
        left, top, right, bottom = (round(v) for v in box)
        w, h = max(1, right - left), max(1, bottom - top)
        lin = fill.find("a:lin", NS)
        angle = int(lin.get("ang", "0")) / 60000 if lin is not None else 90.0
        length = max(2, int(math.hypot(w, h)))
        strip = Image.new("RGB", (length, 1))
        for x in range(length):
            strip.putpixel((x, 0), rgb(_at(stops, x / (length - 1))))
        square = strip.resize((length, length)).rotate(-angle, resample=Image.Resampling.BILINEAR,
                                                         expand=False)
        cx, cy = length / 2, length / 2
        crop = square.crop((round(cx - w / 2), round(cy - h / 2),
                            round(cx - w / 2) + w, round(cy - h / 2) + h))
        image.paste(crop.convert("RGBA"), (left, top))

    def _picture(self, image: Image.Image, blip_fill, part, box) -> None:
        blip = blip_fill.find("a:blip", NS)
        r_id = blip.get(R_EMBED) if blip is not None else None
        if not r_id:
            return
        try:
            data = part.related_part(r_id).blob
            opened = Image.open(io.BytesIO(data))
            opened.draft("RGB", (self.size[0], self.size[1]))  # JPEGs decode small
            picture = opened.convert("RGBA")
        except Exception:  # an image Pillow cannot read (EMF, SVG) paints nothing
            return
        left, top, right, bottom = (round(v) for v in box)
        if right - left < 1 or bottom - top < 1:
            return
        picture = picture.resize((right - left, bottom - top))
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        layer.paste(picture, (left, top))
        image.alpha_composite(layer)

    # -- shapes ---------------------------------------------------------------
    def _shapes(self, image: Image.Image, tree, part, colours: ThemeColours,
                transform: Transform) -> None:
        for shape in tree:
            name = etree.QName(shape).localname
            if shape.find("./*/p:nvPr/p:ph", NS) is not None:
                continue  # placeholders hold text, not art
            if name == "grpSp":
                self._group(image, shape, part, colours, transform)
            elif name in ("sp", "pic"):
                self._shape(image, shape, part, colours, transform)
            if name == "cxnSp" or (name == "sp" and shape.find(
                    "p:spPr/a:prstGeom[@prst='line']", NS) is not None):
                self._line(image, shape, colours, transform)

    def _line(self, image, shape, colours: ThemeColours, transform: Transform) -> None:
        """A connector or line shape: a rule under a title, a divider."""
        xfrm = shape.find("p:spPr/a:xfrm", NS)
        off = xfrm.find("a:off", NS) if xfrm is not None else None
        ext = xfrm.find("a:ext", NS) if xfrm is not None else None
        if off is None or ext is None:
            return
        x, y = int(off.get("x", 0)), int(off.get("y", 0))
        w, h = int(ext.get("cx", 0)), int(ext.get("cy", 0))
        ends = [transform(x, y), transform(x + w, y + h)]
        if xfrm.get("flipH") == "1":
            ends = [(ends[1][0], ends[0][1]), (ends[0][0], ends[1][1])]
        if xfrm.get("flipV") == "1":
            ends = [(ends[0][0], ends[1][1]), (ends[1][0], ends[0][1])]
        ln = shape.find("p:spPr/a:ln", NS)
        fill = ln.find("a:solidFill", NS) if ln is not None else None
        if ln is not None and ln.find("a:noFill", NS) is not None:
            return
        colour = colours.resolve(fill) if fill is not None else None
        if colour is None:
            ref = shape.find("p:style/a:lnRef", NS)
            colour = colours.resolve(ref) if ref is not None else None
        if not colour:
            return
        width = int(ln.get("w", 9525)) if ln is not None else 9525
        ImageDraw.Draw(image).line([(a * self.scale, b * self.scale) for a, b in ends],
                                   fill=(*rgb(colour), 255),
                                   width=max(1, round(width * self.scale)))

    def _group(self, image, group, part, colours: ThemeColours, transform: Transform) -> None:
        xfrm = group.find("p:grpSpPr/a:xfrm", NS)
        inner = transform
        if xfrm is not None:
            off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
            ch_off, ch_ext = xfrm.find("a:chOff", NS), xfrm.find("a:chExt", NS)
            if None not in (off, ext, ch_off, ch_ext):
                ox, oy = int(off.get("x", 0)), int(off.get("y", 0))
                sx = int(ext.get("cx", 0)) / max(1, int(ch_ext.get("cx", 1)))
                sy = int(ext.get("cy", 0)) / max(1, int(ch_ext.get("cy", 1)))
                cx, cy = int(ch_off.get("x", 0)), int(ch_off.get("y", 0))

                def inner(x: float, y: float) -> tuple[float, float]:
                    return transform(ox + (x - cx) * sx, oy + (y - cy) * sy)
        self._shapes(image, group, part, colours, inner)

    def _shape(self, image, shape, part, colours: ThemeColours, transform: Transform) -> None:
        props = shape.find("p:spPr", NS)
        xfrm = props.find("a:xfrm", NS) if props is not None else None
        if xfrm is None or xfrm.find("a:off", NS) is None or xfrm.find("a:ext", NS) is None:
            return
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        x, y = int(off.get("x", 0)), int(off.get("y", 0))
        w, h = int(ext.get("cx", 0)), int(ext.get("cy", 0))
        x0, y0 = transform(x, y)
        x1, y1 = transform(x + w, y + h)
        box = (x0 * self.scale, y0 * self.scale, x1 * self.scale, y1 * self.scale)
        if etree.QName(shape).localname == "pic":
            blip = shape.find("p:blipFill", NS)
            if blip is not None:
                self._picture(image, blip, part, box)
            return
        placeholder = None
        style = shape.find("p:style/a:fillRef", NS)
        if style is not None:
            placeholder = colours.resolve(style)
        preset = props.find("a:prstGeom", NS)
        custom = props.find("a:custGeom", NS)
        outline = _outline(custom, box) if custom is not None else None
        geometry = preset.get("prst", "rect") if preset is not None else "custom"
        if geometry not in ("rect", "ellipse", "roundRect") and outline is None:
            return  # arrows, stars and the like: too small to matter for legibility
        has_fill = any(etree.QName(c).localname.endswith("Fill") for c in props)
        if has_fill:
            self._fill(image, props, part, colours, box, placeholder, geometry, outline)
        elif placeholder is not None and style is not None and style.get("idx", "0") != "0":
            self._paint(image, box, geometry, placeholder, 1.0, outline)


def _trees(layout) -> list[tuple[object, object]]:
    """(shape tree, part) of what shows behind a slide of `layout`, back to front:
    the master's (unless the layout hides them), then the layout's own."""
    master = layout.slide_master
    trees = []
    if layout._element.get("showMasterSp") != "0":
        trees.append((master._element.find("p:cSld/p:spTree", NS), master.part))
    trees.append((layout._element.find("p:cSld/p:spTree", NS), layout.part))
    return [(tree, part) for tree, part in trees if tree is not None]


def _outline(custom, box) -> list[list[tuple[float, float]]] | None:
    """A free-form's paths as pixel polygons (curves by their control points)."""
    left, top, right, bottom = box
    rings: list[list[tuple[float, float]]] = []
    for path in custom.findall("a:pathLst/a:path", NS):
        pw, ph = int(path.get("w", 0) or 0), int(path.get("h", 0) or 0)
        if path.get("fill") == "none" or pw <= 0 or ph <= 0:
            continue
        ring: list[tuple[float, float]] = []
        for step in path:
            for pt in step.findall("a:pt", NS):
                ring.append((left + int(pt.get("x", 0)) / pw * (right - left),
                             top + int(pt.get("y", 0)) / ph * (bottom - top)))
            if etree.QName(step).localname == "close" and ring:
                rings.append(ring)
                ring = []
        if ring:
            rings.append(ring)
    return rings or None


def _even_odd(rings: list[list[tuple[float, float]]], size: tuple[int, int]) -> Image.Image:
    """The pixels a free-form fills: inside an odd number of its rings, as Office
    fills a path of several (a ring drawn as two circles is a ring, not a disc)."""
    mask = Image.new("1", size, 0)
    for ring in rings:
        if len(ring) >= 3:
            one = Image.new("1", size, 0)
            ImageDraw.Draw(one).polygon(ring, fill=1)
            mask = ImageChops.logical_xor(mask, one)
    return mask


def _stops(fill, colours: ThemeColours, placeholder: str | None) -> list[tuple[float, str]]:
    stops = []
    for stop in fill.findall("a:gsLst/a:gs", NS):
        colour = colours.resolve(stop, placeholder)
        if colour:
            stops.append((int(stop.get("pos", "0")) / 100000, colour))
    return sorted(stops)


def _at(stops: list[tuple[float, str]], t: float) -> str:
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if p0 <= t <= p1:
            return mix(c0, c1, (t - p0) / max(p1 - p0, 1e-9))
    return stops[-1][1]


def _alpha(fill) -> float:
    found = fill.find(".//a:alpha", NS)
    try:
        return int(found.get("val")) / 100000 if found is not None else 1.0
    except (TypeError, ValueError):
        return 1.0


def _copy(element):
    return etree.fromstring(etree.tostring(element))


def samples(image: Image.Image, box: Box, points_per_px: float, cell: float = 24.0
            ) -> list[str]:
    """The colours of `image` under `box` (points), averaged over cells of about
    `cell` points: what text laid in that box will have behind it."""
    left = max(0, int(box.x / points_per_px))
    top = max(0, int(box.y / points_per_px))
    right = min(image.width, max(left + 1, math.ceil(box.right / points_per_px)))
    bottom = min(image.height, max(top + 1, math.ceil(box.bottom / points_per_px)))
    if right <= left or bottom <= top:
        return []
    crop = image.crop((left, top, right, bottom))
    cols = max(1, round(box.w / cell))
    rows = max(1, round(box.h / cell))
    small = crop.resize((cols, rows), Image.Resampling.BOX).convert("RGB")
    return sorted({hex_colour(*_rgb(small.getpixel((c, r)))) for c in range(cols)
                   for r in range(rows)})


def png_bytes(image: Image.Image) -> bytes:
    """The image as PNG (the backdrop the show and the PDF paint)."""
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _rgb(pixel: object) -> tuple[int, int, int]:
    """An RGB image's pixel as (r, g, b) (Pillow types a pixel loosely)."""
    r, g, b = pixel[:3] if isinstance(pixel, tuple) else (0, 0, 0)
    return int(r), int(g), int(b)
