"""How long a briefing is: the slide budget, and which of the sections' own
timelines and maps fit in it (the busiest sections' first).

`slides.build.build_deck` lays out the deck without them, then with as many as the
budget leaves room for.
"""

from __future__ import annotations

import math

from content.model import Event, Pack
from slides.canvas import MAX_SECTIONS
from slides.recipe import Options, Recipe
from slides.section_slides import MAX_TIMELINE_SLIDES
from slides.timeline_layout import EVENTS_PER_SLIDE

OWN_TIMELINE_FROM = 3  # events: fewer are named on the section's key-point slide
OWN_MAP_FROM = 2  # places: one is named there too
MOST_SLIDES = 30  # a briefing, however many sections: "detailed" asks for more


def slide_budget(sections: int) -> int:
    """How many slides a deck of `sections` aims at: 12 for three, 30 at most."""
    return min(MOST_SLIDES, 6 + 2 * sections)


def own_views_wanted(options: Options, events: list[Event]) -> tuple[bool, bool]:
    """Whether a section's events earn it a timeline (from `OWN_TIMELINE_FROM` events)
    and a map (from `OWN_MAP_FROM` places) of its own, room allowing."""
    places = {p for e in events for p in e.places}
    return (options.timeline_slides and len(events) >= OWN_TIMELINE_FROM,
            options.map_slides and len(places) >= OWN_MAP_FROM)


def extras_within(pack: Pack, recipe: Recipe, room: int) -> list[tuple[str, str]]:
    """The sections' own timelines and maps that fit in `room` slides, most wanted
    first: the busiest sections', a timeline before a map."""
    wanted: list[tuple[int, int, str, str]] = []  # (-events, order, section, view)
    for sid in recipe.sections[:MAX_SECTIONS]:
        events = pack.events_in_section(sid)
        timeline, map_ = own_views_wanted(recipe.options, events)
        if timeline:
            wanted.append((-len(events), 0, sid, "timeline"))
        if map_:
            wanted.append((-len(events), 1, sid, "map"))
    chosen: list[tuple[str, str]] = []
    for minus_n, _, sid, view in sorted(wanted):
        slides = math.ceil(-minus_n / EVENTS_PER_SLIDE)  # a timeline's, uncapped
        cost = min(MAX_TIMELINE_SLIDES, slides) if view == "timeline" else 1
        if cost <= room:
            chosen.append((sid, view))
            room -= cost
    return chosen
