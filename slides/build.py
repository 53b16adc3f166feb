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

from content.dates import PartialDate
from content.lint import reads_as_judgement
from content.model import Event, Judgement, KeyPoint, Pack, Section
from slides import layout as L
from slides.canvas import MAX_SECTIONS, DeckCanvas
from slides.layout import (
    Bullet,
    Frame,
    chrome,
    cover,
    paginate,
    text_box,
    themed,
)
from slides.page import DEFAULT_PAGE, Page
from slides.recipe import Recipe, check_sections
from slides.scaling import LAYOUT_HEIGHT, scale_deck, scale_page
from slides.section_slides import SectionSlides
from slides.sizing import extras_within, own_views_wanted, slide_budget
from slides.spec import Deck, Paragraph, Shape, SlideKind, TextBox, TextRole
from slides.text import FONT, line_height, wrap
from slides.wording import content_age, in_words, left_out

T = TypeVar("T")
# A deck is a briefing, not an export of the pack: past these limits it says in one
# line what it left out, so a huge pack or recipe still gives a deck in seconds.
MAX_KEY_POINTS = 40  # per section
MAX_CHANGES = 20  # events on the "what changed" slides: the latest
SUMMARY_SIZE = 20.0
MAX_SOURCE_SLIDES = 8  # beyond them, the sources are in the notes of their slides
NAMED_AT_MOST = 3  # events or places a key-point slide names


MAX_BOTTOM_LINES = 5


def bottom_lines(pack: Pack, sections: Sequence[str]) -> list[Judgement]:
    """The judgements a deck of `sections` opens with: the pack's own that sum up any
    of them, in the pack's order; else the sections' summaries that read as
    judgements; at most `MAX_BOTTOM_LINES`."""
    chosen = set(sections)
    own = [j for j in pack.info.bottom_line if chosen.intersection(j.sections)]
    if not own:
        own = [Judgement(s.summary, (s.id,), tuple(p.citations[0] for p in s.key_points[:3]
                                                   if p.citations))
               for s in (pack.section(sid) for sid in sections)
               if reads_as_judgement(s.summary)]
    return own[:MAX_BOTTOM_LINES]


def per_page(items: Sequence[T], pages: list[list[Paragraph]]) -> list[Sequence[T]]:
    """`items` split as `pages` laid them out, one paragraph an item (a page may end in
    paragraphs that stand for no item, such as a "left out" line)."""
    out, shown = [], 0
    for page in pages:
        out.append(items[shown:shown + len(page)])
        shown += len(page)
    return out


