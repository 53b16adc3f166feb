"""Filtering a pack's events by section, date window, place, actor and free text.

`EventIndex` precomputes what filters need (folded search text, day ordinals, each
section's events) once per pack, and keeps the events' figures as columns: arrays
indexed by an event's position in `pack.events`. Views work on positions ("rows"),
so a filter change at 100,000 events costs passes over integers, not over objects.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

import numpy as np

from content.columns import ListColumn, Mask, day_columns, mask_of, span_column
from content.facets import CHOOSERS, Chooser
from content.model import Event, Pack


def fold(text: str) -> str:
    """Case- and accent-insensitive form for search: `Oğuz` and `oguz` match.

    ASCII text needs only its case folded; other text is decomposed and its
    combining marks dropped by one `str.translate` (the first search of a
    10,000-event pack folded character by character in Python: ~0.3 s)."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_combining_marks())


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every code point with a non-zero combining class, mapped to deletion (~900,
    all below U+30000; ~8 ms to find, once)."""
    return {cp: None for cp in range(0x30000) if unicodedata.combining(chr(cp))}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What the analyst is looking at: None for a part means "no restriction"."""

    sections: frozenset[str] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""
    place: str | None = None
    actor: str | None = None

    def with_(self, **changes: object) -> EventFilter:
        """A copy with some parts changed."""
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return EventFilter(**values)


class EventIndex:
    """Precomputed search data for one pack's events, as columns (`content.columns`).

    Positions in `pack.events` are rows. Sections, places and actors are list
    columns; day ordinals are arrays. A filter is a few mask operations; counts are
    `bincount`s. Only free text is matched event by event, over the rows the other
    parts let through.
    """

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.events = pack.events
        self.size = len(pack.events)
        # By row: first and last day ordinals, and the middle of each event's own date.
        self.first_days, self.last_days, self.mid_days = day_columns(pack.events)
        self._first, self._last = self.first_days, self.last_days
        self.spans = span_column(pack.events)  # by row: whether it is drawn as a bar
        self.sections = ListColumn(pack.events, attrgetter("sections"))
        self.lists = {facet.field: ListColumn(pack.events, facet.of_event)
                      for facet in CHOOSERS}
        self._columns: dict[str, object] = {}
        self._text_cache: list[str] | None = None  # built on the first text search
        self._masks: tuple[object, Mask] | None = None  # the last rows asked about
        self._objects: np.ndarray | None = None  # the events as an object array (`take`)

    @property
    def _text(self) -> list[str]:
        if self._text_cache is None:
            self._text_cache = [self._search_text(self.pack, e) for e in self.pack.events]
        return self._text_cache

    @staticmethod
    def _search_text(pack: Pack, event: Event) -> str:
        parts = [event.title, event.summary, event.date.label()]
        parts += [pack.actors[a].name for a in event.actors if a in pack.actors]
        parts += [pack.places[p].name for p in event.places if p in pack.places]
        return fold("\n".join(parts))

    def column(self, name: str, build: Callable[[], T]) -> T:
        """A view's own column (the map's place pairs, say), built once per pack by
        `build()` and kept under `name`."""
        got = self._columns.get(name)
        if got is None:
            got = self._columns[name] = build()
        return got  # type: ignore[return-value]

    def mask(self, rows: list[int] | range) -> Mask:
        """`rows` as a mask (the last one asked for is kept: every view asks about
        the same visible rows after a filter change)."""
        kept = self._masks
        if kept is not None and kept[0] is rows:
            return kept[1]
        mask = mask_of(rows, self.size)
        self._masks = (rows, mask)
        return mask

    def matches(self, flt: EventFilter) -> list[Event]:
        """The events passing `flt`, in date order."""
        return [self.events[i] for i in self.matching_indices(flt)]

    def _passing(self, flt: EventFilter) -> Mask | None:
        """The mask of events passing every part of `flt` but its text (None: all)."""
        mask: Mask | None = None

        def narrow(part: Mask) -> None:
            nonlocal mask
            mask = part if mask is None else mask & part

        if flt.sections is not None:
            every = np.zeros(self.size, dtype=bool)
            for section in flt.sections:
                every |= self.sections.having(section)
            narrow(every)
        # An event overlaps the window if it ends after its start and starts before its end.
        if flt.start is not None:
            narrow(self._last >= flt.start.toordinal())
        if flt.end is not None:
            narrow(self._first <= flt.end.toordinal())
        for facet in CHOOSERS:
            value = getattr(flt, facet.field)
            if value is not None:
                narrow(self.lists[facet.field].having(value))
        return mask

    def matching_rows(self, flt: EventFilter) -> np.ndarray:
        """`matching_indices` as an array of rows (no list of 100,000 ints between)."""
        if fold(flt.text).split():
            return np.array(self.matching_indices(flt), dtype=np.int64)
        mask = self._passing(flt)
        return np.arange(self.size) if mask is None else np.flatnonzero(mask)

    def take(self, rows: np.ndarray) -> list[Event]:
        """The events at `rows`, in that order (gathered in one step, not one by one)."""
        if self._objects is None:  # (from an iterator: 5x faster than a slice's assignment)
            self._objects = np.fromiter(self.events, dtype=object, count=self.size)
        return self._objects[rows].tolist()

    def matching_indices(self, flt: EventFilter) -> list[int]:
        """Positions in `pack.events` of the events passing `flt`, in order."""
        mask = self._passing(flt)
        rows: list[int] = (list(range(self.size)) if mask is None
                           else np.flatnonzero(mask).tolist())
        words = fold(flt.text).split()
        if words:
            text = self._text
            rows = [i for i in rows if all(w in text[i] for w in words)]
        return rows

    def count_by_section(self, flt: EventFilter) -> dict[str, int]:
        """How many events each section would show under `flt` ignoring its section part."""
        counts = {s.id: 0 for s in self.pack.sections}
        rest = flt.with_(sections=None)
        mask = None if rest == EventFilter() else self.mask(self.matching_indices(rest))
        counts.update(self.sections.count(mask))
        return counts

    def count_rows(self, facet: Chooser, rows: list[int] | range) -> dict[str, int]:
        """How many of the events at `rows` have each of a chooser's records."""
        whole = isinstance(rows, range) and len(rows) == self.size
        return self.lists[facet.field].count(None if whole else self.mask(rows))

    def count_by(self, facet: Chooser, events: Iterable[Event]) -> dict[str, int]:
        """How many of `events` have each of a chooser's records (places, actors)."""
        counts: dict[str, int] = {}
        for event in events:
            for ident in facet.of_event(event):
                counts[ident] = counts.get(ident, 0) + 1
        return counts

    def count_places(self, rows: list[int] | range) -> dict[str, int]:
        """How many of the events at `rows` touch each place (the map's counts)."""
        return self.count_rows(PLACE, rows)


PLACE = next(facet for facet in CHOOSERS if facet.field == "place")
T = TypeVar("T")
