"""A citation resolved against its pack: what every renderer shows of it.

The detail pane (HTML), speaker notes and the sources slide (plain text) all show
the same parts: outlet, date, title, Admiralty grade, the article it was read in,
the link and the note. They differ only in markup.
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
    text = c.outlet + (f", {c.date}" if c.date else "")
    if c.grade:
        text += f" ({c.grade})"
    if c.via:
        text += f", reported via {c.via}"
    if c.url:
        text += f" <{c.url}>"
    return text
