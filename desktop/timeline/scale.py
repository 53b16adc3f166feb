"""Mapping days to pixels and choosing tick marks that adapt from decades to days.

Pure arithmetic on date ordinals (no Qt), shared by the timeline view and tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from content.dates import MONTHS_SHORT

# (name, approximate days per step) from coarse to fine.
UNITS = (("50y", 18262.5), ("20y", 7305.0), ("10y", 3652.5), ("5y", 1826.25),
         ("2y", 730.5), ("1y", 365.25), ("6m", 182.6), ("3m", 91.3), ("1m", 30.44),
         ("1w", 7.0), ("1d", 1.0))
MIN_TICK_PX = 64.0


@dataclass(frozen=True, slots=True)
class TimeScale:
    """A linear map from day ordinals [start, end] to pixels [left, right]."""

    start: float
    end: float
    left: float
    right: float
    px_per_day: float = field(init=False)  # pixels one day takes at this zoom

    def __post_init__(self) -> None:
        # Computed once: a frame maps hundreds of days to pixels.
        object.__setattr__(self, "px_per_day",
                           (self.right - self.left) / max(self.end - self.start, 1e-9))

    def x(self, day: float) -> float:
        """Pixel x of a day ordinal."""
        return self.left + (day - self.start) * self.px_per_day

    def day(self, x: float) -> float:
        """Day ordinal at pixel x."""
        return self.start + (x - self.left) / self.px_per_day


def tick_unit(px_per_day: float) -> str:
    """The finest unit whose steps are at least `MIN_TICK_PX` apart."""
    chosen = UNITS[0][0]
    for name, days in UNITS:
        if days * px_per_day >= MIN_TICK_PX:
            chosen = name
    return chosen


def ticks(start: float, end: float, unit: str) -> list[tuple[float, str]]:
    """Tick positions (day ordinals) and labels for `unit` between two ordinals."""
    first = dt.date.fromordinal(max(1, int(start)))
    last = dt.date.fromordinal(min(dt.date.max.toordinal(), int(end) + 1))
    out: list[tuple[float, str]] = []
    if unit.endswith("y"):
        step = int(unit[:-1])
        year = first.year - first.year % step
        while year <= last.year:
            if year >= 1:
                out.append((dt.date(year, 1, 1).toordinal(), str(year)))
            year += step
    elif unit.endswith("m"):
        step = int(unit[:-1])
        year, month = first.year, ((first.month - 1) // step) * step + 1
        while (year, month) <= (last.year, last.month):
            label = str(year) if month == 1 else f"{MONTHS_SHORT[month - 1]}"
            if step == 1 and month == 1:
                label = f"Jan {year}"
            out.append((dt.date(year, month, 1).toordinal(), label))
            month += step
            if month > 12:
                month -= 12
                year += 1
    else:
        step = 7 if unit == "1w" else 1
        day = first.toordinal()
        if step == 7:
            day -= first.weekday()  # Mondays
        while day <= last.toordinal():
            d = dt.date.fromordinal(day)
            label = f"{d.day} {MONTHS_SHORT[d.month - 1]}"
            if d.day == 1 or day == first.toordinal():
                label += f" {d.year}"
            out.append((day, label))
            day += step
    return [(t, label) for t, label in out if start - 400 <= t <= end + 400]
