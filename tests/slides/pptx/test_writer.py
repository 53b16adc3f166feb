"""The .pptx: reopens with python-pptx, validates, honours templates, writes safely."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from content.fileio import officelock
from content.model import Pack
from slides.build import build_deck
from slides.errors import ExportError, TemplateError
from slides.pptx.look import template_page
from slides.pptx.template import default_template
from slides.pptx.writer import write_pptx
from slides.recipe import Recipe

ROOT = Path(__file__).resolve().parents[3]


def audit(path: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "openxml_audit", "-f", "office2016",
                             str(path)], capture_output=True, text=True, timeout=600)
    return result.stdout + result.stderr


def all_text(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_deck_reopens_with_titles_notes_and_markings(tmp_path: Path, pack: Pack,
                                                     recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(marking="NATO UNCLASSIFIED"))
    out = tmp_path / "deck.pptx"
    write_pptx(deck, out)
    prs = Presentation(str(out))
    assert len(prs.slides) == len(deck.slides)
    assert prs.slide_width == 12192000 and prs.slide_height == 6858000
    for layout in prs.slide_layouts:  # on every layout: on every slide, over its art
        assert all_text(layout).count("NATO UNCLASSIFIED") == 2, layout.name
    assert "NATO UNCLASSIFIED" not in all_text(prs.slide_masters[0])
    for spec, slide in zip(deck.slides, prs.slides, strict=True):
        # Every title in a title placeholder, the title and closing slides' too.
        assert slide.shapes.title is not None and slide.shapes.title.text == spec.title
        if spec.notes:
            assert slide.notes_slide.notes_text_frame.text == spec.notes
    assert "Errors: 0" in audit(out)


def test_map_outlines_are_native_custom_geometry(tmp_path: Path, pack: Pack,
                                                 recipe: Recipe) -> None:
    out = tmp_path / "deck.pptx"
    deck = build_deck(pack, recipe.with_(sections=("operations",)))
    write_pptx(deck, out)
    number = next(n for n, s in enumerate(deck.slides, 1) if s.kind == "map")
    xml = zipfile.ZipFile(out).read(f"ppt/slides/slide{number}.xml").decode()
    assert xml.count("<a:custGeom>") > 10 and 'name="Azerbaijan"' in xml
    assert "<p:pic" not in xml


def potx_from(source: Path, target: Path) -> Path:
    """A .potx made the way PowerPoint saves one: the main part typed as a template."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml",
                                    b"presentationml.template.main+xml")
            zout.writestr(info, data)
    return target


def test_potx_template(tmp_path: Path, pack: Pack, recipe: Recipe) -> None:
    template = potx_from(default_template(), tmp_path / "org.potx")
    out = tmp_path / "deck.pptx"
    write_pptx(build_deck(pack, recipe.with_(sections=("peace",))), out, template)
    assert len(Presentation(str(out)).slides) > 3
    assert b"presentation.main+xml" in zipfile.ZipFile(out).read("[Content_Types].xml")


def test_layouts_are_recognised_by_structure_in_any_language(tmp_path: Path, pack: Pack,
                                                             recipe: Recipe) -> None:
    """Layout names in Portuguese: the title slide still gets the title layout, the
    rest title and content, and key points sit in its body placeholder."""
    prs = Presentation(str(default_template()))
    names = {"Title Slide": "Diapositivo de Título", "Title and Content": "Título e Conteúdo",
             "Title Only": "Só Título", "Blank": "Em Branco"}
    for layout in prs.slide_layouts:
        layout._element.cSld.set("name", names.get(layout.name, f"Outro {layout.name}"))
    template = tmp_path / "portugues.pptx"
    prs.save(str(template))
    out = tmp_path / "deck.pptx"
    deck = build_deck(pack, recipe.with_(sections=("energy",)), template_page(template))
    write_pptx(deck, out, template)
    reopened = Presentation(str(out))
    used = [s.slide_layout.name for s in reopened.slides]
    assert used[0] == used[-1] == "Diapositivo de Título"
    assert set(used[1:-1]) == {"Título e Conteúdo"}
    section = next(s for s, spec in zip(reopened.slides, deck.slides, strict=True)
                   if spec.kind == "section")
    body = [p for p in section.placeholders if p.placeholder_format.idx == 1]
    assert body and pack.section("energy").key_points[0].text[:40] in body[0].text_frame.text
    assert "Errors: 0" in audit(out)


