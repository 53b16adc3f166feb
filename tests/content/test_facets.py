"""The filter's facets, described once: every part of the filter is one, and each
chooser lists the pack's own records and finds them on its events."""

from __future__ import annotations

from content.facets import CHOOSERS, FACETS
from content.loader import load_pack
from content.query import EventFilter


def test_every_part_of_the_filter_is_a_facet_once() -> None:
    fields = [f.field for f in FACETS]
    assert sorted(fields) == sorted(EventFilter.__slots__) and len(set(fields)) == len(fields)


def test_each_chooser_lists_the_records_its_events_name() -> None:
    """The Place list holds places, the Actor list actors: each id an event names is a
    record of the list it is chosen from, and each list is named for the analyst."""
    pack = load_pack()
    for facet in CHOOSERS:
        records = facet.records(pack)
        named = {ident for event in pack.events for ident in facet.of_event(event)}
        assert named and named <= set(records), facet.field
        assert facet.label and facet.anyone
