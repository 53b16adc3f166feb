"""The PowerPoint writer: a `Deck` of slide specs to an editable .pptx, with python-pptx.

It opens the template (`slides.pptx.template`), fits it to the deck's size, sets the
deck's document properties, and adds one slide per spec on the template's layouts.
Titles go into the layout's title placeholder so outline view and accessibility
tools see them; every other shape is native DrawingML from `slides.pptx.drawingml`.
Where the file goes, and what may be written over, is `slides.output`'s business.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.util import Emu, Pt

from slides.errors import TemplateError
from slides.output import check_output, save_output
from slides.pptx import drawingml as dml
from slides.pptx.drawingml import emu
from slides.pptx.template import open_template, resize_template
from slides.spec import Deck, Ellipse, Freeform, Line, Rect, Shape, Slide, TextBox

LAYOUT_NAMES = {"content": ("Title Only", "Title and Content", "Title, Content"),
                "plain": ("Blank", "Title Only")}
Progress = Callable[[int, int], None]


class _SlideWriter:
    """Appends one slide's shapes to its shape tree, numbering them."""

    def __init__(self, slide, font: str) -> None:
        self.slide = slide
        self.tree = slide.shapes._spTree
        self.font = font
        ids = [int(v) for v in self.tree.xpath(".//p:cNvPr/@id")]
        self.next_id = max(ids, default=1) + 1

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add(self, xml: str) -> None:
        self.tree.append(parse_xml(xml))

    def title(self, box: TextBox, placeholder) -> None:
        """The slide title, in the layout's title placeholder (outline view, screen
        readers and 'reset slide' all know it there)."""
        placeholder.left, placeholder.top = Emu(emu(box.x)), Emu(emu(box.y))
        placeholder.width, placeholder.height = Emu(emu(box.w)), Emu(emu(box.h))
        frame = placeholder.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE,
                                 "bottom": MSO_ANCHOR.BOTTOM}[box.anchor]
        frame.clear()
        for n, para in enumerate(box.paragraphs):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER,
                           "right": PP_ALIGN.RIGHT}[para.align]
            text = " ".join("".join(r.text for r in line) for line in para.lines)
            first = para.lines[0][0] if para.lines and para.lines[0] else None
            run = p.add_run()
            run.text = text
            if first is not None:
                run.font.size = Pt(first.size)
                run.font.bold = first.bold
                run.font.name = self.font
                run.font.color.rgb = _rgb(first.colour)

    def freeform(self, f: Freeform) -> None:
        self.add(dml.freeform_xml(f, self._id()))

    def shape(self, shape: Shape, title_placeholder) -> None:
        if isinstance(shape, TextBox):
            if shape.role == "title" and title_placeholder is not None:
                self.title(shape, title_placeholder)
            else:
                self.add(dml.text_box_xml(shape, self._id(), self.font))
        elif isinstance(shape, Rect):
            self.add(dml.rect_xml(shape, self._id()))
        elif isinstance(shape, Ellipse):
            self.add(dml.ellipse_xml(shape, self._id()))
        elif isinstance(shape, Line):
            self.add(dml.line_xml(shape, self._id()))
        elif isinstance(shape, Freeform):
            self.freeform(shape)


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(dml.colour_hex(hex_colour))


def _layout(prs, names: tuple[str, ...]):
    """The first layout whose name matches one of `names` (any master), else the last."""
    wanted = [n.casefold() for n in names]
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    for name in wanted:
        for layout in layouts:
            if layout.name.casefold() == name:
                return layout
    titled = [lay for lay in layouts if any(p.placeholder_format.type in (1, 3)
                                            for p in lay.placeholders)]
    return titled[0] if titled else layouts[-1]


def _remove_slides(prs) -> None:
    """Drop any slides a template ships with (samples), keeping masters and layouts."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


def render_presentation(deck: Deck, template: Path | str | None = None,
                        progress: Progress | None = None):
    """The deck as a python-pptx Presentation (not yet saved)."""
    prs = open_template(template)
    ratio = prs.slide_width / prs.slide_height
    if abs(ratio - deck.width / deck.height) > 0.02:
        raise TemplateError(f"{template}: its slides are {prs.slide_width / 914400:.2f} x "
                            f"{prs.slide_height / 914400:.2f} in; Briefing Desk decks are "
                            "16:9 (13.33 x 7.5 in): use a 16:9 template")
    if prs.slide_width != emu(deck.width) or prs.slide_height != emu(deck.height):
        resize_template(prs, emu(deck.width), emu(deck.height))  # e.g. 10 x 5.625 in 16:9
    _remove_slides(prs)
    _set_properties(prs, deck)
    content, plain = _layout(prs, LAYOUT_NAMES["content"]), _layout(prs, LAYOUT_NAMES["plain"])
    total = len(deck.slides)
    for n, spec in enumerate(deck.slides, 1):
        _add_slide(prs, spec, plain if spec.kind in ("title", "closing") else content,
                   deck.font)
        if progress:
            progress(n, total)
    return prs


def _set_properties(prs, deck: Deck) -> None:
    """The deck's own document properties: none of the template's (its author,
    comments and dates) are kept."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = prs.core_properties
    props.title = deck.title[:255]
    props.subject = deck.subject[:255]
    props.author = props.last_modified_by = deck.author[:255]
    for name in ("comments", "keywords", "category", "content_status", "identifier",
                 "language", "version"):
        setattr(props, name, "")
    props.created = props.modified = now
    for printed in props._element.xpath("./cp:lastPrinted"):
        printed.getparent().remove(printed)
    props.revision = 1


def _add_slide(prs, spec: Slide, layout, font: str) -> None:
    slide = prs.slides.add_slide(layout)
    title = None
    for placeholder in list(slide.placeholders):
        kind = placeholder.placeholder_format.type
        if kind in (1, 3) and title is None and any(isinstance(s, TextBox) and s.role == "title"
                                                    for s in spec.shapes):
            title = placeholder  # TITLE or CENTER_TITLE
        else:
            placeholder._element.getparent().remove(placeholder._element)
    writer = _SlideWriter(slide, font)
    for shape in spec.shapes:
        writer.shape(shape, title)
    if title is not None and not title.has_text_frame:
        title._element.getparent().remove(title._element)
    if spec.notes:
        slide.notes_slide.notes_text_frame.text = spec.notes


def deck_bytes(deck: Deck, template: Path | str | None = None,
               progress: Progress | None = None) -> bytes:
    """The deck as the bytes of a .pptx file."""
    buffer = io.BytesIO()
    render_presentation(deck, template, progress).save(buffer)
    return buffer.getvalue()


def write_pptx(deck: Deck, out: Path | str, template: Path | str | None = None,
               progress: Progress | None = None) -> None:
    """Write `deck` to `out` atomically; TemplateError or ExportError on failure (the
    target is checked before any work: see `slides.output`)."""
    out = Path(out)
    check_output(out)
    save_output(out, deck_bytes(deck, template, progress))
