"""BriefingState: filters narrow, selection steps, signals fire only on change."""

from __future__ import annotations

import datetime as dt

from desktop.state import BriefingState


def test_filter_signals_once_per_real_change(state: BriefingState, qtbot) -> None:
    with qtbot.waitSignal(state.filterChanged):
        state.set_text("kabul")
    assert {e.id for e in state.visible_events} == {"kabul-airlift", "stoltenberg-thanks-kabul"}
    with qtbot.assertNotEmitted(state.filterChanged):
        state.set_text("kabul")


def test_checking_every_section_means_no_section_filter(state: BriefingState) -> None:
    state.set_sections(frozenset(s.id for s in state.pack.sections))
    assert state.filter.sections is None


def test_step_selection_walks_visible_events(state: BriefingState) -> None:
    state.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    state.step_selection(+1)
    first = state.selected_event
    state.step_selection(+1)
    assert first is not None and state.selected_event is not None
    assert state.selected_event.start_day >= first.start_day
    state.step_selection(-1)
    assert state.selected_event == first


def test_reloading_keeps_a_selection_that_still_exists(state: BriefingState) -> None:
    state.select_event("kabul-airlift")
    state.set_pack(state.pack)
    assert state.selected_event is not None and state.selected_event.id == "kabul-airlift"


class Recorder:
    """Which of the state's signals fired, in order."""

    NAMES = ("packChanged", "sectionsChanged", "windowChanged", "textChanged",
             "facetsChanged", "filterChanged", "visibleChanged", "selectionChanged",
             "placeSelected")

    def __init__(self, state: BriefingState) -> None:
        self.fired: list[str] = []
        for name in self.NAMES:
            getattr(state, name).connect(lambda name=name: self.fired.append(name))


def test_each_field_has_its_own_signal(state: BriefingState) -> None:
    seen = Recorder(state)
    state.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert seen.fired == ["windowChanged", "filterChanged", "visibleChanged"]
    seen.fired.clear()
    state.set_window(dt.date(2021, 1, 1), dt.date(2021, 12, 30))  # same events pass
    assert seen.fired == ["windowChanged", "filterChanged"]
    seen.fired.clear()
    state.set_sections(frozenset({"history"}))
    assert seen.fired == ["sectionsChanged", "filterChanged", "visibleChanged"]
    seen.fired.clear()
    state.set_text("aliyev")
    assert seen.fired[0] == "textChanged"
    seen.fired.clear()
    state.set_pack(state.pack)
    assert seen.fired == ["packChanged", "filterChanged", "visibleChanged", "selectionChanged",
                          "placeSelected"]


def test_a_brush_drag_never_rebuilds_the_timeline_lanes(qtbot, state: BriefingState) -> None:
    """The lanes ignore the window: moving it repaints, it does not rebuild."""
    from desktop.timeline.view import TimelineView

    view = TimelineView(state)
    qtbot.addWidget(view)
    lanes = view.lanes
    for day in range(1, 28):
        state.set_window(dt.date(2020, 1, day), dt.date(2022, 1, day))
    assert view.lanes is lanes
    state.set_text("kabul")
    assert view.lanes is not lanes


def _lane_events(view) -> set[str]:
    """The ids of every event the timeline draws, as points or bars."""
    ids = {e.id for lane in view.lanes for e in lane.points}
    return ids | {t[2].id for lane in view.lanes for row in lane.span_rows for t in row}


def test_the_timeline_follows_an_actor_filter(qtbot, state: BriefingState) -> None:
    """Picking an actor in Filters leaves only that actor's events on the timeline
    (and picking "Anyone" brings the rest back)."""
    from desktop.timeline.view import TimelineView

    view = TimelineView(state)
    qtbot.addWidget(view)
    everyone = _lane_events(view)
    state.set_actor_filter("javier-colomina")
    theirs = {e.id for e in state.pack.events if "javier-colomina" in e.actors}
    assert _lane_events(view) == theirs != everyone
    state.set_place_filter("washington")
    assert _lane_events(view) == theirs & {e.id for e in state.pack.events
                                           if "washington" in e.places}
    state.reset_filter()
    assert _lane_events(view) == everyone


def test_a_reload_keeps_the_sections_the_analyst_chose(state: BriefingState) -> None:
    """Saving a file in the pack reloads it: the two sections the analyst was looking
    at stay the only ones shown."""
    from content.loader import load_pack

    state.set_sections(frozenset({"history", "operations"}))
    shown = {e.id for e in state.visible_events}
    state.set_pack(load_pack(use_cache=False))
    assert state.filter.sections == {"history", "operations"}
    assert {e.id for e in state.visible_events} == shown


def test_every_announcement_of_the_model_is_a_qt_signal(qtbot, state: BriefingState) -> None:
    """The adapter relays each kind of change the model announces (a facet added to
    the model without a signal here would leave the views deaf to it)."""
    from desktop.briefing import Changes

    assert set(BriefingState.SIGNALS) == set(Changes.NAMES)
    for name in Changes.NAMES:
        with qtbot.waitSignal(getattr(state, BriefingState.SIGNALS[name])):
            state.model.changes[name].emit()
