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
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsmap, qn
from pptx.util import Emu

from slides.layout import marking_colour, text_box
from slides.output import check_output, save_output
from slides.pptx import drawingml as dml
from slides.pptx.drawingml import EMU_PER_PT, emu
from slides.pptx.layouts import (
    BODY,
    CENTER_TITLE,
    OBJECT,
    SUBTITLE,
    TITLE,
    choose_layouts,
    drop_sample_text,
    slide_layouts,
)
from slides.pptx.template import open_template, resize_template
from slides.spec import (
    Deck,
    Ellipse,
    Freeform,
    Line,
    LiveView,
    Rect,
    Shape,
    Slide,
    TextBox,
    TextRole,
)

# The layout's placeholders a box of each role goes into, the best fit first.
PLACEHOLDER_TYPES = {TextRole.TITLE: (TITLE, CENTER_TITLE), TextRole.SUBTITLE: (SUBTITLE, BODY),
                     TextRole.LIST: (BODY, OBJECT)}
Progress = Callable[[int, int], None]


class _SlideWriter:
    """Appends shapes to one shape tree (a slide's, a master's or a layout's),
    numbering them after the ids already there."""

    def __init__(self, owner, font: str) -> None:
        self.tree = owner.shapes._spTree
        self.font = font
        ids = [int(v) for v in self.tree.xpath(".//p:cNvPr/@id")]
        self.next_id = max(ids, default=1) + 1

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add(self, xml: str) -> None:
        self.tree.append(parse_xml(xml))

    def shape(self, shape: Shape) -> None:
        if isinstance(shape, TextBox):
            if shape.role is TextRole.SLIDE_NUMBER:
                self.add(dml.slide_number_xml(shape, self._id(), self.font))
            else:
                self.add(dml.text_box_xml(shape, self._id(), self.font))
        elif isinstance(shape, Rect):
            self.add(dml.rect_xml(shape, self._id()))
        elif isinstance(shape, Ellipse):
            self.add(dml.ellipse_xml(shape, self._id()))
        elif isinstance(shape, Line):
            self.add(dml.line_xml(shape, self._id()))
        elif isinstance(shape, Freeform):
            self.add(dml.freeform_xml(shape, self._id()))


def _fill_placeholder(placeholder, box: TextBox, font: str) -> None:
    """Put a laid-out box's paragraphs into a placeholder where the box was laid out:
    outline view, screen readers and 'reset slide' know titles and lists there. The
    sizes the layout measured are kept, and never autofitted (LibreOffice grows
    autofitted text to fill its box); the typeface comes from the template where
    the deck says so (`font` "")."""
    placeholder.left, placeholder.top = Emu(max(0, emu(box.x))), Emu(max(0, emu(box.y)))
    placeholder.width, placeholder.height = Emu(max(0, emu(box.w))), Emu(max(0, emu(box.h)))
    body = placeholder._element.find(qn("p:txBody"))
    if body is None:
        body = placeholder.text_frame._txBody
    for child in list(body):
        body.remove(child)
    anchor = dml.ANCHOR[box.anchor]
    body.append(parse_xml(f'<a:bodyPr {_A} wrap="square" lIns="0" tIns="0" rIns="0" '
                          f'bIns="0" anchor="{anchor}" rtlCol="0"><a:noAutofit/>'
                          "</a:bodyPr>"))
    body.append(parse_xml(f"<a:lstStyle {_A}/>"))
    for paragraph in box.paragraphs:
        body.append(parse_xml(dml.paragraph_xml(paragraph, font).replace(
            "<a:p>", f"<a:p {_A}>", 1)))
    if not box.paragraphs:
        body.append(parse_xml(f'<a:p {_A}><a:endParaRPr lang="en-GB"/></a:p>'))


_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'


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
    if prs.slide_width != emu(deck.width) or prs.slide_height != emu(deck.height):
        resize_template(prs, emu(deck.width), emu(deck.height))  # laid out for another page
    size = prs._element.find(qn("p:sldSz"))
    if size is not None and "type" in size.attrib:
        del size.attrib["type"]  # a custom size: not "screen4x3" on a 16:9 deck
    _remove_slides(prs)
    _set_properties(prs, deck)
    layouts = slide_layouts(choose_layouts(prs), deck.page.cover_title is not None,
                            deck.page.closing_title is not None)
    if deck.page.templated:  # their sample text, as the page was read without it
        for layout in {id(lay): lay for lay in (layouts["title"], layouts["closing"])}.values():
            drop_sample_text(layout)
    font = "" if deck.page.templated else deck.font
    _chrome_on_layouts(prs, deck)
    _mark_notes_master(prs, deck)
    _register_notes_master(prs)
    total = len(deck.slides)
    for n, spec in enumerate(deck.slides, 1):
        _add_slide(prs, spec, layouts[spec.kind.look], deck.font, font)
        if progress:
            progress(n, total)
    return prs


def _chrome_on_layouts(prs, deck: Deck) -> None:
    """The marking, footer and slide-number field on every layout, so slides the
    briefer adds later from any of them carry them too. On the layouts, not the
    master: a layout's own art is drawn over its master's shapes, and a template's
    band across the foot of a layout would hide a marking kept on the master."""
    if not deck.slides:
        return
    chrome = next((s.chrome for s in deck.slides if not s.kind.is_cover),
                  deck.slides[0].chrome)
    owners = [lay for master in prs.slide_masters for lay in master.slide_layouts]
    for owner in owners:
        writer = _SlideWriter(owner, deck.font)
        for shape in chrome:
            writer.shape(shape)


