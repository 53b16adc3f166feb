"""DrawingML as text: the XML of each native shape a deck slide holds, without pptx.

Pure functions from slide specs (`slides.spec`) to `<p:sp>`, `<p:cxnSp>` elements
and their parts, with explicit shape ids. The writer parses and appends them to a
slide's shape tree; the tests parse them with lxml and check what PowerPoint reads.
Writing the XML directly keeps every shape editable and is linear in the shapes on a
slide (python-pptx's freeform builder is quadratic).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from slides.spec import Ellipse, Freeform, Line, Paragraph, Rect, TextBox

EMU_PER_PT = 12700
NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}


def emu(points: float) -> int:
    """Points to EMU."""
    return round(points * EMU_PER_PT)


def colour_hex(hex_colour: str) -> str:
    return hex_colour.lstrip("#").upper()


def fill(colour: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour_hex(colour)}"/></a:solidFill>' if colour \
        else "<a:noFill/>"


def line(colour: str | None, width: float, dash: bool = False) -> str:
    if not colour or width <= 0:
        return "<a:ln><a:noFill/></a:ln>"
    dash_xml = '<a:prstDash val="dash"/>' if dash else ""
    return f'<a:ln w="{emu(width)}">{fill(colour)}{dash_xml}</a:ln>'


def xfrm(x: float, y: float, w: float, h: float, extra: str = "") -> str:
    return (f'<a:xfrm{extra}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{max(emu(w), 1)}" cy="{max(emu(h), 1)}"/></a:xfrm>')


PLAIN_RUN = ' u="none" strike="noStrike" cap="none" spc="0" baseline="0"'


def _typeface(font: str) -> str:
    """The run's typeface elements; none when `font` is "" (the template's own)."""
    if not font:
        return ""
    return f"<a:latin typeface={quoteattr(font)}/><a:cs typeface={quoteattr(font)}/>"


def runs_xml(paragraph: Paragraph, font: str) -> str:
    """The `<a:r>` runs of a laid-out paragraph, its lines joined by spaces."""
    out = []
    for n, line_runs in enumerate(paragraph.lines):
        for i, run in enumerate(line_runs):
            text = run.text if (i or not n) else " " + run.text.lstrip()
            if i == 0 and n > 0 and text.strip() == "":
                continue
            bold = ' b="1"' if run.bold else ' b="0"'
            # Italic, capitals, spacing and baseline said outright: a template's text
            # defaults (all caps, superscript) must not restyle what was measured.
            italic = (' i="1"' if run.italic else ' i="0"') + PLAIN_RUN
            out.append(
                f'<a:r><a:rPr lang="en-GB" sz="{round(run.size * 100)}"{bold}{italic}'
                f' dirty="0">{fill(run.colour)}{_typeface(font)}</a:rPr>'
                f"<a:t>{escape(text)}</a:t></a:r>")
    return "".join(out)


def paragraph_xml(paragraph: Paragraph, font: str) -> str:
    """An `<a:p>`: alignment, spacing, bullet (character or number), runs.

    Line and paragraph spacing are always written: the layout fitted the words at
    single spacing, and a template's body style (110 % lines, space after) would
    otherwise push the last lines out of their box."""
    props = [f'algn="{ALIGN[paragraph.align]}"', 'lvl="0"']
    bullet_font = f"<a:buFont typeface={quoteattr(font)}/>" if font else ""
    children = ['<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>',
                f'<a:spcBef><a:spcPts val="{int(paragraph.space_before * 100)}"/></a:spcBef>',
                '<a:spcAft><a:spcPts val="0"/></a:spcAft>']
    if paragraph.bullet:
        props.append(f'marL="{emu(paragraph.indent)}" indent="{-emu(paragraph.indent)}"')
        # the bullet in its text's colour and size, not the template's body style's
        # (a dark bullet colour meant for their white slides, on our plate or theirs)
        children.append('<a:buClrTx/><a:buSzTx/>')
        if paragraph.bullet[:-1].isdigit() and paragraph.bullet.endswith("."):
            children.append(f'{bullet_font}<a:buAutoNum type="arabicPeriod" '
                            f'startAt="{int(paragraph.bullet[:-1])}"/>')
        else:
            children.append(f"{bullet_font}<a:buChar char={quoteattr(paragraph.bullet)}/>")
    else:
        props.append(f'marL="{emu(paragraph.indent)}" indent="0"')
        children.append("<a:buNone/>")
    size = round(paragraph.size * 100)
    end = (f'<a:endParaRPr lang="en-GB" sz="{size}" dirty="0">'
           f"{_typeface(font)}</a:endParaRPr>")
    return f'<a:p><a:pPr {" ".join(props)}>{"".join(children)}</a:pPr>' \
           f"{runs_xml(paragraph, font)}{end}</a:p>"


def body_xml(box: TextBox, font: str) -> str:
    """A `<p:txBody>` that never autofits: the layout already fitted the text."""
    paragraphs = "".join(paragraph_xml(p, font) for p in box.paragraphs) or \
        '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>'
    return (f'<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="{ANCHOR[box.anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{paragraphs}</p:txBody>")


def slide_number_xml(box: TextBox, shape_id: int, font: str) -> str:
    """A text box holding the slide-number field: on a master it numbers every slide,
    and the numbers follow when slides are reordered."""
    run = box.paragraphs[0].lines[0][0]
    props = (f'<a:rPr lang="en-GB" sz="{round(run.size * 100)}"{PLAIN_RUN} dirty="0">'
             f"{fill(run.colour)}{_typeface(font)}</a:rPr>")
    body = (f'<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="t" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            f'<a:p><a:pPr algn="{ALIGN[box.paragraphs[0].align]}"/>'
            f'<a:fld id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
            f"{props}<a:t>{escape(run.text)}</a:t></a:fld></a:p></p:txBody>")
    return (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="Slide number"/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>'
            f'{xfrm(box.x, box.y, box.w, box.h)}<a:prstGeom prst="rect"><a:avLst/>'
            f"</a:prstGeom><a:noFill/></p:spPr>{body}</p:sp>")


def text_box_xml(box: TextBox, shape_id: int, font: str) -> str:
    """A text box shape."""
    name = quoteattr(box.name or "Text")
    return (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name={name}/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>'
            f'{xfrm(box.x, box.y, box.w, box.h)}<a:prstGeom prst="rect"><a:avLst/>'
            f"</a:prstGeom><a:noFill/></p:spPr>{body_xml(box, font)}</p:sp>")


def plain_shape_xml(name: str, shape_id: int, transform: str, geometry: str,
                    paint: str) -> str:
    """A shape without text: its transform, geometry, fill and outline."""
    return (f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
            f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{transform}{geometry}{paint}</p:spPr>"
            "</p:sp>")


def rect_xml(r: Rect, shape_id: int) -> str:
    """A rectangle, rounded when the spec gives a radius."""
    geometry = ('<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val '
                f'{int(min(50000, r.radius / max(min(r.w, r.h), 1) * 100000))}"/>'
                "</a:avLst></a:prstGeom>") if r.radius else \
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    return plain_shape_xml(r.name or "Rectangle", shape_id, xfrm(r.x, r.y, r.w, r.h),
                           geometry, fill(r.fill) + line(r.line, r.line_width))


def ellipse_xml(e: Ellipse, shape_id: int) -> str:
    """An ellipse."""
    return plain_shape_xml(e.name or "Oval", shape_id, xfrm(e.x, e.y, e.w, e.h),
                           '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>',
                           fill(e.fill) + line(e.line, e.line_width))


def line_xml(ln: Line, shape_id: int) -> str:
    """A straight connector, flipped to run from its first point to its second."""
    x, y = min(ln.x1, ln.x2), min(ln.y1, ln.y2)
    flips = (' flipH="1"' if ln.x2 < ln.x1 else "") + (' flipV="1"' if ln.y2 < ln.y1 else "")
    return (f'<p:cxnSp {NS}><p:nvCxnSpPr><p:cNvPr id="{shape_id}" '
            f'name={quoteattr(ln.name or "Line")}/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>'
            f"<p:spPr>{xfrm(x, y, abs(ln.x2 - ln.x1), abs(ln.y2 - ln.y1), flips)}"
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f"{line(ln.colour, ln.width, ln.dash)}</p:spPr></p:cxnSp>")


def freeform_xml(f: Freeform, shape_id: int) -> str:
    """Closed rings (a country's outline) as one custom-geometry shape."""
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
    transform = (f'<a:xfrm><a:off x="{emu(x0)}" y="{emu(y0)}"/><a:ext cx="{w}" cy="{h}"/>'
                 "</a:xfrm>")
    return plain_shape_xml(f.name or "Freeform", shape_id, transform, geometry,
                           fill(f.fill) + line(f.line, f.line_width))
