"""Curating a pack's files: add, change, duplicate and delete events, places, actors,
sources, sections and key points, changing exactly the item edited and nothing else.

Every edit goes through `content.yamledit`, which finds the item through the parser
(never a pattern over the text) and writes values through its emitter, in the file's
own style. A change sets only the fields whose values changed, so the item's other
lines, its comments and its formatting stay byte for byte. Before anything is written
the caller builds the pack from the new bytes with the loader's own rules
(`check_edit`) and holds it to the invariant: the pack after is the pack before with
exactly the intended change (`check_change`). An edit that breaks the pack, or that
would touch anything else, is refused with the reason.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from content.dates import PartialDate
from content.errors import ContentError, Problem, YamlError
from content.fields import parse_citation
from content.loader import build_pack
from content.model import Citation, Event, Pack, Quote
from content.yamledit import (
    Fields,
    delete_item,
    index_of,
    insert_items,
    set_field,
    value_at,
)
from content.yamlitems import ItemLayout
from content.yamlspans import Layout

EVENTS = ("events",)


@dataclass
class EventDraft:
    """An event as a form holds it: text fields, as the analyst typed them."""

    id: str
    date: str
    title: str
    summary: str
    sections: list[str]
    sources: list[str]  # "id" or "id B2"
    end: str = ""  # "", an ISO date, or "open"
    approximate: bool = False
    reported: str = ""
    dated_by: str = ""
    places: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @classmethod
    def of(cls, event: Event) -> EventDraft:
        """The draft of an existing event (what the edit form starts from)."""
        end = "open" if event.ongoing else (event.end.iso() if event.end else "")
        return cls(event.id, event.date.iso(), event.title, event.summary,
                   list(event.sections), [_cite(c) for c in event.citations], end,
                   event.date.approximate, event.reported.iso() if event.reported else "",
                   event.dated_by, list(event.places), list(event.actors),
                   list(event.quotes))


def _cite(citation: Citation) -> str:
    return f"{citation.source} {citation.grade}" if citation.grade else citation.source


# The fields the event form owns; any other field of an event (a horizon, a note a
# curator added) is never touched by an edit.
EVENT_FIELDS = ("id", "date", "end", "approximate", "reported", "dated_by", "title",
                "summary", "quotes", "sections", "places", "actors", "sources")


def event_fields(draft: EventDraft) -> Fields:
    """The event as the fields `events.yaml` holds (empty optional fields left out)."""
    out: Fields = {"id": draft.id, "date": date_value(draft.date)}
    if draft.end.strip():
        out["end"] = date_value(draft.end)
    if draft.approximate:
        out["approximate"] = True
    if draft.reported.strip():
        out["reported"] = date_value(draft.reported)
    if draft.dated_by.strip():
        out["dated_by"] = draft.dated_by.strip()
    out["title"] = draft.title
    out["summary"] = draft.summary
    if draft.quotes:
        out["quotes"] = [{"text": q.text, "speaker": q.speaker, "source": q.source}
                         for q in draft.quotes]
    out["sections"] = list(draft.sections)
    for name in ("places", "actors"):
        if getattr(draft, name):
            out[name] = list(getattr(draft, name))
    out["sources"] = list(draft.sources)
    return out


def date_value(text: str) -> str | int:
    """A date as pack files write it: a year plain (`date: 1992`), anything else as
    text (`2021-08`, which YAML 1.2 reads as text anyway)."""
    text = text.strip()
    return int(text) if text.isdigit() and str(int(text)) == text else text


def _same(old: Any, new: Any) -> bool:
    """Whether a value as read equals a value as a form gives it, as the loader would
    read both (1992 is "1992"; text is stripped)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list | tuple):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if old is None or isinstance(old, dict | list):
        return False
    return str(old).strip() == str(new).strip()  # the loader strips text