def _mark_notes_master(prs, deck: Deck) -> None:
    """The marking at the top and bottom of every printed notes page."""
    master = prs.notes_master
    cx, cy = _notes_size(prs)
    writer = _SlideWriter(master, deck.font)
    colour = marking_colour(deck.marking)
    for y, name in ((14.0, "Marking top"), (cy - 34.0, "Marking bottom")):
        writer.shape(text_box(0, y, cx, 20, deck.marking, 11, bold=True, colour=colour,
                              align="center", name=name, max_lines=1))


def _register_notes_master(prs) -> None:
    """List the notes master in `p:notesMasterIdLst`, where PowerPoint looks for it:
    python-pptx relates the part but does not list it, and a template may carry a
    miscased `p:NotesMasterId` that PowerPoint repairs or rejects."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    root = prs._element
    for stray in root.xpath(".//*[local-name()='NotesMasterId']"):  # not in the schema
        stray.getparent().remove(stray)
    part = prs.part
    r_id = next((rid for rid, rel in part.rels.items() if rel.reltype == RT.NOTES_MASTER),
                None)
    if r_id is None:
        return
    for old in root.findall(qn("p:notesMasterIdLst")):
        root.remove(old)
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    listed = parse_xml(f'<p:notesMasterIdLst {dml.NS} xmlns:r="{r_ns}">'
                       f'<p:notesMasterId r:id="{r_id}"/></p:notesMasterIdLst>')
    masters = root.find(qn("p:sldMasterIdLst"))
    if masters is not None:
        masters.addnext(listed)
    else:
        root.insert(0, listed)


def _notes_size(prs) -> tuple[float, float]:
    found = prs._element.find(qn("p:notesSz"))
    if found is None:
        return 540.0, 720.0
    return int(found.get("cx")) / EMU_PER_PT, int(found.get("cy")) / EMU_PER_PT


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


def _add_slide(prs, spec: Slide, layout, font: str, placeholder_font: str) -> None:
    """One slide: its title, subtitle and list in the layout's placeholders, the rest
    as shapes; placeholders it does not use are removed (no "Click to add text")."""
    slide = prs.slides.add_slide(layout)
    free = list(slide.placeholders)
    claimed: dict[int, tuple[Any, TextBox]] = {}
    for index, shape in enumerate(spec.shapes):
        if not isinstance(shape, TextBox):
            continue
        wanted = PLACEHOLDER_TYPES.get(shape.role, ())
        for placeholder in free:
            if int(placeholder.placeholder_format.type) in wanted:
                free.remove(placeholder)
                claimed[index] = (placeholder, shape)
                break
    for placeholder in free:
        placeholder._element.getparent().remove(placeholder._element)
    writer = _SlideWriter(slide, font)
    for index, shape in enumerate(spec.shapes):
        if index in claimed:
            placeholder, box = claimed[index]
            _fill_placeholder(placeholder, box, placeholder_font if box.role is TextRole.TITLE
                              else font)
            tree = placeholder._element.getparent()
            tree.remove(placeholder._element)  # keep the drawing order of the spec
            tree.append(placeholder._element)
        else:
            writer.shape(shape)
    if spec.live is not None:
        _group_view(slide, spec, spec.live)
    if spec.notes:
        slide.notes_slide.notes_text_frame.text = spec.notes


# compiled once: a map's hundreds of shapes are each asked all three
_NAMES, _OFFSET, _PLACEHOLDER = (etree.XPath(path, namespaces=nsmap("p", "a")) for path in (
    "./*/p:cNvPr/@name", "./p:spPr/a:xfrm/a:off", "./*/p:nvPr/p:ph"))


def _group_view(slide, spec: Slide, live: LiveView) -> None:
    """A map's or timeline's shapes as one named group with alt text, so it moves as
    one and a screen reader announces it once."""
    tree = slide.shapes._spTree
    inside = []
    for element in list(tree):
        names, box = _NAMES(element), _OFFSET(element)
        if not names or not box or _PLACEHOLDER(element):
            continue
        x, y = int(box[0].get("x")) / EMU_PER_PT, int(box[0].get("y")) / EMU_PER_PT
        if live.x - 1 <= x <= live.x + live.w + 1 and live.y - 1 <= y <= live.y + live.h + 1:
            inside.append(element)
    if len(inside) < 2:
        return
    ids = [int(v) for v in tree.xpath(".//p:cNvPr/@id")]
    what = "Map" if live.view == "map" else "Timeline"
    described = f"{what}: {spec.title}"
    group = parse_xml(
        f'<p:grpSp {dml.NS}><p:nvGrpSpPr><p:cNvPr id="{max(ids) + 1}" '
        f'name="{what}" descr={quoteattr(described)}/><p:cNvGrpSpPr/><p:nvPr/>'
        "</p:nvGrpSpPr><p:grpSpPr><a:xfrm>"
        f'<a:off x="{emu(live.x)}" y="{emu(live.y)}"/>'
        f'<a:ext cx="{emu(live.w)}" cy="{emu(live.h)}"/>'
        f'<a:chOff x="{emu(live.x)}" y="{emu(live.y)}"/>'
        f'<a:chExt cx="{emu(live.w)}" cy="{emu(live.h)}"/>'
        "</a:xfrm></p:grpSpPr></p:grpSp>")
    inside[0].addprevious(group)
    for element in inside:
        group.append(element)


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
