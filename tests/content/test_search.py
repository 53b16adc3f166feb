"""Search reaches everything: events, key points, sources, actors and places."""

from __future__ import annotations

from content.loader import load_pack
from content.search import MAX_PER_KIND, search_pack

PACK = load_pack()


def test_a_name_finds_events_key_points_sources_and_the_actor() -> None:
    found = search_pack(PACK, "stoltenberg")
    counts = found.counts()
    assert counts["events"] == 3 and counts["key_points"] == 4  # and the 2024 visit, in dialogue
    assert counts["actors"] == 1 and found.actors[0].name.startswith("Jens")
    assert all("Stoltenberg" in k.text or any("Stoltenberg" in q.speaker for q in k.quotes)
               for _, k in found.key_points)


def test_sources_are_searched_by_outlet_and_title() -> None:
    found = search_pack(PACK, "report.az")
    assert found.counts()["sources"] >= 1
    assert all("report" in (s.outlet + s.title).casefold() for s in found.sources)


def test_every_word_counts_and_accents_and_case_are_ignored() -> None:
    assert search_pack(PACK, "ERDOGAN base").counts()["events"] >= 1
    assert search_pack(PACK, "kabul zzzz").counts() == dict.fromkeys(
        ("events", "key_points", "sources", "actors", "places"), 0)
    assert search_pack(PACK, "   ").counts()["events"] == 0


def test_a_one_letter_query_is_capped_but_counted() -> None:
    found = search_pack(PACK, "a")
    assert len(found.events) <= MAX_PER_KIND
    assert found.counts()["events"] == len(found.events)  # the embedded pack is small
    assert found.counts()["places"] == len(found.places) > 0
