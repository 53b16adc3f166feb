"""The page a deck is laid out on: its size, where titles and content go, its colours.

Our own template gives `DEFAULT_PAGE` (16:9 at 13.33 x 7.5 in). An organisation's
template gives its own page (`slides.pptx.look` reads it): any slide size, the
areas its title and body placeholders reserve, colours chosen from its theme so
every word reads against what its background puts behind it, and the backdrop the
show and the PDF paint so they look like the exported deck. Plain data: no pptx,
no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT = "#1d232b"
MUTED = "#5f6b7a"
ACCENT = "#1f4e9c"
MIN_CONTRAST = 4.5  # WCAG AA for text
# What our muted and accent colours aim for on a template's background: a margin over
# 4.5 : 1, as PowerPoint or LibreOffice may draw a gradient or a picture a shade
# lighter or darker than it is read here (a slate background drawn lighter left the
# source markers of a real template at 4.1 : 1).
SAFE_CONTRAST = 5.5
# Our own page, 16:9 at 13.333 x 7.5 in, in points; decks on other pages are laid out
# at this height and scaled (`slides.scaling`).
WIDTH, HEIGHT = 960.0, 540.0
MARGIN = 48.0
BANNER_H = 20.0
TITLE_Y, TITLE_H = 36.0, 56.0
BODY_TOP = 104.0
FOOTER_Y = HEIGHT - BANNER_H - 26.0
BODY_BOTTOM = FOOTER_Y - 8.0


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours of our own text and shapes on one kind of slide (`#rrggbb`).

    `plate` is set when no text colour reads against the template's background
    there: our text then sits on a plate of that colour."""

    text: str = TEXT
    muted: str = MUTED
    accent: str = ACCENT
    on_accent: str = "#ffffff"
    background: str = "#ffffff"
    plate: str | None = None
    title: str = TEXT  # slide titles: the template's own title colour where it reads
    title_plate: str | None = None  # set when no colour reads behind the title itself
    behind: tuple[str, ...] = ()  # the colours sampled behind our text (or the plate)


@dataclass(frozen=True, slots=True)
class Backdrop:
    """What the template paints behind a kind of slide (background, its master's and
    layout's pictures and shapes), as a PNG the size of the slide; empty for a plain
    white slide."""

    png: bytes = b""


@dataclass(frozen=True, slots=True)
class Page:
    """Where a deck's parts go and in which colours, for one template.

    `title` and `body` are the areas of the template's title and body placeholders
    on its content layout; `cover_title`/`cover_subtitle` those of its title slide
    layout (None: the template has none, and our own title band is drawn).
    `palettes` and `backdrops` are keyed by layout kind: "title" and "content".
    The footer and slide number are on every layout, one colour for all of them:
    `chrome_plate` is set when that colour does not read on some layout's background
    there, and they then sit on a plate of it.
    """

    width: float = WIDTH
    height: float = HEIGHT
    title: Box = Box(MARGIN, TITLE_Y, WIDTH - 2 * MARGIN, TITLE_H)
    body: Box = Box(MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, BODY_BOTTOM - BODY_TOP)
    footer: Box = Box(MARGIN, FOOTER_Y, WIDTH / 2, 16.0)
    number: Box = Box(WIDTH - MARGIN - 120.0, FOOTER_Y, 120.0, 16.0)
    cover_title: Box | None = None
    cover_subtitle: Box | None = None
    cover_align: str = "left"  # how the template aligns its title slide's text
    title_align: str = "left"  # how it aligns its content slides' titles
    closing_title: Box | None = None  # the template's closing layout's areas, when it
    closing_subtitle: Box | None = None  # has one (None: the closing is a title slide)
    closing_align: str = "left"
    banner_h: float = BANNER_H
    full_banners: bool = True  # our template: banners across; theirs: centred plates
    palettes: dict[str, Palette] = field(default_factory=lambda: {"title": Palette(),
                                                                  "content": Palette()})
    backdrops: dict[str, Backdrop] = field(default_factory=dict)
    title_font: str = ""  # the template's fonts ("" for ours): titles take them
    body_font: str = ""
    templated: bool = False  # titles inherit the template's font and colour
    chrome_plate: str | None = None  # footer and number need a plate on some layout
    art: tuple[Box, ...] = ()  # the template's logos and pictures on the layouts used

    def palette(self, look: str) -> Palette:
        """The palette of a look: "title", "closing" (the title's where the template
        has no closing layout) or "content"."""
        return (self.palettes.get(look) or (self.palettes.get("title") if look == "closing"
                                            else None) or Palette())

    def backdrop(self, look: str) -> Backdrop | None:
        """What the template paints behind slides of a look (as `palette` falls back)."""
        return self.backdrops.get(look) or (self.backdrops.get("title") if look == "closing"
                                            else None)

    def cover_areas(self, closing: bool = False) -> tuple[Box | None, Box | None, str]:
        """Title, subtitle and alignment of a title slide, or of the closing slide
        (its own layout's where the template has one)."""
        if closing and self.closing_title is not None:
            return self.closing_title, self.closing_subtitle, self.closing_align
        return self.cover_title, self.cover_subtitle, self.cover_align


