"""`BriefingState`: the one object holding the pack, the filter and the selection.

Map, timeline, detail pane, lists and the deck builder each take it and subscribe
to its signals; none of them calls another. Setters emit only on a real change, so
a view can push a value it just received without looping.

There is a signal per field, so each view redraws only for what it draws: a brush
drag changes the time window alone, and the timeline then repaints (dimming what
falls outside) without rebuilding its lanes, the map reshades its members, and only
the views that list the visible events refresh them (`visibleChanged`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from content.model import Event, Pack
from content.query import EventFilter, EventIndex


class BriefingState(QObject):
    """Pack, filter and selection, with a signal for each."""

    packChanged = Signal()
    """Another pack (or a reload). `filterChanged`, `visibleChanged`,
    `selectionChanged` and `placeSelected` always follow it; the per-field filter
    signals do not (a view that rebuilds on a new pack connects here)."""
    sectionsChanged = Signal()
    """The sections shown (the timeline's lanes)."""
    windowChanged = Signal()
    """The time window (a brush drag emits this at every move)."""
    textChanged = Signal()
    """The search text."""
    facetsChanged = Signal()
    """The place or actor the events are narrowed to."""
    filterChanged = Signal()
    """Any part of the filter (after its own signal), or a new pack."""
    visibleChanged = Signal()
    """The list of events passing the filter changed (or a new pack)."""
    selectionChanged = Signal()  # selected event (or None)
    placeSelected = Signal()  # selected place (or None)
    fitRequested = Signal()
    """Fit the map and the timeline to the visible events (the Filters pane's "Fit to
    results", or after each search while "Follow results" is on)."""
    playingChanged = Signal()
    """Play started or stopped: while playing, the map follows the window's events."""

    def __init__(self, pack: Pack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._index = EventIndex(pack)
        self._filter = EventFilter()
        self._visible: list[Event] = list(pack.events)
        self._selected: str | None = None
        self._place: str | None = None
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
        """Show another (or a reloaded) pack, keeping filter and selection where they apply."""
        self._pack = pack
        self._index = EventIndex(pack)
        self._extent = self._compute_extent()
        known = {s.id for s in pack.sections}
        if self._filter.sections is not None:
            self._filter = self._filter.with_(sections=self._filter.sections & known)
        if self._selected and not pack.has_event(self._selected):
            self._selected = None
        if self._place and self._place not in pack.places:
            self._place = None
        self._refilter()
        self.packChanged.emit()
        self.filterChanged.emit()
        self.visibleChanged.emit()
        self.selectionChanged.emit()
        self.placeSelected.emit()

    # -- filter -------------------------------------------------------------
    @property
    def filter(self) -> EventFilter:
        """What the analyst has narrowed the content to."""
        return self._filter

    @property
    def visible_events(self) -> list[Event]:
        """Events passing the filter, in date order."""
        return self._visible

    def set_filter(self, flt: EventFilter) -> None:
        """Replace the whole filter; emits a signal for each field that changed, then
        `filterChanged`, then `visibleChanged` if other events now pass."""
        old = self._filter
        if flt == old:
            return
        self._filter = flt
        before = self._visible
        self._refilter()
        if flt.sections != old.sections:
            self.sectionsChanged.emit()
        if (flt.start, flt.end) != (old.start, old.end):
            self.windowChanged.emit()
        if flt.text != old.text:
            self.textChanged.emit()
        if (flt.place, flt.actor) != (old.place, old.actor):
            self.facetsChanged.emit()
        self.filterChanged.emit()
        if len(before) != len(self._visible) or any(
                a is not b for a, b in zip(before, self._visible, strict=True)):
            self.visibleChanged.emit()

    def set_sections(self, sections: frozenset[str] | None) -> None:
        """Show only these sections (None: all)."""
        if sections is not None and sections == {s.id for s in self._pack.sections}:
            sections = None
        self.set_filter(self._filter.with_(sections=sections))

    def set_window(self, start: dt.date | None, end: dt.date | None) -> None:
        """Show only events overlapping [start, end] (None: open-ended)."""
        self.set_filter(self._filter.with_(start=start, end=end))

    def set_text(self, text: str) -> None:
        """Show only events whose text contains every word of `text`."""
        self.set_filter(self._filter.with_(text=text))

    def set_place_filter(self, place: str | None) -> None:
        """Show only the events at `place` (None: anywhere)."""
        self.set_filter(self._filter.with_(place=place))

    def set_actor_filter(self, actor: str | None) -> None:
        """Show only the events `actor` took part in (None: anyone)."""
        self.set_filter(self._filter.with_(actor=actor))

    def request_fit(self) -> None:
        """Ask the map and the timeline to show the visible events."""
        self.fitRequested.emit()

    def reset_filter(self) -> None:
        """Show everything again."""
        self.set_filter(EventFilter())

    def _refilter(self) -> None:
        self._visible = self._index.matches(self._filter)

    def extent(self) -> tuple[dt.date, dt.date]:
        """First and last day of the pack's events (computed once per pack)."""
        return self._extent

    def _compute_extent(self) -> tuple[dt.date, dt.date]:
        events = self._pack.events
        if not events:
            today = self._pack.info.as_of.first_day()
            return today, today
        return events[0].start_day, max(e.end_day for e in events)

    # -- selection ----------------------------------------------------------
    @property
    def selected_event(self) -> Event | None:
        """The selected event, if any."""
        return self._pack.event(self._selected) if self._selected else None

    def select_event(self, event_id: str | None) -> None:
        """Select an event by id (None clears)."""
        if event_id is not None and not self._pack.has_event(event_id):
            event_id = None
        if event_id == self._selected:
            return
        self._selected = event_id
        self.selectionChanged.emit()

    @property
    def selected_place(self) -> str | None:
        """The id of the place selected on the map, if any."""
        return self._place

    def select_place(self, place_id: str | None) -> None:
        """Select a place (its events are listed in the detail pane)."""
        if place_id is not None and place_id not in self._pack.places:
            place_id = None
        if place_id == self._place:
            return
        self._place = place_id
        self.placeSelected.emit()

    @property
    def playing(self) -> bool:
        """True while Play steps the time window."""
        return self._playing

    def set_playing(self, playing: bool) -> None:
        """Start or stop following Play."""
        if playing != self._playing:
            self._playing = playing
            self.playingChanged.emit()

    def step_selection(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) visible event in date order."""
        visible = self._visible
        if not visible:
            return
        ids = [e.id for e in visible]
        if self._selected in ids:
            position = max(0, min(len(ids) - 1, ids.index(self._selected) + delta))
        else:
            position = 0 if delta > 0 else len(ids) - 1
        self.select_event(ids[position])
