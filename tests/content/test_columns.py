"""The events as columns answer what a pass over the event objects answers."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from content.columns import (
    ListColumn,
    PairColumn,
    day_columns,
    distinct,
    mask_of,
    span_column,
)
from content.loader import load_pack
from content.model import Pack


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    from benchmarks.synthetic import write_pack

    folder = write_pack(tmp_path_factory.mktemp("columns") / "pack", 2_000, places=25)
    return load_pack(folder, use_cache=False)


def test_day_columns_are_each_events_days(pack: Pack) -> None:
    first, last, mid = day_columns(pack.events)
    for row, event in enumerate(pack.events):
        assert first[row] == event.start_day.toordinal()
        assert last[row] == event.end_day.toordinal()
        own = (event.date.first_day().toordinal() + event.date.last_day().toordinal() + 1)
        assert mid[row] == own / 2, event.id


def test_the_span_column_is_each_events_bar_or_point(pack: Pack) -> None:
    embedded = load_pack(None, use_cache=False)  # ongoing spans too
    assert any(e.ongoing for e in embedded.events)
    for events in (pack.events, embedded.events):
        spans = span_column(events)
        assert spans.tolist() == [e.is_span for e in events]
        assert 0 < spans.sum() < len(events)


def test_a_list_column_finds_and_counts_what_the_events_hold(pack: Pack) -> None:
    places = ListColumn(pack.events, lambda e: e.places)
    rows = list(range(0, len(pack.events), 3))
    for ident in [*list(pack.places)[:10], "no-such-place"]:
        having = places.having(ident)
        assert np.flatnonzero(having).tolist() == [
            i for i, e in enumerate(pack.events) if ident in e.places]
    assert places.count(None) == Counter(p for e in pack.events for p in e.places)
    assert places.count(mask_of(rows, len(pack.events))) == Counter(
        p for i in rows for p in pack.events[i].places)


def test_the_pair_column_ranks_links_as_counting_them_one_by_one_does(pack: Pack) -> None:
    """The map's strongest links, ties included in the order they first occur."""
    from desktop.map.pairs import MAX_LINKS, place_pairs

    places = ListColumn(pack.events, lambda e: e.places)
    pairs = PairColumn(places, pack.places.__contains__)
    for rows in (None, list(range(0, len(pack.events), 2)), [5]):
        events = pack.events if rows is None else [pack.events[i] for i in rows]
        expected = Counter(p for e in events for p in place_pairs(e, pack.places))
        mask = None if rows is None else mask_of(rows, len(pack.events))
        got = [((a, b) if a < b else (b, a), n) for (a, b), n in pairs.count(mask, MAX_LINKS)]
        assert got == expected.most_common(MAX_LINKS)


def test_unknown_places_are_left_out_of_pairs(tmp_path: Path) -> None:
    pack = load_pack(None)
    places = ListColumn(pack.events, lambda e: e.places)
    known = set(list(pack.places)[1:])  # as if the first place were not on the map
    gone = next(iter(pack.places))
    pairs = PairColumn(places, known.__contains__)
    assert all(gone not in pair for pair, _ in pairs.count(None, 1000))


def test_day_ordinals_hold_at_the_calendars_edges() -> None:
    """Worked out as arrays, every partial date's first and last day are the
    calendar's: years 1 and 9999, leap days, centuries that are and are not leap."""
    import calendar
    import random

    from content.columns import _ordinals
    from content.dates import PartialDate

    dates = [PartialDate(1), PartialDate(1, 1, 1), PartialDate(9999), PartialDate(9999, 12),
             PartialDate(9999, 12, 31), PartialDate(2000, 2), PartialDate(1900, 2),
             PartialDate(2004, 2, 29), PartialDate(2100, 2), PartialDate(1600, 12)]
    rng = random.Random(7)
    for _ in range(5_000):
        year, month = rng.randint(1, 9999), rng.choice([None, *range(1, 13)])
        day = (None if month is None or rng.random() < 0.3
               else rng.randint(1, calendar.monthrange(year, month)[1]))
        dates.append(PartialDate(year, month, day))
    first, last = _ordinals(dates)
    assert first.tolist() == [d.first_day().toordinal() for d in dates]
    assert last.tolist() == [d.last_day().toordinal() for d in dates]


def test_no_events_have_no_days() -> None:
    first, last, mid = day_columns([])
    assert len(first) == len(last) == len(mid) == 0


@given(st.lists(st.integers(-800_000, 4_000_000), max_size=60))
def test_distinct_is_numpys_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert np.array_equal(distinct(array), np.unique(array))


def test_distinct_leaves_masked_arrays_unimported() -> None:
    """The timeline's first frame of a large pack does not pay for `np.ma` (26 ms)."""
    code = ("import sys, numpy as np; from content.columns import distinct; "
            "distinct(np.array([3, 1, 3])); print('numpy.ma' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
