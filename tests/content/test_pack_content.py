"""The curated Azerbaijan–NATO pack: complete, cited, spelled right."""

from __future__ import annotations

import re
from pathlib import Path

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
        assert source.date or source.accessed or "undated" in source.title, source.id


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
    ("exercises-2026", "2025-12-15"),
])
def test_the_dated_facts_a_briefer_needs_are_events(pack, event_id: str, date: str) -> None:
    assert pack.event(event_id).date.iso() == date


def test_eras_are_spans(pack) -> None:
    afghanistan = pack.event("afghanistan-contribution")
    assert (afghanistan.date.iso(), afghanistan.end.iso()) == ("2002", "2021-08")


def test_partnership_for_peace_runs_on(pack) -> None:
    """The interview says participation continues: no invented end, drawn to the as-of
    date with an open end."""
    pfp = pack.event("partnership-for-peace")
    assert pfp.is_span and pfp.ongoing and pfp.end is None
    assert pfp.end_day == pack.info.as_of.last_day()
    assert pfp.date_label() == "since 1994"


def test_what_only_its_report_dates_is_shown_as_by_that_report(pack) -> None:
    """Issue 25: the interview says the request was made and the delegation "recently
    visited", no more; the 2023 article gives two citation dates for the Lachin road
    concern, not a span. Each is drawn at its report's date and labelled "by" it."""
    for event_id, label in (("exercises-2026", "by 15 December 2025"),
                            ("permanent-representatives-visit", "by 15 December 2025"),
                            ("lachin-road-concerns", "by 2 May 2023")):
        event = pack.event(event_id)
        assert event.dated_by == "report" and event.end is None, event_id
        assert event.date_label(reported=False) == label, event_id
        assert event.date_label() == f"{label} (as reported)"


def test_a_citation_date_is_not_an_event(pack) -> None:
    """Issue 25: "Kosovo, August 2021" was an event made of a citation date."""
    assert not any("kosovo" in e.id for e in pack.events)
    assert "kosovo" not in pack.places
    assert any("Kosovo" in k.text for k in pack.section("operations").key_points)


def test_years_the_article_leaves_out_are_marked_inferred(pack) -> None:
    from content.citations import resolve
    from content.model import Citation

    inferred = {i for i, s in pack.sources.items() if s.year_inferred}
    assert inferred == {"report-az-2023-05-02", "report-az-2023-05-26",
                        "mfa-gov-az-2023-01-19", "trend-2023-03-09", "mod-gov-az-2023-06-24",
                        "ordu-az-2023-05-12", "edm-2023-05-30", "nato-int-2023-01-20",
                        "apa-2023-05-02", "reytinq-2023-05-13"}
    assert resolve(pack, Citation("trend-2023-03-09")).date == "9 March 2023 (year inferred)"


def test_no_two_key_points_alike(pack) -> None:
    texts = [k.text.casefold() for s in pack.sections for k in s.key_points]
    assert len(texts) == len(set(texts))


def test_judgements_resting_only_on_the_2023_article_carry_their_date(pack) -> None:
    """Issue 25: a deck dated December 2025 must not state the 2023 article's own
    judgements as current: a key point citing only that article says 2023."""
    undated = [k.text for s in pack.sections for k in s.key_points
               if {c.source for c in k.citations} == {"jamestown-2023"} and "2023" not in k.text]
    assert undated == []
    for section in pack.sections:  # summaries of 2023 matters say so too
        sources = {c.source for k in section.key_points for c in k.citations}
        vias = {pack.sources[i].via or i for i in sources}
        if vias == {"jamestown-2023"}:
            assert "2023" in section.summary, section.id


def test_events_dated_by_a_report_say_so(pack) -> None:
    for event in pack.events:
        if event.reported is not None:
            assert event.date.approximate, event.id
            assert "reported by" not in event.summary, event.id  # the field says it
        else:
            assert event.dated_by == "article" or event.date.approximate, event.id


def test_statements_sit_with_who_said_them_and_when(pack) -> None:
    assert "welcome" not in pack.event("washington-meeting").summary.lower()
    assert "welcomes" in pack.event("contact-point-interview").summary
    texts = [k.text for s in pack.sections for k in s.key_points]
    assert not any("NATO's ambassadors" in t for t in texts)
    assert "last flights" not in pack.section("operations").summary


def test_places_are_only_where_the_articles_put_them(pack) -> None:
    assert not {"shape", "ankara", "paris", "yerevan"} & set(pack.places)
    assert "brussels" in pack.event("hajiyev-brussels-2023").places  # "in Brussels"
    assert pack.event("stoltenberg-thanks-kabul").places == ()  # the article gives none
    assert "364" not in pack.info.focus_countries  # Iran: in neither article


def test_house_style(pack) -> None:
    texts = ([e.title + " " + e.summary for e in pack.events]
             + [k.text for s in pack.sections for k in s.key_points]
             + [s.summary for s in pack.sections] + [m.name for m in pack.members])
    joined = " ".join(texts)
    assert "percent" not in joined and "Türkiye" not in joined
    assert "(to 2024)" not in pack.actors["jens-stoltenberg"].role


def test_the_pack_passes_its_own_lint(pack) -> None:
    from content.lint import lint

    assert [str(w) for w in lint(pack)] == []


def test_quotes_are_word_for_word() -> None:
    """Every `quotes` entry appears verbatim in the two articles (their typography
    aside). The articles live outside the repository, beside it in the workspace."""
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the seed articles are not beside this checkout")
    pack = load_pack(use_cache=False)

    def norm(text: str) -> str:
        for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                     ("`", "'")):
            text = text.replace(a, b)
        return re.sub(r"\s+", " ", text).casefold()

    articles = norm(" ".join(p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")))
    quotes = [q for e in pack.events for q in e.quotes] + [
        q for s in pack.sections for k in s.key_points for q in k.quotes]
    assert len(quotes) >= 10
    assert [q.text for q in quotes if norm(q.text) not in articles] == []


def test_sections_a_briefer_uses(pack) -> None:
    ids = [s.id for s in pack.sections]
    assert ids == ["history", "operations", "turkey", "dialogue", "partnership-tools",
                   "russia", "concerns", "energy", "outreach", "priorities", "peace",
                   "outlook", "assessment"]
    used = {s for e in pack.events for s in e.sections}
    assert used <= set(ids)
    assert all(s.key_points for s in pack.sections)


def test_nato_accessions_are_cited_reference_data(pack) -> None:
    joined = {m.name: m.joined.iso() for m in pack.members}
    assert joined["Sweden"] == "2024-03-07" and joined["Finland"] == "2023-04-04"
    assert len(joined) == 32
    assert all(c.source == "nato-member-countries" for m in pack.members for c in m.citations)
