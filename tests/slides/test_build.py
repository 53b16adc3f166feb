"""build_deck: the slides a briefer expects, laid out inside the slide, readable."""

from __future__ import annotations

import dataclasses
import re

import pytest

from content.dates import PartialDate
from content.model import KeyPoint, Pack
from slides.build import build_deck
from slides.errors import RecipeError
from slides.layout import MIN_BODY_SIZE, Bullet, paginate, paragraph_height
from slides.page import DEFAULT_PAGE, HEIGHT, WIDTH
from slides.recipe import Options, Recipe


def test_deck_structure(pack: Pack, recipe: Recipe) -> None:
    """Title, bottom line, agenda, then the whole story (where, how it unfolded), then
    each section in the recipe's order, sources and questions."""
    deck = build_deck(pack, recipe)
    kinds = [s.kind for s in deck.slides]
    first = kinds.index("section")
    assert kinds[:2] == ["title", "bluf"] and kinds[-1] == "closing" and "sources" in kinds
    assert kinds[first - 1] == "timeline" and "map" in kinds[:first] and "agenda" in kinds
    assert [s.title for s in deck.slides
            if s.kind == "section" and not s.title.endswith("(continued)")] == \
        [s.title for s in pack.sections]


def test_detailed_gives_every_section_its_own_timeline_and_map(pack: Pack,
                                                                recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(options=Options(detailed=True)))
    kinds = [s.kind for s in deck.slides]
    placed = [s for s in pack.sections if any(e.places for e in pack.events_in_section(s.id))]
    assert kinds.count("map") == len(placed)
    assert "Where it happened" not in [s.title for s in deck.slides]


@pytest.mark.parametrize(("sections", "most"), [(3, 12), (None, 30)])
def test_a_deck_is_briefing_sized(pack: Pack, recipe: Recipe, tmp_path, sections: int | None,
                                  most: int) -> None:
    """Three sections in at most 12 slides, the whole pack in at most 30: on our page,
    on python-pptx's 4:3 default and on a template whose content layout has a body
    area too small to use (as Google Slides exports give)."""
    from slides.pptx.look import template_page
    from tests.slides.pptx.made_templates import tiny_body

    default43 = tmp_path / "default43.pptx"
    __import__("pptx").Presentation().save(str(default43))
    chosen = recipe.sections[:sections] if sections else recipe.sections
    for page in (DEFAULT_PAGE, template_page(default43),
                 template_page(tiny_body(tmp_path))):
        deck = build_deck(pack, recipe.with_(sections=chosen), page)
        assert len(deck.slides) <= most, [s.title for s in deck.slides]


def test_a_small_section_names_its_events_and_place_instead_of_a_slide(
        pack: Pack, recipe: Recipe) -> None:
    """Energy security has one event at one place: no timeline or map of its own; its
    key-point slide names the event and the place."""
    deck = build_deck(pack, recipe.with_(sections=("energy", "dialogue")))
    own = [s for s in deck.slides if s.section == "energy"]
    assert [s.kind for s in own] == ["section"]
    text = "\n".join(b.plain_text() for b in own[0].texts())
    event = pack.events_in_section("energy")[0]
    assert f"Events: {event.title}" in text
    assert "Where: " + pack.places[event.places[0]].name in text
    named = next(line for line in text.splitlines() if "Events:" in line)
    assert re.search(r"\[\d+(, \d+)*\]$", named)  # sourced, as every claim


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
    deck = build_deck(pack, recipe.with_(options=Options(detailed=True)))
    for slide in deck.slides:
        if slide.kind in ("section", "timeline", "map"):
            assert slide.notes, slide.title
    timeline = next(s for s in deck.slides if s.kind == "timeline" and s.section == "operations")
    assert "Caspian Post, 16 August 2021 *" in timeline.notes
    assert timeline.notes.count("The Jamestown Foundation (republished by Oilprice.com)") == 2
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
    assert sources[0] == "Sources" and sources[1].startswith("[")
    numbered = [line for line in sources if line.startswith("[")]
    numbers = [int(line[1:line.index("]")]) for line in numbered]
    assert numbers == sorted(numbers)  # in the deck's order
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
                                         options=Options(event_slides=True, detailed=True)))
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
    from slides.section_slides import MAX_EVENT_SLIDES

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


