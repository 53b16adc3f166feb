"""The deck's source numbers: in order of first citation, each source once, one
reliability grade per source, credibility on the claim."""

from __future__ import annotations

from content.model import Citation, Pack
from slides.citing import UNGRADED, SourceIndex


def test_sources_are_numbered_as_first_cited(pack: Pack) -> None:
    index = SourceIndex(pack)
    assert index.marker((Citation("report-2025-12-15"),)) == "[1]"
    assert index.marker((Citation("president-az-2021-12-14"),
                         Citation("report-2025-12-15"))) == "[1,2]"
    assert index.marker(()) == ""
    assert index.ordered() == ["report-2025-12-15", "president-az-2021-12-14"]
    assert index.short("president-az-2021-12-14") == "[2] President.az, 14 December 2021"
    assert index.legend() == [UNGRADED]


def test_one_reliability_per_source_and_credibility_per_claim(pack: Pack) -> None:
    index = SourceIndex(pack)
    source = "report-2025-12-15"
    assert index.marker((Citation(source, "B", "2"),)) == "[1·2]"
    index.marker((Citation(source, "B", "3"),))
    index.marker((Citation(source, "C", "3"),))
    assert index.reliability(source) == "B"  # the grade it was given most
    line = index.line(source, {})
    assert line.endswith("\u2014 reliability B") and line.startswith("[1] Report")
    assert len(index.legend()) == 2 and "A–F" in index.legend()[0]


def test_a_tie_goes_to_the_more_reliable_grade(pack: Pack) -> None:
    index = SourceIndex(pack)
    index.marker((Citation("report-2025-12-15", "D", "2"),
                  Citation("report-2025-12-15", "B", "2")))
    assert index.reliability("report-2025-12-15") == "B"


def test_articles_read_through_are_marked_once(pack: Pack) -> None:
    index = SourceIndex(pack)
    via = [s.id for s in pack.sources.values() if s.via][:3]
    for source in via:
        index.marker((Citation(source),))
    marks = index.via_marks()
    assert list(marks.values()) == ["†"]
    assert all(index.line(s, marks).endswith(" †") for s in via)


def test_a_source_is_named_alike_on_slides_in_notes_and_in_the_details_pane() -> None:
    """Outlet and date as the reader sees them, "(year inferred)" and "accessed …"
    included, are one wording wherever the source is named."""
    from content.citations import resolve_source
    from content.loader import load_pack
    from content.model import Citation
    from slides.citing import SourceIndex
    from slides.notes import Notes

    pack = load_pack()
    inferred = next(s for s in pack.sources.values() if s.year_inferred and s.date)
    heading = resolve_source(pack, inferred.id).heading
    assert heading.endswith("(year inferred)")
    index = SourceIndex(pack)
    index.cite((Citation(inferred.id),))
    assert index.short(inferred.id).endswith(heading)
    assert f"] {heading}: " in index.line(inferred.id, {})
    notes = Notes(pack, index)
    notes.add("A claim.", (Citation(inferred.id),))
    assert heading in notes.text()