class _Builder:
    """Adds the deck's slides to its canvas in briefing order, then numbers them and
    adds the marking frame."""

    def __init__(self, pack: Pack, recipe: Recipe, page: Page = DEFAULT_PAGE,
                 extras: frozenset[tuple[str, str]] | None = None) -> None:
        self.pack = pack
        self.extras = extras  # the sections' own views the deck has room for (None: all)
        self.one_slide_sections = False  # a long deck: each section's points on one slide
        self.recipe = recipe
        self.canvas = DeckCanvas(pack, recipe, page)
        self.section_slides = SectionSlides(self.canvas)
        sections = self.canvas.sections
        single = len(sections) == 1 and recipe.title == pack.info.title
        self.title = pack.section(sections[0]).title if single else recipe.title

    # -- slides -------------------------------------------------------------
    def title_slide(self) -> None:
        c = self.canvas
        r = self.recipe
        who = " · ".join(v for v in (r.presenter, r.audience, in_words(r.date)) if v)
        asof = content_age(self.pack.info.as_of, r.date)
        subtitle = r.subtitle if self.title == r.title else r.title
        lines = [(subtitle, 22.0, L.TEXT), (who, 18.0, L.MUTED), (asof, 16.0, L.MUTED)]
        notes = (f"{self.title}. {self.pack.info.description} Sections: "
                 + ", ".join(self.pack.section(s).title for s in c.sections) + ".")
        c.add(SlideKind.TITLE, self.title, cover(c.page, self.title, lines), notes,
                 with_title=False)

    def bottom_line(self) -> None:
        """Bottom line up front: at most `MAX_BOTTOM_LINES` judgements on one slide,
        each with the markers of the sources it rests on; the notes give the detail
        behind each line (the key points of the sections it sums up)."""
        c = self.canvas
        chosen = bottom_lines(self.pack, c.sections)
        page: list[Paragraph] = []
        while chosen:  # one slide: at the largest readable size, else fewer lines
            for size in (22.0, 20.0, L.MIN_BODY_SIZE):
                bullets = [Bullet(j.text, "■", size, sources=c.index.marker(j.citations))
                           for j in chosen]
                pages = paginate(bullets, c.width, c.height, indent=30)
                if len(pages) == 1:
                    page = pages[0]
                    break
            if page:
                break
            chosen = chosen[:-1]
        box = TextBox(c.left, c.top, c.width, c.height, tuple(page), name="Bottom line")
        notes = c.notes()
        for judgement in chosen:
            notes.add(judgement.text, judgement.citations)
            for sid in judgement.sections:
                if sid in c.sections:
                    section = self.pack.section(sid)
                    point = section.key_points[0] if section.key_points else None
                    if point is not None:
                        notes.add(f"\u2022 {section.title}: {point.text}", point.citations)
        c.add(SlideKind.BOTTOM_LINE, "Bottom line up front", [box], notes.text())

    def agenda(self) -> None:
        c = self.canvas
        for size in (22.0, 20.0, L.MIN_BODY_SIZE):  # one slide if a readable size allows
            bullets = [Bullet(self.pack.section(s).title, f"{n}.", size)
                       for n, s in enumerate(c.sections, 1)]
            if c.sections_left_out:
                bullets.append(Bullet(left_out(c.sections_left_out, "sections",
                                               f"a deck holds at most {MAX_SECTIONS}"),
                                      "", size, colour=L.MUTED))
            pages = paginate(bullets, c.width, c.height, indent=40)
            if len(pages) == 1:
                break
        for n, (page, on_page) in enumerate(zip(pages, per_page(c.sections, pages),
                                                strict=True)):
            title = "Agenda" if n == 0 else "Agenda (continued)"
            box = TextBox(c.left, c.top, c.width, c.height, tuple(page), TextRole.LIST,
                          name="Agenda")
            notes = "\n".join(f"{self.pack.section(s).title}: {self.pack.section(s).summary}"
                              for s in on_page)
            c.add(SlideKind.AGENDA, title, [box], notes)

    def section_overview(self, section: Section, events: Sequence[Event] = (),
                         name_events: bool = False, name_places: bool = False) -> None:
        """The section's key points under its title (its point, with assertion titles);
        a section without a timeline or map of its own names its few events and places
        here."""
        c = self.canvas
        points = section.key_points[:MAX_KEY_POINTS]
        bullets = [Bullet(point.text, sources=c.index.marker(point.citations))
                   for point in points]
        skipped = len(section.key_points) - len(points)
        if skipped:
            bullets.append(Bullet(left_out(skipped, "key points", "they are in the app"), "",
                                  colour=L.MUTED))
        named: list[Bullet] = []
        said = []
        if name_events and 0 < len(events) <= NAMED_AT_MOST:
            said.append("Events: " + "; ".join(f"{e.title} ({e.date.short_label()})"
                                               for e in events) + ".")
        places = list(dict.fromkeys(p for e in events for p in e.places if p in c.pack.places))
        if name_places and 0 < len(places) <= NAMED_AT_MOST:
            said.append("Where: " + ", ".join(c.pack.places[p].name for p in places) + ".")
        if said:  # one line, sourced like every claim on a slide
            cited = tuple(cit for e in events for cit in e.citations)
            named.append(Bullet(" ".join(said), "", L.MIN_BODY_SIZE, colour=L.MUTED,
                                sources=c.index.marker(cited) if name_events else ""))
        # The summary is the section's point: under the topic title, as many lines as
        # it needs; or, with assertion titles, the title itself, the topic above it.
        asserted = self.recipe.options.assertion_titles
        lines = len(wrap(section.summary, c.width * L.WRAP_SLACK, SUMMARY_SIZE))
        summary_h = 0.0 if asserted else lines * line_height(SUMMARY_SIZE) + 4
        summary = text_box(c.left, c.top, c.width, summary_h, section.summary,
                           SUMMARY_SIZE, colour=L.ACCENT, name="Summary")
        top = c.top + (summary_h + 10 if summary_h else 0)
        pages = self._key_point_pages(bullets, top)
        if named:  # the events and places named only where they need no slide more
            with_named = self._key_point_pages(bullets + named, top)
            if len(with_named) == len(pages):
                pages = with_named
        in_notes: list[KeyPoint] = []  # on no slide: said in the notes
        if self.one_slide_sections and len(pages) > 1:
            for kept in range(min(len(pages[0]), len(points)), -1, -1):
                # the first points, and a line saying where the rest are
                more = Bullet(left_out(len(points) - kept, "key points",
                                       "they are in the notes"), "", L.MIN_BODY_SIZE,
                              colour=L.MUTED)
                trial = self._key_point_pages([*bullets[:kept], more], top)
                if len(trial) == 1:
                    pages, in_notes, points = trial, list(points[kept:]), points[:kept]
                    break
        for point in (*points, *in_notes):
            c.note_citations(point.citations)
        for n, (page, on_page) in enumerate(zip(pages, per_page(points, pages), strict=True)):
            title = section.summary if asserted else section.title
            if n:
                title += " (continued)"
            body: list[Shape] = [summary] if n == 0 and not asserted else []
            y = top if n == 0 else c.top
            body.append(TextBox(c.left, y, c.width, c.bottom - y, tuple(page), TextRole.LIST,
                                name="Key points"))
            # The notes speak of this slide's points only, not the whole section's.
            # Talking points: the section's point, each line with its sources and the
            # words to read out, then what it means (the judgement it supports).
            notes = c.notes()
            if n == 0:
                notes.add(f"{section.title}: {section.summary}")
            for point in (*on_page, *in_notes):
                notes.add(f"\u2022 {point.text}", point.citations)
                for quote in point.quotes:
                    notes.add(f"Read out: \u201c{quote.text}\u201d \u2014 {quote.speaker}")
            if skipped and n == len(pages) - 1:  # the page that says so
                notes.add(left_out(skipped, "key points", "they are in the app"))
            if n == len(pages) - 1:
                for so_what in self.section_slides.judgements((section.id,))[:1]:
                    notes.add(f"So what: {so_what.text}", so_what.citations)
            c.add(SlideKind.SECTION, title, body, notes.text(), section.id,
                     kicker=section.title if asserted else "")

    def _key_point_pages(self, bullets: list[Bullet], top: float) -> list[list[Paragraph]]:
        """Key points laid out from `top`: on one slide at a readable size if one does it."""
        c = self.canvas
        pages: list[list[Paragraph]] = [[]]
        for size in (L.BODY_SIZE, L.MIN_BODY_SIZE):
            sized = [dataclasses.replace(b, size=size) for b in bullets]
            pages = paginate(sized, c.width, c.bottom - top, later=c.height) if bullets \
                else [[]]
            if len(pages) == 1:
                break
        return pages

    def changes(self, events: list[Event], since: PartialDate) -> None:
        c = self.canvas
        recent = [e for e in events if e.start_day > since.last_day()]
        skipped = max(0, len(recent) - MAX_CHANGES)
        recent = recent[skipped:]  # the latest
        bullets = [Bullet(e.title, "•", 20, bold_prefix=e.date.short_label(),
                          sources=c.index.marker(e.citations)) for e in recent]
        if skipped:
            bullets.append(Bullet(left_out(skipped, "earlier events",
                                           f"this slide lists the latest {MAX_CHANGES}"),
                                  "", 18, colour=L.MUTED))
        for event in recent:
            c.note_citations(event.citations)
        if not bullets:
            bullets = [Bullet(f"No new events since {since.label()}.", "", 20)]
        pages = paginate(bullets, c.width, c.height)
        for n, (page, on_page) in enumerate(zip(pages, per_page(recent, pages), strict=True)):
            title = f"What changed since {since.label()}"
            if n:
                title += " (continued)"
            box = TextBox(c.left, c.top, c.width, c.height, tuple(page), TextRole.LIST,
                          name="Changes")
            notes = c.notes()
            for event in on_page:
                notes.add_event(event)
            c.add(SlideKind.CHANGES, title, [box], notes.text())

    def sources(self) -> None:
        """The deck's sources, numbered as its markers, each once with its one
        reliability grade; the articles they were read in; what the grades mean."""
        c = self.canvas
        index = c.index
        marks = index.via_marks()
        bullets = [Bullet(index.line(s, marks), "", 16) for s in index.ordered()]
        for via, mark in marks.items():
            article = self.pack.sources[via]
            by = f"{article.author}, " if article.author else ""
            when = f", {article.date.label()}" if article.date else ""
            bullets.append(Bullet(f"{mark} Reported in {by}\u201c{article.title}\u201d, "
                                  f"{article.outlet}{when}.", "", 16, colour=L.MUTED))
        bullets += [Bullet(line, "", 14, colour=L.MUTED) for line in index.legend()]
        pages = paginate(bullets, c.width, c.height, indent=0)
        for size in (14.0, 12.0):  # a reference list reads smaller: one slide if it can
            if len(pages) == 1:
                break
            smaller = [dataclasses.replace(b, size=min(b.size, size)) for b in bullets]
            if len(fewer := paginate(smaller, c.width, c.height, indent=0)) < len(pages):
                bullets, pages = smaller, fewer
        if len(pages) > MAX_SOURCE_SLIDES:  # the rest are in the notes of their slides
            listed = len(index.numbers)
            while listed > 1:
                listed = max(1, listed - max(1, listed // 10))
                more = Bullet(left_out(len(index.numbers) - listed, "sources",
                                       "each slide's notes list the sources it cites"),
                              "", 14, colour=L.MUTED)
                tail = bullets[len(index.numbers):]
                pages = paginate([*bullets[:listed], more, *tail], c.width, c.height,
                                 indent=0)
                if len(pages) <= MAX_SOURCE_SLIDES:
                    break
        for n, page in enumerate(pages):
            title = "Sources" if n == 0 else "Sources (continued)"
            box = TextBox(c.left, c.top, c.width, c.height, tuple(page), TextRole.LIST,
                          name="Sources")
            notes = ("The sources of this deck, numbered as the markers on its slides: "
                     "reliability of each source where graded, credibility of each claim "
                     "after its marker. Sources marked with a symbol were read as cited in "
                     "the article named at the end, not in the original.")
            c.add(SlideKind.SOURCES, title, [box], notes)

    def closing(self) -> None:
        c = self.canvas
        r = self.recipe
        lines = [(r.title, 20.0, L.MUTED), (r.presenter, 18.0, L.MUTED)]
        c.add(SlideKind.CLOSING, "Questions", cover(c.page, "Questions", lines, closing=True),
                 "Close and take questions.", with_title=False)

    # -- whole deck ---------------------------------------------------------
    def own_views(self, section: Section, events: list[Event]) -> tuple[bool, bool]:
        """Whether the section gets a timeline and a map of its own: with "detailed",
        whenever it has events (places); else as `sizing.own_views_wanted` says, within
        the deck's length (`extras`)."""
        o = self.recipe.options
        if o.detailed:
            places = {p for e in events for p in e.places}
            return o.timeline_slides and bool(events), o.map_slides and bool(places)
        timeline, map_ = own_views_wanted(o, events)
        if self.extras is not None:
            timeline = timeline and (section.id, "timeline") in self.extras
            map_ = map_ and (section.id, "map") in self.extras
        return timeline, map_

    def build(self) -> Deck:
        c = self.canvas
        pack, recipe, o = self.pack, self.recipe, self.recipe.options
        self.title_slide()
        self.bottom_line()
        in_section = {sid: pack.events_in_section(sid) for sid in c.sections}
        if o.changed_since is not None:
            selected = {e.id: e for events in in_section.values() for e in events}
            self.changes(sorted(selected.values(), key=lambda e: (e.start_day, e.id)),
                         o.changed_since)
        if o.agenda and len(c.sections) > 1:
            self.agenda()
        sections = [pack.section(sid) for sid in c.sections]
        every = sorted({e.id: e for evs in in_section.values() for e in evs}.values(),
                       key=lambda e: (e.start_day, e.id))
        if not o.detailed and len(sections) > 1:  # the whole story first, then each part
            if o.map_slides and len({p for e in every for p in e.places}) >= 2:
                self.section_slides.overview_map(sections, every)
            if o.timeline_slides and len(every) >= 2:
                self.section_slides.combined_timeline(sections, in_section)
        for section in sections:
            events = in_section[section.id]
            own_timeline, own_map = self.own_views(section, events)
            self.section_overview(section, events, not own_timeline, not own_map)
            if own_timeline:
                self.section_slides.timeline(section, events)
            if own_map:
                self.section_slides.map(section, events)
            if o.event_slides:
                self.section_slides.events(section, events)
        if o.sources_slide and c.index.numbers:
            self.sources()
        self.closing()
        marking = recipe.marking or pack.info.marking
        frame = Frame(marking, f"{self.title} · as of {pack.info.as_of.label()}",
                      len(c.slides))
        on_master = c.page.palette("content")  # one master: one look for all slides
        slides = tuple(dataclasses.replace(s, chrome=tuple(themed(
            chrome(frame, n, c.page), on_master)))
            for n, s in enumerate(c.slides, 1))
        return Deck(recipe.title, c.page.width, c.page.height, slides, marking, FONT,
                    author=recipe.presenter, subject=recipe.subtitle, page=c.page)


def build_deck(pack: Pack, recipe: Recipe, page: Page = DEFAULT_PAGE) -> Deck:
    """Lay out the deck `recipe` asks for from `pack` on `page` (a template's, from
    `slides.pptx.look.template_page`; ours by default). RecipeError on unknown
    sections.

    A briefing's length is `slide_budget`: the deck without the sections' own
    timelines and maps is laid out first, and as many of those as fit the budget are
    added, the busiest sections' first (the "detailed" option gives every section
    both, however long the deck)."""
    check_sections(recipe, pack)
    k = page.height / LAYOUT_HEIGHT
    scaled = abs(k - 1) >= 1e-6
    layout_page = scale_page(page, 1 / k) if scaled else page

    def lay_out(extras: frozenset[tuple[str, str]] | None, one_slide: bool = False) -> Deck:
        builder = _Builder(pack, recipe, layout_page, extras)
        builder.one_slide_sections = one_slide
        return builder.build()

    if recipe.options.detailed:
        deck = lay_out(None)
    else:
        budget = slide_budget(len(recipe.sections))
        deck = lay_out(frozenset())
        if len(deck.slides) > budget and recipe.options.agenda and len(recipe.sections) <= 3:
            # A template with a small body area continues slides: a short deck drops
            # its agenda (the sections are few and their titles say it) before more.
            recipe = recipe.with_(options=dataclasses.replace(recipe.options, agenda=False))
            deck = lay_out(frozenset())
        one_slide = len(deck.slides) > budget
        if one_slide:  # still long: a slide per section, the points past it in the notes
            deck = lay_out(frozenset(), one_slide=True)
        most = budget - len(deck.slides)
        for room in range(most, max(0, most - 3), -1):
            # What the extras cite may add a sources slide: less room until they fit
            # (three tries: a huge pack's deck is laid out in seconds, not minutes).
            fuller = lay_out(frozenset(extras_within(pack, recipe, room)), one_slide)
            if len(fuller.slides) <= budget:
                deck = fuller
                break
    return scale_deck(deck, k, page) if scaled else deck
