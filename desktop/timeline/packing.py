"""Packing a lane's spans into rows of bars that do not overlap (no Qt).

The longest spans are placed first, each in the first row it fits; a span with no
room in any row is drawn as a point instead, so a busy lane never grows taller.
"""

from __future__ import annotations

import bisect

from content.model import Event

Bar = tuple[int, int, Event]  # first day ordinal, the day after the last, the event


def pack_spans(spans: list[Event], rows: int) -> tuple[list[list[Bar]], list[Event]]:
    """Up to `rows` rows of non-overlapping bars, each sorted by start, and the spans
    that fitted in none."""
    bars = [(e.start_day.toordinal(), e.end_day.toordinal() + 1, e) for e in spans]
    return pack_bars(bars, rows)


def pack_bars(bars: list[Bar], rows: int) -> tuple[list[list[Bar]], list[Event]]:
    """`pack_spans` of spans already given as bars (a lane's, from the index's day
    columns). Each row keeps its bars in start order, so whether a span fits is two
    neighbours found by bisection, not a pass over the row."""
    packed: list[list[Bar]] = [[] for _ in range(rows)]
    starts: list[list[int]] = [[] for _ in range(rows)]
    overflow: list[Event] = []
    for bar in sorted(bars, key=lambda bar: bar[0] - bar[1]):  # longest first
        a, b, event = bar
        for row, row_starts in zip(packed, starts, strict=True):
            at = bisect.bisect_right(row_starts, a)
            if (at == 0 or row[at - 1][1] <= a) and (at == len(row) or b <= row[at][0]):
                row.insert(at, bar)
                row_starts.insert(at, a)
                break
        else:
            overflow.append(event)
    return [row for row in packed if row], overflow
