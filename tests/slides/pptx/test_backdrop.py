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
