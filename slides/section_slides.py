"""The slides each selected section gets: its timeline, its map and one per event.

The deck builder (`slides.build`) hands it the deck's canvas (`slides.canvas`): its
page geometry, its numbered sources and its `add`. Timelines show at most `MAX_TIMELINE_SLIDES`
slides, maps their busiest places, and event slides are capped per section and per
deck, each event once: a briefing, however large the pack.
"""

from __future__ import annotations

import dataclasses

from content.geo import load_basemap
from content.model import Citation, Event, Judgement, Section
from slides import layout as L
from slides.canvas import DeckCanvas
from slides.lanes_layout import lane_rows, lanes_shapes
from slides.layout import Bullet, paginate, text_box
from slides.map_layout import key_height, legend, map_bounds, map_key, map_shapes
from slides.spec import LiveView, Paragraph, Run, Shape, SlideKind, TextBox
from slides.text import line_height, wrap
from slides.timeline_layout import EVENTS_PER_SLIDE, timeline_shapes
from slides.wording import left_out

MAX_TIMELINE_SLIDES = 3  # per section; beyond that the deck shows the latest events
MAX_EVENT_SLIDES = 12  # per section
MAX_EVENT_SLIDES_IN_DECK = 60  # shared out among the sections when there are many
MAP_NOTE_TITLES = 5  # event titles per place in a map slide's notes
LANE_EVENTS = 40  # the latest events a lane of the combined timeline shows
NOTED_PER_LANE = 6  # ... and its notes tell