@pytest.mark.parametrize(("removed", "cover", "content"), [
    (("Title and Content", "Title Only", "Title and Vertical Text", "Vertical Title and Text"),
     "Title Slide", "Blank"),
    (("Title Slide",), "Title Only", "Title and Content"),
])
def test_slides_go_on_the_layouts_the_page_was_measured_on(
        tmp_path: Path, pack: Pack, recipe: Recipe, removed: tuple[str, ...], cover: str,
        content: str) -> None:
    """A template short of the usual layouts: the title and content slides are put
    on the layouts whose placeholders and backgrounds the page was read from, not on
    another fallback (text placed for one layout, drawn on another, overlaps)."""
    from slides.pptx.look import template_look

    prs = Presentation(str(default_template()))
    for layout in [lay for lay in prs.slide_layouts if lay.name in removed]:
        prs.slide_layouts.remove(layout)
    template = tmp_path / "short.pptx"
    prs.save(str(template))
    look = template_look(template)
    assert (look.layouts["title"].name, look.layouts["content"].name) == (cover, content)
    out = tmp_path / "deck.pptx"
    deck = build_deck(pack, recipe.with_(sections=("energy",)), look.page)
    write_pptx(deck, out, template)
    used = [s.slide_layout.name for s in Presentation(str(out)).slides]
    assert used[0] == used[-1] == cover
    assert set(used[1:-1]) == {content}


@pytest.mark.parametrize(("content", "words"), [
    (b"just text", "not a PowerPoint template"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "legacy .ppt or an encrypted"),
    (None, "no [Content_Types].xml"),
    ("truncated", "not a PowerPoint template"),
])
def test_unusable_templates_write_nothing(tmp_path: Path, pack: Pack, recipe: Recipe,
                                          content: object, words: str) -> None:
    template = tmp_path / "bad.pptx"
    if content is None:
        with zipfile.ZipFile(template, "w") as z:
            z.writestr("hello.txt", "not a package")
    elif content == "4:3":
        Presentation().save(str(template))
    elif content == "truncated":
        template.write_bytes(default_template().read_bytes()[:5000])
    else:
        template.write_bytes(content)  # type: ignore[arg-type]
    out = tmp_path / "deck.pptx"
    with pytest.raises(TemplateError, match=re.escape(words)):
        write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out, template)
    assert not out.exists()


def test_existing_deck_keeps_its_permissions(tmp_path: Path, pack: Pack,
                                             recipe: Recipe) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"old")
    out.chmod(0o600)
    write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert zipfile.is_zipfile(out)


def test_a_deck_open_in_libreoffice_is_not_overwritten(tmp_path: Path, pack: Pack,
                                                       recipe: Recipe) -> None:
    """A lock held from another machine (a shared folder) is honoured."""
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"old")
    lock = tmp_path / ".~lock.deck.pptx#"
    lock.write_text(",Jane Analyst,other-host,01.12.2026 09:00,file:///home/jane/.config;")
    with pytest.raises(ExportError, match="open in LibreOffice \\(Jane Analyst on other-host"):
        write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out)
    assert out.read_bytes() == b"old" and lock.exists()


@pytest.mark.parametrize("content", [
    f",Jane,{socket.gethostname()},01.12.2026 09:00,file:///home/jane/.config;",
    "not a LibreOffice lock"], ids=["this-host-no-office", "garbage"])
