"""Reading a template: layouts by structure, its geometry, colours that read."""

from __future__ import annotations

from pathlib import Path

import pptx
from pptx import Presentation

from slides.page import Box, contrast
from slides.pptx.layouts import layout_kind
from slides.pptx.look import preflight, read_look, template_look
from slides.pptx.template import open_template
from tests.slides.pptx.made_templates import dark_band, filled_title, number_box, tiny_body

FOUR_BY_THREE = Path(pptx.__file__).parent / "templates" / "default.pptx"


def test_layouts_are_known_by_their_placeholders() -> None:
    prs = Presentation(str(FOUR_BY_THREE))
    kinds = {layout.name: layout_kind(layout) for layout in prs.slide_layouts}
    assert kinds["Title Slide"] == "title"
    assert kinds["Title and Content"] == "content"
    assert kinds["Title Only"] == "title_only"
    assert kinds["Blank"] == "blank"
    assert kinds["Section Header"] == "section"


def test_a_four_by_three_template_gives_a_four_by_three_page() -> None:
    look = template_look(FOUR_BY_THREE)
    page = look.page
    assert (page.width, page.height) == (720.0, 540.0)
    assert page.body.right <= 720 and page.title.bottom <= page.body.y
    assert page.cover_title is not None and page.cover_align == "center"
    lines = preflight(look, "default.pptx")
    assert lines[0].startswith("default.pptx: 10.00 x 7.50 in")
    assert any("layout 'Title Slide'" in line for line in lines)


def test_a_dark_master_gets_light_text(tmp_path: Path) -> None:
    prs = Presentation(str(FOUR_BY_THREE))
    master = prs.slide_masters[0]._element
    ns = "http://schemas.openxmlformats.org/presentationml/2006/main"
    from lxml import etree

    bg = etree.fromstring(
        f'<p:bg xmlns:p="{ns}" xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        '2006/main"><p:bgPr><a:solidFill><a:srgbClr val="10241F"/></a:solidFill>'
        "<a:effectLst/></p:bgPr></p:bg>")
    master.find(f"{{{ns}}}cSld").insert(0, bg)
    dark = tmp_path / "dark.pptx"
    prs.save(str(dark))
    page = read_look(open_template(dark)).page
    for palette in page.palettes.values():
        for colour in (palette.text, palette.muted, palette.accent, palette.title):
            assert contrast(colour, "#10241f") >= 4.5


def _with_background(element, colour: str) -> None:
    from lxml import etree

    ns = "http://schemas.openxmlformats.org/presentationml/2006/main"
    bg = etree.fromstring(
        f'<p:bg xmlns:p="{ns}" xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        f'2006/main"><p:bgPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        "<a:effectLst/></p:bgPr></p:bg>")
    element.find(f"{{{ns}}}cSld").insert(0, bg)


def test_a_footer_that_cannot_read_on_every_layout_gets_a_plate(tmp_path: Path,
                                                                 pack) -> None:
    """The footer and number live on the master, one colour for all layouts: on a
    template whose title slide is near-black and content slides white, no grey reads
    on both, so they sit on a plate (the presenter paints the same)."""
    from slides.build import build_deck
    from slides.recipe import default_recipe

    prs = Presentation(str(FOUR_BY_THREE))
    title_layout = next(lay for lay in prs.slide_layouts if layout_kind(lay) == "title")
    _with_background(title_layout._element, "0B0B0B")
    two_tone = tmp_path / "two-tone.pptx"
    prs.save(str(two_tone))
    look = read_look(open_template(two_tone))
    assert look.page.chrome_plate is not None
    assert any("footer" in w for w in look.warnings)
    deck = build_deck(pack, default_recipe(pack).with_(sections=("history",)), look.page)
    for spec in deck.slides:
        names = {getattr(s, "name", "") for s in spec.chrome}
        assert {"Footer plate", "Slide number plate"} <= names
        footer = next(s for s in spec.chrome if getattr(s, "name", "") == "Footer")
        plate = next(s for s in spec.chrome if getattr(s, "name", "") == "Footer plate")
        colour = footer.paragraphs[0].lines[0][0].colour
        assert contrast(colour, plate.fill) >= 4.5
    plain = read_look(open_template(FOUR_BY_THREE))
    assert plain.page.chrome_plate is None


def test_a_body_area_too_small_for_a_slide_is_replaced_and_said(tmp_path: Path) -> None:
    """A 0.3 in body would lay out nothing (a whole-pack export ended in a traceback):
    the page takes the master's body area, and preflight says so."""
    from slides.pptx.look import template_page

    path = tiny_body(tmp_path)
    page = template_page(path)
    assert page.body.h > 0.3 * page.height
    said = "\n".join(preflight(template_look(path), str(path)))
    assert "0.30 in, too small" in said


def test_a_whole_pack_deck_exports_on_a_tiny_body_template(tmp_path: Path) -> None:
    from content.loader import load_pack
    from slides.build import build_deck
    from slides.pptx.look import template_page
    from slides.pptx.writer import write_pptx
    from slides.recipe import default_recipe
    from tests.slides.pptx.test_writer import audit

    path = tiny_body(tmp_path)
    pack = load_pack()
    deck = build_deck(pack, default_recipe(pack), template_page(path))
    out = tmp_path / "deck.pptx"
    write_pptx(deck, out, path)
    texts = [b.plain_text() for s in deck.slides for b in s.texts()]
    assert not any("\u2026" in t for t in texts)
    assert "Errors: 0" in audit(out)


def test_number_footer_and_marking_never_overlap(tmp_path: Path) -> None:
    """A slide-number box where the footer text goes (as some templates put it) and
    one 0.14 in wide: every slide's number, footer and marking stay clear of each
    other, and two-digit numbers do not wrap."""
    from content.loader import load_pack
    from slides.build import build_deck
    from slides.pptx.look import template_page
    from slides.recipe import default_recipe
    from slides.text import text_width

    pack = load_pack()
    for x, cx in ((457200, 128016), (1600000, 2133600), (6553200, 128016)):
        page = template_page(number_box(tmp_path, x, cx))
        deck = build_deck(pack, default_recipe(pack), page)
        for slide in deck.slides:
            chrome = {b.name: b for b in slide.texts()
                      if b.name in ("Footer", "Slide number", "Marking top", "Marking bottom")}
            boxes = list(chrome.values())
            for a in boxes:
                for b in boxes:
                    if a is not b:
                        assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h
                                    and b.y < a.y + a.h), (x, cx, a.name, b.name)
            number = chrome["Slide number"]
            assert len(number.paragraphs[0].lines) == 1
            assert text_width(number.plain_text(), 11) <= number.w


