"""Choosing a template's layouts: by structure, with names where structure is silent."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from slides.pptx.layouts import choose_layouts, drop_sample_text, layout_kind
from slides.pptx.look import template_look
from tests.slides.pptx.made_templates import google_style


def test_google_and_keynote_names_say_what_structure_cannot(tmp_path: Path) -> None:
    """Google's "TITLE" holds a title and a body like a content layout, Keynote's
    "Title & Subtitle" too: both are covers; "Title & Bullets" is content; a
    title-only layout named for sections is a section header, never content."""
    prs = Presentation()
    layouts = list(prs.slide_layouts)
    content = layouts[2]  # a title and one text body, as Google and Keynote write them
    for name, kind in (("TITLE", "title"), ("Title & Subtitle", "title"),
                       ("Title & Bullets", "content"), ("TITLE_AND_BODY", "content")):
        content.name = name
        assert layout_kind(content) == kind, name
    title_only = layouts[5]
    title_only.name = "SECTION_HEADER"
    assert layout_kind(title_only) == "section"
    title_only.name = "Title Only"
    layouts[1].name = "Photo"  # the default's content layout, now unhinted
    content.name = "Title & Bullets"
    chosen = choose_layouts(prs)
    assert chosen["content"].name == "Title & Bullets"


def test_a_cover_of_art_alone_has_its_sample_text_replaced(tmp_path: Path) -> None:
    """A title slide layout with no title placeholder, only a designer's sample text
    boxes ("Title", "Subtitle goes here"): it is still the cover; the sample text is
    removed and our title goes where it was, largest words first."""
    from lxml import etree

    prs = Presentation()
    cover = prs.slide_layouts[0]
    for placeholder in list(cover.placeholders):
        placeholder._element.getparent().remove(placeholder._element)
    for text, size, top in (("Subtitle goes here", 2000, 3000000), ("Title", 4400, 1500000)):
        box = cover.shapes._spTree
        box.append(etree.fromstring(
            '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:nvSpPr>'
            '<p:cNvPr id="50" name="Sample"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="457200" y="{top}"/><a:ext cx="6000000" '
            'cy="900000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="{size}"/>'
            f"<a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"))
    path = tmp_path / "art-cover.pptx"
    prs.save(str(path))
    look = template_look(path)
    assert look.layouts["title"].name == "Title Slide"
    page = look.page
    assert page.cover_title is not None and abs(page.cover_title.y - 1500000 / 12700) < 1
    assert page.cover_subtitle is not None and abs(page.cover_subtitle.y - 3000000 / 12700) < 1
    reopened = Presentation(str(path))
    assert len(drop_sample_text(reopened.slide_layouts[0])) == 2
    assert not [s for s in reopened.slide_layouts[0].shapes if s.has_text_frame]


def test_google_named_layouts_give_their_own_cover(tmp_path: Path) -> None:
    look = template_look(google_style(tmp_path))
    assert look.layouts["title"].name == "TITLE"
    assert look.layouts["content"].name == "TITLE_AND_BODY"
    assert not any("no title slide" in w for w in look.warnings)
