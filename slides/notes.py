"""Speaker notes that read: short paragraphs, numbered source markers, "via" said once.

A slide's notes mark each statement with the sources it rests on (`[1]`, `[1, 3]`,
the deck's numbers, as on the slide and the sources slide) and end with those
sources, each written once: outlet, date, grade and link. Sources read in another
article are flagged `*` and the article is named once at the end, instead of a
hundred-character "reported via …" after every citation.
"""

from __future__ import annotations

from content.citations import resolve
from content.model import Citation, Event, Judgement, Pack
from slides.citing import SourceIndex


class Notes:
    """One slide's notes: paragraphs, then the sources they cite."""

    def __init__(self, pack: Pack, index: SourceIndex | None = None) -> None:
        self.pack = pack
        self.index = index or SourceIndex(pack)  # the deck's numbers, shared by slides
        self.paragraphs: list[str] = []
        self._listed: dict[str, str] = {}
        self._vias: dict[str, None] = {}

    def marks(self, citations: tuple[Citation, ...]) -> str:
        """`[1, 3·2]`: the deck's numbers of `citations`, as the slide shows them."""
        for citation in citations:  # each source once, graded where any citation is
            if citation.source not in self._listed or citation.grade:
                self._listed[citation.source] = self._source_line(
                    self.index.number(citation.source), citation)
        return self.index.marker(citations)

    def _source_line(self, number: int, citation: Citation) -> str:
        c = resolve(self.pack, citation)
        text = f"[{number}] {c.heading}"
        if c.grade:
            text += f" ({c.grade})"
        if c.url:
            text += f" <{c.url}>"
        if c.via:
            self._vias[c.via] = None
            text += " *"
        return text

    def add(self, text: str, citations: tuple[Citation, ...] = ()) -> None:
        """A paragraph, with the markers of what it cites."""
        marks = self.marks(citations)
        self.paragraphs.append(f"{text} {marks}".rstrip())

    def add_event(self, event: Event) -> None:
        """An event as a paragraph: when, what, the summary, its sources."""
        when = event.date_label()
        if when.startswith("since "):  # a paragraph opens with a capital ("c." stays)
            when = "S" + when[1:]
        self.add(f"{when}: {event.title}. {event.summary}", event.citations)

    def talking_points(self, events: list[Event], judgements: tuple[Judgement, ...] = (),
                       opening: str = "") -> None:
        """What a presenter says over a view (a timeline or a map): `opening`, the
        words its events quote to read out, then the judgements they bear on ("So
        what"). Drawn only from the content: nothing is said that it does not say."""
        if opening:
            self.add(f"Say: {opening}")
        for event in events:
            for quote in event.quotes:
                self.add(f"Read out ({event.title}): \u201c{quote.text}\u201d \u2014 "
                         f"{quote.speaker}", event.citations)
        for judgement in judgements:
            self.add(f"So what: {judgement.text}", judgement.citations)

    def text(self) -> str:
        """The notes: paragraphs apart, then the numbered sources."""
        parts = list(self.paragraphs)
        if self._listed:
            lines = sorted(self._listed.values(), key=lambda line: int(line[1:line.index("]")]))
            sources = "Sources\n" + "\n".join(lines)
            if self._vias:
                sources += "\n* as reported in " + "; ".join(self._vias)
            parts.append(sources)
        return "\n\n".join(parts)
