"""Export figures: our pipeline against python-pptx writing the same shapes directly.

The floor takes the finished slide specs and writes each shape with python-pptx's
own API (text boxes, autoshapes, connectors); freeforms, for which python-pptx's
builder is quadratic, are appended as the same custom-geometry XML in both. Ours
includes building the deck (layout) as well as writing it.
"""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.util import Pt

from benchmarks.timing import best
from content.loader import load_pack
from slides.build import build_deck
from slides.pptx.drawingml import freeform_xml
from slides.pptx.template import default_template
from slides.pptx.writer import render_presentation
from slides.recipe import default_recipe
from slides.spec import Deck, Ellipse, Freeform, Line, Rect, TextBox


def direct(deck: Deck) -> bytes:
    """python-pptx writing the deck's shapes with its public API."""
    prs = Presentation(str(default_template()))
    blank = prs.slide_layouts[6]
    for spec in deck.slides:
        slide = prs.slides.add_slide(blank)
        shapes = slide.shapes
        for s in spec.shapes:
            if isinstance(s, TextBox):
                frame = shapes.add_textbox(Pt(s.x), Pt(s.y), Pt(s.w), Pt(s.h)).text_frame
                frame.text = s.plain_text()
            elif isinstance(s, Rect):
                shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(s.x), Pt(s.y), Pt(s.w), Pt(s.h))
            elif isinstance(s, Ellipse):
                shapes.add_shape(MSO_SHAPE.OVAL, Pt(s.x), Pt(s.y), Pt(s.w), Pt(s.h))
            elif isinstance(s, Line):
                shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(s.x1), Pt(s.y1), Pt(s.x2),
                                     Pt(s.y2))
            elif isinstance(s, Freeform):
                shapes._spTree.append(parse_xml(freeform_xml(s, 1000 + len(shapes))))
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def ours(folder: Path | None) -> tuple[bytes, Deck]:
    pack = load_pack(folder)
    deck = build_deck(pack, default_recipe(pack))
    out = io.BytesIO()
    render_presentation(deck).save(out)
    return out.getvalue(), deck




def measure(folder: Path | None = None) -> tuple[float, float, int]:
    """(our seconds, direct python-pptx seconds, slides) for the pack in `folder`."""
    _, deck = ours(folder)
    load_pack(folder)  # warm cache: loading is measured elsewhere
    return best(lambda: ours(folder)), best(lambda: direct(deck)), len(deck.slides)
