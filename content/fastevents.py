"""The common event, built without the general field checks.

At 100,000 events the loader's general path (`Fields`, one checked access per
field, a reference kept per id for a located message) costs ~14 µs an event. Most
events of a large pack are plain: an id, a date, a title and summary, lists of ids,
citations as `id` or `id B2`, perhaps an end, perhaps approximate.
`QuickEvents.build` makes those in one pass and answers None for anything else (a
field it does not know, a value of an unusual type, text it would have to strip or
clean, any doubt), which the general path then builds and judges as ever.

It only sees records read by the fast reader: a problem anywhere has those read
again carefully and reported from there, so its refusals need no message of their
own. The records it takes are not walked by the fast reader (their fields are
checked here); those it leaves are (`content.yamlfast.walked`).

A record the fast reader took by its layout (`content.yamllayout`) is built from
the groups its pattern matched (`laid`), with no dict between: the pattern has
already made sure of its keys, the shape of its id and flag, and that its text is
printable (what `plain` would check again).

The references it meets are kept as one table of ids per kind (`used`), checked
against the pack once all is read (`unknown`).
"""

from __future__ import annotations

from typing import Any

from content.dates import PartialDate
from content.errors import Problem
from content.fields import ID_PATTERN, MAX_TEXT, Shared, date_text, parse_citation
from content.model import Citation, Event, make_event
from content.yamllayout import Groups, flow_items

# Longer text (padded with spaces, which the parse of a date or citation ignores) is
# left to the general path, which first walks it for the careful reader's size limit.
_LONGEST_DATE = len("2021-12-14")
_LONGEST_CITATION = 64 + len(" B2")
_LONGEST_ID = 64  # `ID_PATTERN`'s; the layout's ids are otherwise of its shape
_PLAIN_KEYS = frozenset({"id", "date", "end", "approximate", "title", "summary",
                         "sections", "places", "actors", "sources"})