def update_fields(data: bytes, name: str, path: tuple, changes: Fields,
                  owned: tuple[str, ...] = (), layout: Layout | None = None) -> bytes:
    """`data` with the mapping at `path` given `changes`: a field whose value differs
    is set, a field in `owned` that `changes` leaves out is removed, every other byte
    is kept (a field whose value is unchanged keeps its own formatting). `layout` is
    `data` already parsed, when the caller has it."""
    current = value_at((layout or Layout(data, name)).value, path)
    for key, value in changes.items():
        if key not in current or not _same(current[key], value):
            data = set_field(data, name, path, key, value)
    for key in owned:
        if key in current and key not in changes:
            data = set_field(data, name, path, key, None)
    return data


# -- events.yaml --------------------------------------------------------------------
def replace_event(data: bytes, event_id: str, draft: EventDraft) -> bytes:
    """`events.yaml` with the event `event_id` changed to `draft`: only the fields
    whose values changed are written."""
    layout = Layout(data, "events.yaml")
    path = (*EVENTS, index_of(layout, EVENTS, event_id))
    fields = event_fields(draft)
    fields["sources"] = keep_citations(value_at(layout.value, (*path, "sources")),
                                       fields["sources"])
    return update_fields(data, "events.yaml", path, fields, EVENT_FIELDS, layout)


def keep_citations(old: Any, cited: list[str]) -> list[Any]:
    """`cited` ("id" or "id B2" each), each one the form left as it was given back as
    the file wrote it: a citation written `{source: x, grade: B2, note: …}` keeps its
    note, and an unchanged list is not rewritten at all."""
    written: dict[str, Any] = {}
    for item in old if isinstance(old, list) else ():
        found = parse_citation(item, "", 0, 0, [])
        if found is not None:
            written.setdefault(_cite(found), item)
    return [written.get(cite, cite) for cite in cited]


def delete_event(data: bytes, event_id: str) -> bytes:
    """`events.yaml` without the event `event_id` (and the comments directly above it)."""
    layout = Layout(data, "events.yaml")
    return delete_item(data, "events.yaml", EVENTS, index_of(layout, EVENTS, event_id),
                       layout)


def add_event(data: bytes, draft: EventDraft) -> bytes:
    """`events.yaml` with `draft` added in date order."""
    return insert_events(data, [(_first_day(draft.date), draft.id, event_fields(draft))])


def _first_day(text: Any) -> str:
    try:
        return PartialDate.parse(str(text).strip()).first_day().isoformat()
    except ValueError:
        return "9999-12-31"  # an unreadable date goes last; the check says why


def events_layout(events_yaml: bytes, first_days: Mapping[str, str] | None = None
                  ) -> Layout:
    """Where `events_yaml`'s items stand, for `insert_events`: found by the parser,
    or, given `first_days` (the first day, ISO, of each event the file holds, by id,
    as the pack read from it has them), by `ItemLayout` (ten times faster at 100,000
    events) where the file is regular and every item agrees with them. A caller
    inserting with an `ItemLayout` must check that the result reads back as the old
    events and the new (`content.importing` does)."""
    if first_days:
        fast = ItemLayout.of(events_yaml, "events.yaml", "events")
        if fast is not None and agrees(fast.ids, fast.dates, first_days):
            return fast
    return Layout(events_yaml, "events.yaml")


def insert_events(events_yaml: bytes, blocks: list[tuple[str, str, Fields]],
                  layout: Layout | None = None) -> bytes:
    """`events_yaml` with each (first day, id, fields) placed before the first
    existing event that starts later (after the last otherwise), in the file's style;
    every existing byte kept. One parse (or `layout`, `events_layout`'s for these
    bytes) and one pass, whatever the number."""
    layout = layout if layout is not None else Layout(events_yaml, "events.yaml")
    texts = (layout.dates if isinstance(layout, ItemLayout) else
             [layout.scalars.get((*EVENTS, n, "date"), "") for n in
              range(len(layout.items(EVENTS)))])
    return insert_items(events_yaml, "events.yaml", EVENTS, places_among(texts, blocks),
                        layout)


