"""Opening the template a deck is written into: ours, or an organisation's .pptx/.potx.

python-pptx refuses a .potx only for its main part's content type, so a .potx is
opened with that one declaration rewritten in memory. Anything that is not a usable
template raises `TemplateError` with a clear reason, and nothing is written.

A template carries nothing dangerous into a deck: macro-enabled main parts are
declared as a plain presentation and the relationships to macros, ActiveX controls
and custom UI are cut (python-pptx writes only the parts it can reach, so the parts
themselves are left behind); every external relationship (a link to `http://` or
`file://` that LibreOffice would fetch when rendering) is cut along with the XML that
names it; the template's document properties (author, company, comments, dates) are
dropped, and the writer sets the deck's own.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObject
from pptx.util import Emu

from content.fileio.reading import FileRefused, read_regular
from resources import resource_path
from slides.errors import TemplateError

TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_MAIN = (b"application/vnd.openxmlformats-officedocument.presentationml."
                     b"presentation.main+xml")
MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 150 * 1024 * 1024
MAX_RATIO = 200  # a part compressed more than 200:1 (and over 1 MB) is a zip bomb
MIN_SIDE, MAX_SIDE = 914_400, 51_206_400  # 1 to 56 inches, PowerPoint's own limits
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAX_PIXELS = 50_000_000  # 50 megapixels: larger images in a template are refused
DTD_MARKERS = (b"<!doctype", b"<!entity")  # compared with the part lowercased
# Main-part content types python-pptx would carry into the deck as they are.
MAIN_TYPES = (TEMPLATE_MAIN,
              b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
              b"application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
              b"application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
              b"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml")
# Relationship types (their last path segment) a deck never takes from a template.
DROPPED_RELATIONSHIPS = ("vbaProject", "vbaData", "wordVbaData", "keyMapCustomizations",
                         "activeXControl", "activeXControlBinary",
                         "extensibility", "extended-properties", "custom-properties",
                         "thumbnail", "attachedTemplate", "oleObject", "package",
                         "printerSettings")
# Elements that only point at a relationship, removed with an external one they name.
POINTER_ELEMENTS = ("hlinkClick", "hlinkHover", "hlinkMouseOver", "audioFile", "videoFile",
                    "quickTimeFile", "snd", "wavAudioFile", "externalData", "oleObj",
                    "control", "link")
XML_SCAN_CHUNK = 1 << 20


def default_template() -> Path:
    """Briefing Desk's own 16:9 template."""
    return resource_path("templates", "default.pptx")


def open_template(path: Path | str | None) -> PresentationObject:
    """A python-pptx presentation from `path` (our default when None)."""
    path = Path(path) if path else default_template()
    try:
        data = read_regular(path, MAX_TEMPLATE_BYTES, "template")
    except FileRefused as exc:
        raise TemplateError(str(exc)) from None
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TemplateError(f"{path}: a legacy .ppt or an encrypted file; save it as .pptx "
                            "or .potx (unencrypted) and try again")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(f"{path}: not a PowerPoint template (.pptx or .potx)")
    data = _as_presentation(data, path)
    try:
        prs = Presentation(io.BytesIO(data))
    except Exception as exc:
        raise TemplateError(f"{path}: not a usable PowerPoint template ({_reason(exc)})"
                            ) from None
    if not list(prs.slide_masters):
        raise TemplateError(f"{path}: the template has no slide master")
    _check_slide_size(prs, path)
    _sanitise(prs)
    _relabel_images(prs)
    _level_default_text(prs)
    for master in prs.slide_masters:
        if not len(master.slide_layouts):
            _add_layout(master)
    return prs


LAYOUT_XML = (
    '<p:sldLayout xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" preserve="1">'
    '<p:cSld name="Title and Content"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/>'
    "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
    '</p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/>'
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody>'
    '</p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Content Placeholder 2"/><p:cNvSpPr>'
    '<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr>'
    '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p>'
    "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
    "</p:sldLayout>")


