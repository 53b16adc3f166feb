"""`build_deck(pack, recipe)`: the selected sections as a list of laid-out slide specs.

Title, agenda, then per section an overview of its key points (continued on further
slides rather than overflowing), a timeline and a map of its events, optionally one
slide per event; a "what changed since" slide, the sources used and a closing slide.
Speaker notes carry the detail and the citations. Pure Python: no pptx, no Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from content.citations import citation_text
from content.model import Citation, Event, Pack, Section
from slides import layout as L
from slides.layout import (
    Bullet,
    Frame,
    chrome,
    cover,
    paginate,
    text_box,
    themed,
    title_box,
)
from slides.map_layout import legend, map_shapes
from slides.notes import Notes
from slides.page import DEFAULT_PAGE, Page, readable
from slides.recipe import Recipe, check_sections
from slides.scaling import LAYOUT_HEIGHT, scale_deck, scale_page
from slides.spec import Deck, LiveView, Paragraph, Rect, Shape, Slide, TextBox
from slides.text import FONT, line_height, wrap
from slides.timeline_layout import EVENTS_PER_SLIDE, timeline_shapes

T = TypeVar("T")
MAX_TIMELINE_SLIDES = 3  # per section; beyond that the deck shows the latest events
# A deck is a briefing, not an export of the pack: past these limits it says in one
# line what it left out, so a huge pack or recipe still gives a deck in seconds.
MAX_SECTIONS = 40  # per deck
MAX_KEY_POINTS = 40  # per section
MAX_EVENT_SLIDES = 12  # per section
MAX_CHANGES = 40  # events on the "what changed" slides
MAP_NOTE_TITLES = 5  # event titles per place in a map slide's notes
SUMMARY_SIZE = 20.0
SOURCES_SMALL = 14.0  # the sources list, when 16 pt needs a second slide


def cite(pack: Pack, citation: Citation) -> str:
    """A citation as a briefer writes it: `President.az, 14 December 2021 (B2), via …`."""
    return citation_text(pack, citation)


def cites(pack: Pack, citations: tuple[Citation, ...]) -> str:
    """Several citations joined with semicolons."""
    return "; ".join(cite(pack, c) for c in citations)


def per_page(items: Sequence[T], pages: list[list[Paragraph]]) -> list[Sequence[T]]:
    """`items` split as `pages` laid them out, one paragraph an item (a page may end in
    paragraphs that stand for no item, such as a "left out" line)."""
    out, shown = [], 0
    for page in pages:
        out.append(items[shown:shown + len(page)])
        shown += len(page)
    return out


def left_out(count: int, noun: str, why: str) -> str:
    """The one line a deck shows where it left something out."""
    return f"{count:,} more {noun} not shown: {why}."


class _Builder:
    """Collects slides, then numbers them and adds the marking frame."""

    def __init__(self, pack: Pack, recipe: Recipe, page: Page = DEFAULT_PAGE) -> None:
        self.pack = pack
        self.recipe = recipe
        self.page = page
        body = page.body  # where content goes: the template's body area
        self.left, self.top, self.width, self.height = body.x, body.y, body.w, body.h
        self.bottom = body.bottom
        self.slides: list[Slide] = []
        self.sections = list(recipe.sections[:MAX_SECTIONS])
        self.sections_left_out = len(recipe.sections) - len(self.sections)
        self.used: dict[str, set[str]] = {}  # source id -> the Admiralty grades it was given

    def add(self, kind: str, title: str, body: list[Shape], notes: str = "",
            section: str = "", live: LiveView | None = None,
            with_title: bool = True) -> None:
        shapes = ([title_box(title, self.page)] if with_title else []) + body
        palette = self.page.palette(kind)
        if palette.plate:  # nothing reads on the template's background here: a plate
            page = self.page
            plates = ([page.body] + ([page.title] if with_title else [])
                      if kind not in ("title", "closing") else
                      [b for b in (page.cover_title, page.cover_subtitle) if b is not None])
            shapes = [Rect(b.x - 6, b.y - 4, b.w + 12, b.h + 8, palette.plate, radius=4,
                           name="Plate") for b in plates] + shapes
        self.slides.append(Slide(kind, title, tuple(themed(shapes, palette)), notes.strip(),
                                 section, live))

    def readable(self, colour: str) -> str:
        """A section's colour as text on this page: moved only as far as it must be to
        read on the template's background (our accent when it has none)."""
        palette = self.page.palette("content")
        if not colour:
            return L.ACCENT
        behind = list(palette.behind) or [palette.plate or palette.background]
        return readable(colour, behind, towards=palette.text)

    def note_citations(self, citations: tuple[Citation, ...]) -> None:
        for c in citations:
            grades = self.used.setdefault(c.source, set())
            if c.grade:
                grades.add(c.grade)

    # -- slides -------------------------------------------------------------
    def title_slide(self) -> None:
        r = self.recipe
        who = " · ".join(v for v in (r.presenter, r.audience, r.date) if v)
        asof = f"Content as of {self.pack.info.as_of.label()}"
        lines = [(r.subtitle, 22.0, L.TEXT), (who, 18.0, L.MUTED), (asof, 16.0, L.MUTED)]
        notes = (f"{r.title}. {self.pack.info.description} Sections: "
                 + ", ".join(self.pack.section(s).title for s in self.sections) + ".")
        self.add("title", r.title, cover(self.page, r.title, lines), notes, with_title=False)

    def agenda(self) -> None:
        for size in (22.0, 20.0, L.MIN_BODY_SIZE):  # one slide if a readable size allows
            bullets = [Bullet(self.pack.section(s).title, f"{n}.", size)
                       for n, s in enumerate(self.sections, 1)]
            if self.sections_left_out:
                bullets.append(Bullet(left_out(self.sections_left_out, "sections",
                                               f"a deck holds at most {MAX_SECTIONS}"),
                                      "", size, colour=L.MUTED))
            pages = paginate(bullets, self.width, self.height, indent=40)
            if len(pages) == 1:
                break
        for n, (page, on_page) in enumerate(zip(pages, per_page(self.sections, pages),
                                                strict=True)):
            title = "Agenda" if n == 0 else "Agenda (continued)"
            box = TextBox(self.left, self.top, self.width, self.height, tuple(page), name="Agenda")
            notes = "\n".join(f"{self.pack.section(s).title}: {self.pack.section(s).summary}"
                              for s in on_page)
            self.add("agenda", title, [box], notes)

    def section_overview(self, section: Section) -> None:
        points = section.key_points[:MAX_KEY_POINTS]
        bullets = [Bullet(point.text) for point in points]
        skipped = len(section.key_points) - len(points)
        if skipped:
            bullets.append(Bullet(left_out(skipped, "key points", "they are in the app"), "",
                                  colour=L.MUTED))
        # The summary is the section's point: as many lines as it needs, up to three,
        # never cut to one line with an ellipsis.
        lines = min(len(wrap(section.summary, self.width * L.WRAP_SLACK, SUMMARY_SIZE)), 3)
        summary_h = lines * line_height(SUMMARY_SIZE) + 4
        summary = text_box(self.left, self.top, self.width, summary_h, section.summary,
                           SUMMARY_SIZE, colour=L.ACCENT, max_lines=3, name="Summary")
        top = self.top + summary_h + 10
        pages: list[list[Paragraph]] = [[]]
        for size in (L.BODY_SIZE, L.MIN_BODY_SIZE):  # one slide if a readable size does it
            sized = [dataclasses.replace(b, size=size) for b in bullets]
            pages = paginate(sized, self.width, self.bottom - top) if bullets else [[]]
            if len(pages) == 1:
                break
        for point in points:
            self.note_citations(point.citations)
        for n, (page, on_page) in enumerate(zip(pages, per_page(points, pages), strict=True)):
            title = section.title if n == 0 else f"{section.title} (continued)"
            body: list[Shape] = [summary] if n == 0 else []
            y = top if n == 0 else self.top
            body.append(TextBox(self.left, y, self.width, self.bottom - y, tuple(page),
                                name="Key points"))
            # The notes speak of this slide's points only, not the whole section's.
            notes = Notes(self.pack)
            if n == 0:
                notes.add(f"{section.title}: {section.summary}")
            for point in on_page:
                notes.add(f"\u2022 {point.text}", point.citations)
            if skipped and n == len(pages) - 1:  # the page that says so
                notes.add(left_out(skipped, "key points", "they are in the app"))
            self.add("section", title, body, notes.text(), section.id)

    def section_timeline(self, section: Section, events: list[Event]) -> None:
        total = len(events)
        limit = EVENTS_PER_SLIDE * MAX_TIMELINE_SLIDES
        if total > limit:  # a briefing shows the latest; the list is in the app
            events = events[-limit:]
        chunks = [events[i:i + EVENTS_PER_SLIDE] for i in range(0, len(events),
                                                                 EVENTS_PER_SLIDE)]
        for event in events:
            self.note_citations(event.citations)
        for n, chunk in enumerate(chunks):
            title = f"{section.title}: timeline"
            if total > limit:
                title += f" (latest {limit} of {total:,})"
            if len(chunks) > 1:
                title += f" ({n + 1} of {len(chunks)})"
            area = (self.left + 10, self.top + 4, self.width - 20, self.height - 8)
            body = timeline_shapes(chunk, *area, self.readable(section.colour))
            notes = Notes(self.pack)
            for event in chunk:
                notes.add_event(event)
            live = LiveView("timeline", *area, sections=(section.id,),
                            events=tuple(e.id for e in chunk))
            self.add("timeline", title, body, notes.text(), section.id, live)

    def section_map(self, section: Section, events: list[Event]) -> None:
        counts: dict[str, int] = {}
        for event in events:
            for place in event.places:
                counts[place] = counts.get(place, 0) + 1
        if not counts:
            return
        places = [(self.pack.places[p], c) for p, c in counts.items()]
        map_w = round(self.width * 0.69)  # the legend takes the rest
        shapes, numbered = map_shapes(self.pack, places, self.left, self.top, map_w, self.height,
                                      self.pack.info.as_of.first_day())
        right = self.left + map_w + 20
        shapes += legend(numbered, right, self.top, self.left + self.width - right,
                         self.bottom)
        notes = Notes(self.pack)
        notes.add(f"Places in {section.title}:")
        for n, place, count in numbered:
            titles = [e.title for e in events if place.id in e.places][:MAP_NOTE_TITLES]
            more = f"; and {count - len(titles):,} more" if count > len(titles) else ""
            notes.add(f"{n}. {place.name} ({count}): {'; '.join(titles)}{more}")
        notes.add("Map: Natural Earth 1:50m (public domain). NATO members shaded as of "
                  f"{self.pack.info.as_of.label()}.", self._member_citations())
        live = LiveView("map", self.left, self.top, map_w, self.height, sections=(section.id,),
                        places=tuple(place.id for _, place, _ in numbered))
        self.add("map", f"{section.title}: places", shapes, notes.text(), section.id, live)

    def _member_citations(self) -> tuple[Citation, ...]:
        citations = tuple({c.source: c for m in self.pack.members for c in m.citations}.values())
        self.note_citations(citations)
        return citations

    def event_slide(self, section: Section, event: Event, note: str = "") -> None:
        date = event.date_label()
        body: list[Shape] = [text_box(self.left, self.top, self.width, 30, date, 20, bold=True,
                                      colour=self.readable(section.colour), max_lines=1,
                                      name="Date")]
        top = self.top + 40
        facts = [Bullet(event.summary, "", 20)]
        places = ", ".join(self.pack.places[p].name for p in event.places)
        actors = ", ".join(self.pack.actors[a].name for a in event.actors)
        if places:
            facts.append(Bullet(places, "", 18, bold_prefix="Where:"))
        if actors:
            facts.append(Bullet(actors, "", 18, bold_prefix="Who:"))
        facts += [Bullet(f"\u201c{q.text}\u201d \u2014 {q.speaker}", "", 18, colour=L.ACCENT)
                  for q in event.quotes]
        page = paginate(facts, self.width, self.bottom - top - 30, indent=0)[0]
        body.append(TextBox(self.left, top, self.width, self.bottom - top - 30, tuple(page),
                            name="Event"))
        source = f"Sources: {cites(self.pack, event.citations)}"
        body.append(text_box(self.left, self.bottom - 26, self.width, 26, source, 14,
                             colour=L.MUTED, max_lines=1, name="Sources"))
        notes = Notes(self.pack)
        notes.add_event(event)
        for quote in event.quotes:
            notes.add(f"\u201c{quote.text}\u201d \u2014 {quote.speaker}")
        if note:
            notes.add(note)
        self.add("event", event.title, body, notes.text(), section.id)

    def changes(self, events: list[Event]) -> None:
        since = self.recipe.options.changed_since
        assert since is not None
        recent = [e for e in events if e.start_day > since.last_day()]
        skipped = max(0, len(recent) - MAX_CHANGES)
        recent = recent[skipped:]  # the latest
        bullets = [Bullet(e.title, "•", 20, bold_prefix=e.date.short_label()) for e in recent]
        if skipped:
            bullets.append(Bullet(left_out(skipped, "earlier events",
                                           f"this slide lists the latest {MAX_CHANGES}"),
                                  "", 18, colour=L.MUTED))
        for event in recent:
            self.note_citations(event.citations)
        if not bullets:
            bullets = [Bullet(f"No new events since {since.label()}.", "", 20)]
        pages = paginate(bullets, self.width, self.height)
        for n, (page, on_page) in enumerate(zip(pages, per_page(recent, pages), strict=True)):
            title = f"What changed since {since.label()}"
            if n:
                title += " (continued)"
            box = TextBox(self.left, self.top, self.width, self.height, tuple(page), name="Changes")
            notes = Notes(self.pack)
            for event in on_page:
                notes.add_event(event)
            self.add("changes", title, [box], notes.text())

    def sources(self) -> None:
        sources = sorted(self.used, key=self._source_key)
        marks = self._via_marks(sources)
        bullets = [Bullet(self._source_line(s, marks), "•", 16) for s in sources]
        for via, mark in marks.items():
            article = self.pack.sources[via]
            by = f"{article.author}, " if article.author else ""
            when = f", {article.date.label()}" if article.date else ""
            bullets.append(Bullet(f"{mark} Reported in {by}\u201c{article.title}\u201d, "
                                  f"{article.outlet}{when}.", "", 16, colour=L.MUTED))
        pages = paginate(bullets, self.width, self.height, indent=18)
        if len(pages) > 1:  # a reference list reads at 14 pt: one slide if that does it
            smaller = [dataclasses.replace(b, size=SOURCES_SMALL) for b in bullets]
            if len(fewer := paginate(smaller, self.width, self.height, indent=18)) == 1:
                pages = fewer
        for n, page in enumerate(pages):
            title = "Sources" if n == 0 else "Sources (continued)"
            box = TextBox(self.left, self.top, self.width, self.height, tuple(page), name="Sources")
            notes = ("Every citation used in this deck, with its Admiralty grade where given. "
                     "Sources marked with a symbol were read as cited in the article named "
                     "at the end, not in the original.")
            self.add("sources", title, [box], notes)

    def _via_marks(self, source_ids: list[str]) -> dict[str, str]:
        vias: list[str] = []
        for source_id in source_ids:
            source = self.pack.sources.get(source_id)
            if source and source.via in self.pack.sources and source.via not in vias:
                vias.append(source.via)
        symbols = "†‡§¶"
        return {via: symbols[i] if i < len(symbols) else f"[{i + 1}]"
                for i, via in enumerate(vias)}

    def _source_key(self, source_id: str) -> tuple[str, str, str]:
        s = self.pack.sources.get(source_id)
        if s is None:
            return ("", "", source_id)
        return (s.outlet.casefold(), s.date.iso() if s.date else "", source_id)

    def _source_line(self, source_id: str, marks: dict[str, str]) -> str:
        s = self.pack.sources[source_id]
        text = s.outlet + (f", {s.date.label()}" if s.date else "") + f": {s.title}"
        grades = sorted(self.used[source_id])
        if grades:
            text += f" (grade{'s' if len(grades) > 1 else ''} {', '.join(grades)})"
        if s.via in marks:
            text += f" {marks[s.via]}"
        return text

    def closing(self) -> None:
        r = self.recipe
        lines = [(r.title, 20.0, L.MUTED), (r.presenter, 18.0, L.MUTED)]
        self.add("closing", "Questions", cover(self.page, "Questions", lines),
                 "Close and take questions.", with_title=False)

    # -- whole deck ---------------------------------------------------------
    def build(self) -> Deck:
        pack, recipe, o = self.pack, self.recipe, self.recipe.options
        self.title_slide()
        if o.agenda:
            self.agenda()
        selected: dict[str, Event] = {}
        for sid in self.sections:
            section = pack.section(sid)
            events = pack.events_in_section(sid)
            selected.update((e.id, e) for e in events)
            self.section_overview(section)
            if o.timeline_slides and events:
                self.section_timeline(section, events)
            if o.map_slides and events:
                self.section_map(section, events)
            if o.event_slides:
                skipped = max(0, len(events) - MAX_EVENT_SLIDES)
                note = left_out(skipped, "events", f"a section has at most {MAX_EVENT_SLIDES} "
                                "event slides, its latest") if skipped else ""
                for n, event in enumerate(events[skipped:]):
                    self.note_citations(event.citations)
                    self.event_slide(section, event, note if n == 0 else "")
        if o.changed_since is not None:
            self.changes(sorted(selected.values(), key=lambda e: (e.start_day, e.id)))
        if o.sources_slide and self.used:
            self.sources()
        self.closing()
        marking = recipe.marking or pack.info.marking
        frame = Frame(marking, f"{recipe.title} · as of {pack.info.as_of.label()}",
                      len(self.slides))
        on_master = self.page.palette("content")  # one master: one look for all slides
        slides = tuple(dataclasses.replace(s, chrome=tuple(themed(
            chrome(frame, n, self.page), on_master)))
            for n, s in enumerate(self.slides, 1))
        return Deck(recipe.title, self.page.width, self.page.height, slides, marking, FONT,
                    author=recipe.presenter, subject=recipe.subtitle, page=self.page)


def build_deck(pack: Pack, recipe: Recipe, page: Page = DEFAULT_PAGE) -> Deck:
    """Lay out the deck `recipe` asks for from `pack` on `page` (a template's, from
    `slides.pptx.look.template_page`; ours by default). RecipeError on unknown
    sections."""
    check_sections(recipe, pack)
    k = page.height / LAYOUT_HEIGHT
    if abs(k - 1) < 1e-6:
        return _Builder(pack, recipe, page).build()
    return scale_deck(_Builder(pack, recipe, scale_page(page, 1 / k)).build(), k, page)
