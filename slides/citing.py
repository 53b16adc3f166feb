"""Source markers on the slide, resolved once for the whole deck.

Every claim a slide makes carries a compact marker, `[3]`, numbered in the order
the deck first cites each source, so the audience sees what a line rests on and the
sources slide and the speaker notes resolve the same numbers. The Admiralty code is
split as it is meant to be read: the source's reliability (A–F) is said once, on the
sources slide; the information's credibility (1–6) belongs to the claim and follows
its marker, `[3·2]`. When nothing in the deck is graded, the sources slide says so
once instead of leaving the reader to wonder.
"""

from __future__ import annotations

from collections import Counter

from content.citations import resolve_source
from content.model import Citation, Pack

RELIABILITY = "A–F: reliability of the source (A completely reliable to F cannot be judged)"
CREDIBILITY = ("[n·c]: source n; c, credibility of the information (1 confirmed to 6 cannot "
               "be judged)")
UNGRADED = "The sources in this deck are ungraded (no Admiralty reliability or credibility)."


class SourceIndex:
    """The deck's numbered sources, in the order the deck first cites them."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.numbers: dict[str, int] = {}
        self._reliability: dict[str, Counter[str]] = {}
        self.graded = False

    def number(self, source_id: str) -> int:
        """The source's number in the deck (given on first use)."""
        if source_id not in self.numbers:
            self.numbers[source_id] = len(self.numbers) + 1
            self._reliability[source_id] = Counter()
        return self.numbers[source_id]

    def cite(self, citations: tuple[Citation, ...]) -> list[str]:
        """The markers' parts for `citations`: `3` or `3·2`, each once, in order."""
        parts: list[str] = []
        for citation in citations:
            number = self.number(citation.source)
            if citation.reliability:
                self._reliability[citation.source][citation.reliability] += 1
                self.graded = True
            part = f"{number}·{citation.credibility}" if citation.credibility else str(number)
            if citation.credibility:
                self.graded = True
            if part not in parts:
                parts.append(part)
        return sorted(parts, key=lambda p: (int(p.split("·")[0]), p))

    def marker(self, citations: tuple[Citation, ...]) -> str:
        """`[1,3·2]` (no space: a marker never breaks across lines), or "" for none."""
        parts = self.cite(citations)
        return f"[{','.join(parts)}]" if parts else ""

    def reliability(self, source_id: str) -> str:
        """The source's one reliability grade: the letter it was given most (the more
        reliable on a tie), or "" if never graded."""
        counts = self._reliability.get(source_id) or Counter()
        if not counts:
            return ""
        return min(counts, key=lambda letter: (-counts[letter], letter))

    def ordered(self) -> list[str]:
        """Source ids by number."""
        return sorted(self.numbers, key=self.numbers.__getitem__)

    def short(self, source_id: str) -> str:
        """`[3] President.az, 14 December 2021`: a source as a slide names it."""
        return f"[{self.number(source_id)}] {resolve_source(self.pack, source_id).heading}"

    def line(self, source_id: str, via_marks: dict[str, str]) -> str:
        """`[3] Outlet, 14 December 2021: Title — reliability B †`."""
        number = self.numbers[source_id]
        source = self.pack.sources.get(source_id)
        if source is None:
            return f"[{number}] {source_id}"
        text = f"[{number}] {resolve_source(self.pack, source_id).heading}: {source.title}"
        if grade := self.reliability(source_id):
            text += f" \u2014 reliability {grade}"
        if source.via in via_marks:
            text += f" {via_marks[source.via]}"
        return text

    def via_marks(self) -> dict[str, str]:
        """A symbol for each article the deck's sources were read in."""
        vias: list[str] = []
        for source_id in self.ordered():
            source = self.pack.sources.get(source_id)
            if source and source.via in self.pack.sources and source.via not in vias:
                vias.append(source.via)
        symbols = "†‡§¶"
        return {via: symbols[i] if i < len(symbols) else f"({i + 1})"
                for i, via in enumerate(vias)}

    def legend(self) -> list[str]:
        """What the grades mean when the deck shows any; else that it shows none."""
        return [RELIABILITY, CREDIBILITY] if self.graded else [UNGRADED]