def _add_layout(master) -> None:
    """Give a master without layouts a title-and-content layout that inherits all of
    its look (a template of only a master is still a template)."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml import parse_xml
    from pptx.parts.slide import SlideLayoutPart

    package = master.part.package
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    part = SlideLayoutPart(partname, CT.PML_SLIDE_LAYOUT, package, parse_xml(LAYOUT_XML))
    part.relate_to(master.part, RT.SLIDE_MASTER)
    r_id = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    ids = [int(v) for v in master.part.package.presentation_part._element.xpath(
        ".//p:sldMasterId/@id")]
    ids += [int(v) for m in master.part.package.presentation_part.presentation.slide_masters
            for v in m._element.xpath(".//p:sldLayoutId/@id")]
    id_list = master._element.get_or_add_sldLayoutIdLst()
    entry = id_list._add_sldLayoutId()
    entry.set("id", str(max([*ids, 2147483648]) + 1))
    entry.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", r_id)


def _check_slide_size(prs: PresentationObject, path: Path) -> None:
    """Refuse a missing, zero, negative or absurd slide size with one line."""
    try:
        width, height = prs.slide_width, prs.slide_height
    except Exception as exc:  # python-pptx validates the attribute as it reads it
        raise TemplateError(f"{path}: the template's slide size is malformed "
                            f"({_reason(exc)})") from None
    if width is None or height is None:
        raise TemplateError(f"{path}: the template gives no slide size")
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise TemplateError(f"{path}: the template's slide size ({width} x {height} EMU) is "
                            "outside what PowerPoint allows (1 to 56 inches a side)")


def _sanitise(prs: PresentationObject) -> None:
    """Cut macros, ActiveX, custom UI, document properties and every external link."""
    package = prs.part.package
    own = package._rels  # the package's own relationships: docProps, thumbnail, macros
    for r_id, rel in list(own.items()):
        if _unwanted(rel):
            own.pop(r_id)
    for part in list(package.iter_parts()):
        element = getattr(part, "_element", None)
        for r_id, rel in list(part.rels.items()):
            if _unwanted(rel):
                if element is not None:
                    _drop_references(element, r_id)
                part.rels.pop(r_id)


SNIFFED = ((b"\xff\xd8\xff", "image/jpeg", "jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
           (b"GIF8", "image/gif", "gif"))


def _relabel_images(prs: PresentationObject) -> None:
    """An image whose bytes are not what its name and type say (a JPEG saved as
    `image1.emf`: PowerPoint may repair or refuse the deck) is named for what it is."""
    parts = list(prs.part.package.iter_parts())
    taken = {str(part.partname) for part in parts}
    for part in parts:
        if not str(part.partname).startswith("/ppt/media/"):
            continue
        for magic, content_type, ext in SNIFFED:
            if part.blob.startswith(magic) and part.content_type != content_type:
                stem, n = str(part.partname).rsplit(".", 1)[0], 0
                while (name := f"{stem}{'-' + str(n) if n else ''}.{ext}") in taken:
                    n += 1
                taken.add(name)
                part.partname = PackURI(name)
                part._content_type = content_type
                break


def _level_default_text(prs: PresentationObject) -> None:
    """Drop a superscript or subscript offset from the presentation's default text
    style (Keynote exports carry baseline="3999"): LibreOffice applies it to every
    text box, even one whose runs say baseline="0", drawing our words at two-thirds
    size above their line, and a box the briefer adds later would be raised too."""
    for node in prs.part._element.xpath("./p:defaultTextStyle//a:defRPr[@baseline]"):
        del node.attrib["baseline"]


def _unwanted(rel) -> bool:
    """A relationship no deck takes from a template: external, or of a dropped kind."""
    return rel.is_external or rel.reltype.rsplit("/", 1)[-1] in DROPPED_RELATIONSHIPS


def _drop_references(element, r_id: str) -> None:
    """Remove from `element`'s tree what names relationship `r_id`: pointer elements
    go whole, other attributes naming it go alone."""
    for node in element.xpath(f'//*[@*[namespace-uri()="{R_NS}" and .="{r_id}"]]'):
        local = node.tag.rsplit("}", 1)[-1]
        if local in POINTER_ELEMENTS and node.getparent() is not None:
            node.getparent().remove(node)
            continue
        for name in [n for n in node.attrib if n.startswith(f"{{{R_NS}}}")]:
            if node.attrib[name] == r_id:
                del node.attrib[name]


def resize_template(prs: PresentationObject, width: int, height: int) -> None:
    """Give the presentation slides of `width` x `height` EMU, moving and scaling every
    shape of its masters and layouts that has its own position (inherited ones follow
    their master). Changing the slide size alone would leave the layouts where they
    were."""
    fx, fy = width / (prs.slide_width or width), height / (prs.slide_height or height)
    prs.slide_width, prs.slide_height = Emu(width), Emu(height)
    for master in prs.slide_masters:
        for shape in list(master.shapes) + [s for layout in master.slide_layouts
                                            for s in layout.shapes]:
            if not shape._element.xpath("./p:spPr/a:xfrm | ./p:xfrm"):
                continue
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = Emu(int(shape.left * fx)), Emu(int(shape.width * fx))
            if shape.top is not None and shape.height is not None:
                shape.top, shape.height = Emu(int(shape.top * fy)), Emu(int(shape.height * fy))


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _check_xml(package: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Refuse an XML part with a DTD or entity declaration anywhere in it (not only in
    its first bytes), or in an encoding other than UTF-8 (where a byte search would
    not see one)."""
    tail = b""
    first = True
    with package.open(info) as part:
        while chunk := part.read(XML_SCAN_CHUNK):
            if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in chunk[:512]):
                raise TemplateError(f"{path}: {info.filename} is not UTF-8 XML; refused")
            first = False
            window = (tail + chunk).lower()
            if any(marker in window for marker in DTD_MARKERS):
                raise TemplateError(f"{path}: {info.filename} declares a DTD or entities "
                                    "(an external entity or entity bomb); refused")
            tail = window[-16:]


