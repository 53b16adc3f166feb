"""A 10,000-event pack still gives a briefing: capped slides, each cap saying what it
left out, notes that hold what their slide shows, and a deck PowerPoint opens."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.synthetic import write_pack
from content.dates import PartialDate
from content.loader import load_pack
from content.model import Pack
from slides.build import build_deck
from slides.recipe import Options, default_recipe


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Pack:
    return load_pack(write_pack(tmp_path_factory.mktemp("big") / "pack", 10_000))


def test_ten_thousand_events_make_a_deck_of_at_most_150_slides(big: Pack) -> None:
    recipe = default_recipe(big).with_(options=Options(
        event_slides=True, changed_since=PartialDate.parse("2020-01-01")))
    deck = build_deck(big, recipe)
    kinds = Counter(s.kind for s in deck.slides)
    assert len(deck.slides) <= 150, kinds
    assert kinds["sources"] <= 10, kinds
    events = [s for s in deck.slides if s.kind == "event"]
    assert len({s.title for s in events}) == len(events)  # each event once
    assert any("more events not shown" in s.notes for s in events)
    listed = "".join(r.text for s in deck.slides if s.kind == "sources" for t in s.texts()
                     for p in t.paragraphs for line in p.lines for r in line)
    cited = {int(n) for s in deck.slides if s.kind != "sources" for t in s.texts()
             for m in re.findall(r"\[([\d, ·]+)\]", t.plain_text())
             for n in re.findall(r"(\d+)(?:·\d)?", m)}
    assert "more sources not shown" in listed or all(f"[{n}]" in listed for n in cited)
    for slide in deck.slides:
        assert len(slide.notes) < 20_000, (slide.kind, slide.title, len(slide.notes))
        texts = ["".join(r.text for r in line) for t in slide.texts() for p in t.paragraphs
                 for line in p.lines]
        assert not [t for t in texts if "\u2026" in t], slide.title
    for slide in (s for s in deck.slides if s.kind == "map"):
        legend = " ".join(t.plain_text() for t in slide.texts() if t.name == "Legend more")
        assert re.search(r"and [\d,]+ more", legend), slide.title


def test_the_large_deck_writes_a_clean_file(big: Pack, tmp_path: Path) -> None:
    from slides.pptx.writer import write_pptx
    from tests.slides.pptx.test_writer import audit

    recipe = default_recipe(big).with_(options=Options(event_slides=True))
    out = tmp_path / "big.pptx"
    write_pptx(build_deck(big, recipe), out)
    assert "Errors: 0" in audit(out)