def places_among(dates: list[str], blocks: list[tuple[str, str, Fields]]
                 ) -> list[tuple[int | None, Fields]]:
    """Where each (first day, id, fields) goes among events dated `dates` (as written,
    in file order): the index of the first that starts later, None after the last;
    in order of first day and id."""
    first_days = {text: _first_day(text) for text in set(dates)}  # dates repeat
    days = [first_days[text] for text in dates]
    # prefix_latest[i]: the latest day among events 0..i. The first event that starts
    # after `day` is the first i where that exceeds `day`, sorted file or not: a
    # binary search, so an import placing 20,000 events stays linear.
    prefix_latest, latest = [], ""
    for day in days:
        latest = max(latest, day)
        prefix_latest.append(latest)
    placed: list[tuple[int | None, Fields]] = []
    for day, _, fields in sorted(blocks, key=lambda b: (b[0], b[1])):
        at = bisect.bisect_right(prefix_latest, day)
        placed.append((at if at < len(days) else None, fields))
    return placed


def agrees(ids: list[str], dates: list[str], first_days: Mapping[str, str]) -> bool:
    """Whether a scan that found items `ids` dated `dates` (as written) found every
    event of the pack once, each at its first day (`first_days`, by id)."""
    if len(ids) != len(first_days) or len(set(ids)) != len(first_days):
        return False
    known: dict[str, str] = {}
    for ident, text in zip(ids, dates, strict=True):
        day = known.get(text)
        if day is None:
            day = known[text] = _first_day(text)
        if first_days.get(ident) != day:
            return False
    return True