def _texts(deck) -> list[tuple[str, str]]:
    return [(s.title, "".join(r.text for r in line)) for s in deck.slides
            for t in s.texts() for p in t.paragraphs for line in p.lines]


def test_the_bottom_line_comes_first_with_its_sources(pack: Pack, recipe: Recipe) -> None:
    """The deck opens with the pack's judgements on the chosen sections, each with the
    markers of its sources, on one slide."""
    chosen = ("history", "operations", "turkey")
    deck = build_deck(pack, recipe.with_(sections=chosen))
    bluf = deck.slides[1]
    assert bluf.kind == "bluf" and bluf.title == "Bottom line up front"
    assert [s.kind for s in deck.slides].count("bluf") == 1
    lines = [" ".join("".join(r.text for r in line) for line in p.lines)
             for t in bluf.texts() if t.name == "Bottom line" for p in t.paragraphs]
    expected = [j.text for j in pack.info.bottom_line if set(j.sections) & set(chosen)]
    assert len(lines) == len(expected) <= 5
    for text, judgement in zip(lines, expected, strict=True):
        assert text.startswith(judgement)
        assert re.search(r"\[\d+(,\d+)*\]$", text), text  # its source markers


@pytest.mark.parametrize("sections", [None, ("dialogue",), ("energy", "priorities")])
def test_the_bottom_line_is_at_most_five_judgements_on_one_slide(
        pack: Pack, recipe: Recipe, sections: tuple[str, ...] | None) -> None:
    deck = build_deck(pack, recipe.with_(sections=sections or recipe.sections))
    bluf = [s for s in deck.slides if s.kind == "bluf"]
    assert len(bluf) == 1
    lines = [p for t in bluf[0].texts() if t.name == "Bottom line" for p in t.paragraphs]
    assert 1 <= len(lines) <= 5


def test_without_the_packs_bottom_line_only_judgements_open_the_deck(
        pack: Pack, recipe: Recipe) -> None:
    """A pack that states no bottom line opens with its sections' summaries that read
    as judgements; "Gas for Allies and protection of critical energy infrastructure."
    is a topic, not a judgement, and is left out."""
    bare = dataclasses.replace(pack, info=dataclasses.replace(pack.info, bottom_line=()))
    deck = build_deck(bare, recipe.with_(sections=("history", "energy")))
    text = " ".join(t.plain_text() for t in deck.slides[1].texts() if t.name == "Bottom line")
    assert pack.section("history").summary in text
    assert pack.section("energy").summary not in text


def test_claims_carry_markers_the_sources_slide_resolves(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(sections=("operations",),
                                         options=Options(event_slides=True)))
    shown = {int(n) for _, text in _texts(deck) for marker in re.findall(r"\[([\d,·]+)\]", text)
             for n in re.findall(r"(\d+)(?:·\d)?", marker)}
    sources = next(s for s in deck.slides if s.kind == "sources")
    listed = [int(m) for t in sources.texts() for p in t.paragraphs
              for m in re.findall(r"^\[(\d+)\]", "".join(r.text for r in p.lines[0]))]
    assert listed == list(range(1, len(listed) + 1))  # numbered in order, each once
    assert shown <= set(listed)
    body = " ".join(text for title, text in _texts(deck) if title == "Sources")
    assert "ungraded" in body  # the embedded pack's sources carry no grades
    key_points = next(s for s in deck.slides if s.kind == "section")
    points = [p for t in key_points.texts() if t.name == "Key points" for p in t.paragraphs]
    assert all(p.lines[-1][-1].text.startswith("[") for p in points)
    assert "[" in key_points.notes and "Sources" in key_points.notes


