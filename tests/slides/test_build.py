"""build_deck: the slides a briefer expects, laid out inside the slide, readable."""

from __future__ import annotations

import dataclasses

import pytest

from content.dates import PartialDate
from content.model import KeyPoint, Pack
from slides.build import build_deck
from slides.errors import RecipeError
from slides.layout import MIN_BODY_SIZE, Bullet, paginate, paragraph_height
from slides.page import DEFAULT_PAGE, HEIGHT, WIDTH
from slides.recipe import Options, Recipe


def test_deck_structure(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe)
    kinds = [s.kind for s in deck.slides]
    assert kinds[:3] == ["title", "agenda", "section"]
    assert kinds[-1] == "closing" and "sources" in kinds
    placed = [s for s in pack.sections
              if any(e.places for e in pack.events_in_section(s.id))]
    assert kinds.count("map") == len(placed)
    assert [s.title for s in deck.slides
            if s.kind == "section" and not s.title.endswith("(continued)")] == \
        [s.title for s in pack.sections]


def test_every_slide_has_marking_number_and_stays_on_the_slide(pack: Pack,
                                                                recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(marking="NATO RESTRICTED"))
    total = len(deck.slides)
    for n, slide in enumerate(deck.slides, 1):
        texts = [t.plain_text() for t in slide.texts()]
        assert texts.count("NATO RESTRICTED") == 2, slide.title
        assert str(n) in texts  # the number as PowerPoint's slide-number field shows it
        assert total == len(deck.slides)
        for shape in slide.drawn():
            x, y = getattr(shape, "x", 0), getattr(shape, "y", 0)
            w, h = getattr(shape, "w", 0), getattr(shape, "h", 0)
            assert x >= 0 and x + w <= WIDTH + 0.01 and y >= 0 and y + h <= HEIGHT + 0.01


def test_text_fits_its_boxes_at_a_readable_size(pack: Pack, recipe: Recipe) -> None:
    for slide in build_deck(pack, recipe.with_(options=Options(event_slides=True))).slides:
        for box in slide.texts():
            used = sum(paragraph_height(p) for p in box.paragraphs)
            assert used <= box.h + 0.5, (slide.title, box.name)
            if box.name == "Key points":
                assert all(p.size >= MIN_BODY_SIZE for p in box.paragraphs)


def test_content_slides_carry_notes_with_citations(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe)
    for slide in deck.slides:
        if slide.kind in ("section", "timeline", "map"):
            assert slide.notes, slide.title
    timeline = next(s for s in deck.slides if s.kind == "timeline" and s.section == "operations")
    assert "Caspian Post, 16 August 2021 *" in timeline.notes
    assert timeline.notes.count("The Jamestown Foundation, Eurasia Daily Monitor") == 2
    assert timeline.notes.count("as reported in") == 1  # the via chain said once


def test_notes_mark_each_statement_and_list_its_sources_once(pack: Pack,
                                                             recipe: Recipe) -> None:
    history = next(s for s in build_deck(pack, recipe.with_(sections=("history",))).slides
                   if s.kind == "section")
    paragraphs = history.notes.split("\n\n")
    points = [p for p in paragraphs if p.startswith("\u2022")]
    assert len(points) == len(pack.section("history").key_points)
    assert all(p.rstrip().endswith("]") for p in points)  # each with its markers
    sources = paragraphs[-1].splitlines()
    assert sources[0] == "Sources" and sources[1].startswith("[1] ")
    numbered = [line for line in sources if line.startswith("[")]
    assert len(numbered) == len({line.split("] ", 1)[1] for line in numbered})  # once each


def test_a_long_section_continues_instead_of_overflowing(pack: Pack, recipe: Recipe) -> None:
    history = pack.section("history")
    many = tuple(KeyPoint(f"Point {n}: " + "a long statement of fact " * 6,
                          history.key_points[0].citations) for n in range(14))
    sections = tuple(dataclasses.replace(s, key_points=many) if s.id == "history" else s
                     for s in pack.sections)
    big = dataclasses.replace(pack, sections=sections, _section_index={})
    deck = build_deck(big, recipe.with_(sections=("history",)))
    overview = [s for s in deck.slides if s.kind == "section"]
    assert len(overview) >= 3
    assert overview[1].title == "History and framework (continued)"
    shown = " ".join(t.plain_text() for s in overview for t in s.texts())
    assert all(f"Point {n}:" in shown for n in range(14))


