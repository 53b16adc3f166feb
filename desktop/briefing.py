"""`BriefingModel`: the rules of what the analyst is looking at, without Qt.

The pack, the filter and the selection, with a plain callback list per change
(napari's evented models are the pattern): setters announce only a real change, a
change of each filter part announces the change its facet names (`content.facets`),
then `filter`, then `visible` if other events now pass. `desktop.state` wraps it in
a QObject whose signals relay these announcements; every rule lives here, and runs
and is tested without Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from content.facets import FACETS
from content.model import Event, KeyPoint, Pack, Section
from content.query import EventFilter, EventIndex

Callback = Callable[[], None]


class Announcement:
    """The callbacks told of one kind of change, in the order they connected."""

    def __init__(self) -> None:
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> None:
        """Call `callback` (with no arguments) at every change of this kind."""
        self._callbacks.append(callback)

    def disconnect(self, callback: Callback) -> None:
        """Stop calling `callback`."""
        self._callbacks.remove(callback)

    def emit(self) -> None:
        """Tell every callback, in order."""
        for callback in list(self._callbacks):
            callback()


class Changes:
    """An announcement per kind of change (the Qt adapter has a signal for each)."""

    NAMES = ("pack", "sections", "window", "text", "facets", "filter", "visible",
             "selection", "place", "key_point", "fit", "playing")

    def __init__(self) -> None:
        self.pack = Announcement()  # another pack, or a reload; filter, visible,
        # selection and place always follow it
        self.sections = Announcement()  # the sections shown (the timeline's lanes)
        self.window = Announcement()  # the time window (at every move of a brush drag)
        self.text = Announcement()  # the search text
        self.facets = Announcement()  # the place or actor the events are narrowed to
        self.filter = Announcement()  # any part of the filter, after its own
        self.visible = Announcement()  # the events passing the filter
        self.selection = Announcement()  # the selected event
        self.place = Announcement()  # the selected place
        self.key_point = Announcement()  # the key point shown (a search result)
        self.fit = Announcement()  # fit the map and the timeline to the visible events
        self.playing = Announcement()  # Play started or stopped

    def __getitem__(self, name: str) -> Announcement:
        announcement: Announcement = getattr(self, name)
        return announcement


class BriefingModel:
    """Pack, filter and selection: the one place their rules live."""

    def __init__(self, pack: Pack) -> None:
        self.changes = Changes()
        self._pack = pack
        self._index = EventIndex(pack)
        self._filter = EventFilter()
        self._visible: list[Event] = list(pack.events)
        self._rows: list[int] = list(range(len(pack.events)))
        self._selected: str | None = None
        self._place: str | None = None
        self._key_point: tuple[str, int] | None = None
        self._playing = False
        self._extent = self._compute_extent()

    # -- pack ---------------------------------------------------------------
    @property
    def pack(self) -> Pack:
        """The content on screen."""
        return self._pack

    @property
    def index(self) -> EventIndex:
        """Search data for the current pack."""
        return self._index

    def set_pack(self, pack: Pack) -> None:
        """Show another (or a reloaded) pack, keeping filter and selection where they
        apply: sections, places and actors it no longer has are dropped from them."""
        self._pack = pack
        self._index = EventIndex(pack)
        self._extent = self._compute_extent()
        flt = self._filter
        if flt.sections is not None:
            flt = flt.with_(sections=flt.sections & {s.id for s in pack.sections})
        if flt.place is not None and flt.place not in pack.places:
            flt = flt.with_(place=None)
        if flt.actor is not None and flt.actor not in pack.actors:
            flt = flt.with_(actor=None)
        self._filter = flt
        if self._selected and not pack.has_event(self._selected):
            self._selected = None
        if self._place and self._place not in pack.places:
            self._place = None
        if self.shown_key_point is None:
            self._key_point = None
        self._refilter()
        for name in ("pack", "filter", "visible", "selection", "place", "key_point"):
            self.changes[name].emit()

    # -- filter -------------------------------------------------------------
    @property
    def filter(self) -> EventFilter:
        """What the analyst has narrowed the content to."""
        return self._filter

    @property
    def visible_events(self) -> list[Event]:
        """Events passing the filter, in date order."""
        return self._visible

    @property
    def visible_rows(self) -> list[int]:
        """Where the visible events stand in `pack.events` (rows of the index's columns)."""
        return self._rows

    def set_filter(self, flt: EventFilter) -> None:
        """Replace the whole filter; announces the change of each facet that changed
        (once per kind), then `filter`, then `visible` if other events now pass."""
        old = self._filter
        if flt == old:
            return
        self._filter = flt
        before = self._rows
        self._refilter()
        changed = dict.fromkeys(f.change for f in FACETS
                                if getattr(flt, f.field) != getattr(old, f.field))
        for name in changed:
            self.changes[name].emit()
        self.changes.filter.emit()
        if before != self._rows:
            self.changes.visible.emit()
            # A place none of whose events pass a new filter is let go (its highlight
            # would dim the whole timeline); the time window alone, as Play moves it
            # past the place's dates, keeps it.
            if self._place and (flt.start, flt.end) == (old.start, old.end) and not any(
                    self._place in e.places for e in self._visible):
                self.select_place(None)

    def set_facet(self, field: str, value: object) -> None:
        """Set one part of the filter by its facet's field ("place", "actor", ...)."""
        self.set_filter(self._filter.with_(**{field: value}))

    def set_sections(self, sections: frozenset[str] | None) -> None:
        """Show only these sections (None, or every section: all)."""
        if sections is not None and sections == {s.id for s in self._pack.sections}:
            sections = None
        self.set_filter(self._filter.with_(sections=sections))

    def set_window(self, start: dt.date | None, end: dt.date | None) -> None:
        """Show only events overlapping [start, end] (None: open-ended)."""
        self.set_filter(self._filter.with_(start=start, end=end))

    def set_text(self, text: str) -> None:
        """Show only events whose text contains every word of `text`."""
        self.set_filter(self._filter.with_(text=text))

    def reset_filter(self) -> None:
        """Show everything again."""
        self.set_filter(EventFilter())

    def request_fit(self) -> None:
        """Ask the map and the timeline to show the visible events."""
        self.changes.fit.emit()

    def _refilter(self) -> None:
        self._rows = self._index.matching_indices(self._filter)
        events = self._pack.events
        self._visible = [events[i] for i in self._rows]

    def extent(self) -> tuple[dt.date, dt.date]:
        """First and last day of the pack's events (computed once per pack)."""
        return self._extent

    def _compute_extent(self) -> tuple[dt.date, dt.date]:
        events = self._pack.events
        if not events:
            today = self._pack.info.as_of.first_day()
            return today, today
        return events[0].start_day, dt.date.fromordinal(int(self._index.last_days.max()))

    # -- selection ----------------------------------------------------------
    @property
    def selected_event(self) -> Event | None:
        """The selected event, if any."""
        return self._pack.event(self._selected) if self._selected else None

    def select_event(self, event_id: str | None) -> None:
        """Select an event by id (None, or an id the pack lacks, clears)."""
        if event_id is not None and not self._pack.has_event(event_id):
            event_id = None
        if event_id != self._selected:
            self._selected = event_id
            self.changes.selection.emit()
        if event_id is not None:
            self._clear_key_point()

    @property
    def selected_place(self) -> str | None:
        """The id of the place selected on the map, if any."""
        return self._place

    def select_place(self, place_id: str | None) -> None:
        """Select a place: Details shows its card (so the event selected before is
        let go), the map and timeline highlight its events."""
        if place_id is not None and place_id not in self._pack.places:
            place_id = None
        if place_id is not None:
            self.select_event(None)
        if place_id != self._place:
            self._place = place_id
            self.changes.place.emit()
        if place_id is not None:
            self._clear_key_point()

    @property
    def shown_key_point(self) -> tuple[Section, KeyPoint] | None:
        """The key point shown in Details (a search result), with its section."""
        if self._key_point is None:
            return None
        section_id, index = self._key_point
        try:
            section = self._pack.section(section_id)
        except KeyError:  # a reload dropped it
            return None
        if not 0 <= index < len(section.key_points):
            return None
        return section, section.key_points[index]

    def show_key_point(self, section_id: str, index: int) -> None:
        """Show a section's key point (its text and sources) in Details: the event and
        place selections are cleared, the filter is left as it is."""
        self._key_point = (section_id, index)
        if self.shown_key_point is None:
            self._key_point = None
            return
        self.select_event(None)
        self.select_place(None)
        self.changes.key_point.emit()

    def _clear_key_point(self) -> None:
        if self._key_point is not None:
            self._key_point = None
            self.changes.key_point.emit()

    def step_selection(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) visible event in date order."""
        ids = [e.id for e in self._visible]
        if not ids:
            return
        if self._selected in ids:
            position = max(0, min(len(ids) - 1, ids.index(self._selected) + delta))
        else:
            position = 0 if delta > 0 else len(ids) - 1
        self.select_event(ids[position])

    # -- play ---------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """True while Play steps the time window."""
        return self._playing

    def set_playing(self, playing: bool) -> None:
        """Start or stop following Play."""
        if playing != self._playing:
            self._playing = playing
            self.changes.playing.emit()
