"""`BriefingState`: the Qt face of `desktop.briefing.BriefingModel`.

Map, timeline, detail pane, lists and the deck builder each take it and subscribe
to its signals; none of them calls another. The rules (what a change announces,
what a reload keeps) are the model's and run without Qt; this adapter relays each
announcement as a Qt signal and passes every call through.

There is a signal per field, so each view redraws only for what it draws: a brush
drag changes the time window alone, and the timeline then repaints (dimming what
falls outside) without rebuilding its lanes, the map reshades its members, and only
the views that list the visible events refresh them (`visibleChanged`).
"""

from __future__ import annotations

import datetime as dt
import gc
from typing import ClassVar

from PySide6.QtCore import QObject, Signal

from content.model import Event, KeyPoint, Pack, Section
from content.query import EventFilter, EventIndex
from desktop.briefing import BriefingModel, Changes


class BriefingState(QObject):
    """Pack, filter and selection, with a signal for each kind of change."""

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
    keyPointShown = Signal()  # the key point shown in Details (or None)
    fitRequested = Signal()
    """Fit the map and the timeline to the visible events (the Filters pane's "Fit to
    results", or after each search while "Follow results" is on)."""
    playingChanged = Signal()
    """Play started or stopped: while playing, the map follows the window's events."""

    SIGNALS: ClassVar[dict[str, str]] = {"pack": "packChanged", "sections": "sectionsChanged",
                                         "window": "windowChanged", "text": "textChanged",
                                         "facets": "facetsChanged", "filter": "filterChanged",
                                         "visible": "visibleChanged",
                                         "selection": "selectionChanged",
                                         "place": "placeSelected",
                                         "key_point": "keyPointShown", "fit": "fitRequested",
                                         "playing": "playingChanged"}
    """The signal relaying each of the model's announcements (`Changes.NAMES`)."""

    def __init__(self, pack: Pack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = BriefingModel(pack)
        _out_of_collections()
        for name in Changes.NAMES:
            self.model.changes[name].connect(getattr(self, self.SIGNALS[name]).emit)

    # -- pack ---------------------------------------------------------------
    @property
    def pack(self) -> Pack:
        """The content on screen."""
        return self.model.pack

    @property
    def index(self) -> EventIndex:
        """Search data for the current pack."""
        return self.model.index

    def set_pack(self, pack: Pack) -> None:
        """Show another (or a reloaded) pack, keeping filter and selection where they apply."""
        self.model.set_pack(pack)
        _out_of_collections()

    # -- filter -------------------------------------------------------------
    @property
    def filter(self) -> EventFilter:
        """What the analyst has narrowed the content to."""
        return self.model.filter

    @property
    def visible_events(self) -> list[Event]:
        """Events passing the filter, in date order."""
        return self.model.visible_events

    @property
    def visible_rows(self) -> list[int]:
        """Where the visible events stand in `pack.events` (rows of `index`'s columns)."""
        return self.model.visible_rows

    def set_filter(self, flt: EventFilter) -> None:
        """Replace the whole filter (signals as `BriefingModel.set_filter` announces)."""
        self.model.set_filter(flt)

    def set_facet(self, field: str, value: object) -> None:
        """Set one part of the filter by its facet's field ("place", "actor", ...)."""
        self.model.set_facet(field, value)

    def set_sections(self, sections: frozenset[str] | None) -> None:
        """Show only these sections (None: all)."""
        self.model.set_sections(sections)

    def set_window(self, start: dt.date | None, end: dt.date | None) -> None:
        """Show only events overlapping [start, end] (None: open-ended)."""
        self.model.set_window(start, end)

    def set_text(self, text: str) -> None:
        """Show only events whose text contains every word of `text`."""
        self.model.set_text(text)

    def set_place_filter(self, place: str | None) -> None:
        """Show only the events at `place` (None: anywhere)."""
        self.model.set_facet("place", place)

    def set_actor_filter(self, actor: str | None) -> None:
        """Show only the events `actor` took part in (None: anyone)."""
        self.model.set_facet("actor", actor)

    def request_fit(self) -> None:
        """Ask the map and the timeline to show the visible events."""
        self.model.request_fit()

    def reset_filter(self) -> None:
        """Show everything again."""
        self.model.reset_filter()

    def extent(self) -> tuple[dt.date, dt.date]:
        """First and last day of the pack's events (computed once per pack)."""
        return self.model.extent()

    # -- selection ----------------------------------------------------------
    @property
    def selected_event(self) -> Event | None:
        """The selected event, if any."""
        return self.model.selected_event

    def select_event(self, event_id: str | None) -> None:
        """Select an event by id (None clears)."""
        self.model.select_event(event_id)

    @property
    def selected_place(self) -> str | None:
        """The id of the place selected on the map, if any."""
        return self.model.selected_place

    def select_place(self, place_id: str | None) -> None:
        """Select a place (its events are listed in the detail pane)."""
        self.model.select_place(place_id)

    @property
    def shown_key_point(self) -> tuple[Section, KeyPoint] | None:
        """The key point shown in Details, with its section (a search result)."""
        return self.model.shown_key_point

    def show_key_point(self, section_id: str, index: int) -> None:
        """Show a key point in Details; the filter is left as it is."""
        self.model.show_key_point(section_id, index)

    @property
    def playing(self) -> bool:
        """True while Play steps the time window."""
        return self.model.playing

    def set_playing(self, playing: bool) -> None:
        """Start or stop following Play."""
        self.model.set_playing(playing)

    def step_selection(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) visible event in date order."""
        self.model.step_selection(delta)


def _out_of_collections() -> None:
    """Move what exists now (the pack just shown, its index, the views) out of the
    cyclic collector's sight. A pack is long-lived and acyclic, so walking its
    million objects at every collection finds nothing; at 100,000 events those walks
    cost a tenth of building the window. Objects let go later are still freed as
    their references drop (`gc.freeze` only hides them from the cycle search)."""
    gc.freeze()