def test_a_stale_lock_is_recovered(tmp_path: Path, pack: Pack, recipe: Recipe,
                                   monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    """A lock left by a LibreOffice that is gone never blocks export for good."""
    monkeypatch.setattr(officelock, "office_running", lambda: False)
    out = tmp_path / "deck.pptx"
    lock = tmp_path / ".~lock.deck.pptx#"
    lock.write_text(content)
    write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out)
    assert zipfile.is_zipfile(out) and not lock.exists()


def test_a_lock_of_a_running_office_on_this_host_is_honoured(
        tmp_path: Path, pack: Pack, recipe: Recipe, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(officelock, "office_running", lambda: True)
    out = tmp_path / "deck.pptx"
    (tmp_path / ".~lock.deck.pptx#").write_text(f",Jane,{socket.gethostname()},x,y;")
    with pytest.raises(ExportError, match="open in LibreOffice"):
        write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out)
    assert not out.exists()


def test_read_only_folder_gives_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "deck.pptx").write_bytes(b"old deck")
    folder.chmod(0o555)
    immutable = False
    if os.geteuid() == 0:  # root ignores permission bits: make the folder immutable
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("running as root on a file system without chattr +i")
        immutable = True
    try:
        result = subprocess.run([sys.executable, "-m", "desktop", "export", "--out",
                                 str(folder / "deck.pptx"), "--sections", "energy"],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "permission denied" in result.stderr or "not permitted" in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "deck.pptx").read_bytes() == b"old deck"


def test_a_smaller_16_9_template_is_resized_not_overrun(tmp_path: Path, pack: Pack,
                                                       recipe: Recipe) -> None:
    """PowerPoint's 'On-screen Show (16:9)' is 10 x 5.625 in: same aspect, other size."""
    from slides.pptx.template import resize_template

    prs = Presentation()  # python-pptx's own 10 in wide template ...
    resize_template(prs, 9144000, 5143500)  # ... with its layouts fitted to 10 x 5.625 in
    for layout in prs.slide_layouts:
        for placeholder in layout.placeholders:
            assert placeholder.left + placeholder.width <= 9144000 + 12700
    template = tmp_path / "small.pptx"
    prs.save(str(template))
    out = tmp_path / "deck.pptx"
    write_pptx(build_deck(pack, recipe.with_(sections=("energy",))), out, template)
    deck = Presentation(str(out))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left + shape.width <= deck.slide_width + 12700
            assert shape.top + shape.height <= deck.slide_height + 12700
    for layout in deck.slide_layouts:
        for placeholder in layout.placeholders:
            assert placeholder.left + placeholder.width <= deck.slide_width + 12700
    assert "Errors: 0" in audit(out)


def test_the_notes_master_is_registered_and_a_miscased_id_is_dropped(
        tmp_path: Path, pack: Pack, recipe: Recipe) -> None:
    """A template whose presentation.xml carries `<p:NotesMasterId>` (capital N, as
    some tools write it) gives a deck that lists its notes master in
    `p:notesMasterIdLst` and carries nothing PowerPoint would repair."""
    from slides.pptx.look import template_page
    from slides.pptx.writer import write_pptx

    source = tmp_path / "template.pptx"
    Presentation().save(str(source))
    bent = tmp_path / "bent.pptx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bent, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "ppt/presentation.xml":
                data = data.replace(b"</p:sldMasterIdLst>",
                                    b'</p:sldMasterIdLst><p:NotesMasterId r:id="rId99"/>', 1)
            zout.writestr(item, data)
    out = tmp_path / "deck.pptx"
    deck = build_deck(pack, recipe.with_(sections=("history",)))
    write_pptx(deck, out, bent)
    xml = zipfile.ZipFile(out).read("ppt/presentation.xml").decode()
    assert "NotesMasterId" not in xml
    assert re.search(r'<p:notesMasterIdLst><p:notesMasterId r:id="rId\d+"/>', xml)
    assert "Errors: 0" in audit(out)
    assert template_page(bent) is not None
