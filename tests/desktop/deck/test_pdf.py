"""PDF handouts: one page per slide at slide size, or A4 notes pages; text is real text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from content.loader import load_pack
from desktop.deck.pdf import write_pdf
from slides.build import build_deck
from slides.recipe import default_recipe

pytestmark = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler")


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_slides_pdf_has_one_page_per_slide(tmp_path: Path, qapp) -> None:
    pack = load_pack()
    deck = build_deck(pack, default_recipe(pack, ["operations", "peace"]))
    out = tmp_path / "deck.pdf"
    write_pdf(deck, out)
    meta = info(out)
    assert int(meta["Pages"]) == len(deck.slides)
    assert meta["Page size"].strip().startswith("960 x 540 pts")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Kabul airlift" in text and "UNCLASSIFIED" in text


def test_notes_pages(tmp_path: Path, qapp) -> None:
    pack = load_pack()
    deck = build_deck(pack, default_recipe(pack, ["energy"]))
    out = tmp_path / "notes.pdf"
    write_pdf(deck, out, notes=True)
    assert int(info(out)["Pages"]) == len(deck.slides)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "as reported in The Jamestown Foundation" in " ".join(text.split())
