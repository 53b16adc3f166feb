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
from content.model import Event, Pack, Section
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

    def __init__(self, pack: Pack, recipe: Recipe, page: Page = DEFAULT_PAGE) -> None:
        self.pack = pack
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
        """Bottom line up front: each selected section's judgement, one bullet each,
        with the markers of the sources its key points rest on."""
        c = self.canvas
        sections = [self.pack.section(s) for s in c.sections]
        pages: list[list[Paragraph]] = [[]]
        for size in (22.0, 20.0, L.MIN_BODY_SIZE):
            bullets = [Bullet(s.summary, "■", size, sources=c.index.marker(
                tuple(c for p in s.key_points[:3] for c in p.citations[:1])))
                for s in sections]
            pages = paginate(bullets, c.width, c.height, indent=30)
            if len(pages) == 1:
                break
        for n, (page, on_page) in enumerate(zip(pages, per_page(sections, pages),
                                                strict=True)):
            title = "Bottom line up front" + (" (continued)" if n else "")
            box = TextBox(c.left, c.top, c.width, c.height, tuple(page),
                          name="Bottom line")
            notes = c.notes()
            for section in on_page:
                notes.add(f"{section.title}: {section.summary}",
                          tuple(c for p in section.key_points[:3] for c in p.citations[:1]))
            c.add(SlideKind.BOTTOM_LINE, title, [box], notes.text())

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

    def section_overview(self, section: Section) -> None:
        c = self.canvas
        points = section.key_points[:MAX_KEY_POINTS]
        bullets = [Bullet(point.text, sources=c.index.marker(point.citations))
                   for point in points]
        skipped = len(section.key_points) - len(points)
        if skipped:
            bullets.append(Bullet(left_out(skipped, "key points", "they are in the app"), "",
                                  colour=L.MUTED))
        # The summary is the section's point: under the topic title, as many lines as
        # it needs; or, with assertion titles, the title itself, the topic above it.
        asserted = self.recipe.options.assertion_titles
        lines = len(wrap(section.summary, c.width * L.WRAP_SLACK, SUMMARY_SIZE))
        summary_h = 0.0 if asserted else lines * line_height(SUMMARY_SIZE) + 4
        summary = text_box(c.left, c.top, c.width, summary_h, section.summary,
                           SUMMARY_SIZE, colour=L.ACCENT, name="Summary")
        top = c.top + (summary_h + 10 if summary_h else 0)
        pages: list[list[Paragraph]] = [[]]
        for size in (L.BODY_SIZE, L.MIN_BODY_SIZE):  # one slide if a readable size does it
            sized = [dataclasses.replace(b, size=size) for b in bullets]
            pages = paginate(sized, c.width, c.bottom - top,
                             later=c.height) if bullets else [[]]
            if len(pages) == 1:
                break
        for point in points:
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
            notes = c.notes()
            if n == 0:
                notes.add(f"{section.title}: {section.summary}")
            for point in on_page:
                notes.add(f"\u2022 {point.text}", point.citations)
            if skipped and n == len(pages) - 1:  # the page that says so
                notes.add(left_out(skipped, "key points", "they are in the app"))
            c.add(SlideKind.SECTION, title, body, notes.text(), section.id,
                     kicker=section.title if asserted else "")

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
        c.add(SlideKind.CLOSING, "Questions", cover(c.page, "Questions", lines),
                 "Close and take questions.", with_title=False)

    # -- whole deck ---------------------------------------------------------
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
        for sid in c.sections:
            section = pack.section(sid)
            events = in_section[sid]
            self.section_overview(section)
            if o.timeline_slides and events:
                self.section_slides.timeline(section, events)
            if o.map_slides and events:
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
    sections."""
    check_sections(recipe, pack)
    k = page.height / LAYOUT_HEIGHT
    if abs(k - 1) < 1e-6:
        return _Builder(pack, recipe, page).build()
    return scale_deck(_Builder(pack, recipe, scale_page(page, 1 / k)).build(), k, page)
