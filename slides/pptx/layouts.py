"""Which of a template's layouts each slide goes on, and where a layout's words go.

Layouts are recognised by structure, in any language: the placeholders a layout
holds say what it is for (a centred title and a subtitle: a title slide; a title and
one body: title and content; a title alone: title only; nothing: blank). Names are
only a hint between layouts of one kind, and say what structure cannot: Google
Slides' "TITLE" and Keynote's "Title & Subtitle" hold a title and a body, a closing
layout is a closing by its name. Sample text a designer left on a cover as plain
text boxes is removed, and its place is where our words go.
"""

from __future__ import annotations

import re
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER

from slides.page import Box
from slides.pptx.drawingml import EMU_PER_PT
from slides.pptx.theme import NS

# Placeholder types, as the OOXML `type` attribute numbers them (python-pptx's enum).
TITLE, BODY, CENTER_TITLE, SUBTITLE, OBJECT = (int(PP_PLACEHOLDER.TITLE), int(PP_PLACEHOLDER.BODY),
                                               int(PP_PLACEHOLDER.CENTER_TITLE),
                                               int(PP_PLACEHOLDER.SUBTITLE),
                                               int(PP_PLACEHOLDER.OBJECT))
CHROME = {int(PP_PLACEHOLDER.SLIDE_NUMBER), int(PP_PLACEHOLDER.FOOTER), int(PP_PLACEHOLDER.DATE)}
NAME_HINTS = {"title": ("title slide", "cover", "title & subtitle"),
              "content": ("title and content", "title_and_body", "title & bullets", "content"),
              "title_only": ("title only", "title_only", "title - top"),
              "section": ("section",), "blank": ("blank",)}
# Names a title slide layout goes by where its placeholders alone would not say so
# (Google Slides' "TITLE" and Keynote's "Title & Subtitle" hold a title and a body).
COVER_NAMES = ("title", "title slide", "title & subtitle", "cover", "titre", "titel",
               "title_slide")
CLOSING_NAMES = ("closing", "end", "thank", "questions", "q&a", "contact")


def _types(layout) -> list[int]:
    return [int(p.placeholder_format.type) for p in layout.placeholders
            if int(p.placeholder_format.type) not in CHROME]


def layout_kind(layout) -> str:
    """What a layout is for, from its placeholders: title, content, title_only,
    section, two_content, blank or other."""
    types = _types(layout)
    bodies = sum(t in (BODY, OBJECT) for t in types)
    name = layout.name.casefold().strip()
    if CENTER_TITLE in types or (TITLE in types and SUBTITLE in types):
        return "title"
    if TITLE in types and bodies <= 1 and name in COVER_NAMES and OBJECT not in types:
        return "title"
    if set(types) == {TITLE} and "section" in name:
        return "section"
    if TITLE in types and bodies == 1 and set(types) <= {TITLE, BODY, OBJECT}:
        if OBJECT not in types and "section" in name:
            return "section"
        return "content"
    if TITLE in types and bodies > 1:
        return "two_content"
    if set(types) == {TITLE}:
        return "title_only"
    if not types:
        return "blank"
    return "other"


def choose_layouts(prs) -> dict[str, Any]:
    """The layout for each kind a deck uses, from the first master that has it:
    title, content, title_only, section, blank (missing kinds are left out)."""
    found: dict[str, list] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout_kind(layout), []).append(layout)
    chosen = {}
    for kind, layouts in found.items():
        hinted = [lay for lay in layouts
                  if any(h in lay.name.casefold() for h in NAME_HINTS.get(kind, ()))]
        chosen[kind] = (hinted or layouts)[0]
    named = [lay for layouts in found.values() for lay in layouts]
    if "title" not in chosen:  # a cover of art alone, named so: still their cover
        covers = [lay for lay in named if lay.name.casefold().strip() in COVER_NAMES
                  and layout_kind(lay) in ("blank", "other")]
        if covers:
            chosen["title"] = covers[0]
    closings = [lay for lay in named if layout_kind(lay) != "content"
                and any(w in lay.name.casefold() for w in CLOSING_NAMES)]
    if closings:
        chosen["closing"] = closings[0]
    return chosen


def slide_layouts(found: dict[str, Any], cover: bool, closing: bool = False
                  ) -> dict[str, Any]:
    """The layout each slide goes on, from `choose_layouts`: the rule the page is
    measured by and the writer follows. Content slides: title and content, else title
    only, else blank (the master's areas), else the first there is (never a section
    header: its title sits low, under its text). Title and closing slides: the title
    slide layout when `cover` (its title placeholder has a place), else title only
    (our band drawn), else as content slides. The closing slide: the template's
    closing layout when `closing`, else the title slide's. Keyed by the look of the
    slides that go on each (`SlideKind.look`: "title", "closing", "content")."""
    first = next(iter(found.values()))
    content = found.get("content") or found.get("title_only") or found.get("blank") or first
    titled = found.get("title_only") or content
    chosen = (found.get("title") if cover else None) or titled
    return {"title": chosen, "content": content,
            "closing": (found.get("closing") if closing else None) or chosen}


