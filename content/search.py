"""Search across the whole pack: events, key points, sources, actors and places.

The filters narrow events; a search for "stoltenberg" should also find the key
points that quote him, the sources that carry his name and the actor himself. Every
word of the query must appear (case and accents ignored, as in `content.query`),
in the text of one item. Results come grouped by kind, each group in the pack's
order, capped so a one-letter query on a 10,000-event pack stays instant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from content.model import Actor, Event, KeyPoint, Pack, Place, Section, Source
from content.query import fold

MAX_PER_KIND = 200


@dataclass
class SearchResults:
    """What a query found, by kind; `total` counts before the cap."""

    events: list[Event] = field(default_factory=list)
    key_points: list[tuple[Section, KeyPoint]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    total: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """How many of each kind were found (before the cap), in display order."""
        return {kind: self.total.get(kind, 0)
                for kind in ("events", "key_points", "sources", "actors", "places")}


def _hit(words: list[str], *texts: str) -> bool:
    folded = fold("\n".join(texts))
    return all(w in folded for w in words)


def search_pack(pack: Pack, query: str) -> SearchResults:
    """Everything in `pack` whose text holds every word of `query`."""
    words = fold(query).split()
    found = SearchResults()
    if not words:
        return found

    def add(kind: str, bucket: list, item: object) -> None:
        found.total[kind] = found.total.get(kind, 0) + 1
        if len(bucket) < MAX_PER_KIND:
            bucket.append(item)

    for event in pack.events:
        quotes = [f"{q.text} {q.speaker}" for q in event.quotes]
        names = [pack.actors[a].name for a in event.actors if a in pack.actors]
        names += [pack.places[p].name for p in event.places if p in pack.places]
        if _hit(words, event.title, event.summary, event.date.label(), *quotes, *names):
            add("events", found.events, event)
    for section in pack.sections:
        for point in section.key_points:
            quotes = [f"{q.text} {q.speaker}" for q in point.quotes]
            if _hit(words, point.text, *quotes):
                add("key_points", found.key_points, (section, point))
    for source in pack.sources.values():
        if _hit(words, source.outlet, source.title, source.author):
            add("sources", found.sources, source)
    for actor in pack.actors.values():
        if _hit(words, actor.name, actor.role, actor.affiliation):
            add("actors", found.actors, actor)
    for place in pack.places.values():
        if _hit(words, place.name):
            add("places", found.places, place)
    return found
