"""The PowerPoint writer: a `Deck` of slide specs to an editable .pptx.

Every shape is native and editable: text boxes, rectangles, ellipses, connectors and
custom-geometry freeforms (map outlines), written as DrawingML directly with a
running shape id (python-pptx's freeform builder is quadratic in the shapes on a
slide). Titles go into the layout's title placeholder so outline view and
accessibility tools see them. The file is written atomically. This is the only
module besides `slides.pptx.template` that imports python-pptx.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.util import Emu, Pt

from content.fileio import officelock
from content.fileio.atomic import TargetRefused, check_target, write_atomic
from slides.errors import ExportError, TemplateError
from slides.pptx.template import open_template, resize_template
from slides.spec import Deck, Ellipse, Freeform, Line, Paragraph, Rect, Shape, Slide, TextBox

EMU_PER_PT = 12700
NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
LAYOUT_NAMES = {"content": ("Title Only", "Title and Content", "Title, Content"),
                "plain": ("Blank", "Title Only")}
Progress = Callable[[int, int], None]


def emu(points: float) -> int:
    """Points to EMU."""
    return round(points * EMU_PER_PT)


def _colour(hex_colour: str) -> str:
    return hex_colour.lstrip("#").upper()


def _fill(colour: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{_colour(colour)}"/></a:solidFill>' if colour \
        else "<a:noFill/>"


def _line(colour: str | None, width: float, dash: bool = False) -> str:
    if not colour or width <= 0:
        return "<a:ln><a:noFill/></a:ln>"
    dash_xml = '<a:prstDash val="dash"/>' if dash else ""
    return f'<a:ln w="{emu(width)}">{_fill(colour)}{dash_xml}</a:ln>'


def _xfrm(x: float, y: float, w: float, h: float, extra: str = "") -> str:
    return (f'<a:xfrm{extra}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{max(emu(w), 1)}" cy="{max(emu(h), 1)}"/></a:xfrm>')


class _SlideWriter:
    """Appends one slide's shapes to its shape tree."""

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

    def runs(self, paragraph: Paragraph) -> str:
        out = []
        for n, line in enumerate(paragraph.lines):
            for i, run in enumerate(line):
                text = run.text if (i or not n) else " " + run.text.lstrip()
                if i == 0 and n > 0 and text.strip() == "":
                    continue
                bold = ' b="1"' if run.bold else ' b="0"'
                italic = ' i="1"' if run.italic else ""
                out.append(
                    f'<a:r><a:rPr lang="en-GB" sz="{round(run.size * 100)}"{bold}{italic}'
                    f' dirty="0">{_fill(run.colour)}<a:latin typeface={quoteattr(self.font)}/>'
                    f"<a:cs typeface={quoteattr(self.font)}/></a:rPr>"
                    f"<a:t>{escape(text)}</a:t></a:r>")
        return "".join(out)

    def paragraph_xml(self, paragraph: Paragraph) -> str:
        props = [f'algn="{ALIGN[paragraph.align]}"']
        children = []
        if paragraph.space_before:
            children.append(f'<a:spcBef><a:spcPts val="{int(paragraph.space_before * 100)}"/>'
                            "</a:spcBef>")
        if paragraph.bullet:
            props.append(f'marL="{emu(paragraph.indent)}" indent="{-emu(paragraph.indent)}"')
            if paragraph.bullet[:-1].isdigit() and paragraph.bullet.endswith("."):
                children.append(f'<a:buFont typeface={quoteattr(self.font)}/>'
                                f'<a:buAutoNum type="arabicPeriod" '
                                f'startAt="{int(paragraph.bullet[:-1])}"/>')
            else:
                children.append(f'<a:buFont typeface={quoteattr(self.font)}/>'
                                f"<a:buChar char={quoteattr(paragraph.bullet)}/>")
        else:
            props.append(f'marL="{emu(paragraph.indent)}" indent="0"')
            children.append("<a:buNone/>")
        size = round(paragraph.size * 100)
        end = (f'<a:endParaRPr lang="en-GB" sz="{size}" dirty="0">'
               f"<a:latin typeface={quoteattr(self.font)}/></a:endParaRPr>")
        return f'<a:p><a:pPr {" ".join(props)}>{"".join(children)}</a:pPr>' \
               f"{self.runs(paragraph)}{end}</a:p>"

    def body_xml(self, box: TextBox) -> str:
        paragraphs = "".join(self.paragraph_xml(p) for p in box.paragraphs) or \
            '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>'
        return (f'<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
                f'anchor="{ANCHOR[box.anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr>'
                f"<a:lstStyle/>{paragraphs}</p:txBody>")

    def text_box(self, box: TextBox) -> None:
        name = quoteattr(box.name or "Text")
        self.add(f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{self._id()}" name={name}/>'
                 f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>'
                 f'{_xfrm(box.x, box.y, box.w, box.h)}<a:prstGeom prst="rect"><a:avLst/>'
                 f"</a:prstGeom><a:noFill/></p:spPr>{self.body_xml(box)}</p:sp>")

    def title(self, box: TextBox, placeholder) -> None:
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

    def rect(self, r: Rect) -> None:
        geometry = ('<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val '
                    f'{int(min(50000, r.radius / max(min(r.w, r.h), 1) * 100000))}"/>'
                    "</a:avLst></a:prstGeom>") if r.radius else \
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        self._plain_shape(r.name or "Rectangle", _xfrm(r.x, r.y, r.w, r.h), geometry,
                          _fill(r.fill) + _line(r.line, r.line_width))

    def ellipse(self, e: Ellipse) -> None:
        self._plain_shape(e.name or "Oval", _xfrm(e.x, e.y, e.w, e.h),
                          '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>',
                          _fill(e.fill) + _line(e.line, e.line_width))

    def _plain_shape(self, name: str, xfrm: str, geometry: str, paint: str) -> None:
        self.add(f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{self._id()}" name={quoteattr(name)}/>'
                 f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm}{geometry}{paint}</p:spPr>"
                 "</p:sp>")

    def line(self, ln: Line) -> None:
        x, y = min(ln.x1, ln.x2), min(ln.y1, ln.y2)
        flips = (' flipH="1"' if ln.x2 < ln.x1 else "") + (' flipV="1"' if ln.y2 < ln.y1
                                                            else "")
        self.add(f'<p:cxnSp {NS}><p:nvCxnSpPr><p:cNvPr id="{self._id()}" '
                 f'name={quoteattr(ln.name or "Line")}/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>'
                 f"<p:spPr>{_xfrm(x, y, abs(ln.x2 - ln.x1), abs(ln.y2 - ln.y1), flips)}"
                 f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
                 f"{_line(ln.colour, ln.width, ln.dash)}</p:spPr></p:cxnSp>")

    def freeform(self, f: Freeform) -> None:
        xs = [v for ring in f.rings for v in ring[0::2]]
        ys = [v for ring in f.rings for v in ring[1::2]]
        x0, y0 = min(xs), min(ys)
        w, h = max(emu(max(xs) - x0), 1), max(emu(max(ys) - y0), 1)
        parts = []
        for ring in f.rings:
            pts = [(emu(ring[i] - x0), emu(ring[i + 1] - y0)) for i in range(0, len(ring), 2)]
            parts.append(f'<a:moveTo><a:pt x="{pts[0][0]}" y="{pts[0][1]}"/></a:moveTo>')
            parts.extend(f'<a:lnTo><a:pt x="{px}" y="{py}"/></a:lnTo>' for px, py in pts[1:])
            parts.append("<a:close/>")
        geometry = (f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
                    f'<a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{w}" h="{h}">'
                    f'{"".join(parts)}</a:path></a:pathLst></a:custGeom>')
        xfrm = (f'<a:xfrm><a:off x="{emu(x0)}" y="{emu(y0)}"/><a:ext cx="{w}" cy="{h}"/>'
                "</a:xfrm>")
        self._plain_shape(f.name or "Freeform", xfrm, geometry,
                          _fill(f.fill) + _line(f.line, f.line_width))

    def shape(self, shape: Shape, title_placeholder) -> None:
        if isinstance(shape, TextBox):
            if shape.role == "title" and title_placeholder is not None:
                self.title(shape, title_placeholder)
            else:
                self.text_box(shape)
        elif isinstance(shape, Rect):
            self.rect(shape)
        elif isinstance(shape, Ellipse):
            self.ellipse(shape)
        elif isinstance(shape, Line):
            self.line(shape)
        elif isinstance(shape, Freeform):
            self.freeform(shape)


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(_colour(hex_colour))


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


def write_pptx(deck: Deck, out: Path | str, template: Path | str | None = None,
               progress: Progress | None = None) -> None:
    """Write `deck` to `out` atomically; TemplateError or ExportError on failure."""
    out = Path(out)
    who = officelock.holder(out)
    if who:
        raise ExportError(f"{out} is open in LibreOffice ({who}); close it and export "
                          f"again (if nobody has it open, delete "
                          f"{officelock.lock_path(out).name})")
    try:
        check_target(out)
    except TargetRefused as exc:
        raise ExportError(str(exc)) from None
    prs = render_presentation(deck, template, progress)
    buffer = io.BytesIO()
    prs.save(buffer)
    try:
        write_atomic(out, buffer.getvalue())
    except TargetRefused as exc:
        raise ExportError(str(exc)) from None
    except PermissionError:
        raise ExportError(f"{out}: permission denied (is the folder read-only, or the "
                          "file open in another program?)") from None
    except OSError as exc:
        raise ExportError(f"{out}: could not write the deck: {exc.strerror or exc}") from None
