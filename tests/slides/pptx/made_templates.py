"""Templates made for tests, each reproducing one kind of real template that broke.

Built from python-pptx's own 4:3 default by editing its XML, so they may live in the
suite (the real templates they stand for may not): a Google Slides export's 0.3 in
body, a slide-number box where the footer goes, a white title on a dark band, a logo
where our marking goes on the title slide, Google-style layout names with sample
text, and a notes master written `NotesMasterId` (capital N).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu

Edit = Callable[[bytes], bytes]
MASTER = "ppt/slideMasters/slideMaster1.xml"
TITLE_LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
CONTENT_LAYOUT = "ppt/slideLayouts/slideLayout2.xml"


def edited(folder: Path, name: str, edits: dict[str, Edit], base: Path | None = None) -> Path:
    """`base` (python-pptx's default) with each named part passed through its edit."""
    if base is None:
        base = folder / f"base-{name}"
        Presentation().save(str(base))
    out = folder / name
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in edits:
                changed = edits[item.filename](data)
                assert changed != data, f"{name}: the edit of {item.filename} changed nothing"
                data = changed
            zout.writestr(item, data)
    return out


def replaced(old: bytes, new: bytes) -> Edit:
    return lambda data: data.replace(old, new)


def tiny_body(folder: Path) -> Path:
    """"Title and Content" with its body placeholder 0.3 in tall (a Google export)."""
    return edited(folder, "tiny-body.pptx", {CONTENT_LAYOUT: replaced(
        b'<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>',
        b'<p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" '
        b'y="1600200"/><a:ext cx="8229600" cy="274320"/></a:xfrm></p:spPr>')})


def number_box(folder: Path, x: int, cx: int) -> Path:
    """The master's slide-number box at `x`, `cx` wide (EMU)."""
    return edited(folder, f"number-{x}-{cx}.pptx", {MASTER: replaced(
        b'<a:off x="6553200" y="6356350"/><a:ext cx="2133600" cy="365125"/>',
        f'<a:off x="{x}" y="6356350"/><a:ext cx="{cx}" cy="365125"/>'.encode())})


BAND = (b'<p:sp><p:nvSpPr><p:cNvPr id="90" name="Title band"/><p:cNvSpPr/><p:nvPr/>'
        b'</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" cy="1417320"/>'
        b'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
        b'<a:srgbClr val="1F2A44"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def dark_band(folder: Path) -> Path:
    """Titles white (`bg1` through the colour map) on a dark band across the top,
    full width, with half-inch insets: the template's title style, which a deck keeps."""
    def master(data: bytes) -> bytes:
        data = data.replace(b"</p:grpSpPr>", b"</p:grpSpPr>" + BAND, 1)
        data = data.replace(  # the title placeholder: the band's width, inset half an inch
            b'<a:off x="457200" y="274638"/><a:ext cx="8229600" cy="1143000"/>',
            b'<a:off x="0" y="137160"/><a:ext cx="9144000" cy="1143000"/>')
        data = data.replace(b'lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" '
                            b'anchor="ctr">', b'lIns="457200" tIns="45720" rIns="457200" '
                            b'bIns="45720" rtlCol="0" anchor="ctr">', 1)
        head, style = data.split(b"<p:titleStyle>", 1)
        style = style.replace(b'<a:schemeClr val="tx1"/>', b'<a:schemeClr val="bg1"/>', 1)
        return head + b"<p:titleStyle>" + style.replace(b'algn="ctr"', b'algn="l"', 1)
    return edited(folder, "dark-band.pptx", {MASTER: master})


def filled_title(folder: Path) -> Path:
    """The master's title placeholder filled dark grey (the band is the placeholder's
    own fill, inherited by every slide's title), its text style left black."""
    return edited(folder, "filled-title.pptx", {MASTER: replaced(
        b'<a:ext cx="8229600" cy="1143000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        b"</a:prstGeom></p:spPr>",
        b'<a:ext cx="8229600" cy="1143000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        b'</a:prstGeom><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="65000"/>'
        b'<a:lumOff val="35000"/></a:schemeClr></a:solidFill></p:spPr>')})


def logo_on_title(folder: Path, logo_png: bytes) -> Path:
    """A logo picture on the title slide layout, top centre and bottom centre: where
    our marking plates would go; its subtitle box half an inch tall (one line)."""
    prs = Presentation()
    layout = prs.slide_layouts[0]
    layout.placeholders[1].height = Emu(457200)
    scratch = prs.slides.add_slide(prs.slide_layouts[6])
    for top in (Emu(91440), Emu(6858000 - 91440 - 548640)):
        picture = scratch.shapes.add_picture(io.BytesIO(logo_png), Emu(3657600), top,
                                             Emu(1828800), Emu(548640))
        image_part = picture.part.related_part(picture._element.blip_rId)
        picture._element.blipFill.blip.rEmbed = layout.part.relate_to(image_part, RT.IMAGE)
        layout.shapes._spTree.append(picture._element)
    sld_id = prs.slides._sldIdLst[0]
    prs.part.drop_rel(sld_id.rId)
    prs.slides._sldIdLst.remove(sld_id)
    out = folder / "logo-on-title.pptx"
    prs.save(str(out))
    return out


def mislabelled_image(folder: Path, logo_png: bytes) -> Path:
    """The logo-on-title template with its picture stored as `image1.emf`, declared
    `image/x-emf` though its bytes are a PNG (a real template did this with a JPEG)."""
    source = logo_on_title(folder, logo_png)
    out = folder / "mislabelled-image.pptx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        media = next(n for n in zin.namelist() if n.startswith("ppt/media/"))
        renamed = media.rsplit(".", 1)[0] + ".emf"
        for item in zin.infolist():
            data = zin.read(item.filename)
            name = renamed if item.filename == media else item.filename
            if item.filename.endswith(".rels") or item.filename == "[Content_Types].xml":
                data = data.replace(media.split("/")[-1].encode(),
                                    renamed.split("/")[-1].encode())
            if item.filename == "[Content_Types].xml":
                data = data.replace(b'<Default Extension="xml"',
                                    b'<Default Extension="emf" ContentType="image/x-emf"/>'
                                    b'<Default Extension="xml"', 1)
            zout.writestr(name, data)
    return out


def google_style(folder: Path) -> Path:
    """Layouts named as Google Slides names them ("TITLE", "TITLE_AND_BODY",
    "SECTION_HEADER") with the sample text a designer left in their placeholders."""
    def rename(old: bytes, new: bytes, sample: bytes = b"") -> Edit:
        def edit(data: bytes) -> bytes:
            data = data.replace(b'<p:cSld name="' + old + b'">', b'<p:cSld name="' + new + b'">')
            if sample:
                data = data.replace(b"Click to edit Master title style", sample, 1)
            return data
        return edit
    return edited(folder, "google-style.pptx", {
        TITLE_LAYOUT: rename(b"Title Slide", b"TITLE", b"Presentation title"),
        CONTENT_LAYOUT: rename(b"Title and Content", b"TITLE_AND_BODY"),
        "ppt/slideLayouts/slideLayout3.xml": rename(b"Section Header", b"SECTION_HEADER",
                                                    b"Section title"),
        "ppt/slideLayouts/slideLayout6.xml": rename(b"Title Only", b"TITLE_ONLY"),
    })


def made(folder: Path, logo_png: bytes) -> dict[str, Path]:
    """Every made template by name, for the rendered check."""
    return {"made-tiny-body": tiny_body(folder),
            "made-number-on-footer": number_box(folder, 1600000, 2133600),
            "made-dark-band": dark_band(folder),
            "made-filled-title": filled_title(folder),
            "made-logo-on-title": logo_on_title(folder, logo_png),
            "made-google-style": google_style(folder)}
