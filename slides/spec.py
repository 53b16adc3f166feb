"""Slide specs: the deck as plain data, laid out, ready for any renderer.

Geometry is in points (1/72 inch) from the slide's top-left corner; colours are
`#rrggbb`. The PowerPoint writer and the Qt painter both draw exactly these shapes,
so what is presented is what is exported. Nothing here imports pptx or Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from slides.page import DEFAULT_PAGE, Page


class SlideKind(StrEnum):
    """What a slide is for. A new kind is a member here and a method of the deck
    builder that adds it; every renderer asks the kind, never a list of names."""

    TITLE = "title"
    BOTTOM_LINE = "bluf"
    AGENDA = "agenda"
    SECTION = "section"
    TIMELINE = "timeline"
    MAP = "map"
    EVENT = "event"
    CHANGES = "changes"
    SOURCES = "sources"
    CLOSING = "closing"

    @property
    def is_cover(self) -> bool:
        """Title and closing slides: the template's cover layout and palette, no chrome
        of a content slide."""
        return self in (SlideKind.TITLE, SlideKind.CLOSING)

    @property
    def look(self) -> str:
        """The template's look the slide takes ("title", "closing" or "content"): the
        key of its palette and its backdrop on the page."""
        if self is SlideKind.CLOSING:
            return "closing"  # the template's closing layout, else its title slide's
        return "title" if self.is_cover else "content"


class TextRole(StrEnum):
    """What a text box is to a renderer: PowerPoint puts titles, subtitles and lists
    in the layout's placeholders and the slide number in a number field."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    LIST = "list"  # bullets that belong in the layout's body placeholder
    SLIDE_NUMBER = "slide number"  # the renderer writes the slide's own number


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style."""

    text: str
    size: float
    bold: bool = False
    colour: str = "#1d232b"
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Lines already wrapped by the layout: each line is a tuple of runs."""

    lines: tuple[tuple[Run, ...], ...]
    align: str = "left"  # left, center, right
    bullet: str = ""  # e.g. "•" or "3." drawn in the indent
    indent: float = 0.0
    space_before: float = 0.0

    @property
    def size(self) -> float:
        """The largest font size in the paragraph (sets its line height)."""
        return max((run.size for line in self.lines for run in line), default=12.0)


@dataclass(frozen=True, slots=True)
class TextBox:
    """Text in a rectangle; its `role` says which placeholder (if any) it fills."""

    x: float
    y: float
    w: float
    h: float
    paragraphs: tuple[Paragraph, ...]
    role: TextRole = TextRole.BODY
    anchor: str = "top"  # top, middle, bottom
    name: str = ""

    def plain_text(self) -> str:
        """All the text, lines joined by spaces, paragraphs by newlines."""
        return "\n".join(" ".join("".join(r.text for r in line) for line in p.lines)
                         for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Rect:
    """A filled rectangle, optionally outlined and rounded."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None
    line: str | None = None
    line_width: float = 0.0
    radius: float = 0.0
    name: str = ""


@dataclass(frozen=True, slots=True)
class Ellipse:
    """A filled ellipse (markers)."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    line: str | None = None
    line_width: float = 0.0
    name: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dash: bool = False
    name: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class Freeform:
    """Closed polygons (flat x, y sequences in points), e.g. a country's outline."""

    rings: tuple[Sequence[float], ...]
    fill: str
    line: str | None = None
    line_width: float = 0.0
    name: str = ""


Shape = TextBox | Rect | Ellipse | Line | Freeform
Boxed = TextBox | Rect | Ellipse  # the shapes with a bounding box (x, y, w, h)


@dataclass(frozen=True, slots=True)
class LiveView:
    """What a map or timeline slide shows, so the show can make it live in place: the
    area it fills on the slide (points), and the sections, places and events it was
    built from; a map slide's places are in the order of its legend's numbers."""

    view: Literal["map", "timeline"]
    x: float
    y: float
    w: float
    h: float
    sections: tuple[str, ...]
    places: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    bounds: tuple[float, ...] = ()  # a map's view: west, south, east, north (degrees)


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide: what kind it is, its title, its shapes (back to front) and notes."""

    kind: SlideKind
    title: str
    shapes: tuple[Shape, ...]
    notes: str = ""
    section: str = ""
    live: LiveView | None = None  # map and timeline slides: how to present them live
    chrome: tuple[Shape, ...] = ()  # marking, footer, number: on every layout in PowerPoint

    def texts(self) -> list[TextBox]:
        """The slide's text boxes, its chrome's included."""
        return [s for s in self.shapes + self.chrome if isinstance(s, TextBox)]

    def drawn(self) -> tuple[Shape, ...]:
        """Everything painted on the slide, back to front: its shapes, then its chrome."""
        return self.shapes + self.chrome


@dataclass(frozen=True, slots=True)
class Deck:
    """A whole laid-out deck."""

    title: str
    width: float
    height: float
    slides: tuple[Slide, ...]
    marking: str
    font: str
    author: str = ""  # the presenter, for the file's document properties
    subject: str = ""
    page: Page = DEFAULT_PAGE  # the template's geometry, colours and backdrops
