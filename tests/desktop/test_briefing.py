"""The rules of filter and selection, without Qt: what each change announces, in
what order, and what a reload keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from content.facets import CHOOSERS, FACETS
from content.loader import load_pack
from desktop.briefing import BriefingModel, Changes


@pytest.fixture
def model() -> BriefingModel:
    return BriefingModel(load_pack())


def heard(model: BriefingModel) -> list[str]:
    """Every announcement the model makes from now on, by name, in order."""
    said: list[str] = []
    for name in Changes.NAMES:
        model.changes[name].connect(lambda name=name: said.append(name))
    return said


def test_each_filter_part_announces_its_own_change_then_filter_then_visible(
        model: BriefingModel) -> None:
    said = heard(model)
    model.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert said == ["window", "filter", "visible"]
    said.clear()
    model.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 30))  # the same events pass
    assert said == ["window", "filter"]
    said.clear()
    model.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 30))  # no change at all
    assert said == []
    model.set_sections(frozenset({"history"}))
    assert said == ["sections", "filter", "visible"]


@pytest.mark.parametrize("facet", CHOOSERS, ids=lambda f: f.field)
def test_a_chooser_narrows_the_events_and_announces_facets(model: BriefingModel,
                                                            facet) -> None:
    """Picking a place or an actor leaves only its events and tells the views that
    draw lanes and lists (`facets`), once."""
    counts = model.index.count_by(facet, model.pack.events)
    chosen = max(counts, key=counts.__getitem__)
    said = heard(model)
    model.set_facet(facet.field, chosen)
    assert said[:2] == ["facets", "filter"] and said.count("facets") == 1
    assert model.visible_events and all(chosen in facet.of_event(e)
                                        for e in model.visible_events)
    assert len(model.visible_events) == counts[chosen]


def test_every_facet_is_a_field_of_the_filter_and_names_a_change() -> None:
    from content.query import EventFilter

    assert {f.field for f in FACETS} == set(EventFilter.__slots__)
    assert {f.change for f in FACETS} <= set(Changes.NAMES)


def test_a_reload_keeps_what_still_exists_and_drops_what_does_not(
        model: BriefingModel) -> None:
    """After a save, the sections and actor the analyst chose stay; a place that the
    edit removed stops filtering (it would hide everything), and so does the selection
    of an event that is gone."""
    model.set_sections(frozenset({"history", "operations"}))
    place = next(p for e in model.visible_events for p in e.places)
    model.set_facet("place", place)
    model.select_event(model.visible_events[0].id)
    gone = model.selected_event
    assert gone is not None
    pack = model.pack
    fewer = dataclasses.replace(
        pack, places={k: v for k, v in pack.places.items() if k != place},
        events=tuple(e for e in pack.events if e.id != gone.id),
        _section_index={}, _event_index={})
    said = heard(model)
    model.set_pack(fewer)
    assert model.filter.sections == {"history", "operations"}
    assert model.filter.place is None and model.selected_event is None
    assert said == ["pack", "filter", "visible", "selection", "place", "key_point"]


def test_stepping_walks_the_visible_events_in_date_order(model: BriefingModel) -> None:
    model.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    model.step_selection(+1)
    first = model.selected_event
    assert first == model.visible_events[0]
    model.step_selection(+1)
    model.step_selection(-1)
    assert model.selected_event == first
    model.step_selection(-1)  # at the first: stays
    assert model.selected_event == first


def test_a_callback_can_be_disconnected(model: BriefingModel) -> None:
    said: list[int] = []
    callback = lambda: said.append(1)  # noqa: E731
    model.changes.text.connect(callback)
    model.set_text("kabul")
    model.changes.text.disconnect(callback)
    model.set_text("baku")
    assert said == [1]


def test_reload_without_the_selected_place_clears_it(model: BriefingModel) -> None:
    """A place selected on the map and then removed from places.yaml is no longer
    selected after the reload: the detail pane must not list events of a place the
    pack no longer has."""
    model.select_place("washington")
    assert model.selected_place == "washington"
    pack = model.pack
    places = {k: v for k, v in pack.places.items() if k != "washington"}
    events = tuple(e for e in pack.events if "washington" not in e.places)
    model.set_pack(
        dataclasses.replace(pack, places=places, events=events, _event_index={}, _section_index={})
    )
    assert model.selected_place is None


def test_extent_reaches_the_end_of_a_long_span(model: BriefingModel) -> None:
    """The pack's extent ("0" shows all) runs to the latest end of any event: an open
    span since 1994 still running at the as-of date reaches past a 2023 visit that
    starts later but ends sooner."""
    pack = model.pack
    span, later = pack.event("partnership-for-peace"), pack.event("oguz-visit")
    assert span.ongoing and span.end_day > later.end_day
    model.set_pack(
        dataclasses.replace(pack, events=(span, later), _event_index={}, _section_index={})
    )
    assert model.extent() == (span.start_day, span.end_day)


def test_a_place_shows_instead_of_the_event_and_lets_go_when_filtered_out(
        model: BriefingModel) -> None:
    """Clicking a place used to leave Details on the event selected before, and its
    highlight survived a filter that left it no events (the timeline stayed dimmed)."""
    kabul = "kabul-airport"
    model.select_event(model.pack.events[0].id)
    model.select_place(kabul)
    assert model.selected_event is None and model.selected_place == kabul
    model.set_window(dt.date(1990, 1, 1), dt.date(1991, 1, 1))  # Play past it: kept
    assert model.selected_place == kabul
    model.set_window(None, None)
    others = frozenset(s.id for s in model.pack.sections if not any(
        kabul in e.places for e in model.pack.events if s.id in e.sections))
    model.set_sections(others)
    assert model.selected_place is None
    model.set_sections(None)
    model.select_place(kabul)
    model.show_key_point(model.pack.sections[0].id, 0)
    assert model.selected_place is None and model.shown_key_point is not None