DEFAULT_PAGE = Page()


def lines_under(title: Box, height: float) -> Box:
    """Where a title slide's lines go when its layout has a title and no subtitle:
    under the title, down to 85 % of the page (both the layout and the colours read
    for it use this one area)."""
    return Box(title.x, title.bottom + 8, title.w, max(height * 0.85 - title.bottom, 40))


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str | tuple[int, int, int]) -> float:
    """Relative luminance (WCAG 2) of `#rrggbb` or an (r, g, b) triple."""
    r, g, b = rgb(colour) if isinstance(colour, str) else colour
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str | tuple[int, int, int], b: str | tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def rgb(colour: str) -> tuple[int, int, int]:
    """`#rrggbb` as integers."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_colour(r: float, g: float, b: float) -> str:
    """Integers (clamped to 0–255) as `#rrggbb`."""
    return "#" + "".join(f"{max(0, min(255, round(v))):02x}" for v in (r, g, b))


def mix(a: str, b: str, t: float) -> str:
    """`a` moved a fraction `t` of the way to `b`."""
    ra, rb = rgb(a), rgb(b)
    return hex_colour(*(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))


def readable(colour: str, behind: list[str], floor: float = MIN_CONTRAST,
             towards: str | None = None) -> str:
    """`colour`, moved towards `towards` (black or white, whichever reads better, when
    None) just as far as it needs to reach `floor` against every colour in `behind`."""
    if not behind or min(contrast(colour, b) for b in behind) >= floor:
        return colour
    if towards is None:
        black = min(contrast("#000000", b) for b in behind)
        white = min(contrast("#ffffff", b) for b in behind)
        towards = "#000000" if black >= white else "#ffffff"
    for step in range(1, 21):
        candidate = mix(colour, towards, step / 20)
        if min(contrast(candidate, b) for b in behind) >= floor:
            return candidate
    return towards


def palette_for(behind: list[str], candidates: list[str], accents: list[str]) -> Palette:
    """The palette that reads best on a background whose colours are `behind`.

    The text colour is the candidate (the theme's dark and light colours) with the
    best worst-case contrast; when even that is under 4.5 : 1 our text gets a plate
    of the opposite theme colour. Accents keep the theme's hue, moved only as far
    as legibility needs."""
    behind = behind or ["#ffffff"]
    ranked = sorted(candidates or [TEXT, "#ffffff"],
                    key=lambda c: min(contrast(c, b) for b in behind), reverse=True)
    text = ranked[0]
    plate = None
    if min(contrast(text, b) for b in behind) < MIN_CONTRAST:
        plate = max(candidates or ["#ffffff"], key=lambda c: contrast(c, text))
        if contrast(plate, text) < MIN_CONTRAST:
            text, plate = TEXT, "#ffffff"
        behind = [plate]
    average = hex_colour(*(sum(rgb(b)[i] for b in behind) / len(behind) for i in range(3)))
    muted = readable(mix(text, average, 0.35), behind, SAFE_CONTRAST, towards=text)
    accent_base = accents[0] if accents else ACCENT
    for candidate in accents:  # the first theme accent that reads as it is
        if min(contrast(candidate, b) for b in behind) >= MIN_CONTRAST:
            accent_base = candidate
            break
    accent = readable(accent_base, behind, SAFE_CONTRAST, towards=text)
    on_accent = "#ffffff" if contrast("#ffffff", accent) >= contrast("#000000", accent) \
        else "#000000"
    return Palette(text, muted, accent, on_accent, average, plate, behind=tuple(behind))
