"""Play's calendar: windows of a month, a quarter or a year, stepped to the next one
that holds an event.

Pure date arithmetic (no Qt), for the timeline panel and its tests. The unit fits
the zoom: a view of under three years plays by month, under twelve by quarter, and
longer by year, each window a whole calendar unit ("1 January – 31 March 2021"),
never a drifting 365 days. Empty units are skipped, so a story with a ten-year gap
does not play ten empty years.
"""

from __future__ import annotations

import bisect
import datetime as dt

MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}


def unit_for_span(days: float) -> str:
    """The unit Play steps by for a view `days` long."""
    if days < 3 * 365.25:
        return "month"
    return "quarter" if days < 12 * 365.25 else "year"


def unit_bounds(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar `unit` holding `day`."""
    months = MONTHS_IN[unit]
    first_month = (day.month - 1) // months * months + 1
    first = dt.date(day.year, first_month, 1)
    last_month = first_month + months - 1
    if last_month == 12:
        last = dt.date(day.year, 12, 31)
    else:
        last = dt.date(day.year, last_month + 1, 1) - dt.timedelta(days=1)
    return first, last


def next_window(after: dt.date, unit: str, event_days: list[dt.date]
                ) -> tuple[dt.date, dt.date] | None:
    """The first `unit` after the one holding `after` that holds an event (from the
    sorted `event_days`), or None when no event is left."""
    _, last = unit_bounds(after, unit)
    index = bisect.bisect_right(event_days, last)
    if index >= len(event_days):
        return None
    return unit_bounds(event_days[index], unit)


def first_window(event_days: list[dt.date], unit: str, start: dt.date | None = None
                 ) -> tuple[dt.date, dt.date] | None:
    """The first `unit` holding an event on or after `start` (all events: None)."""
    index = bisect.bisect_left(event_days, start) if start else 0
    if index >= len(event_days):
        return None
    return unit_bounds(event_days[index], unit)


def window_label(first: dt.date, last: dt.date, unit: str) -> str:
    """`March 2021`, `Q1 2021`, `2021`."""
    from content.dates import MONTHS

    if unit == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if unit == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    return str(first.year)


def snap_unit(px_per_day: float) -> str:
    """What a brushed window snaps to at this zoom: years when a year is narrow,
    months when a month is, else days."""
    if px_per_day * 365.25 < 160:
        return "year"
    return "month" if px_per_day * 30.44 < 100 else "day"


def snap_window(start: dt.date, end: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """[start, end] widened to whole `unit`s (day: as it is)."""
    if unit == "day":
        return start, end
    return unit_bounds(start, unit)[0], unit_bounds(end, unit)[1]
