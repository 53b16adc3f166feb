"""The curated Azerbaijan–NATO pack: complete, cited, spelled right."""

from __future__ import annotations

import re

import pytest

from content.loader import load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack(use_cache=False)


ARTICLE_SOURCES = {"jamestown-2023", "report-2025-12-15"}


def test_every_event_and_key_point_cites_a_known_source(pack) -> None:
    for event in pack.events:
        assert event.citations, event.id
    for section in pack.sections:
        assert section.key_points, section.id
        for point in section.key_points:
            assert point.citations, point.text


def test_every_cited_source_is_an_article_or_reported_via_one(pack) -> None:
    for source in pack.sources.values():
        if source.id in ARTICLE_SOURCES or source.id == "nato-member-countries":
            continue
        assert source.via in ARTICLE_SOURCES, source.id
        assert source.date or "undated" in source.title, source.id


def test_names_keep_their_diacritics(pack) -> None:
    names = {a.name for a in pack.actors.values()}
    assert {"Gunnstein Bruåsdal", "Elčin Gasymov", "Mustafa Oğuz",
            "Recep Tayyip Erdoğan"} <= names
    everything = " ".join([e.title + e.summary for e in pack.events]
                          + [k.text for s in pack.sections for k in s.key_points])
    assert not re.search(r"\w\?\w", everything), "a character was lost as '?'"


@pytest.mark.parametrize(("event_id", "date"), [
    ("relations-established", "1992"),
    ("partnership-for-peace", "1994"),
    ("afghanistan-contribution", "2002"),
    ("kabul-airlift", "2021-08"),
    ("aliyev-nato-hq", "2021-12"),
    ("nato-days-baku", "2022-11"),
    ("oguz-visit", "2023-03"),
    ("stoltenberg-baku-2024", "2024-03"),
    ("washington-meeting", "2025-08-08"),
    ("contact-point-interview", "2025-12-15"),
    ("exercises-2026", "2026"),
])
def test_the_dated_facts_a_briefer_needs_are_events(pack, event_id: str, date: str) -> None:
    assert pack.event(event_id).date.iso() == date


def test_eras_are_spans(pack) -> None:
    afghanistan = pack.event("afghanistan-contribution")
    assert (afghanistan.date.iso(), afghanistan.end.iso()) == ("2002", "2021-08")
    assert pack.event("partnership-for-peace").is_span


def test_sections_a_briefer_uses(pack) -> None:
    ids = [s.id for s in pack.sections]
    assert ids == ["history", "operations", "turkey", "dialogue", "partnership-tools",
                   "russia", "concerns", "energy", "outreach", "peace", "outlook"]
    used = {s for e in pack.events for s in e.sections}
    assert used == set(ids), "every section has at least one event"


def test_nato_accessions_are_cited_reference_data(pack) -> None:
    joined = {m.name: m.joined.iso() for m in pack.members}
    assert joined["Sweden"] == "2024-03-07" and joined["Finland"] == "2023-04-04"
    assert len(joined) == 32
    assert all(c.source == "nato-member-countries" for m in pack.members for c in m.citations)
