"""Speaker notes: numbered markers, each source once, the via article named once."""

from __future__ import annotations

from content.model import Citation, Pack
from slides.notes import Notes


def test_markers_number_sources_in_order_and_reuse_them(pack: Pack) -> None:
    notes = Notes(pack)
    notes.add("First.", (Citation("president-az-2021-12-14"), Citation("report-2025-12-15")))
    notes.add("Second.", (Citation("report-2025-12-15"),))
    notes.add("Graded.", (Citation("report-2025-12-15", "B", "2"),))
    text = notes.text()
    assert "First. [1,2]" in text and "Second. [2]" in text and "Graded. [2·2]" in text
    assert "[2] Report (Report.az), 15 December 2025 (B2)" in text
    assert text.count("[2] Report") == 1  # each source once, with its grade
    assert text.count("President.az") == 1


def test_the_via_article_is_named_once(pack: Pack) -> None:
    notes = Notes(pack)
    via = [s.id for s in pack.sources.values() if s.via][:4]
    for source in via:
        notes.add(source, (Citation(source),))
    text = notes.text()
    assert text.count(" *") == 4 and text.count("as reported in") == 1
    assert len(max(text.splitlines(), key=len)) < 160  # no line carries the whole chain


def test_notes_share_the_decks_numbers(pack: Pack) -> None:
    """A slide's notes use the numbers its slide and the sources slide show."""
    from slides.citing import SourceIndex

    index = SourceIndex(pack)
    index.marker((Citation("report-2025-12-15"),))  # cited earlier in the deck: [1]
    notes = Notes(pack, index)
    notes.add("Later.", (Citation("president-az-2021-12-14"), Citation("report-2025-12-15")))
    text = notes.text()
    assert "Later. [1,2]" in text
    assert text.index("[1] Report") < text.index("[2] President.az")


def test_no_sources_no_source_list(pack: Pack) -> None:
    notes = Notes(pack)
    notes.add("Close and take questions.")
    assert notes.text() == "Close and take questions."


def test_key_point_notes_are_talking_points_with_quotes_and_the_so_what() -> None:
    """A presenter reads out the quoted words and says what the slide means: each
    quote of a key point is in the notes as "Read out", and the bottom-line judgement
    the section supports closes them as "So what"."""
    from content.loader import load_pack
    from slides.build import build_deck
    from slides.recipe import default_recipe

    pack = load_pack()
    deck = build_deck(pack, default_recipe(pack, ["history", "peace"]))
    history = [s for s in deck.slides if s.kind == "section" and s.section == "history"]
    notes = "\n".join(s.notes for s in history)
    for point in pack.section("history").key_points:
        for quote in point.quotes:
            assert f"Read out: \u201c{quote.text}\u201d \u2014 {quote.speaker}" in notes
    judgement = next(j for j in pack.info.bottom_line if "history" in j.sections)
    assert f"So what: {judgement.text}" in history[-1].notes


def test_view_slides_carry_talking_points_from_the_content(pack) -> None:
    """A section's timeline notes open with what to say, give the words its events
    quote to read out and the judgement the section supports; nothing is invented:
    every quote is one the pack holds."""
    from slides.build import build_deck
    from slides.recipe import default_recipe

    deck = build_deck(pack, default_recipe(pack).with_(sections=("history", "operations")))
    timeline = next(s for s in deck.slides if s.kind == "timeline" and s.section == "history")
    assert timeline.notes.startswith("Say: History and framework in ")
    quotes = {q.text for e in pack.events for q in e.quotes}
    read_out = [line for line in timeline.notes.split("\n\n") if line.startswith("Read out")]
    assert read_out and all(line.split("\u201c")[1].split("\u201d")[0] in quotes
                            for line in read_out)
    judgement = next(j for j in pack.info.bottom_line if "history" in j.sections)
    assert f"So what: {judgement.text}" in timeline.notes
    overview = next(s for s in deck.slides if s.kind == "map" and not s.section)
    assert overview.notes.startswith("Say: ") and "So what" not in overview.notes
