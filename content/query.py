"""Filtering a pack's events by section, date window, place, actor and free text.

`EventIndex` precomputes what filters need (folded search text, day ordinals) once
per pack, so filtering 10,000 events is a single linear pass of cheap comparisons.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

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


PLACE = next(facet for facet in CHOOSERS if facet.field == "place")


class EventIndex:
    """Precomputed search data for one pack's events."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.events = pack.events
        self._first = array("l", (e.start_day.toordinal() for e in pack.events))
        self._last = array("l", (e.end_day.toordinal() for e in pack.events))
        self._text_cache: list[str] | None = None  # built on the first text search
        # Each section's events as positions, in date order: ticking sections on and off
        # is a union of integer lists, not a pass over every event object.
        self._section_rows: dict[str, list[int]] = {}
        for i, event in enumerate(pack.events):
            for section in event.sections:
                self._section_rows.setdefault(section, []).append(i)

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

    def matches(self, flt: EventFilter) -> list[Event]:
        """The events passing `flt`, in date order."""
        return [self.events[i] for i in self.matching_indices(flt)]

    def matching_indices(self, flt: EventFilter) -> list[int]:
        """Positions in `pack.events` of the events passing `flt`."""
        first = flt.start.toordinal() if flt.start else None
        last = flt.end.toordinal() if flt.end else None
        words = fold(flt.text).split()
        chosen = [(facet.of_event, value) for facet in CHOOSERS
                  if (value := getattr(flt, facet.field)) is not None]
        if flt.sections is None:
            candidates: Iterable[int] = range(len(self.events))
        else:
            candidates = sorted(set().union(*(self._section_rows.get(s, ())
                                              for s in flt.sections)))
        if first is None and last is None and not chosen and not words:
            return list(candidates)
        out = []
        for i in candidates:
            event = self.events[i]
            # An event overlaps the window if it ends after its start and starts before its end.
            if first is not None and self._last[i] < first:
                continue
            if last is not None and self._first[i] > last:
                continue
            if chosen and any(value not in of_event(event) for of_event, value in chosen):
                continue
            if words and not all(w in self._text[i] for w in words):
                continue
            out.append(i)
        return out

    def count_by_section(self, flt: EventFilter) -> dict[str, int]:
        """How many events each section would show under `flt` ignoring its section part."""
        counts = {s.id: 0 for s in self.pack.sections}
        if flt.with_(sections=None) == EventFilter():  # nothing else narrows: the sizes
            counts.update({s: len(rows) for s, rows in self._section_rows.items()})
            return counts
        for i in self.matching_indices(flt.with_(sections=None)):
            for section in self.events[i].sections:
                counts[section] = counts.get(section, 0) + 1
        return counts

    def count_by(self, facet: Chooser, events: Iterable[Event]) -> dict[str, int]:
        """How many of `events` have each of a chooser's records (places, actors)."""
        counts: dict[str, int] = {}
        for event in events:
            for ident in facet.of_event(event):
                counts[ident] = counts.get(ident, 0) + 1
        return counts

    def count_by_place(self, events: Iterable[Event]) -> dict[str, int]:
        """How many of `events` touch each place (the map's counts)."""
        return self.count_by(PLACE, events)
