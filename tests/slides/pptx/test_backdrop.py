"""The template's backdrop, composed: backgrounds and art behind our text."""

from __future__ import annotations

from pathlib import Path

import pptx
from pptx import Presentation
from pptx.oxml import parse_xml

from slides.page import Box
from slides.pptx.backdrop import Composer, samples
from slides.pptx.drawingml import NS
from slides.pptx.theme import theme_colours

FOUR_BY_THREE = Path(pptx.__file__).parent / "templates" / "default.pptx"


def test_a_plain_template_is_white_and_art_on_its_master_shows(tmp_path: Path) -> None:
    prs = Presentation(str(FOUR_BY_THREE))
    layout = prs.slide_layouts[1]
    composer = Composer(prs.slide_width, prs.slide_height)
    plain = composer.compose(layout, theme_colours(layout.slide_master))
    assert samples(plain, Box(0, 0, 720, 540), 720 / plain.width) == ["#ffffff"]
    art = parse_xml(  # a red block in the master's top-left corner
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="99" name="Art"/><p:cNvSpPr/><p:nvPr/>'
        '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" '
        'cy="1714500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="C8102E"/></a:solidFill></p:spPr></p:sp>')
    prs.slide_masters[0].shapes._spTree.append(art)
    with_logo = composer.compose(layout, theme_colours(layout.slide_master))
    corner = samples(with_logo, Box(10, 10, 100, 100), 720 / with_logo.width)
    assert corner == ["#c8102e"]


def _ring(size: int = 1000) -> str:
    """A custGeom path of two squares, one inside the other: a frame, hollow inside."""
    def square(a: int, b: int) -> str:
        return (f'<a:moveTo><a:pt x="{a}" y="{a}"/></a:moveTo><a:lnTo><a:pt x="{b}" '
                f'y="{a}"/></a:lnTo><a:lnTo><a:pt x="{b}" y="{b}"/></a:lnTo><a:lnTo>'
                f'<a:pt x="{a}" y="{b}"/></a:lnTo><a:close/>')
    return (f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" '
            f'r="r" b="b"/><a:pathLst><a:path w="{size}" h="{size}">{square(0, size)}'
            f"{square(size // 4, size * 3 // 4)}</a:path></a:pathLst></a:custGeom>")


def test_a_free_form_of_two_rings_is_hollow_inside() -> None:
    """A logo ring drawn as two circles in one path must not read as a filled disc:
    the text colour chosen for a slide number inside it depends on it."""
    prs = Presentation(str(FOUR_BY_THREE))
    layout = prs.slide_layouts[1]
    frame = parse_xml(
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="98" name="Ring"/><p:cNvSpPr/><p:nvPr/>'
        '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" '
        f'cy="2540000"/></a:xfrm>{_ring()}<a:solidFill><a:srgbClr val="6A0DAD"/>'
        "</a:solidFill></p:spPr></p:sp>")  # 200 pt square; its hollow is 50 to 150 pt
    prs.slide_masters[0].shapes._spTree.append(frame)
    composer = Composer(prs.slide_width, prs.slide_height)
    image = composer.compose(layout, theme_colours(layout.slide_master))
    per_px = 720 / image.width
    assert samples(image, Box(80, 80, 40, 40), per_px) == ["#ffffff"]
    assert samples(image, Box(5, 5, 30, 30), per_px) == ["#6a0dad"]


def test_a_rule_drawn_as_a_connector_shows() -> None:
    """A template's rule under the title is a connector: the show paints it too."""
    prs = Presentation(str(FOUR_BY_THREE))
    layout = prs.slide_layouts[1]
    rule = parse_xml(
        f'<p:cxnSp {NS}><p:nvCxnSpPr><p:cNvPr id="97" name="Rule"/><p:cNvCxnSpPr/>'
        '<p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm><a:off x="635000" y="1270000"/>'
        '<a:ext cx="6350000" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/>'
        '</a:prstGeom><a:ln w="76200"><a:solidFill><a:srgbClr val="00838F"/>'
        "</a:solidFill></a:ln></p:spPr></p:cxnSp>")  # 6 pt thick at 100 pt down
    layout.shapes._spTree.append(rule)
    composer = Composer(prs.slide_width, prs.slide_height)
    image = composer.compose(layout, theme_colours(layout.slide_master))
    per_px = 720 / image.width
    x, y = round(300 / per_px), round(100 / per_px)
    assert image.getpixel((x, y))[:3] == (0x00, 0x83, 0x8F)
    assert image.getpixel((x, round(120 / per_px)))[:3] == (255, 255, 255)