def box_of(shape) -> Box | None:
    if None in (shape.left, shape.top, shape.width, shape.height):
        return None
    return Box(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
               shape.width / EMU_PER_PT, shape.height / EMU_PER_PT)


def placeholder_box(layout, types: tuple[int, ...]) -> Box | None:
    for p in layout.placeholders:
        if int(p.placeholder_format.type) in types:
            box = box_of(p)
            if box is not None and box.w > 0 and box.h > 0:
                return box
    return None


SAMPLE = re.compile(r"\b(title|subtitle|click|lorem|ipsum|goes here|presenter|your name|"
                    r"date|titre|sous-titre|titel)\b", re.IGNORECASE)


def drop_sample_text(layout) -> list[Box]:
    """Remove the sample text a designer left on a title or closing layout as plain
    text boxes ("Title / No more than two lines", "Subtitle goes here"), which would
    show behind our words on every slide of it; their boxes, largest words first."""
    found: list[tuple[float, Box]] = []
    for shape in list(layout.shapes):
        if shape.is_placeholder or not shape.has_text_frame:
            continue
        text = shape.text_frame.text.strip()
        box = box_of(shape)
        if not text or len(text) > 80 or not SAMPLE.search(text) or box is None:
            continue
        sizes = [int(v) / 100 for v in shape._element.xpath(".//a:rPr/@sz | .//a:defRPr/@sz")]
        found.append((max(sizes, default=18.0), box))
        shape._element.getparent().remove(shape._element)
    return [box for _, box in sorted(found, key=lambda f: (-f[0], f[1].y))]


def cover_areas(layout) -> tuple[Box | None, Box | None]:
    """Where a title or closing layout's title and subtitle words go: its placeholders,
    else where its sample text was (None: no such layout, or neither)."""
    if layout is None:
        return None, None
    samples = drop_sample_text(layout)
    title = inner_box(layout, (CENTER_TITLE, TITLE), placeholder_box(layout, (CENTER_TITLE, TITLE)))
    sub = inner_box(layout, (SUBTITLE, BODY), placeholder_box(layout, (SUBTITLE, BODY)))
    if title is None and samples:
        title = samples[0]
        sub = sub or (samples[1] if len(samples) > 1 else None)
    return title, sub

INSETS = (7.2, 3.6, 7.2, 3.6)  # points: OOXML's default text insets, left top right bottom


def inner_box(layout, types: tuple[int, ...], box: Box | None) -> Box | None:
    """Where a placeholder's words go: `box` less the text insets and first-level
    indent the template gives it (the layout's placeholder, then the master's, then
    its title style), so a title written with no insets starts where theirs would."""
    if box is None:
        return None
    found: dict[str, float] = {}
    master = layout.slide_master
    for source in (layout, master):
        for p in source.placeholders:
            if int(p.placeholder_format.type) not in types:
                continue
            body_pr = p._element.find(".//a:bodyPr", NS)
            for key in ("lIns", "tIns", "rIns", "bIns"):
                value = body_pr.get(key) if body_pr is not None else None
                if value is not None and key not in found:
                    found[key] = _points(value)
            indent = p._element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/@marL")
            if indent and "marL" not in found:
                found["marL"] = _points(indent[0])
            break
    style = master._element.xpath("./p:txStyles/p:titleStyle/a:lvl1pPr/@marL")
    if style and "marL" not in found and types[0] in (TITLE, CENTER_TITLE):
        found["marL"] = _points(style[0])
    left, top, right, bottom = (found.get(k, d) for k, d in
                                zip(("lIns", "tIns", "rIns", "bIns"), INSETS, strict=True))
    left += max(0.0, found.get("marL", 0.0))
    if box.w - left - right < box.w * 0.5 or box.h - top - bottom < box.h * 0.4:
        return box  # insets that would leave no room: the box as it is
    return Box(box.x + left, box.y + top, box.w - left - right, box.h - top - bottom)


def _points(emu_text: str) -> float:
    try:
        return max(0, int(emu_text)) / EMU_PER_PT
    except ValueError:
        return 0.0

def alignment(layout) -> str:
    """How `layout` aligns its title: left, center or right (left when unsaid)."""
    found = None
    for p in layout.placeholders:
        if int(p.placeholder_format.type) in (TITLE, CENTER_TITLE):
            found = (p._element.xpath(".//a:lvl1pPr/@algn") or
                     p._element.xpath(".//a:p/a:pPr/@algn") or [None])[0]
            break
    if found is None:
        style = layout.slide_master._element.xpath(
            "./p:txStyles/p:titleStyle/a:lvl1pPr/@algn")
        found = style[0] if style else "l"
    return {"ctr": "center", "r": "right"}.get(found, "left")
