"""The parts of a filter, described once: what the query tests, which change each
announces, and how the Filters pane offers the ones picked from a list.

A new facet is a field of `EventFilter` and a line in `FACETS`: the query
(`content.query`), the state's change signals (`desktop.briefing`, `desktop.state`)
and the Filters pane's choosers (`desktop.panes.filters`) all read it from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, Protocol

from content.model import Event, Pack

Change = Literal["sections", "window", "text", "facets"]


class Named(Protocol):
    """A record a chooser lists by name (a place, an actor)."""

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class Facet:
    """One part of `EventFilter`: its field and the change a new value announces."""

    field: str
    change: Change


@dataclass(frozen=True)
class Chooser(Facet):
    """A facet picked from a list of the pack's records: an event passes when it has
    the chosen one among its own."""

    label: str  # in the Filters pane
    anyone: str  # the list's "no restriction" item
    records: Callable[[Pack], Mapping[str, Named]]
    of_event: Callable[[Event], tuple[str, ...]]


FACETS = (
    Facet("sections", "sections"),
    Facet("start", "window"),
    Facet("end", "window"),
    Facet("text", "text"),
    Chooser("place", "facets", "Place", "Any place", lambda pack: pack.places,
            attrgetter("places")),
    Chooser("actor", "facets", "Actor", "Anyone", lambda pack: pack.actors,
            attrgetter("actors")),
)
CHOOSERS = tuple(facet for facet in FACETS if isinstance(facet, Chooser))