def test_a_continued_list_is_shared_out_evenly() -> None:
    """Ten bullets that need two slides go five and five, not nine and a lonely one."""
    bullets = [Bullet(f"Source {n}: " + "a citation of some length " * 3) for n in range(10)]
    one = paginate(bullets[:1], 600, 1000)[0][0]
    room = paragraph_height(one) * 9 + 1  # nine fit on a page
    pages = paginate(bullets, 600, room)
    assert [len(p) for p in pages] == [5, 5]
    assert paginate(bullets[:9], 600, room) == [paginate(bullets[:9], 600, 10_000)[0]]


def test_sources_that_fit_at_14_pt_stay_on_one_slide(pack: Pack, recipe: Recipe) -> None:
    page = dataclasses.replace(DEFAULT_PAGE, body=dataclasses.replace(
        DEFAULT_PAGE.body, h=DEFAULT_PAGE.body.h * 0.8))  # a template's shorter body
    deck = build_deck(pack, recipe.with_(sections=("history", "operations")), page)
    sources = [s for s in deck.slides if s.kind == "sources"]
    assert len(sources) == 1
    sizes = {p.size for t in sources[0].texts() if t.name == "Sources" for p in t.paragraphs}
    assert sizes == {14.0}


def test_optional_slides(pack: Pack, recipe: Recipe) -> None:
    options = Options(event_slides=True, changed_since=PartialDate.parse("2024-12-31"),
                      map_slides=False, agenda=False)
    deck = build_deck(pack, recipe.with_(sections=("outreach",), options=options))
    kinds = [s.kind for s in deck.slides]
    assert "agenda" not in kinds and "map" not in kinds
    assert kinds.count("event") == len(pack.events_in_section("outreach"))
    changes = next(s for s in deck.slides if s.kind == "changes")
    assert changes.title == "What changed since 31 December 2024"
    assert "Sweden and Slovakia" in " ".join(t.plain_text() for t in changes.texts())


def test_unknown_section_is_a_clear_error(pack: Pack, recipe: Recipe) -> None:
    with pytest.raises(RecipeError, match="unknown section"):
        build_deck(pack, recipe.with_(sections=("history", "nope")))


def test_open_spans_reported_dates_and_quotes_reach_the_deck(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(sections=("history", "turkey", "dialogue"),
                                         options=Options(event_slides=True)))
    timeline_text = " ".join(t.plain_text() for s in deck.slides if s.kind == "timeline"
                             for t in s.texts())
    assert "since 1994" in timeline_text
    notes = "\n".join(s.notes for s in deck.slides)
    assert "c. May 2023 (reported 12 May 2023)" in notes  # the Su-25 event, in the notes
    event_slide = next(s for s in deck.slides if s.title == "Aliyev visits NATO Headquarters")
    shown = " ".join(t.plain_text() for t in event_slide.texts())
    assert "\u201ca valued partner\u201d \u2014 Jens Stoltenberg" in shown


def test_section_summaries_are_never_cut(pack: Pack, recipe: Recipe) -> None:
    for slide in build_deck(pack, recipe).slides:
        for box in slide.texts():
            if box.name == "Summary":
                assert not box.plain_text().endswith("\u2026"), slide.title


def test_capped_event_slides_say_what_they_left_out(pack: Pack, recipe: Recipe) -> None:
    from slides.build import MAX_EVENT_SLIDES

    event = pack.events_in_section("operations")[0]
    extra = tuple(dataclasses.replace(event, id=f"copy-{n}", title=f"Copy {n}")
                  for n in range(MAX_EVENT_SLIDES + 5))
    bigger = dataclasses.replace(pack, events=pack.events + extra, _section_index={},
                                 _event_index={})
    total = len(bigger.events_in_section("operations"))
    deck = build_deck(bigger, recipe.with_(sections=("operations",),
                                           options=Options(event_slides=True)))
    slides = [s for s in deck.slides if s.kind == "event"]
    assert len(slides) == MAX_EVENT_SLIDES
    assert f"{total - MAX_EVENT_SLIDES:,} more events not shown" in slides[0].notes
    assert "not shown" not in slides[1].notes


@pytest.mark.parametrize("band", [20.0, 14.1, 9.0])
def test_the_marking_fits_inside_its_band(pack: Pack, recipe: Recipe, band: float) -> None:
    """A template's banner may be thinner than ours: the marking's line, ascent to
    descent, stays inside it (a marking half off the page is no marking)."""
    from slides.text import line_height

    page = dataclasses.replace(DEFAULT_PAGE, banner_h=band, full_banners=False)
    deck = build_deck(pack, recipe.with_(sections=("history",)), page)
    for spec in deck.slides:
        for box in spec.chrome:
            if getattr(box, "name", "") in ("Marking top", "Marking bottom"):
                size = box.paragraphs[0].size
                assert line_height(size) * 1.3 <= box.h + 0.01
                assert box.y >= 0 and box.y + box.h <= deck.height + 0.01
