"""Turning a pack's parsed files into model objects, collecting every problem.

`content.loader` reads the files (fast where it can) and hands their values here;
each record is checked field by field (`content.fields`), or, for the plain events
read fast, built in one pass (`content.fastevents`). Cross-references are checked
once everything is read. Problems are collected, never raised: the loader raises
them together.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from content.dates import PartialDate
from content.errors import Problem
from content.fastevents import QuickEvents
from content.fields import Fields, Shared
from content.model import (
    Actor,
    Citation,
    Event,
    Judgement,
    KeyPoint,
    MapView,
    Membership,
    Pack,
    PackInfo,
    Place,
    Quote,
    Section,
    Source,
    make_event,
)
from content.yamlfast import walked
from content.yamlhalf import HalfRead
from content.yamlread import YList, YMap, item_marks, mark_of, where

EPOCH = PartialDate(1900)  # stands in for a missing date while problems are collected
_FIRST = itemgetter(0)
_DATE, _ID = attrgetter("date"), attrgetter("id")


class PackBuilder:
    """Turns parsed files into model objects, collecting every problem."""

    def __init__(self, folder: Path, parsed: dict[str, Any], problems: list[Problem],
                 unchecked: set[str], half: HalfRead | None = None,
                 plain: QuickEvents | None = None) -> None:
        """`plain` built the events file's laid-out records as they were read (its
        `laid`: they stand in `parsed` as the tuples it made), if it was given one."""
        self.unchecked = unchecked
        self.half = half  # events.yaml's second half, being read by a child process
        self.cut_failed = False  # the child could not read it: the pack is read whole
        self.shared = plain.shared if plain is not None else Shared()
        self.folder = folder
        self.parsed = parsed
        self.problems = problems
        # kind, ids, file name, record, key: placed only when an id is unknown
        self.refs: list[tuple[str, tuple[str, ...], str, dict | None, str]] = []
        self._files: dict[str, str] = {}
        self.as_of: PartialDate | None = None  # where ongoing spans are drawn to
        # events.yaml's plain records, read fast
        self.plain = plain if plain is not None else QuickEvents(self.shared)
        self.sorted_keys: list[tuple[int, str]] = []  # of the first events, if known

    def fields(self, record: dict, file: str, allowed: set[str], what: str) -> Fields:
        """Checked access to one record, sharing equal dates and citations pack-wide."""
        return Fields(record, file, self.problems, allowed, what, self.shared)

    def file(self, name: str) -> str:
        """How file `name` of the pack is named in problems."""
        shown = self._files.get(name)
        if shown is None:
            shown = self._files[name] = str(self.folder / name)
        return shown

    def records(self, name: str, key: str) -> list[Any]:
        """The list of mappings under top-level `key` (or the top-level list itself);
        events read by their layout stand there as the tuples `QuickEvents.laid` made."""
        doc = self.parsed.get(name)
        if doc is None:
            return []
        if isinstance(doc, dict) and key in doc:
            doc = doc[key]
            at = (1, 1)
        else:
            at = mark_of(doc) if isinstance(doc, (dict, list)) else (1, 1)
        if not isinstance(doc, list):
            self.problems.append(Problem(self.file(name), *at,
                                         f"expected a list of {key} (a '- ' item each)"))
            return []
        out = []
        for item, mark in zip(doc, item_marks(doc), strict=True):
            if isinstance(item, dict) or type(item) is tuple:  # (an event built as read)
                out.append(item)
            else:
                self.problems.append(Problem(self.file(name), *mark,
                                             f"each of the {key} must be a mapping of fields"))
        if not isinstance(doc, YList):
            doc.clear()  # read fast: a problem re-reads the file, so only `out` holds them
        return out

    def unique(self, name: str, items: Sequence[tuple[str, dict | None]]) -> None:
        if len(set(map(_FIRST, items))) == len(items):  # the common case: all distinct
            return
        seen: dict[str, dict | None] = {}
        for ident, record in items:
            if not ident:
                continue
            if ident in seen:
                first = where(seen[ident], "id")[0]
                self.problems.append(Problem(self.file(name), *where(record, "id"),
                                             f"duplicate id {ident!r} (first at line {first})"))
            seen[ident] = record

    def ref(self, kind: str, ids: tuple[str, ...], name: str, record: dict, key: str) -> None:
        if ids:  # a record read without positions is not kept: it has no place to give
            self.refs.append((kind, ids, name, record if isinstance(record, YMap) else None,
                              key))

    def cite(self, citations: tuple[Citation, ...], name: str, record: dict, key: str) -> None:
        self.ref("source", tuple(c.source for c in citations), name, record, key)

    def build(self) -> Pack | None:
        info = self.pack_info()
        self.as_of = info.as_of if info else None
        sections = self.sections()
        places = self.places()
        actors = self.actors()
        sources = self.sources()
        events = self.events()
        members = self.members()
        known = {"section": {s.id for s in sections}, "place": set(places),
                 "actor": set(actors), "source": set(sources)}
        for kind, ids, name, record, key in self.refs:
            if kind in self.unchecked:
                continue
            for ident in ids:
                if ident not in known[kind]:
                    self.problems.append(Problem(self.file(name), *where(record, key),
                                                 f"unknown {kind} {ident!r}"))
        if self.plain.unknown({k: v for k, v in known.items() if k not in self.unchecked}):
            # read fast, so read again carefully: that reading says which and where
            self.problems.append(Problem(self.file("events.yaml"), 0, 0, "an unknown id"))
        if info is None or "pack.yaml" not in self.parsed:
            return None
        in_order(events, _DATE, _ID, self.sorted_keys)
        return Pack(info=info, sections=tuple(sorted(sections, key=lambda s: s.order)),
                    events=tuple(events), places=places, actors=actors, sources=sources,
                    members=tuple(members), folder=str(self.folder))

    def pack_info(self) -> PackInfo | None:
        doc = self.parsed.get("pack.yaml")
        if doc is None and "pack.yaml" not in self.parsed:
            return None
        if not isinstance(doc, dict):
            self.problems.append(Problem(self.file("pack.yaml"), 1, 1,
                                         "pack.yaml must be a mapping of fields"))
            return None
        f = self.fields(doc, self.file("pack.yaml"),
                   {"title", "subtitle", "as_of", "marking", "map_view", "focus_countries",
                    "description", "format", "bottom_line"}, "pack.yaml")
        view = doc.get("map_view")
        map_view = MapView(40.0, 35.0, 52.0, 45.0)
        if isinstance(view, dict):
            v = self.fields(view, f.file, {"west", "south", "east", "north"},
                       "map_view")
            map_view = MapView(v.number("west", -180, 180), v.number("south", -90, 90),
                               v.number("east", -180, 180), v.number("north", -90, 90))
            if map_view.west >= map_view.east or map_view.south >= map_view.north:
                v.add(None, "map_view needs west < east and south < north")
        elif view is not None:
            f.add("map_view", "map_view must be a mapping of west, south, east, north")
        focus = tuple(str(item) for item, _ in f.text_list("focus_countries"))
        as_of = f.date("as_of")
        return PackInfo(title=f.text("title"), subtitle=f.text("subtitle", required=False),
                        as_of=as_of or EPOCH, marking=f.text("marking"), map_view=map_view,
                        focus_countries=focus,
                        description=f.text("description", required=False),
                        bottom_line=self.judgements(f))

    def judgements(self, f: Fields) -> tuple[Judgement, ...]:
        """pack.yaml's `bottom_line`: each judgement with its sections and sources."""
        out = []
        for item, (line, col) in f.text_list("bottom_line"):
            if not isinstance(item, dict):
                self.problems.append(Problem(f.file, line, col, "a bottom-line judgement "
                                             "needs 'judgement', 'sections' and 'sources'"))
                continue
            j = self.fields(item, f.file, {"judgement", "sections", "sources"},
                            "a bottom-line judgement")
            sections = j.id_list("sections", required=True)
            self.ref("section", sections, "pack.yaml", item, "sections")
            citations = j.citations()
            self.cite(citations, "pack.yaml", item, "sources")
            out.append(Judgement(j.text("judgement"), sections, citations))
        return tuple(out)

    def sections(self) -> list[Section]:
        name = "sections.yaml"
        out, ids = [], []
        for n, rec in enumerate(self.records(name, "sections")):
            f = self.fields(rec, self.file(name),
                       {"id", "title", "summary", "key_points", "order", "colour"}, "a section")
            points = []
            for item, (line, col) in f.text_list("key_points"):
                if not isinstance(item, dict):
                    self.problems.append(Problem(f.file, line, col,
                                                 "a key point needs 'text' and 'sources'"))
                    continue
                p = self.fields(item, f.file, {"text", "sources", "quotes"}, "a key point")
                citations = p.citations()
                self.cite(citations, name, item, "sources")
                points.append(KeyPoint(p.text("text"), citations, self.quotes(p, name)))
            colour = f.text("colour", required=False)
            if colour and not _is_colour(colour):
                f.add("colour", f"colour {colour!r} must be #rrggbb")
            section = Section(f.ident(), f.text("title"), f.text("summary"), tuple(points),
                              f.integer("order", n), colour)
            ids.append((section.id, rec))
            out.append(section)
        self.unique(name, ids)
        return out

    def places(self) -> dict[str, Place]:
        name = "places.yaml"
        out, ids = {}, []
        for rec in self.records(name, "places"):
            f = self.fields(rec, self.file(name),
                       {"id", "name", "lat", "lon", "kind", "country"}, "a place")
            place = Place(f.ident(), f.text("name"), f.number("lat", -90, 90),
                          f.number("lon", -180, 180), f.text("kind"),
                          f.text("country", required=False))
            ids.append((place.id, rec))
            out[place.id] = place
        self.unique(name, ids)
        return out

    def actors(self) -> dict[str, Actor]:
        name = "actors.yaml"
        out, ids = {}, []
        for rec in self.records(name, "actors"):
            f = self.fields(rec, self.file(name),
                       {"id", "name", "role", "affiliation"}, "an actor")
            actor = Actor(f.ident(), f.text("name"), f.text("role"),
                          f.text("affiliation", required=False))
            ids.append((actor.id, rec))
            out[actor.id] = actor
        self.unique(name, ids)
        return out

    def sources(self) -> dict[str, Source]:
        name = "sources.yaml"
        out, ids, vias = {}, [], []
        for rec in self.records(name, "sources"):
            f = self.fields(rec, self.file(name),
                       {"id", "title", "outlet", "date", "url", "via", "author", "accessed",
                        "inferred"}, "a source")
            if (inferred := f.text("inferred", required=False)) not in ("", "year"):
                f.add("inferred", f"'inferred' may only be 'year', not {inferred!r}")
            url = f.text("url", required=False)
            if url and not url.lower().startswith(("http://", "https://")):
                f.add("url", f"url {url!r} must start with http:// or https://")
                url = ""
            via = f.text("via", required=False)
            source = Source(f.ident(), f.text("title"), f.text("outlet"),
                            f.date("date", required=False), url, via,
                            f.text("author", required=False),
                            f.date("accessed", required=False), inferred == "year")
            if via:
                vias.append((via, rec))
            ids.append((source.id, rec))
            out[source.id] = source
        self.unique(name, ids)
        for via, rec in vias:
            if via not in out:
                self.problems.append(Problem(self.file(name), *where(rec, "via"),
                                             f"'via' names unknown source {via!r}"))
        return out

    def events(self) -> list[Event]:
        name = "events.yaml"
        out: list[Event] = []
        ids: list[tuple[str, dict | None]] = []
        plain = self.plain
        records: list[Any] = self.records(name, "events")
        if self.half is not None:  # this half's records first, while the child reads
            records.append(None)
        for rec in _released(records):
            if type(rec) is tuple:  # laid out, built as it was read (`QuickEvents.laid`)
                ids.append((rec[0], None))
                out.append(make_event(*rec))
                continue
            if rec is None:  # this half is done: the child's next
                if not self._child_half(records, out, ids):
                    self.cut_failed = True
                    return []
                continue
            if type(rec) is dict:  # read fast: the common event is built without checks
                event = plain.build(rec)
                if event is not None:
                    ids.append((event.id, None))
                    out.append(event)
                    continue
                if not walked(rec):  # the careful reader will say what is too long or deep
                    self.problems.append(Problem(self.file(name), 0, 0, "read carefully"))
                    continue
            f = self.fields(rec, self.file(name),
                       {"id", "date", "end", "approximate", "title", "summary", "sections",
                        "places", "actors", "sources", "reported", "dated_by", "quotes"},
                       "an event")
            approx = f.flag("approximate")
            date = f.date("date", approximate=approx)
            ongoing = rec.get("end") == "open"
            end = None if ongoing else f.date("end", required=False, approximate=approx)
            if date and end and end.last_day() < date.first_day():
                f.add("end", f"ends ({end.iso()}) before it starts ({date.iso()})")
            if ongoing and date and self.as_of and date.first_day() > self.as_of.last_day():
                f.add("end", f"an ongoing span starting {date.iso()} starts after the pack's "
                             f"as-of date ({self.as_of.iso()})")
            reported = f.date("reported", required=False)
            if reported and date and reported.last_day() < date.first_day():
                f.add("reported", f"reported ({reported.iso()}) before it happened "
                                  f"({date.iso()})")
            if reported and date and not approx:
                f.add("reported", "an event dated by the report that cites it is approximate:"
                                  " add 'approximate: true'")
            dated_by = f.text("dated_by", required=False)
            if dated_by not in ("", "article", "report"):
                f.add("dated_by", f"'dated_by' is 'article' or 'report', not {dated_by!r}")
            elif dated_by == "report" and (reported is None or end is not None):
                f.add("dated_by", "'dated_by: report' (known only by its report) needs "
                                  "'reported', that report's date, and no 'end'")
            sections = f.id_list("sections", required=True)
            places, actors = f.id_list("places"), f.id_list("actors")
            citations = f.citations()
            self.ref("section", sections, name, rec, "sections")
            self.ref("place", places, name, rec, "places")
            self.ref("actor", actors, name, rec, "actors")
            self.cite(citations, name, rec, "sources")
            event = Event(id=f.ident(), date=date or EPOCH, title=f.text("title"),
                          summary=f.text("summary"), sections=sections, citations=citations,
                          places=places, actors=actors, end=end, ongoing=ongoing,
                          horizon=self.as_of if ongoing else None, reported=reported,
                          dated_by=dated_by, quotes=self.quotes(f, name))
            ids.append((event.id, rec if isinstance(rec, YMap) else None))
            out.append(event)
        self.unique(name, ids)
        return out

    def _child_half(self, records: list[Any], out: list[Event],
                    ids: list[tuple[str, dict | None]]) -> bool:
        """Take the child's half of events.yaml: its plain events into `out`, the
        records it left onto `records`; False when it could not read its half."""
        keys = in_order(out, _DATE, _ID)  # while the child still reads
        tail = self.half.result(self.plain) if self.half is not None else None
        if tail is None:
            return False
        records.extend(tail.declined)
        out.extend(tail.events)
        ids.extend(zip(map(_ID, tail.events), itertools.repeat(None)))
        self.sorted_keys = keys + tail.keys  # the first events' keys, in two runs
        for kind, named in tail.used.items():
            self.plain.used[kind].update(zip(named, named, strict=True))
        return True

    def quotes(self, f: Fields, name: str) -> tuple[Quote, ...]:
        """`quotes: [{text, speaker, source}]`: words quoted exactly, with their source."""
        out = []
        for item, (line, col) in f.text_list("quotes"):
            if not isinstance(item, dict):
                self.problems.append(Problem(f.file, line, col,
                                             "a quote needs 'text', 'speaker' and 'source'"))
                continue
            q = self.fields(item, f.file, {"text", "speaker", "source"}, "a quote")
            source = q.ident("source")
            if source:
                self.ref("source", (source,), name, item, "source")
            out.append(Quote(q.text("text"), q.text("speaker"), source))
        return tuple(out)

    def members(self) -> list[Membership]:
        name = "members.yaml"
        out = []
        for rec in self.records(name, "members"):
            f = self.fields(rec, self.file(name),
                       {"country", "name", "joined", "sources"}, "a member")
            citations = f.citations()
            self.cite(citations, name, rec, "sources")
            out.append(Membership(f.text("country"), f.text("name"),
                                  f.date("joined") or EPOCH, citations))
        return out


