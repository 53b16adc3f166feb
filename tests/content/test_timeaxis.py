"""One rule for where a time axis breaks, in the app and in the deck."""

from __future__ import annotations

import datetime as dt

from content.loader import load_pack
from content.timeaxis import GAP_AT_LEAST, gaps


def _ord(year: int, month: int = 1) -> int:
    return dt.date(year, month, 1).toordinal()


def test_decades_with_nothing_in_them_break_and_busy_years_do_not() -> None:
    days = [_ord(1992), _ord(1994), _ord(2002)] + [_ord(y, m) for y in range(2021, 2026)
                                                   for m in (2, 7)]
    assert gaps(days) == [(_ord(1994), _ord(2002)), (_ord(2002), _ord(2021, 2))]
    assert gaps([_ord(2021), _ord(2022), _ord(2023)]) == []  # a short story: linear
    assert gaps([_ord(2000)]) == [] and gaps([]) == []


def test_a_gap_must_be_long_in_years_and_in_share() -> None:
    """Three years of nothing inside a century-long pack is no break; within a
    four-year pack it is not either (under GAP_AT_LEAST)."""
    assert gaps([_ord(1900), _ord(1950), _ord(1953), _ord(2000)]) == [
        (_ord(1900), _ord(1950)), (_ord(1953), _ord(2000))]
    short = [_ord(2020), _ord(2020) + int(GAP_AT_LEAST) - 1]
    assert gaps(short) == []


def test_the_app_and_the_deck_break_the_embedded_packs_axis_alike() -> None:
    """The timeline pane's breaks and a timeline slide's fall in the same gaps."""
    from desktop.timeline.scale import BREAK_DAYS, Warp
    from slides.timeline_layout import Scale

    pack = load_pack()
    days = [d for e in pack.events for d in (e.start_day.toordinal(), e.end_day.toordinal())]
    app = [(a - BREAK_DAYS / 2, b + BREAK_DAYS / 2) for a, b in Warp.of(days).gaps]
    dates = [dt.date.fromordinal(d) for d in days]
    deck = Scale.of(dates, 0.0, 800.0)
    deck_gaps = [(deck.pieces[i][1], deck.pieces[i + 1][0])
                 for i in range(len(deck.pieces) - 1)]
    assert app and len(app) == len(deck_gaps)
    for (a, b), (c, d) in zip(app, deck_gaps, strict=True):
        assert c >= a and d <= b  # the deck's break lies within the app's gap