def test_grades_say_reliability_once_and_credibility_per_claim(pack: Pack,
                                                               recipe: Recipe) -> None:
    history = pack.section("history")
    graded = tuple(dataclasses.replace(p, citations=tuple(
        dataclasses.replace(c, reliability="B", credibility=str(2 + n % 2))
        for c in p.citations)) for n, p in enumerate(history.key_points))
    sections = tuple(dataclasses.replace(s, key_points=graded) if s.id == "history" else s
                     for s in pack.sections)
    deck = build_deck(dataclasses.replace(pack, sections=sections, _section_index={}),
                      recipe.with_(sections=("history",)))
    text = " ".join(t for _, t in _texts(deck))
    assert re.search(r"\[\d+·[23]\]", text)  # credibility after the claim's marker
    sources = " ".join(t for title, t in _texts(deck) if title == "Sources")
    assert "reliability B" in sources and "A–F" in sources and "ungraded" not in sources
    assert "B2" not in sources and "B3" not in sources  # not every grade ever given


def test_each_event_has_one_slide(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(options=Options(event_slides=True)))
    titles = [s.title for s in deck.slides if s.kind == "event"]
    assert len(titles) == len(set(titles))
    assert any("Also in this section" in s.notes for s in deck.slides if s.kind == "event")


@pytest.mark.parametrize("seed", range(4))
def test_no_layout_made_ellipsis_in_any_deck(pack: Pack, recipe: Recipe, seed: int) -> None:
    """Whole pack, each section alone, random subsets, every option on: nothing is
    cut with an ellipsis by the layout (the pack itself has none)."""
    import random

    from content.dates import PartialDate

    ids = [s.id for s in pack.sections]
    rng = random.Random(seed)
    every = Options(event_slides=True, changed_since=PartialDate.parse("2023-01-01"))
    recipes = [recipe, *[recipe.with_(sections=(i,)) for i in ids[seed::4]],
               recipe.with_(sections=tuple(rng.sample(ids, 4)))]
    for r in [*recipes, *[r.with_(options=every) for r in recipes]]:
        deck = build_deck(pack, r.with_(title="A long deck title for the minister's "
                                            "meeting on partnership, security and energy"
                                        if seed == 3 else r.title))
        cut = [(title, text) for title, text in _texts(deck) if "\u2026" in text]
        assert cut == [], r.sections


def test_a_single_section_deck_is_titled_by_it_without_an_agenda(pack: Pack,
                                                                  recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(sections=("energy",), date="2026-01-12"))
    assert deck.slides[0].title == pack.section("energy").title
    assert "agenda" not in [s.kind for s in deck.slides]
    cover = " ".join(t for title, t in _texts(deck)[:8])
    assert "12 January 2026" in cover and "2026-01-12" not in cover


def test_stale_content_says_how_old_it_is(pack: Pack, recipe: Recipe) -> None:
    fresh = build_deck(pack, recipe.with_(date="2026-02-01"))
    stale = build_deck(pack, recipe.with_(date="2027-03-01"))
    cover = " ".join(t for _, t in _texts(fresh)[:10])
    assert "before this briefing" not in cover
    cover = " ".join(t for _, t in _texts(stale)[:10])
    assert "Content as of 15 December 2025 \u2014 14 months before this briefing" in cover


@pytest.mark.parametrize("share", [1.0, 0.62])
def test_no_continuation_slide_is_mostly_empty(pack: Pack, recipe: Recipe,
                                               share: float) -> None:
    """A list that needs two slides is shared out: the second is at least a third
    full (a template's shorter body included)."""
    from content.dates import PartialDate

    page = dataclasses.replace(DEFAULT_PAGE, body=dataclasses.replace(
        DEFAULT_PAGE.body, h=DEFAULT_PAGE.body.h * share))
    every = Options(event_slides=True, changed_since=PartialDate.parse("2023-01-01"))
    deck = build_deck(pack, recipe.with_(options=every), page)
    continued = [s for s in deck.slides if "(continued)" in s.title]
    assert continued
    for slide in continued:
        for box in slide.texts():
            if box.name in ("Key points", "Sources", "Agenda", "Changes", "Bottom line"):
                used = sum(paragraph_height(p) for p in box.paragraphs)
                assert used >= box.h / 3, (slide.title, round(used / box.h, 2))


