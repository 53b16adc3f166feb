"""The content model: a pack of sections, events, places, actors and sources.

Plain frozen dataclasses, built only by the loader after validation, so every
reference in a `Pack` resolves. Text fields are plain text: no markup is ever
interpreted by any renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from content.dates import PartialDate

RELIABILITY = "ABCDEF"  # Admiralty code: A completely reliable ... F cannot be judged
CREDIBILITY = "123456"  # 1 confirmed ... 6 cannot be judged


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a source, optionally graded with the Admiralty code (e.g. `B2`)."""

    source: str
    reliability: str | None = None
    credibility: str | None = None
    note: str = ""

    @property
    def grade(self) -> str:
        """The Admiralty grade such as `B2`, or an empty string when ungraded."""
        return f"{self.reliability or ''}{self.credibility or ''}"


@dataclass(frozen=True, slots=True)
class Quote:
    """Words quoted exactly as a source gives them: who said them, and where."""

    text: str
    speaker: str
    source: str  # a source id


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One bullet of a section: a statement with the sources it comes from."""

    text: str
    citations: tuple[Citation, ...]
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A thematic section a briefer can select, e.g. "Operations"."""

    id: str
    title: str
    summary: str
    key_points: tuple[KeyPoint, ...]
    order: int
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A point on the map."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or body, with the role they held at the time the content speaks of."""

    id: str
    name: str
    role: str
    affiliation: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from; `via` names the article that reported it, if any.
    `accessed` is when a web page without a publication date was read."""

    id: str
    title: str
    outlet: str
    date: PartialDate | None = None
    url: str = ""
    via: str = ""
    author: str = ""
    accessed: PartialDate | None = None
    year_inferred: bool = False  # the article cites it without a year: the year is ours


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening; `end` makes it a span (an era such as 2002–2021).

    An `ongoing` span has no end: it runs "since" its date and is drawn to `horizon`
    (the pack's as-of date) with an open end. `reported` is the date of the report an
    article cites when that is all that dates the event (the event's own date is then
    approximate). `dated_by` says "article" when the article itself gives the date
    (for the pack lint), and "report" when nothing dates the event but the report that
    tells of it: it happened by then (`date` and `reported` are that day, shown as "by
    …"). `quotes` holds the words quoted exactly.
    """

    id: str
    date: PartialDate
    title: str
    summary: str
    sections: tuple[str, ...]
    citations: tuple[Citation, ...]
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    end: PartialDate | None = None
    ongoing: bool = False
    horizon: PartialDate | None = None
    reported: PartialDate | None = None
    dated_by: str = ""
    quotes: tuple[Quote, ...] = ()

    @property
    def start_day(self) -> dt.date:
        """First day the event may cover (used for ordering and filtering)."""
        return self.date.first_day()

    @property
    def end_day(self) -> dt.date:
        """Last day the event may cover (an ongoing span: its horizon's)."""
        return (self.end or self.horizon or self.date).last_day()

    @property
    def is_span(self) -> bool:
        """True for eras and other events with an end date, and for ongoing spans."""
        return self.end is not None or self.ongoing

    def date_label(self, reported: bool = True) -> str:
        """When, as a briefing writes it: `1994 – 2021`, `since 1994`,
        `c. May 2023 (reported 12 May 2023)` (without the report when not `reported`),
        `by 15 December 2025 (as reported)` for an event only its report dates."""
        if self.dated_by == "report" and self.reported is not None:
            # Undated: known only to have happened by the report that tells of it.
            return f"by {self.reported.label()}" + (" (as reported)" if reported else "")
        if self.ongoing:
            text = f"since {self.date.label()}"
        elif self.end is not None:
            text = f"{self.date.label()} – {self.end.label()}"
        else:
            text = self.date.label()
        if reported and self.reported is not None:
            text += f" (reported {self.reported.label()})"
        return text


# Each of Event's slots, written directly: the frozen dataclass's __init__ goes through
# object.__setattr__ for every field, twice the cost (100,000 events per open).
(_ID, _DATE, _TITLE, _SUMMARY, _SECTIONS, _CITATIONS, _PLACES, _ACTORS, _END, _ONGOING,
 _HORIZON, _REPORTED, _DATED_BY, _QUOTES) = (getattr(Event, f.name).__set__
                                             for f in fields(Event))


def make_event(id: str, date: PartialDate, title: str, summary: str,
               sections: tuple[str, ...], citations: tuple[Citation, ...],
               places: tuple[str, ...] = (), actors: tuple[str, ...] = (),
               end: PartialDate | None = None, ongoing: bool = False,
               horizon: PartialDate | None = None, reported: PartialDate | None = None,
               dated_by: str = "", quotes: tuple[Quote, ...] = ()) -> Event:
    """`Event(...)`, the same arguments and the same event, built at half the cost
    (for the loader and the cache, which build every event of a pack)."""
    event = object.__new__(Event)
    _ID(event, id)
    _DATE(event, date)
    _TITLE(event, title)
    _SUMMARY(event, summary)
    _SECTIONS(event, sections)
    _CITATIONS(event, citations)
    _PLACES(event, places)
    _ACTORS(event, actors)
    _END(event, end)
    _ONGOING(event, ongoing)
    _HORIZON(event, horizon)
    _REPORTED(event, reported)
    _DATED_BY(event, dated_by)
    _QUOTES(event, quotes)
    return event


@dataclass(frozen=True, slots=True)
class Membership:
    """A country's NATO accession, for the map's membership layer."""

    country: str  # ISO 3166-1 numeric code as used by the basemap, e.g. "752"
    name: str
    joined: PartialDate
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class MapView:
    """The default map view: a box in degrees."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class Judgement:
    """One line of the pack's bottom line: a judgement, the sections it sums up and
    the sources it rests on (a deck of those sections opens with it)."""

    text: str
    sections: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class PackInfo:
    """What `pack.yaml` says of the pack as a whole."""

    title: str
    subtitle: str
    as_of: PartialDate
    marking: str
    map_view: MapView
    focus_countries: tuple[str, ...] = ()
    description: str = ""
    bottom_line: tuple[Judgement, ...] = ()  # the pack's judgements, most important first


@dataclass(frozen=True, slots=True)
class Pack:
    """A whole, validated content pack; lookups by id are dictionaries."""

    info: PackInfo
    sections: tuple[Section, ...]
    events: tuple[Event, ...]  # sorted by start date, then id
    places: dict[str, Place]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    members: tuple[Membership, ...] = ()
    folder: str = ""
    _section_index: dict[str, Section] = field(default_factory=dict, repr=False)
    _event_index: dict[str, Event] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._section_index.update({s.id: s for s in self.sections})
        self._event_index.update({e.id: e for e in self.events})

    def section(self, section_id: str) -> Section:
        """The section with `section_id` (KeyError if absent)."""
        return self._section_index[section_id]

    def event(self, event_id: str) -> Event:
        """The event with `event_id` (KeyError if absent)."""
        return self._event_index[event_id]

    def has_event(self, event_id: str) -> bool:
        """Whether the pack holds an event with `event_id`."""
        return event_id in self._event_index

    def events_in_section(self, section_id: str) -> list[Event]:
        """The section's events in date order."""
        return [e for e in self.events if section_id in e.sections]
