"""Dates known to a precision: a year, a month or a day, possibly approximate.

Sources rarely give a day for everything: "in 2002", "August 2021", "December 14,
2021". A `PartialDate` keeps exactly what is known and says it the way a briefer
would ("c. 2002", "August 2021", "14 December 2021").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum


class Precision(IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


# English month names, not `calendar`'s: those follow the C library's locale, which Qt
# sets from the user's environment, and would turn "December 2025" into "Dezember
# 2025" in an English briefing (and differently in the app and the command line).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTHS_SHORT = tuple(name[:3] for name in MONTHS)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """How many days `month` (1-12) of `year` has, in the Gregorian calendar."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS[month - 1]


def shift_years(day: dt.date, years: int) -> dt.date:
    """`day` moved by whole years, kept inside the calendar: 29 February becomes 28
    February in a year without it, and the result stops at 1 January 1 and
    31 December 9999 (the range every date the loader accepts falls in)."""
    year = min(max(day.year + years, dt.MINYEAR), dt.MAXYEAR)
    if year != day.year + years:
        return dt.date.min if years < 0 else dt.date.max
    return dt.date(year, day.month, min(day.day, days_in_month(year, day.month)))


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, stopping at the calendar's first and last day."""
    ordinal = min(max(day.toordinal() + days, dt.date.min.toordinal()), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)


def clamp_ordinal(ordinal: float) -> dt.date:
    """The day a (possibly fractional, possibly out-of-range) day number falls on."""
    whole = min(max(int(ordinal), dt.date.min.toordinal()), dt.date.max.toordinal())
    return dt.date.fromordinal(whole)


def day_label(day: dt.date) -> str:
    """`22 November 2026`: a day as the briefing writes it, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to `precision`; unknown parts are None."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        """YEAR, MONTH or DAY, from which parts are known."""
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @classmethod
    def parse(cls, text: str, approximate: bool = False) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError saying what is wrong."""
        match = _ISO.match(text.strip())
        if not match:
            raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist (in {text!r})")
        if day is not None and month is not None:
            last = days_in_month(year, month)
            if not 1 <= day <= last:
                raise ValueError(f"{text!r} does not exist: {MONTHS[month - 1]} "
                                 f"{year} has {last} days")
        return cls(year, month, day, approximate)

    def iso(self) -> str:
        """The ISO form of the precision known: `2002`, `2021-08`, `2021-12-14`."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The earliest calendar day this date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest calendar day this date may mean."""
        month = self.month or 12
        day = self.day or days_in_month(self.year, month)
        return dt.date(self.year, month, day)

    def label(self) -> str:
        """How a briefer writes it: `c. 2002`, `August 2021`, `14 December 2021`."""
        if self.month is None:
            text = str(self.year)
        elif self.day is None:
            text = f"{MONTHS[self.month - 1]} {self.year}"
        else:
            text = day_label(self.first_day())
        return f"c. {text}" if self.approximate else text

    def short_label(self) -> str:
        """A compact form for tight spaces: `2002`, `Aug 2021`, `14 Dec 2021`."""
        if self.month is None:
            text = str(self.year)
        elif self.day is None:
            text = f"{MONTHS_SHORT[self.month - 1]} {self.year}"
        else:
            text = f"{self.day} {MONTHS_SHORT[self.month - 1]} {self.year}"
        return f"c. {text}" if self.approximate else text