def test_assertion_titles_put_the_point_in_the_title(pack: Pack, recipe: Recipe) -> None:
    deck = build_deck(pack, recipe.with_(sections=("history", "operations"), options=Options(
        assertion_titles=True)))
    overviews = [s for s in deck.slides if s.kind == "section"]
    for slide, sid in zip(overviews, ("history", "operations"), strict=True):
        section = pack.section(sid)
        assert slide.title == section.summary
        kicker = [t.plain_text() for t in slide.texts() if t.name == "Kicker"]
        assert kicker == [section.title.upper()]
        title = next(t for t in slide.texts() if t.name == "Title")
        assert title.plain_text().replace("\n", " ") == section.summary  # whole
        assert not [t for t in slide.texts() if t.name == "Summary"]  # not said twice


def test_what_changed_lists_the_latest_events_and_says_how_many_earlier(
        pack: Pack, recipe: Recipe) -> None:
    """Thirty new events since the date: the slide shows the newest twenty (the reason
    for the slide) and says ten earlier ones are left out."""
    from slides.build import MAX_CHANGES

    base = pack.events_in_section("operations")[0]
    since = PartialDate(2030, 1)
    new = tuple(dataclasses.replace(base, id=f"new-{n:02d}", title=f"Newer event {n:02d}",
                                    date=PartialDate(2030, 3, n + 1))
                for n in range(MAX_CHANGES + 10))
    bigger = dataclasses.replace(pack, events=pack.events + new, _section_index={},
                                 _event_index={})
    deck = build_deck(bigger, recipe.with_(sections=("operations",),
                                           options=Options(changed_since=since)))
    text = "\n".join(box.plain_text() for s in deck.slides if s.kind == "changes"
                     for box in s.texts())
    assert f"Newer event {MAX_CHANGES + 9:02d}" in text  # the newest
    assert "Newer event 00" not in text  # the oldest is the one left out
    assert "10 more earlier events not shown" in text


def test_a_long_deck_gives_a_section_one_slide_and_says_the_rest_in_its_notes(
        pack: Pack, recipe: Recipe, tmp_path) -> None:
    """When even the lean deck runs past its budget (a template with a small body
    area), each section keeps one slide, says how many points it left out, and its
    notes carry them all."""
    from slides.build import _Builder
    from slides.pptx.look import template_page

    path = tmp_path / "default43.pptx"
    __import__("pptx").Presentation().save(str(path))
    builder = _Builder(pack, recipe, template_page(path), frozenset())
    builder.one_slide_sections = True
    deck = builder.build()
    for section in pack.sections:
        slides = [s for s in deck.slides if s.kind == "section" and s.section == section.id]
        assert len(slides) == 1, section.id
        for point in section.key_points:
            assert point.text in slides[0].notes, (section.id, point.text)
    assert any("more key points not shown: they are in the notes" in b.plain_text()
               for s in deck.slides for b in s.texts())


def test_assertion_titles_reach_timeline_map_and_event_slides(pack: Pack,
                                                              recipe: Recipe) -> None:
    """With assertion titles on, timeline and map slides say their point in the title
    (the section's, or what the overview shows), the topic above; event slides carry
    their section above their title."""
    for options in (Options(assertion_titles=True, event_slides=True),
                    Options(assertion_titles=True, detailed=True)):
        deck = build_deck(pack, recipe.with_(sections=("history", "operations", "dialogue"),
                                             options=options))
        for slide in deck.slides:
            if slide.kind not in ("map", "timeline", "event"):
                continue
            kicker = [b.plain_text() for b in slide.texts() if b.name == "Kicker"]
            assert kicker and kicker[0], slide.title
            if slide.kind != "event":
                assert not slide.title.startswith(("Where it happened", "How it unfolded"))
                assert ": places" not in slide.title and ": timeline" not in slide.title
        own = [s for s in deck.slides if s.kind == "timeline" and s.section == "dialogue"]
        if own:
            assert own[0].title.startswith(pack.section("dialogue").summary[:30])