def test_titles_keep_the_templates_title_style(tmp_path: Path) -> None:
    """A template's white title (`bg1` through the colour map) on its dark band, its
    half-inch insets: titles come out white, inset as theirs, not black at 3 : 1
    against the slide's edge; preflight names the colour it will use."""
    path = dark_band(tmp_path)
    look = template_look(path)
    page = look.page
    assert page.palette("content").title == "#ffffff"
    assert page.title.x >= 36 and page.title.right <= page.width - 36
    assert page.title_align == "left"
    said = "\n".join(preflight(look, "dark-band.pptx"))
    assert "titles #ffffff" in said
    # the band as the title placeholder's own fill, which every slide's title inherits
    filled = template_look(filled_title(tmp_path)).page.palette("content")
    assert contrast(filled.title, "#595959") >= 4.5 and filled.title_plate is None


def logo_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 60), "#c8102e").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_title_slide_keeps_every_line_and_covers_no_logo(tmp_path: Path) -> None:
    """A logo on the title slide where our marking would go (top and bottom centre):
    the marking moves clear of it on every slide, and the title slide still carries
    the subtitle, who and when, and "content as of"."""
    from content.loader import load_pack
    from slides.build import build_deck
    from slides.recipe import default_recipe
    from tests.slides.pptx.made_templates import logo_on_title

    page = template_look(logo_on_title(tmp_path, logo_png())).page
    assert len(page.art) == 2
    pack = load_pack()
    recipe = default_recipe(pack).with_(sections=("history",), presenter="J. Analyst",
                                        audience="Working group")
    deck = build_deck(pack, recipe, page)
    for slide in deck.slides:
        for box in slide.texts():
            if box.name.startswith("Marking"):
                assert not any(Box(box.x, box.y, box.w, box.h).intersects(a) for a in page.art)
    cover = " ".join(b.plain_text() for b in deck.slides[0].texts())
    assert "J. Analyst" in cover and "Working group" in cover
    assert "as of" in cover.casefold()


def test_a_body_on_the_right_half_still_leaves_the_footer_its_room(tmp_path: Path) -> None:
    """A Google template whose title sits beside the body (body on the right half)
    gave the footer a negative width, and every slide's footer read "a …"."""
    prs = Presentation()
    content = prs.slide_layouts[1]
    title, body = content.placeholders[0], content.placeholders[1]
    title.left, title.top, title.width, title.height = 457200, 600000, 3500000, 2300000
    body.left, body.top, body.width, body.height = 4600000, 600000, 4100000, 4000000
    path = tmp_path / "side-by-side.pptx"
    prs.save(str(path))
    page = template_look(path).page
    assert page.footer.w >= 160 and page.footer.x < page.width / 2
    assert not page.footer.intersects(page.number)
