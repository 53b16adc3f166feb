"""A template's theme colours and fonts, resolved as PowerPoint resolves them.

DrawingML colours name theme slots (`schemeClr val="tx1"`) that the master's colour
map sends to the theme's colour scheme (`tx1` -> `dk1` -> `#000000`), then modify
them (`lumMod`, `lumOff`, `tint`, `shade`). `ThemeColours.resolve` does all of that
for one colour element, so the rest of the template reader deals only in `#rrggbb`.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from slides.page import hex_colour, rgb

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"a": A, "p": P}
SLOTS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4",
         "accent5", "accent6", "hlink", "folHlink")
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
COLOUR_TAGS = ("srgbClr", "schemeClr", "sysClr", "scrgbClr", "prstClr", "hslClr")
PRESET = {"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000",
          "blue": "#0000ff", "yellow": "#ffff00", "gray": "#808080", "grey": "#808080"}


@dataclass
class ThemeColours:
    """The theme's colour scheme and the master's (or layout's) colour map."""

    scheme: dict[str, str] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)
    fonts: tuple[str, str] = ("", "")  # major (headings), minor (body) Latin typefaces
    theme: etree._Element | None = None
    part: object = None  # the theme's package part (its pictures are related to it)

    def slot(self, name: str) -> str:
        """A scheme slot's colour, through the colour map (`tx1` -> `dk1`)."""
        name = self.mapping.get(name, DEFAULT_MAP.get(name, name))
        return self.scheme.get(name, "#000000" if name.startswith("dk") else "#ffffff")

    def resolve(self, element: etree._Element | None, placeholder: str | None = None
                ) -> str | None:
        """The `#rrggbb` of a colour element (or of the first colour inside a fill
        element); `placeholder` is what `phClr` stands for. None if there is none."""
        if element is None:
            return None
        tag = etree.QName(element).localname
        if tag not in COLOUR_TAGS:
            inner = [c for c in element if etree.QName(c).localname in COLOUR_TAGS]
            if not inner:
                return None
            element, tag = inner[0], etree.QName(inner[0]).localname
        val = element.get("val", "")
        if tag == "srgbClr" and len(val) == 6:
            base = "#" + val.lower()
        elif tag == "sysClr":
            base = "#" + (element.get("lastClr") or ("000000" if val == "windowText"
                                                     else "ffffff")).lower()
        elif tag == "schemeClr":
            base = placeholder if val == "phClr" and placeholder else self.slot(val)
        elif tag == "prstClr":
            base = PRESET.get(val, "#808080")
        elif tag == "scrgbClr":
            base = hex_colour(*(int(element.get(k, "0")) / 100000 * 255 for k in "rgb"))
        else:
            base = "#808080"
        return modified(base, element)


def modified(base: str, element: etree._Element) -> str:
    """`base` with the colour element's luminance, saturation, hue, tint and shade
    modifiers applied, in the order the element gives them."""
    r, g, b = (v / 255 for v in rgb(base))
    for child in element:
        name = etree.QName(child).localname
        try:
            value = int(child.get("val", "100000")) / 100000
        except ValueError:
            continue
        if name in ("lumMod", "lumOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            light = light * value if name == "lumMod" else light + value
            r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, light)), s)
        elif name in ("satMod", "satOff"):
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            s = s * value if name == "satMod" else s + value
            r, g, b = colorsys.hls_to_rgb(h, light, max(0.0, min(1.0, s)))
        elif name in ("hueOff", "hueMod"):  # hues in 60,000ths of a degree
            h, light, s = colorsys.rgb_to_hls(r, g, b)
            h = (h + value * 100000 / 60000 / 360) % 1 if name == "hueOff" else (h * value) % 1
            r, g, b = colorsys.hls_to_rgb(h, light, s)
        elif name == "shade":
            r, g, b = r * value, g * value, b * value
        elif name == "tint":
            r, g, b = (c + (1 - c) * (1 - value) for c in (r, g, b))
    return hex_colour(r * 255, g * 255, b * 255)


def theme_colours(master) -> ThemeColours:
    """The theme of a python-pptx slide master: its colours, colour map and fonts."""
    colours = ThemeColours()
    try:
        part = master.part.part_related_by(RT.THEME)
        theme = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                            no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        theme = None
    if theme is not None:
        colours.theme, colours.part = theme, part
        for slot in SLOTS:
            found = theme.find(f".//a:clrScheme/a:{slot}", NS)
            if found is not None and len(found):
                colours.scheme[slot] = ThemeColours().resolve(found[0]) or "#000000"
        major = theme.find(".//a:fontScheme/a:majorFont/a:latin", NS)
        minor = theme.find(".//a:fontScheme/a:minorFont/a:latin", NS)
        colours.fonts = (major.get("typeface", "") if major is not None else "",
                         minor.get("typeface", "") if minor is not None else "")
    mapping = master._element.find("p:clrMap", NS)
    if mapping is not None:
        colours.mapping = dict(mapping.attrib)
    return colours


def with_override(colours: ThemeColours, layout) -> ThemeColours:
    """The colours as a layout sees them: its own colour map where it overrides the
    master's."""
    override = layout._element.find("p:clrMapOvr/a:overrideClrMapping", NS)
    if override is None:
        return colours
    return ThemeColours(colours.scheme, dict(override.attrib), colours.fonts, colours.theme,
                        colours.part)
