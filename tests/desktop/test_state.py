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