def free_id(pack: Pack, base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever no event of `pack` has."""
    return free_id_in({e.id for e in pack.events}, base, "event")


def free_id_in(taken: set[str], base: str, fallback: str = "item") -> str:
    """`base` made an id (lower-case letters, digits, hyphens), not in `taken`;
    `fallback` when nothing of `base` is left."""
    base = re.sub(r"[^a-z0-9-]+", "-", base.casefold()).strip("-")[:60] or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- the other records: places, actors, sources, sections ------------------------------
@dataclass
class PlaceDraft:
    """A place as the place form holds it."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str = ""  # ISO 3166-1 numeric


def place_fields(draft: PlaceDraft) -> Fields:
    out: Fields = {"id": draft.id, "name": draft.name, "lat": round(draft.lat, 4),
                   "lon": round(draft.lon, 4), "kind": draft.kind}
    if draft.country:
        out["country"] = draft.country
    return out


def add_place(data: bytes, draft: PlaceDraft) -> bytes:
    """`places.yaml` with `draft` added at the end of the list."""
    return add_record(data, "places.yaml", "places", place_fields(draft))


def free_place_id(pack: Pack, base: str) -> str:
    """An id for a new place: its name, made an id, not yet taken."""
    return free_id_in(set(pack.places), base)


def add_record(data: bytes, name: str, key: str, fields: Fields) -> bytes:
    """File `name` with `fields` as a new item at the end of its list `key`."""
    return insert_items(data, name, (key,), [(None, fields)])


def change_record(data: bytes, name: str, key: str, item_id: str, changes: Fields,
                  owned: tuple[str, ...] = ()) -> bytes:
    """File `name` with the item `item_id` of its list `key` given `changes` (a field
    in `owned` left out of them, or given as "", is removed)."""
    layout = Layout(data, name)
    path = (key, index_of(layout, (key,), item_id))
    kept = {k: v for k, v in changes.items() if v != ""}
    return update_fields(data, name, path, kept, owned, layout)


def delete_record(data: bytes, name: str, key: str, item_id: str) -> bytes:
    """File `name` without the item `item_id` of its list `key`."""
    layout = Layout(data, name)
    return delete_item(data, name, (key,), index_of(layout, (key,), item_id), layout)


# -- key points (in sections.yaml) ---------------------------------------------------
def _sections(data: bytes, section_id: str) -> tuple[Layout, tuple]:
    """sections.yaml parsed, and the path of section `section_id` in it."""
    layout = Layout(data, "sections.yaml")
    return layout, ("sections", index_of(layout, ("sections",), section_id))


def _key_point(layout: Layout, section: tuple, index: int) -> tuple:
    """The path of key point `index` of the section at `section` (KeyError: none)."""
    path = (*section, "key_points", index)
    if layout.nodes.get(path) is None:
        raise KeyError(f"{section[1]}#{index}")
    return path


def add_key_point(data: bytes, section_id: str, text: str, sources: list[str]) -> bytes:
    """sections.yaml with a key point added at the end of section `section_id`'s."""
    layout, path = _sections(data, section_id)
    point = {"text": text, "sources": list(sources)}
    if not isinstance(value_at(layout.value, (*path, "key_points")), list):
        return set_field(data, "sections.yaml", path, "key_points", [point])
    return insert_items(data, "sections.yaml", (*path, "key_points"), [(None, point)],
                        layout)


def change_key_point(data: bytes, section_id: str, index: int, text: str,
                     sources: list[str]) -> bytes:
    """sections.yaml with a key point's words and sources changed (its quotes kept)."""
    layout, section = _sections(data, section_id)
    path = _key_point(layout, section, index)
    old = value_at(layout.value, (*path, "sources"))
    return update_fields(data, "sections.yaml", path,
                         {"text": text, "sources": keep_citations(old, list(sources))},
                         layout=layout)


def delete_key_point(data: bytes, section_id: str, index: int) -> bytes:
    """sections.yaml without key point `index` of section `section_id`."""
    layout, section = _sections(data, section_id)
    _key_point(layout, section, index)
    return delete_item(data, "sections.yaml", (*section, "key_points"), index, layout)


# -- checking ------------------------------------------------------------------------
def check_edit(folder, files: dict[str, bytes], events_yaml: bytes, name: str = "events.yaml"
               ) -> tuple[Pack | None, list[Problem]]:
    """The pack as it would be with file `name` (events.yaml unless said) holding
    `events_yaml`, or None and what is wrong."""
    try:
        return build_pack(folder, {**files, name: events_yaml}), []
    except ContentError as exc:
        return None, list(exc.problems)


def edit_or_problem(make: Callable[[], bytes | None], name: str) -> tuple[bytes | None, str]:
    """(the edited bytes, "") or (None, why the edit cannot be made): an item gone
    from the file, or a file the reader refuses."""
    try:
        return make(), ""
    except KeyError as exc:
        return None, f"{name} no longer holds {exc.args[0]!r}: reload the pack (Ctrl+R)"
    except YamlError as exc:
        return None, str(exc.problems[0])
    except ValueError as exc:
        return None, f"{name}: {exc}"


_COLLECTIONS: dict[str, Callable[[Pack], dict[str, Any]]] = {
    "event": lambda p: {e.id: e for e in p.events},
    "place": lambda p: dict(p.places),
    "actor": lambda p: dict(p.actors),
    "source": lambda p: dict(p.sources),
    "section": lambda p: {s.id: s for s in p.sections},
}


def check_change(before: Pack, after: Pack, kind: str,
                 item_ids: set[str] | str | dict[str, str], op: str) -> str:
    """"" when `after` is `before` with exactly the intended change: `op` ("add",
    "change" or "delete") of the `kind` items `item_ids`, every other item of every
    kind equal. Otherwise what else the edit would change (and nothing is written)."""
    ops = (dict(item_ids) if isinstance(item_ids, dict)
           else dict.fromkeys([item_ids] if isinstance(item_ids, str) else item_ids, op))
    ids = set(ops)
    if before.info != after.info or before.members != after.members:
        return "the edit would also change the pack's own settings or its members"
    for other, collect in _COLLECTIONS.items():
        old, new = collect(before), collect(after)
        if other != kind:
            if old != new:
                return f"the edit would also change the pack's {other}s"
            continue
        changed = sorted(i for i in old.keys() | new.keys()
                         if i not in ids and old.get(i) != new.get(i))
        if changed:
            return f"the edit would also change {other} {', '.join(changed[:5])}"
        for ident, wanted in ops.items():
            present = (ident in old, ident in new)
            expected = {"add": (False, True), "change": (True, True),
                        "delete": (True, False)}[wanted]
            if present != expected:
                return f"the {other} {ident!r} was not {wanted.rstrip('e')}ed as asked"
    return ""
