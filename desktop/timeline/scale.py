"""Mapping days to pixels and choosing tick marks that adapt from decades to days.

Pure arithmetic on date ordinals (no Qt), shared by the timeline view and tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from content.dates import MONTHS_SHORT
from content.timeaxis import gaps

# (name, approximate days per step) from coarse to fine.
UNITS = (("50y", 18262.5), ("20y", 7305.0), ("10y", 3652.5), ("5y", 1826.25),
         ("2y", 730.5), ("1y", 365.25), ("6m", 182.6), ("3m", 91.3), ("1m", 30.44),
         ("1w", 7.0), ("1d", 1.0))
MIN_TICK_PX = 64.0


BREAK_DAYS = 240.0  # what a shortened empty stretch keeps of the axis, in days


@dataclass(frozen=True, slots=True)
class Warp:
    """Long empty stretches of time, shortened on the axis.

    Which stretches is `content.timeaxis.gaps`'s rule, the deck's too. Each gap (real
    first and last day ordinal) is drawn `BREAK_DAYS` long. Axis days ("virtual" days) equal
    real days after the last gap, so a view of recent years reads as it always did;
    earlier days move later by what the gaps after them lost. Within the stretches
    between gaps one virtual day is one real day: zoom, pan and ticks work as on a
    linear axis."""

    gaps: tuple[tuple[float, float], ...] = ()

    @classmethod
    def of(cls, days: list[float]) -> Warp:
        """The gaps between neighbouring `days` (event starts and ends) worth
        shortening."""
        pad = BREAK_DAYS / 2  # the stops either side keep some room
        return cls(tuple((a + pad, b - pad) for a, b in gaps(days)))

    def v(self, day: float) -> float:
        """The axis day of real day ordinal `day`."""
        out = day
        for a, b in self.gaps:
            length = b - a
            if day <= a:
                out += length - BREAK_DAYS
            elif day < b:
                out += (b - day) * (1 - BREAK_DAYS / length)
        return out

    def v_array(self, days: np.ndarray) -> np.ndarray:
        """`v` of every real day ordinal in `days` at once."""
        out = days.astype(np.float64)
        for a, b in self.gaps:
            length = b - a
            out += np.where(days <= a, length - BREAK_DAYS,
                            np.where(days < b, (b - days) * (1 - BREAK_DAYS / length), 0.0))
        return out

    def real(self, v: float) -> float:
        """The real day ordinal at axis day `v` (the inverse of `v`)."""
        low, high = v - sum(b - a for a, b in self.gaps), v
        for _ in range(60):  # v() is increasing: bisection, to well under a day
            middle = (low + high) / 2
            if self.v(middle) < v:
                low = middle
            else:
                high = middle
        return (low + high) / 2

    def in_gap(self, day: float) -> bool:
        """True inside a shortened stretch (no ticks there)."""
        return any(a < day < b for a, b in self.gaps)


NO_WARP = Warp()


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Day ordinals to pixels: axis days [start, end] linearly onto [left, right],
    real days through the `warp` (long empty stretches shortened)."""

    start: float  # axis ("virtual") days: see Warp
    end: float
    left: float
    right: float
    warp: Warp = NO_WARP
    px_per_day: float = field(init=False)  # pixels one day takes at this zoom

    def __post_init__(self) -> None:
        # Computed once: a frame maps hundreds of days to pixels.
        object.__setattr__(self, "px_per_day",
                           (self.right - self.left) / max(self.end - self.start, 1e-9))

    def x(self, day: float) -> float:
        """Pixel x of a real day ordinal."""
        v = self.warp.v(day) if self.warp.gaps else day
        return self.left + (v - self.start) * self.px_per_day

    def day(self, x: float) -> float:
        """Real day ordinal at pixel x."""
        v = self.start + (x - self.left) / self.px_per_day
        return self.warp.real(v) if self.warp.gaps else v

    def axis_day(self, x: float) -> float:
        """Axis (virtual) day at pixel x: what zooming and panning move."""
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


def enclosing(start: float, end: float, unit: str) -> str:
    """What day and week ticks leave unsaid: the month and year in view ("July
    2021", "July – August 2021"), or the year for month ticks; "" for years."""
    from content.dates import MONTHS

    mid_first = dt.date.fromordinal(max(1, int(start) + 1))
    last = dt.date.fromordinal(min(dt.date.max.toordinal(), max(int(start) + 1, int(end) - 1)))
    if unit.endswith("y"):
        return ""
    if unit.endswith("m"):
        return str(mid_first.year) if mid_first.year == last.year else \
            f"{mid_first.year} \u2013 {last.year}"
    if (mid_first.year, mid_first.month) == (last.year, last.month):
        return f"{MONTHS[last.month - 1]} {last.year}"
    if mid_first.year == last.year:
        return f"{MONTHS[mid_first.month - 1]} \u2013 {MONTHS[last.month - 1]} {last.year}"
    return (f"{MONTHS[mid_first.month - 1]} {mid_first.year} \u2013 "
            f"{MONTHS[last.month - 1]} {last.year}")
