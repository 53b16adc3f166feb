"""A template's fixed captions: shown by the presenter and the PDF as PowerPoint
shows them, never mistaken for a background our words must read against."""

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


def caption(text: str, align: str = "l") -> object:
    return parse_xml(
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="96" name="Caption"/><p:cNvSpPr txBox="1"/>'
        '<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="127000" y="6350000"/>'
        '<a:ext cx="3810000" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{align}"/>'
        '<a:r><a:rPr lang="en-GB" sz="2400" b="1"><a:solidFill><a:srgbClr val="C8102E"/>'
        f"</a:solidFill></a:rPr><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>")


def red_pixels(image, box: Box, per_px: float) -> int:
    x0, y0 = round(box.x / per_px), round(box.y / per_px)
    crop = image.crop((x0, y0, round(box.right / per_px), round(box.bottom / per_px)))
    return sum(1 for p in crop.get_flattened_data() if p[0] > 150 and p[1] < 90 and p[2] < 90)


def test_a_caption_on_the_master_is_painted_but_not_sampled() -> None:
    prs = Presentation(str(FOUR_BY_THREE))
    prs.slide_masters[0].shapes._spTree.append(caption("Ministry of Briefings"))
    layout = prs.slide_layouts[1]
    colours = theme_colours(layout.slide_master)
    composer = Composer(prs.slide_width, prs.slide_height)
    plain = composer.compose(layout, colours)
    shown = composer.with_captions(plain, layout, colours)
    per_px = 720 / plain.width
    where = Box(10, 500, 300, 30)  # the caption: 10 pt in, 500 pt down, 300 x 30 pt
    assert samples(plain, where, per_px) == ["#ffffff"]  # colours are chosen without it
    assert red_pixels(shown, where, per_px) > 100  # the show and the PDF paint it
    assert red_pixels(shown, Box(320, 500, 300, 30), per_px) == 0  # where it is, only


def test_a_right_aligned_caption_ends_at_its_box_edge() -> None:
    prs = Presentation(str(FOUR_BY_THREE))
    prs.slide_masters[0].shapes._spTree.append(caption("Honolulu", align="r"))
    layout = prs.slide_layouts[1]
    colours = theme_colours(layout.slide_master)
    composer = Composer(prs.slide_width, prs.slide_height)
    shown = composer.with_captions(composer.compose(layout, colours), layout, colours)
    per_px = 720 / shown.width
    assert red_pixels(shown, Box(10, 500, 150, 30), per_px) == 0
    assert red_pixels(shown, Box(160, 500, 150, 30), per_px) > 50
