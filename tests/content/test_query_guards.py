"""Guards on the event filters: what the Filters pane's search box and section counts
show the analyst."""

from __future__ import annotations

import datetime as dt

from content.loader import load_pack
from content.query import EventFilter, EventIndex

INDEX = EventIndex(load_pack())


def test_text_filter_finds_an_event_by_its_place_name() -> None:
    """The search covers places: "international airport" must list the Kabul airlift,
    whose place is Hamid Karzai International Airport though its own text never says
    "international"."""
    ids = [e.id for e in INDEX.matches(EventFilter(text="international airport"))]
    assert ids == ["kabul-airlift"]


def test_section_counts_ignore_the_section_filter() -> None:
    """Each section's count is what it would show if checked: with only "operations"
    checked, the other sections still show their counts, not zero."""
    since = EventFilter(start=dt.date(2000, 1, 1))
    unfiltered = INDEX.count_by_section(since)
    checked = INDEX.count_by_section(since.with_(sections=frozenset({"operations"})))
    assert checked == unfiltered
    assert checked["history"] > 0 and checked["outreach"] > 0
