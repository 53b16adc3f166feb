"""A citation resolved against its pack: what every renderer shows of it.

The detail pane (HTML), speaker notes, event slides and the sources slide (plain
text) all show the same parts: outlet, date, title, Admiralty grade, the article it
was read in, the link and the note, resolved here once (`resolve`, `resolve_source`)
and named the one way (`heading`: "Outlet, date"). They differ only in markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from content.model import Citation, Pack


@dataclass(frozen=True, slots=True)
class ResolvedCitation:
    """The displayable parts of one citation (empty strings where unknown)."""

    outlet: str
    date: str
    title: str
    grade: str
    via: str  # "The Jamestown Foundation, ..., June 2023" when read in another article
    url: str
    note: str

    @property
    def heading(self) -> str:
        """`President.az, 14 December 2021`: who said it and when, as every renderer
        names a source."""
        return self.outlet + (f", {self.date}" if self.date else "")


def resolve_source(pack: Pack, source_id: str) -> ResolvedCitation:
    """A source's parts as shown to a reader, without a claim's grade or note."""
    return resolve(pack, Citation(source_id))


def resolve(pack: Pack, citation: Citation) -> ResolvedCitation:
    """The parts of `citation` as shown to a reader (an unknown source shows its id)."""
    source = pack.sources.get(citation.source)
    if source is None:
        return ResolvedCitation(citation.source, "", "", citation.grade, "", "", citation.note)
    via = ""
    if source.via and source.via in pack.sources:
        article = pack.sources[source.via]
        via = article.outlet + (f", {article.date.label()}" if article.date else "")
    if source.date:
        date = source.date.label()
    elif source.accessed:  # a web page with no publication date: when it was read
        date = f"accessed {source.accessed.label()}"
    else:
        date = ""
    if date and source.year_inferred:  # "(Report.az, May 2)": the year is the article's
        date += " (year inferred)"
    return ResolvedCitation(source.outlet, date, source.title, citation.grade, via,
                            source.url, citation.note)


def citation_text(pack: Pack, citation: Citation) -> str:
    """Plain text: `President.az, 14 December 2021 (B2), reported via …`."""
    c = resolve(pack, citation)
    text = c.heading
    if c.grade:
        text += f" ({c.grade})"
    if c.via:
        text += f", reported via {c.via}"
    if c.url:
        text += f" <{c.url}>"
    return text
