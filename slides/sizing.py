"""How long a briefing is: the slide budget, and which of the sections' own
timelines and maps fit in it (the busiest sections' first).

`slides.build.build_deck` lays out the deck without them, then with as many as the
budget leaves room for.
"""

from __future__ import annotations

from content.model import Pack
from slides.canvas import MAX_SECTIONS
from slides.recipe import Recipe
from slides.section_slides import MAX_TIMELINE_SLIDES
from slides.timeline_layout import EVENTS_PER_SLIDE

OWN_TIMELINE_FROM = 3  # events: fewer are named on the section's key-point slide
OWN_MAP_FROM = 2  # places: one is named there too
MOST_SLIDES = 30  # a briefing, however many sections: "detailed" asks for more


def slide_budget(sections: int) -> int:
    """How many slides a deck of `sections` aims at: 12 for three, 30 at most."""
    return min(MOST_SLIDES, 6 + 2 * sections)


def extras_within(pack: Pack, recipe: Recipe, room: int) -> list[tuple[str, str]]:
    """The sections' own timelines and maps that fit in `room` slides, most wanted
    first: the busiest sections', a timeline before a map."""
    o = recipe.options
    wanted: list[tuple[int, int, str, str]] = []  # (-events, order, section, view)
    for sid in recipe.sections[:MAX_SECTIONS]:
        events = pack.events_in_section(sid)
        places = {p for e in events for p in e.places}
        if o.timeline_slides and len(events) >= OWN_TIMELINE_FROM:
            wanted.append((-len(events), 0, sid, "timeline"))
        if o.map_slides and len(places) >= OWN_MAP_FROM:
            wanted.append((-len(events), 1, sid, "map"))
    chosen: list[tuple[str, str]] = []
    for _, _, sid, view in sorted(wanted):
        n = len(pack.events_in_section(sid))
        cost = min(MAX_TIMELINE_SLIDES, -(-n // EVENTS_PER_SLIDE)) if view == "timeline" else 1
        if cost <= room:
            chosen.append((sid, view))
            room -= cost
    return chosen
