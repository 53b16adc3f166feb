"""A pack's events as columns: numpy arrays indexed by an event's row in `pack.events`.

Filtering and counting 100,000 events event by event in Python costs a second; the
same questions asked of arrays cost milliseconds. Each event's day ordinals are an
array; each list field (sections, places, actors) is a pair of arrays: the code of
every item and the row it belongs to ("what" and "whose"). A set of rows is a
boolean mask; "which events have place P" is a mask built from the place's items;
"how many events of these rows touch each place" is one `bincount`.

Nothing here knows about filters or views: `content.query` asks the questions.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from content.dates import PartialDate
    from content.model import Event

Mask = np.ndarray  # bool, one per event
_DATE, _END, _ONGOING = attrgetter("date"), attrgetter("end"), attrgetter("ongoing")
_HORIZON = attrgetter("horizon")
_YEAR = attrgetter("year")


class ListColumn:
    """One list field of every event (`Event.places`, say) as codes and owners."""

    def __init__(self, events: Sequence[Event], of_event: Callable[[Event], Sequence[str]]
                 ) -> None:
        lists = list(map(of_event, events))
        flat = list(itertools.chain.from_iterable(lists))
        codes = {ident: code for code, ident in enumerate(dict.fromkeys(flat))}
        what = np.fromiter(map(codes.__getitem__, flat), dtype=np.int32, count=len(flat))
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        self.ids = list(codes)  # code -> id
        self.codes = codes  # id -> code
        self.what = what
        self.whose = np.repeat(np.arange(len(events), dtype=np.int32), lengths)
        self.size = len(events)
        self._masks: dict[str, Mask] = {}

    def having(self, ident: str) -> Mask:
        """The events with `ident` among their items (kept: a filter asks again)."""
        got = self._masks.get(ident)
        if got is None:
            got = np.zeros(self.size, dtype=bool)
            code = self.codes.get(ident)
            if code is not None:
                got[self.whose[self.what == code]] = True
            self._masks[ident] = got
        return got

    def count(self, rows: Mask | None) -> dict[str, int]:
        """How many of the events at `rows` (None: all) have each item."""
        what = self.what if rows is None else self.what[rows[self.whose]]
        counts = np.bincount(what, minlength=len(self.ids))
        return {self.ids[code]: int(counts[code]) for code in np.flatnonzero(counts)}


class PairColumn:
    """Pairs of a list field's items that follow one another in an event (the map's
    links): each pair's code and the event it belongs to."""

    def __init__(self, items: ListColumn, keep: Callable[[str], bool]) -> None:
        known = np.array([keep(ident) for ident in items.ids] or [False], dtype=bool)
        what, whose = items.what, items.whose
        on = known[what] if len(what) else np.zeros(0, dtype=bool)
        what, whose = what[on], whose[on]
        follows = (whose[1:] == whose[:-1]) & (what[1:] != what[:-1])
        a, b = what[:-1][follows], what[1:][follows]
        low, high = np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)
        self.width = max(len(items.ids), 1)
        self.code = low * self.width + high
        self.whose = whose[:-1][follows]
        self.ids = items.ids

    def count(self, rows: Mask | None, most: int) -> list[tuple[tuple[str, str], int]]:
        """The `most` pairs most events at `rows` connect, strongest first (ties in
        the order they first occur, as `Counter.most_common` has them), with counts."""
        code = self.code if rows is None else self.code[rows[self.whose]]
        if not len(code):
            return []
        found, first, counts = np.unique(code, return_index=True, return_counts=True)
        order = np.lexsort((first, -counts))[:most]
        return [((self.ids[int(found[i]) // self.width], self.ids[int(found[i]) % self.width]),
                 int(counts[i])) for i in order]


def day_columns(events: Sequence[Event]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each event's first and last day ordinals and the middle of its own date (where
    a point is drawn: a month's middle for a month). Each distinct date is worked out
    once: a pack shares equal dates, so 100,000 events hold a few thousand."""
    count = len(events)
    dates, ends, horizons = (list(map(get, events)) for get in (_DATE, _END, _HORIZON))
    # Each event's date and "until" (its end, else its horizon, else its date) by
    # identity: the shared objects are found as distinct addresses, all in C.
    date_at, end_at, horizon_at = (np.fromiter(map(id, column), dtype=np.int64, count=count)
                                   for column in (dates, ends, horizons))
    none = id(None)
    until_at = np.where(end_at != none, end_at, np.where(horizon_at != none, horizon_at,
                                                         date_at))
    _, first_row, which = np.unique(np.concatenate([date_at, until_at]),
                                    return_index=True, return_inverse=True)
    objects = [dates[row] if row < count else _until(ends, horizons, dates, row - count)
               for row in first_row.tolist()]
    firsts, lasts = _ordinals(objects)
    first = firsts[which[:count]]
    return first, lasts[which[count:]], (first + lasts[which[:count]] + 1) / 2


def _until(ends: list[Any], horizons: list[Any], dates: list[Any], row: int) -> Any:
    """Event `row`'s "until" date: its end, else its horizon, else its date."""
    return ends[row] or horizons[row] or dates[row]


def _ordinals(dates: list[PartialDate]) -> tuple[np.ndarray, np.ndarray]:
    """The first and last day ordinals (`date.toordinal()`) of each partial date,
    worked out as arrays: the proleptic Gregorian day count, 1 January of year 1
    being day 1 (26,000 distinct dates at 100,000 events took 70 ms one by one)."""
    year = np.fromiter(map(_YEAR, dates), dtype=np.int64, count=len(dates))
    month = np.fromiter((d.month or 0 for d in dates), dtype=np.int64, count=len(dates))
    day = np.fromiter((d.day or 0 for d in dates), dtype=np.int64, count=len(dates))
    first = _day_number(year, np.maximum(month, 1), np.maximum(day, 1))
    # the last day: the day given, else the day before the next month or year begins
    next_year = np.where(month == 0, year + 1, year + (month == 12))
    next_month = np.where(month == 0, 1, month % 12 + 1)
    last = np.where(day > 0, first, _day_number(next_year, next_month, 1) - 1)
    return first, last


def _day_number(year: np.ndarray, month: np.ndarray, day: np.ndarray | int) -> np.ndarray:
    """`date(year, month, day).toordinal()` for arrays of valid dates (any year, so
    that 10000-01-01 may stand for the day after 9999-12-31)."""
    y = year - (month <= 2)
    era = y // 400
    of_era = y - era * 400
    of_year = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    of_cycle = of_era * 365 + of_era // 4 - of_era // 100 + of_year
    return era * 146097 + of_cycle - 305  # 1 March of year 0 is day -305


def distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` of a 1-D array of numbers, sorted, without importing
    numpy's masked arrays (`np.unique` asks `np.ma` on its first call: 26 ms of a
    large pack's first window)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def span_column(events: Sequence[Event]) -> Mask:
    """Which events are spans (`Event.is_span`: an end, or ongoing), as a mask."""
    ends = np.fromiter(map(operator.is_not, map(_END, events), itertools.repeat(None)),
                       dtype=bool, count=len(events))
    return ends | np.fromiter(map(_ONGOING, events), dtype=bool, count=len(events))


def mask_of(rows: Iterable[int], size: int) -> Mask:
    """The rows as a mask."""
    mask = np.zeros(size, dtype=bool)
    mask[np.fromiter(rows, dtype=np.int64)] = True
    return mask
