"""Guards on what a briefer sees in a built deck: agenda numbers, timeline slide
titles, event slides' facts and which events a capped deck keeps."""

from __future__ import annotations

import dataclasses

from content.dates import PartialDate
from content.model import Pack
from slides.build import build_deck
from slides.recipe import Options, Recipe
from slides.section_slides import MAX_EVENT_SLIDES, MAX_TIMELINE_SLIDES
from slides.timeline_layout import EVENTS_PER_SLIDE


def _with_early_copies(pack: Pack, section: str, count: int) -> Pack:
    """`pack` with `count` extra events in `section`, all older than any real one."""
    model = pack.events_in_section(section)[0]
    extra = tuple(
        dataclasses.replace(
            model,
            id=f"early-{n}",
            title=f"Early copy {n}",
            date=PartialDate.parse(str(1900 + n)),
            end=None,
            ongoing=False,
        )
        for n in range(count)
    )
    return dataclasses.replace(pack, events=extra + pack.events, _section_index={}, _event_index={})


def test_agenda_is_numbered_from_one(pack: Pack, recipe: Recipe) -> None:
    """The agenda lists the sections as 1., 2., 3. …, matching the order of the deck;
    numbering from 0 would read "0. History and framework"."""
    deck = build_deck(pack, recipe)
    agenda = next(s for s in deck.slides if s.kind == "agenda")
    box = next(t for t in agenda.texts() if t.name == "Agenda")
    bullets = [p.bullet for p in box.paragraphs]
    assert bullets[:3] == ["1.", "2.", "3."]
    assert bullets == [f"{n}." for n in range(1, len(recipe.sections) + 1)]


def test_timeline_slides_of_a_section_count_from_one(pack: Pack, recipe: Recipe) -> None:
    """A section whose timeline needs two slides titles them "(1 of 2)" and "(2 of 2)"."""
    bigger = _with_early_copies(pack, "operations", EVENTS_PER_SLIDE)
    deck = build_deck(bigger, recipe.with_(sections=("operations",)))
    titles = [s.title for s in deck.slides if s.kind == "timeline"]
    assert len(titles) >= 2
    assert titles[0].endswith(f"(1 of {len(titles)})")
    assert titles[-1].endswith(f"({len(titles)} of {len(titles)})")


def test_a_capped_timeline_shows_the_latest_events(pack: Pack, recipe: Recipe) -> None:
    """Past its cap a section's timeline shows its latest events (the title says
    "latest N of M"): the most recent event must be drawn, the oldest left out."""
    limit = EVENTS_PER_SLIDE * MAX_TIMELINE_SLIDES
    bigger = _with_early_copies(pack, "operations", limit + 5)
    latest = bigger.events_in_section("operations")[-1].id
    deck = build_deck(bigger, recipe.with_(sections=("operations",)))
    timelines = [s for s in deck.slides if s.kind == "timeline"]
    assert "latest" in timelines[0].title
    shown = {e for s in timelines for e in s.live.events}
    assert latest in shown and "early-0" not in shown


def test_capped_event_slides_are_the_latest(pack: Pack, recipe: Recipe) -> None:
    """Event slides past the per-section cap keep the section's latest events: the
    newest event gets its slide, the oldest copy does not."""
    bigger = _with_early_copies(pack, "operations", MAX_EVENT_SLIDES + 5)
    latest = bigger.events_in_section("operations")[-1].title
    deck = build_deck(
        bigger, recipe.with_(sections=("operations",), options=Options(event_slides=True))
    )
    titles = [s.title for s in deck.slides if s.kind == "event"]
    assert len(titles) == MAX_EVENT_SLIDES
    assert latest in titles and "Early copy 0" not in titles


def test_event_slide_says_where_and_who(pack: Pack, recipe: Recipe) -> None:
    """An event slide names its places after "Where:" and its people after "Who:"."""
    event = next(e for e in pack.events if e.places and e.actors)
    section = event.sections[0]
    deck = build_deck(pack, recipe.with_(sections=(section,), options=Options(event_slides=True)))
    slide = next(s for s in deck.slides if s.kind == "event" and s.title == event.title)
    box = next(t for t in slide.texts() if t.name == "Event")
    text = box.plain_text()
    places = ", ".join(pack.places[p].name for p in event.places)
    actors = ", ".join(pack.actors[a].name for a in event.actors)
    flat = " ".join(text.split())
    assert f"Where: {places}" in flat or f"Where:{places}" in flat
    assert f"Who: {actors}" in flat or f"Who:{actors}" in flat
