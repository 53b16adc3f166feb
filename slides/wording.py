"""How a deck words what it says about itself: dates, the content's age, what it left out.

Dates are written as a briefer writes them ("12 January 2026", never "2026-01-12");
content more than six months older than the briefing says so on the title slide, so
nobody presents last year's picture as today's without knowing it.
"""

from __future__ import annotations

import datetime as dt

from content.dates import PartialDate

STALE_AFTER_MONTHS = 6


def in_words(date: str) -> str:
    """A recipe's date in words when it is an ISO date, else as the briefer typed it."""
    try:
        return PartialDate.parse(date).label() if date.strip() else ""
    except ValueError:
        return date


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (0 if later is not later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


def content_age(as_of: PartialDate, briefing: str, today: dt.date | None = None) -> str:
    """`Content as of 15 December 2025`, and how old that is when it is more than six
    months before the briefing (the recipe's date, else today)."""
    line = f"Content as of {as_of.label()}"
    try:
        when = PartialDate.parse(briefing).last_day() if briefing.strip() else None
    except ValueError:
        when = None
    when = when or today or dt.date.today()
    months = months_between(as_of.last_day(), when)
    if months > STALE_AFTER_MONTHS:
        age = f"{months // 12} year{'s' if months >= 24 else ''}" if months >= 12 and \
            months % 12 == 0 else f"{months} months"
        line += f" \u2014 {age} before this briefing"
    return line


def left_out(count: int, noun: str, why: str) -> str:
    """The one line a deck shows where it left something out."""
    return f"{count:,} more {noun} not shown: {why}."
