"""Search and filters that reach everything, driven as the analyst does: typing,
clicking results, choosing a place or an actor, fitting the views to the results."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.clock import finish_animations


def groups(results) -> dict[str, int]:
    out = {}
    for i in range(results.topLevelItemCount()):
        title, count = results.topLevelItem(i).text(0).rsplit(" (", 1)
        out[title] = int(count.rstrip(")").replace(",", ""))
    return out


def test_results_are_grouped_by_kind_with_counts(window, qtbot) -> None:
    filters = window.filters
    assert not filters.results.isVisible()
    qtbot.keyClicks(filters.search, "stoltenberg")
    qtbot.waitUntil(lambda: filters.results.isVisible())
    qtbot.waitUntil(lambda: groups(filters.results).get("Key points") == 4)
    assert groups(filters.results) == {"Events": 3, "Key points": 4, "Sources": 1,
                                       "Actors": 1, "Places": 0}


def test_clicking_results_selects_filters_and_shows(window, qtbot) -> None:
    filters, state = window.filters, window.state
    qtbot.keyClicks(filters.search, "kabul")
    qtbot.waitUntil(lambda: groups(filters.results).get("Places", 0) >= 1)
    results = filters.results
    place_group = next(results.topLevelItem(i) for i in range(results.topLevelItemCount())
                       if results.topLevelItem(i).text(0).startswith("Places"))
    results.activate(place_group.child(0))
    assert state.filter.place is not None and state.selected_place == state.filter.place
    # the Place filter shows it
    assert filters.choosers["place"].currentData() == state.filter.place
    event_group = results.topLevelItem(0)
    results.activate(event_group.child(0))
    assert state.selected_event is not None


def test_place_and_actor_filters_in_the_pane(window, qtbot) -> None:
    filters, state = window.filters, window.state
    index = filters.choosers["actor"].findData("stoltenberg") if filters.choosers["actor"].findData(
        "stoltenberg") >= 0 else next(i for i in range(filters.choosers["actor"].count())
                                      if "Stoltenberg" in filters.choosers["actor"].itemText(i))
    filters.choosers["actor"].setCurrentIndex(index)
    filters.choosers["actor"].activated.emit(index)
    assert state.filter.actor == filters.choosers["actor"].itemData(index)
    assert state.visible_events and all(state.filter.actor in e.actors
                                        for e in state.visible_events)
    filters.choosers["actor"].activated.emit(0)  # "Anyone"
    assert state.filter.actor is None


def test_fit_to_results_brings_kabul_into_the_map(window, qtbot) -> None:
    filters, view = window.filters, window.map
    view.fit_default()  # the South Caucasus: Kabul is off the map
    qtbot.keyClicks(filters.search, "kabul")
    qtbot.mouseClick(filters.fit_results, Qt.MouseButton.LeftButton)
    assert finish_animations(window) >= 1  # the glide to the results, run to its end
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.marker("kabul-airport").pos())
    timeline = window.timeline.view
    assert timeline.real_start <= min(e.start_day.toordinal()
                                      for e in window.state.visible_events)


def test_selecting_a_place_highlights_its_events(window, qtbot) -> None:
    state, model = window.state, window.events.events
    state.select_place("baku")
    bold = [model.data(model.index(r, 1), Qt.ItemDataRole.FontRole)
            for r in range(model.rowCount())]
    at_baku = [("baku" in model.event_at(r).places) for r in range(model.rowCount())]
    assert any(at_baku)
    for font, here in zip(bold, at_baku, strict=True):
        assert (font is not None and font.bold()) == here
    assert window.timeline.view._at_place(next(
        e for e in state.pack.events if "baku" in e.places))
    assert not window.timeline.view._at_place(next(
        e for e in state.pack.events if "baku" not in e.places))


def test_a_key_point_result_shows_the_key_point_and_keeps_the_filter(window, qtbot) -> None:
    """Clicking a key point's result used to untick 12 of 13 sections without a word:
    now the filter stays as it was, and Details shows the key point itself (its
    section, its words, its sources); selecting an event afterwards shows the event."""
    filters, state = window.filters, window.state
    state.select_event(state.pack.events[0].id)
    before = state.filter
    qtbot.keyClicks(filters.search, "stoltenberg")
    qtbot.waitUntil(lambda: groups(filters.results).get("Key points") == 4)
    results = filters.results
    group = next(results.topLevelItem(i) for i in range(results.topLevelItemCount())
                 if results.topLevelItem(i).text(0).startswith("Key points"))
    after_typing = state.filter
    results.activate(group.child(0))
    assert state.filter == after_typing and after_typing.sections == before.sections
    section, point = state.shown_key_point
    assert state.selected_event is None
    shown = window.details.toPlainText()
    assert point.text in shown and section.title in shown and "Sources" in shown
    state.select_event(state.visible_events[0].id)
    assert state.shown_key_point is None
    assert state.visible_events[0].title in window.details.toPlainText()


def test_selecting_brings_details_in_front_of_the_deck_tab(window, qtbot) -> None:
    """Deck and Details share a tab area; with Deck in front (as a restart may leave
    it), selecting an event brings Details to the front."""
    window.show()
    qtbot.waitExposed(window)
    window.deck_dock.raise_()
    qtbot.waitUntil(lambda: window.details.visibleRegion().isEmpty())
    window.state.select_event(window.state.pack.events[2].id)
    qtbot.waitUntil(lambda: not window.details.visibleRegion().isEmpty())
