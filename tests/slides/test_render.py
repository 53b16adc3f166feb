"""Decks rendered by LibreOffice Impress: one page per slide, every word inside its box.

Word positions come from `pdftotext -bbox`; each word must lie within a text box of
its slide's spec (with a small tolerance for glyph extents), so text that overflowed
or spilled off the slide fails the test.
"""

from __future__ import annotations

import html
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from content.model import Pack
from slides.build import build_deck
from slides.pptx.writer import write_pptx
from slides.recipe import Options, Recipe
from slides.spec import Deck

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                       reason="needs LibreOffice and poppler (scripts/setup.sh test installs)"),
]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"(.*?)</word>")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
SLACK_X = 3.0


def slack_y(size: float) -> float:
    """pdftotext's word boxes span the font's full extents, ~1.3 em against our 1.17."""
    return max(5.0, 0.16 * size)


def render(decks: dict[str, Deck], folder: Path) -> dict[str, list[tuple[float, float, list]]]:
    """Write and convert every deck in one LibreOffice run; word boxes per page."""
    for name, deck in decks.items():
        write_pptx(deck, folder / f"{name}.pptx")
    profile = folder / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder)]
                   + [str(folder / f"{n}.pptx") for n in decks],
                   check=True, capture_output=True, timeout=600)
    pages = {}
    for name in decks:
        out = subprocess.run(["pdftotext", "-bbox", str(folder / f"{name}.pdf"), "-"],
                             check=True, capture_output=True, text=True).stdout
        pages[name] = [(float(w), float(h), [(float(a), float(b), float(c), float(d),
                                              html.unescape(t))
                                             for a, b, c, d, t in WORD.findall(body)])
                       for w, h, body in PAGE.findall(out)]
    return pages


def decks_to_check(pack: Pack, recipe: Recipe) -> dict[str, Deck]:
    ids = [s.id for s in pack.sections]
    decks = {"whole": build_deck(pack, recipe.with_(options=Options(event_slides=True)))}
    for sid in ids:
        decks[f"only-{sid}"] = build_deck(pack, recipe.with_(sections=(sid,)))
    rng = random.Random(2026)
    for n in range(3):
        subset = tuple(rng.sample(ids, rng.randint(2, 6)))
        decks[f"subset-{n}"] = build_deck(pack, recipe.with_(sections=subset,
                                                            marking="NATO RESTRICTED"))
    return decks


def test_rendered_decks_keep_every_word_in_its_box(tmp_path: Path, pack: Pack,
                                                   recipe: Recipe) -> None:
    decks = decks_to_check(pack, recipe)
    rendered = render(decks, tmp_path)
    problems = []
    for name, deck in decks.items():
        pages = rendered[name]
        assert len(pages) == len(deck.slides), name
        for number, ((width, height, words), spec) in enumerate(zip(pages, deck.slides,
                                                                     strict=True), 1):
            assert (round(width), round(height)) == (960, 540)
            boxes = []
            for b in spec.texts():
                dy = slack_y(max((p.size for p in b.paragraphs), default=12.0))
                boxes.append((b.x - SLACK_X, b.y - dy, b.x + b.w + SLACK_X, b.y + b.h + dy))
            for x0, y0, x1, y1, text in words:
                inside = any(bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1
                             for bx0, by0, bx1, by1 in boxes)
                if not inside:
                    problems.append(f"{name} slide {number} ({spec.title}): {text!r} at "
                                    f"({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})")
    assert problems == []
