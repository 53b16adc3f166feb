"""The search box: instant on a small pack; on a large one it filters once typing
pauses, and what is being typed is never overwritten or lost."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from benchmarks.synthetic import write_pack
from content.loader import load_pack
from desktop.panes.filters import FilterPanel
from desktop.state import BriefingState


@pytest.fixture(scope="module")
def large_pack(tmp_path_factory: pytest.TempPathFactory):
    return load_pack(write_pack(tmp_path_factory.mktemp("large") / "pack", 3_000),
                     use_cache=False)


def panel_over(state: BriefingState, qtbot) -> tuple[FilterPanel, list[str]]:
    panel = FilterPanel(state)
    qtbot.addWidget(panel)
    seen: list[str] = []
    state.filterChanged.connect(lambda: seen.append(state.filter.text))
    return panel, seen


def test_a_small_pack_filters_at_every_keystroke(state: BriefingState, qtbot) -> None:
    panel, seen = panel_over(state, qtbot)
    qtbot.keyClicks(panel.search, "kab")
    assert seen == ["k", "ka", "kab"]


def test_a_large_pack_filters_once_typing_pauses(large_pack, qtbot) -> None:
    state = BriefingState(large_pack)
    panel, seen = panel_over(state, qtbot)
    qtbot.keyClicks(panel.search, "emb")
    assert seen == [] and state.filter.text == ""
    qtbot.waitUntil(lambda: state.filter.text == "emb", timeout=20_000)
    assert seen == ["emb"]


def test_typing_survives_a_filter_change_from_elsewhere(large_pack, qtbot) -> None:
    state = BriefingState(large_pack)
    panel, _ = panel_over(state, qtbot)
    qtbot.keyClicks(panel.search, "envoy")
    state.set_window(dt.date(2000, 1, 1), dt.date(2010, 12, 31))  # e.g. Play stepping
    assert panel.search.text() == "envoy"
    qtbot.waitUntil(lambda: state.filter.text == "envoy", timeout=20_000)
    assert state.filter.start == dt.date(2000, 1, 1)


def test_enter_searches_at_once_and_reset_forgets_a_pending_search(large_pack,
                                                                   qtbot) -> None:
    state = BriefingState(large_pack)
    panel, _ = panel_over(state, qtbot)
    qtbot.keyClicks(panel.search, "forces")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert state.filter.text == "forces"
    qtbot.keyClicks(panel.search, " x")
    panel.reset.click()
    assert not panel._search_timer.isActive()  # no search left pending to run later
    assert state.filter.text == "" and panel.search.text() == ""


def test_counts_of_thousands_read_with_separators(large_pack, qtbot) -> None:
    """"All 3,000 events", "1,420 of 3,000 events match": counts read at a glance."""
    state = BriefingState(large_pack)
    panel, _ = panel_over(state, qtbot)
    assert panel.result_count.text() == "All 3,000 events"
    state.set_sections(frozenset(s.id for s in large_pack.sections[:3]))
    shown = len(state.visible_events)
    assert shown >= 1_000
    assert panel.result_count.text() == f"{shown:,} of 3,000 events match"
    assert "," in panel.result_count.text().split(" of ")[0]