def _check_parts(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: Path) -> None:
    """Refuse XML with a DTD (external entities, entity bombs) and oversized images."""
    for info in infos:
        name = info.filename.lower()
        if name.endswith((".xml", ".rels")):
            _check_xml(package, info, path)
        elif name.endswith((".png", ".jpg", ".jpeg")):
            with package.open(info) as part:
                head = part.read(64 * 1024)
            size = image_size(head)
            if size and size[0] * size[1] > MAX_PIXELS:
                raise TemplateError(f"{path}: {info.filename} is {size[0]} x {size[1]} "
                                    f"pixels ({size[0] * size[1] / 1e6:.0f} megapixels); "
                                    f"images over {MAX_PIXELS // 1_000_000} megapixels are "
                                    "refused")


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from the first bytes of a PNG or JPEG, or None."""
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                i += 1
                continue
            marker = head[i + 1]
            length = int.from_bytes(head[i + 2:i + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF):
                return (int.from_bytes(head[i + 7:i + 9], "big"),
                        int.from_bytes(head[i + 5:i + 7], "big"))
            i += 2 + length
    return None


def _as_presentation(data: bytes, path: Path) -> bytes:
    """The package with a .potx main part declared as a presentation; checks its size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise TemplateError(f"{path}: the template unpacks to more than "
                                    f"{MAX_UNPACKED_BYTES // 2**20} MB; refused")
            for info in infos:
                if info.file_size > 1024 * 1024 and \
                        info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise TemplateError(f"{path}: {info.filename} is compressed "
                                        f"{info.file_size // max(info.compress_size, 1)}:1, "
                                        "like a zip bomb; refused")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise TemplateError(f"{path}: not a PowerPoint package "
                                    "(no [Content_Types].xml)")
            _check_parts(package, infos, path)
            types = package.read("[Content_Types].xml")
            if not any(kind in types for kind in MAIN_TYPES):
                return data
            for kind in MAIN_TYPES:
                types = types.replace(kind, PRESENTATION_MAIN)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
                for info in infos:
                    body = package.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        body = types
                    rewritten.writestr(info, body)
            return out.getvalue()
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, RuntimeError) as exc:
        raise TemplateError(f"{path}: damaged template package ({_reason(exc)})") from None
