"""The DrawingML each shape becomes, parsed back as PowerPoint would read it."""

from __future__ import annotations

from lxml import etree

from slides.pptx import drawingml as dml
from slides.spec import Ellipse, Freeform, Line, Paragraph, Rect, Run, TextBox

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


def test_a_text_box_keeps_its_words_bullets_and_font() -> None:
    box = TextBox(72, 36, 288, 100, (
        Paragraph(((Run("Tom & <Jerry>", 20, bold=True),), (Run("second line", 20),)),
                  bullet="•", indent=26),
        Paragraph(((Run("third", 18, colour="#c0392b"),),), bullet="3.", indent=26)),
        name="Key points")
    shape = parse(dml.text_box_xml(box, 7, "DejaVu Sans"))
    assert shape.find(".//p:cNvPr", NS).get("id") == "7"
    assert shape.find(".//p:cNvPr", NS).get("name") == "Key points"
    texts = [t.text for t in shape.iterfind(".//a:t", NS)]
    assert texts == ["Tom & <Jerry>", " second line", "third"]  # lines joined by a space
    assert shape.find(".//a:buChar", NS).get("char") == "•"
    assert shape.find(".//a:buAutoNum", NS).get("startAt") == "3"
    # bullets in their words' colour, whatever colour the template's body style gives
    assert len(shape.findall(".//a:pPr/a:buClrTx", NS)) == 2
    off = shape.find(".//a:xfrm/a:off", NS)
    assert (off.get("x"), off.get("y")) == (str(72 * 12700), str(36 * 12700))
    runs = shape.findall(".//a:rPr", NS)
    assert runs[0].get("sz") == "2000" and runs[0].get("b") == "1"
    assert runs[2].find("a:solidFill/a:srgbClr", NS).get("val") == "C0392B"
    assert {r.find("a:latin", NS).get("typeface") for r in runs} == {"DejaVu Sans"}
    assert shape.find(".//a:bodyPr/a:noAutofit", NS) is not None


def test_shapes_fill_outline_and_geometry() -> None:
    rounded = parse(dml.rect_xml(Rect(0, 0, 100, 40, "#ffffff", "#000000", 1.5, radius=8), 2))
    assert rounded.find(".//a:prstGeom", NS).get("prst") == "roundRect"
    assert rounded.find(".//a:gd", NS).get("fmla") == "val 20000"
    assert rounded.find(".//a:ln", NS).get("w") == str(round(1.5 * 12700))
    oval = parse(dml.ellipse_xml(Ellipse(10, 10, 16, 16, "#c0392b"), 3))
    assert oval.find(".//a:prstGeom", NS).get("prst") == "ellipse"
    assert oval.find(".//a:ln/a:noFill", NS) is not None  # no outline asked for


def test_a_line_flips_to_run_from_its_first_point() -> None:
    shape = parse(dml.line_xml(Line(100, 50, 20, 80, "#5f6b7a", 2, dash=True), 4))
    xfrm = shape.find(".//a:xfrm", NS)
    assert xfrm.get("flipH") == "1" and xfrm.get("flipV") is None
    assert xfrm.find("a:off", NS).get("x") == str(20 * 12700)
    assert shape.find(".//a:prstDash", NS).get("val") == "dash"


def test_a_freeform_is_one_closed_path_per_ring() -> None:
    rings = ((0.0, 0.0, 10.0, 0.0, 10.0, 10.0), (20.0, 20.0, 30.0, 20.0, 25.0, 30.0))
    shape = parse(dml.freeform_xml(Freeform(rings, "#f2c84b", name="Azerbaijan"), 5))
    path = shape.find(".//a:path", NS)
    assert len(path.findall("a:moveTo", NS)) == 2 and len(path.findall("a:close", NS)) == 2
    assert len(path.findall("a:lnTo", NS)) == 4
    assert path.get("w") == str(30 * 12700) and path.get("h") == str(30 * 12700)