class SectionSlides:
    """Timeline, map and event slides of a section, added to the deck's canvas."""

    def __init__(self, canvas: DeckCanvas) -> None:
        self.canvas = canvas

    def timeline(self, section: Section, events: list[Event]) -> None:
        c = self.canvas
        total = len(events)
        limit = EVENTS_PER_SLIDE * MAX_TIMELINE_SLIDES
        if total > limit:  # a briefing shows the latest; the list is in the app
            events = events[-limit:]
        chunks = [events[i:i + EVENTS_PER_SLIDE] for i in range(0, len(events),
                                                                 EVENTS_PER_SLIDE)]
        for event in events:
            c.note_citations(event.citations)
        for n, chunk in enumerate(chunks):
            title = f"{section.title}: timeline"
            if total > limit:
                title += f" (latest {limit} of {total:,})"
            if len(chunks) > 1:
                title += f" ({n + 1} of {len(chunks)})"
            area = (c.left + 10, c.top + 4, c.width - 20, c.height - 8)
            body = timeline_shapes(chunk, *area, c.readable(section.colour),
                                   today=c.pack.info.as_of.last_day())
            notes = c.notes()
            first, last = chunk[0].start_day.year, max(e.end_day for e in chunk).year
            notes.talking_points(chunk, self.judgements((section.id,)), opening=(
                f"{section.title} in {len(chunk)} events, "
                + (f"{first} to {last}." if last > first else f"in {first}.")))
            for event in chunk:
                notes.add_event(event)
            live = LiveView("timeline", *area, sections=(section.id,),
                            events=tuple(e.id for e in chunk))
            heading, kicker = self.titled(title, section.summary)
            c.add(SlideKind.TIMELINE, heading, body, notes.text(), section.id, live,
                  kicker=kicker)

    def titled(self, topic: str, point: str) -> tuple[str, str]:
        """(title, kicker): the topic; or, with assertion titles, the point the slide
        makes as its title and the topic above it."""
        if self.canvas.recipe.options.assertion_titles and point:
            return point, topic
        return topic, ""

    def map(self, section: Section, events: list[Event]) -> None:
        """The section's places, numbered by how many of its events they saw."""
        self.places_map(f"{section.title}: places", events, (section.id,), section.title,
                        section.id, section.summary)

    def overview_map(self, sections: list[Section], events: list[Event]) -> None:
        """Every place of the selected sections' events on one map."""
        self.places_map("Where it happened", events, tuple(s.id for s in sections),
                        "the sections in this briefing", "")

    def places_map(self, title: str, events: list[Event], sections: tuple[str, ...],
                   about: str, section_id: str, point: str = "") -> None:
        """A map slide of the places of `events` (its notes say they are `about`; with
        assertion titles, `point` is its title, or what the map shows)."""
        c = self.canvas
        counts: dict[str, int] = {}
        for event in events:
            for place_id in event.places:
                counts[place_id] = counts.get(place_id, 0) + 1
        if not counts:
            return
        places = [(c.pack.places[p], n) for p, n in counts.items()]
        map_w = round(c.width * 0.69)  # the legend takes the rest
        shapes, numbered = map_shapes(c.pack, places, c.left, c.top, map_w, c.height,
                                      c.pack.info.as_of.first_day())
        right = c.left + map_w + 20
        key_w = c.left + c.width - right
        focus = c.pack.info.focus_countries[:1]
        focus_name = next((country.name for country in load_basemap().countries
                           if country.id in focus), "")
        focus_name = focus_name or "Focus country"
        key_h = key_height(key_w, focus_name, c.pack.info.as_of.label())
        shapes += legend(numbered, right, c.top, key_w, c.bottom - key_h - 8,
                         len(places))
        shapes += map_key(right, c.bottom - key_h, key_w, focus_name,
                          c.pack.info.as_of.label())
        notes = c.notes()
        if numbered:
            _, busiest, most = numbered[0]
            opening = (f"Every event at {busiest.name}." if len(places) == 1 else
                       f"{len(places)} places in {about}, one event each." if most == 1 else
                       f"{len(places)} places in {about}; the most events at {busiest.name} "
                       f"({most}).")
            # the judgements a section's own map bears on (the overview opens the body)
            notes.talking_points([], self.judgements((section_id,)) if section_id else (),
                                 opening)
        notes.add(f"Places in {about}:")
        if len(places) > len(numbered):
            notes.add(left_out(len(places) - len(numbered), "places",
                               f"the map shows the {len(numbered)} with most events"))
        for n, place, count in numbered:
            titles = [e.title for e in events if place.id in e.places][:MAP_NOTE_TITLES]
            more = f"; and {count - len(titles):,} more" if count > len(titles) else ""
            notes.add(f"{n}. {place.name} ({count}): {'; '.join(titles)}{more}")
        notes.add("Map: Natural Earth 1:50m (public domain). NATO members shaded as of "
                  f"{c.pack.info.as_of.label()}.", self._member_citations())
        live = LiveView("map", c.left, c.top, map_w, c.height, sections=sections,
                        places=tuple(place.id for _, place, _ in numbered),
                        bounds=map_bounds(c.pack, places, map_w / c.height))
        if not point and numbered:
            _, busiest, count = numbered[0]
            point = (f"{len(places)} places; the most events at {busiest.name} ({count})"
                     if len(places) > 1 else f"Every event at {busiest.name}")
        heading, kicker = self.titled(title, point)
        c.add(SlideKind.MAP, heading, shapes, notes.text(), section_id, live, kicker=kicker)

    def combined_timeline(self, sections: list[Section],
                          events_of: dict[str, list[Event]]) -> None:
        """One timeline of the selected sections, a lane each, on one axis (more than
        `LANES_PER_SLIDE` sections share it out over slides, the axis kept)."""
        c = self.canvas
        shown = [s for s in sections if events_of[s.id]]
        drawn = {s.id: events_of[s.id][-LANE_EVENTS:] for s in shown}  # each lane's latest
        every = sorted({e.id: e for evs in drawn.values() for e in evs}.values(),
                       key=lambda e: (e.start_day, e.id))
        first, last = every[0].start_day.year, max(e.end_day for e in every).year
        pages = lane_rows(shown)
        for n, page in enumerate(pages):
            of = f" ({n + 1} of {len(pages)})" if len(pages) > 1 else ""
            area = (c.left, c.top + 4, c.width, c.height - 8)
            lanes = [(s.title, c.readable(s.colour), drawn[s.id]) for s in page]
            body = lanes_shapes(lanes, every, *area, today=c.pack.info.as_of.last_day())
            notes = c.notes()
            notes.talking_points([], opening=f"{len(every)} events in {len(shown)} sections, "
                                             f"{first} to {last}: a lane each.")
            for section in page:
                notes.add(f"{section.title}:")
                for event in drawn[section.id][-NOTED_PER_LANE:]:  # each mark, briefly
                    notes.add(f"{event.date_label()}: {event.title}.", event.citations)
                unsaid = len(events_of[section.id]) - NOTED_PER_LANE
                if unsaid > 0:
                    notes.add(left_out(unsaid, "earlier events", "the section's slides and "
                                       "the app have them"))
            live = LiveView("timeline", *area, sections=tuple(s.id for s in page),
                            events=tuple(e.id for s in page for e in drawn[s.id]))
            title = "How it unfolded" + of
            point = f"{len(every)} events in {len(shown)} sections, {first} to {last}" + of
            heading, kicker = self.titled(title, point)
            c.add(SlideKind.TIMELINE, heading, body, notes.text(), "", live, kicker=kicker)

    def judgements(self, sections: tuple[str, ...]) -> tuple[Judgement, ...]:
        """The pack's bottom-line judgements that rest on any of `sections`."""
        return tuple(j for j in self.canvas.pack.info.bottom_line
                     if any(s in j.sections for s in sections))

    def _member_citations(self) -> tuple[Citation, ...]:
        c = self.canvas
        citations = tuple({cit.source: cit for m in c.pack.members
                           for cit in m.citations}.values())
        c.note_citations(citations)
        return citations

    def event_slide(self, section: Section, event: Event, note: str = "") -> None:
        c = self.canvas
        date = event.date_label()
        body: list[Shape] = [text_box(c.left, c.top, c.width, 30, date, 20, bold=True,
                                      colour=c.readable(section.colour), name="Date")]
        top = c.top + 40
        marker = c.index.marker(event.citations)
        # The sources line says in full what the marker stands for: as many lines as
        # it needs (at 14 pt, or 12 if that keeps it to three), never cut.
        cited = "; ".join(c.index.short(source) for source in
                          dict.fromkeys(citation.source for citation in event.citations))
        source, size = f"Sources: {cited}", 14.0
        lines = wrap(source, c.width * L.WRAP_SLACK, size)
        if len(lines) > 3:
            size, lines = 12.0, wrap(source, c.width * L.WRAP_SLACK, 12.0)
        source_h = len(lines) * line_height(size) + 4
        facts = [Bullet(event.summary, "", 20, sources=marker)]
        places = ", ".join(c.pack.places[p].name for p in event.places)
        actors = ", ".join(c.pack.actors[a].name for a in event.actors)
        if places:
            facts.append(Bullet(places, "", 18, bold_prefix="Where:"))
        if actors:
            facts.append(Bullet(actors, "", 18, bold_prefix="Who:"))
        facts += [Bullet(f"\u201c{q.text}\u201d \u2014 {q.speaker}", "", 18, colour=L.ACCENT)
                  for q in event.quotes]
        room = c.bottom - top - source_h - 6
        for fact_size in (0.0, 2.0, 4.0):  # smaller before anything is cut
            sized = [dataclasses.replace(f, size=f.size - fact_size) for f in facts]
            pages = paginate(sized, c.width, room, indent=0)
            if len(pages) == 1:
                break
        kept = [p for page in pages for p in page]
        body.append(TextBox(c.left, top, c.width, room, tuple(pages[0]), name="Event"))
        if len(kept) > len(pages[0]):  # what did not fit is in the notes, and says so
            note = (note + " " if note else "") + "Quotes and details not on the slide are " \
                "in these notes."
        body.append(TextBox(c.left, c.bottom - source_h, c.width, source_h,
                            (Paragraph(tuple((Run(line, size, False, L.MUTED),)
                                             for line in lines), "left"),), name="Sources"))
        notes = c.notes()
        notes.add_event(event)
        for quote in event.quotes:
            notes.add(f"\u201c{quote.text}\u201d \u2014 {quote.speaker}")
        if note:
            notes.add(note)
        c.add(SlideKind.EVENT, event.title, body, notes.text(), section.id,
              kicker=section.title if c.recipe.options.assertion_titles else "")

    def events(self, section: Section, events: list[Event]) -> None:
        """A slide per event, its latest (at most `MAX_EVENT_SLIDES`, fewer when many
        sections share `MAX_EVENT_SLIDES_IN_DECK`); an event already given a
        slide under an earlier section is named in the notes, not repeated."""
        c = self.canvas
        fresh = [e for e in events if e.id not in c.event_slides]
        again = [e for e in events if e.id in c.event_slides]
        cap = min(MAX_EVENT_SLIDES, max(2, MAX_EVENT_SLIDES_IN_DECK // len(c.sections)))
        skipped = max(0, len(fresh) - cap)
        note = left_out(skipped, "events", f"with {len(c.sections)} sections a section "
                        f"has at most {cap} event slides, its latest; pick fewer sections "
                        "for more") if skipped else ""
        if again:
            note += (" " if note else "") + "Also in this section, on earlier slides: " + \
                "; ".join(f"{e.title} (under {c.pack.section(c.event_slides[e.id]).title})"
                          for e in again[:MAP_NOTE_TITLES])
            if len(again) > MAP_NOTE_TITLES:
                note += f"; and {len(again) - MAP_NOTE_TITLES:,} more"
            note += "."
        for n, event in enumerate(fresh[skipped:]):
            c.event_slides[event.id] = section.id
            self.event_slide(section, event, note if n == 0 else "")