class QuickEvents:
    """Builds plain fast-read events for one pack, sharing its dates and citations."""

    def __init__(self, shared: Shared) -> None:
        self.shared = shared
        self.used: dict[str, dict[str, str]] = {"section": {}, "place": {}, "actor": {},
                                                "source": {}}

    def unknown(self, known: dict[str, set[str]]) -> bool:
        """Whether any id these events named is none of the pack's (kinds missing
        from `known` are not checked)."""
        return any(kind in known and not ids.keys() <= known[kind]
                   for kind, ids in self.used.items())

    def build(self, record: dict) -> Event | None:
        """The event `record` describes, or None when the general path must judge it."""
        fields = self.plain(record)
        return None if fields is None else make_event(*fields)

    def plain(self, record: dict) -> tuple[Any, ...] | None:
        """`build`'s event as the tuple of `Event`'s first fields, in order (what a
        child process reading half a file hands back: `content.yamlhalf`)."""
        if not record.keys() <= _PLAIN_KEYS:
            return None
        ident = record.get("id")
        if type(ident) is not str or not ID_PATTERN.match(ident):
            return None
        approximate = record.get("approximate", False)
        if type(approximate) is not bool:
            return None
        date = self._date(record.get("date"), approximate)
        title = _text(record.get("title"))
        summary = _text(record.get("summary"))
        if date is None or title is None or summary is None:
            return None
        end = None
        if "end" in record:
            end = self._date(record["end"], approximate)
            if end is None or end.last_day() < date.first_day():
                return None
        used = self.used
        sections = _ids(record.get("sections"), used["section"])
        if not sections:
            return None
        places = _ids(record.get("places", ()), used["place"])
        actors = _ids(record.get("actors", ()), used["actor"])
        citations = self._citations(record.get("sources"))
        if places is None or actors is None or not citations:
            return None
        return ident, date, title, summary, sections, citations, places, actors, end

    def laid(self, groups: Groups) -> tuple[Any, ...] | None:
        """`plain` of the record a layout match's `groups` stand for, made from them
        directly; None where `plain` of that record might answer otherwise, or not be
        asked (text with an escape or written as a plain word, an id too long): the
        record is then made and judged as ever. (A year is its text as `date_text`
        has it, 0000 aside, which neither reads as a year.)"""
        (ident, date_word, end_word, approximate, title, _title_word, summary,
         _summary_word, section_list, place_list, actor_list, source_list) = groups
        if title is None or summary is None or len(ident) > _LONGEST_ID:
            return None
        flag = approximate == "true"
        try:
            date = self.shared.date(date_word, flag)
            end = None if end_word is None else self.shared.date(end_word, flag)
        except ValueError:
            return None
        if end is not None and end.last_day() < date.first_day():
            return None
        if "\\" in title or _laid_text(title) is None or "\\" in summary \
                or _laid_text(summary) is None:
            return None
        used = self.used
        sections = _ids(flow_items(section_list), used["section"])
        places = _ids(flow_items(place_list), used["place"]) if place_list else ()
        actors = _ids(flow_items(actor_list), used["actor"]) if actor_list else ()
        if not sections or places is None or actors is None:
            return None
        citations = self._citations(flow_items(source_list))
        if not citations:
            return None
        return ident, date, title, summary, sections, citations, places, actors, end

    def _date(self, value: object, approximate: bool) -> PartialDate | None:
        text = date_text(value)
        if type(text) is not str or len(text) > _LONGEST_DATE:  # padding is walked
            return None
        try:
            return self.shared.date(text, approximate)
        except ValueError:
            return None

    def _citations(self, value: object) -> tuple[Citation, ...] | None:
        if type(value) is not list:
            return None
        cited = self.shared.cited
        try:  # every one cited before (and its source's id checked by whoever parsed it)
            return tuple(map(cited.__getitem__, value))
        except (KeyError, TypeError):
            pass
        out = []
        for item in value:
            citation = self.citation(item) if type(item) is str else None
            if citation is None:
                return None
            out.append(citation)
        return tuple(out)

    def citation(self, text: str) -> Citation | None:
        """The pack's one citation written `text` (`id` or `id B2`), its source's id
        kept among those used; None when the general path must judge it."""
        citation = self.shared.cited.get(text)
        if citation is None:
            if len(text) > _LONGEST_CITATION:  # spaces between id and grade are walked
                return None
            problems: list[Problem] = []
            citation = parse_citation(text, "", 0, 0, problems, self.shared)
            if citation is None or problems:
                return None
            self.shared.cited[text] = citation
        self.used["source"][citation.source] = citation.source
        return citation


def _text(value: object) -> str | None:
    """Text the general path would keep as it is: non-empty, unpadded, printable."""
    if (type(value) is not str or not value or not value.isprintable()
            or len(value) > MAX_TEXT or value[0] == " " or value[-1] == " "):
        return None
    return value


def _laid_text(value: str) -> str | None:
    """`_text` of text the layout matched unescaped: ASCII there is printable."""
    if (not value or len(value) > MAX_TEXT or value[0] == " " or value[-1] == " "
            or not (value.isascii() or value.isprintable())):
        return None
    return value


def _ids(value: object, seen: dict[str, str]) -> tuple[str, ...] | None:
    """A list of well-formed ids, each as the one copy of it in `seen` (an id found
    again is that copy: shared, an event's ids cost no memory of their own, and
    every later lookup of one hits the same object); None for anything else."""
    if type(value) is tuple:  # the default of a missing optional list
        return ()
    if type(value) is not list:
        return None
    try:  # every one seen before (only text is a key of `seen`)
        return tuple(map(seen.__getitem__, value))
    except (KeyError, TypeError):
        pass
    out = []
    for item in value:
        if type(item) is not str:
            return None
        known = seen.get(item)
        if known is None:
            if not ID_PATTERN.match(item):
                return None
            known = seen[item] = item
        out.append(known)
    return tuple(out)
