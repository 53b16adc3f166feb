"""Packing a lane's spans into rows of bars that do not overlap (no Qt).

The longest spans are placed first, each in the first row it fits; a span with no
room in any row is drawn as a point instead, so a busy lane never grows taller.
"""

from __future__ import annotations

from content.model import Event

Bar = tuple[int, int, Event]  # first day ordinal, the day after the last, the event


def pack_spans(spans: list[Event], rows: int) -> tuple[list[list[Bar]], list[Event]]:
    """Up to `rows` rows of non-overlapping bars, each sorted by start, and the spans
    that fitted in none."""
    packed: list[list[Bar]] = [[] for _ in range(rows)]
    overflow: list[Event] = []
    for event in sorted(spans, key=lambda e: e.start_day - e.end_day):  # longest first
        a, b = event.start_day.toordinal(), event.end_day.toordinal() + 1
        row = next((r for r in packed if all(b <= x or a >= y for x, y, _ in r)), None)
        if row is None:
            overflow.append(event)
        else:
            row.append((a, b, event))
    return [sorted(r, key=lambda bar: bar[0]) for r in packed if r], overflow