def in_order(items: list[Any], date_of: Callable[[Any], PartialDate],
             id_of: Callable[[Any], str], keys: list[tuple[int, str]] | None = None
             ) -> list[tuple[int, str]]:
    """Sort events (or the tuples of their fields) as a pack holds them: by first day,
    then id; return their sort keys, in the new order. `keys` are those of the first
    items, when known (a run sorted before). Runs already in order (this process's
    half, then the child's) are merged, not sorted again."""
    known = keys or []
    keys = known + sort_keys(items[len(known):], date_of, id_of)
    order = sorted(range(len(items)), key=keys.__getitem__)
    items[:] = map(items.__getitem__, order)
    return list(map(keys.__getitem__, order))


def sort_keys(items: Sequence[Any], date_of: Callable[[Any], PartialDate],
              id_of: Callable[[Any], str]) -> list[tuple[int, str]]:
    """Each item's (first day ordinal, id). Each distinct date's first day is worked
    out once (dates are shared: 100,000 events hold a few thousand)."""
    dates = list(map(date_of, items))
    addresses = list(map(id, dates))
    day_of = {at: date.first_day().toordinal()
              for at, date in dict(zip(addresses, dates, strict=True)).items()}
    return list(zip(map(day_of.__getitem__, addresses), map(id_of, items), strict=True))


def _released(records: list[dict]) -> Iterator[dict]:
    """Each record, let go of by the list once handed out: at 100,000 events the
    parsed records are freed as their events are built, not all held till the end."""
    for n, record in enumerate(records):
        records[n] = None  # type: ignore[call-overload]
        yield record


def _is_colour(text: str) -> bool:
    return len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF"
                                                     for c in text[1:])

