"""Speaker notes that read: short paragraphs, numbered source markers, "via" said once.

A slide's notes mark each statement with the sources it rests on (`[1]`, `[1, 3]`)
and end with those sources, numbered, each written once: outlet, date, grade and
link. Sources read in another article are flagged `*` and the article is named once
at the end, instead of a hundred-character "reported via …" after every citation.
"""

from __future__ import annotations

from content.citations import resolve
from content.model import Citation, Event, Pack


class Notes:
    """One slide's notes: paragraphs, then the sources they cite."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.paragraphs: list[str] = []
        self._numbers: dict[tuple[str, str], int] = {}
        self._lines: list[str] = []
        self._vias: dict[str, None] = {}

    def marks(self, citations: tuple[Citation, ...]) -> str:
        """`[1, 2]`: the numbers of `citations` in this slide's source list."""
        numbers = []
        for citation in citations:
            key = (citation.source, citation.grade)
            if key not in self._numbers:
                self._numbers[key] = len(self._numbers) + 1
                self._lines.append(self._source_line(self._numbers[key], citation))
            numbers.append(self._numbers[key])
        return "[" + ", ".join(str(n) for n in sorted(set(numbers))) + "]" if numbers else ""

    def _source_line(self, number: int, citation: Citation) -> str:
        c = resolve(self.pack, citation)
        text = f"[{number}] {c.outlet}" + (f", {c.date}" if c.date else "")
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

    def text(self) -> str:
        """The notes: paragraphs apart, then the numbered sources."""
        parts = list(self.paragraphs)
        if self._lines:
            sources = "Sources\n" + "\n".join(self._lines)
            if self._vias:
                sources += "\n* as reported in " + "; ".join(self._vias)
            parts.append(sources)
        return "\n\n".join(parts)
