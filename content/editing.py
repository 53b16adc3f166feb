"""Editing a pack's events as text: add, change, duplicate and delete one event in
`events.yaml`, leaving every other byte as it was.

An event is the block of lines from its `  - id:` line to the next item (or the end
of the file). A change replaces that block with the event written in the file's own
style; an addition goes in date order; a deletion takes the block and the blank line
after it. Every edit is checked by building the whole pack from the edited bytes with
the loader's own rules before anything is written, so an edit that would break the
pack cannot be saved, and the loader's message says why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from content.dates import PartialDate
from content.errors import ContentError, Problem
from content.loader import build_pack
from content.model import Citation, Event, Pack, Quote

ITEM = re.compile(rb"^  - id: ", re.M)
DATE = re.compile(rb"^    date: ['\"]?(\d{4}(?:-\d{2}){0,2})", re.M)


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


def quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar: nothing in it can be read as YAML."""
    return json.dumps(text, ensure_ascii=False)


def event_yaml(draft: EventDraft) -> str:
    """The event's block as `events.yaml` writes events (two-space list, four-space
    fields, text double-quoted so nothing in it can be read as YAML)."""
    lines = [f"  - id: {draft.id}", f"    date: {draft.date.strip()}"]
    if draft.end.strip():
        lines.append(f"    end: {draft.end.strip()}")
    if draft.approximate:
        lines.append("    approximate: true")
    if draft.reported.strip():
        lines.append(f"    reported: {draft.reported.strip()}")
    if draft.dated_by.strip():
        lines.append(f"    dated_by: {draft.dated_by.strip()}")
    lines += [f"    title: {quoted(draft.title)}", f"    summary: {quoted(draft.summary)}"]
    if draft.quotes:
        lines.append("    quotes:")
        lines += [f"      - {{text: {quoted(q.text)}, speaker: {quoted(q.speaker)}, "
                  f"source: {q.source}}}" for q in draft.quotes]
    for name in ("sections", "places", "actors"):
        values = getattr(draft, name)
        if values or name == "sections":
            lines.append(f"    {name}: [{', '.join(values)}]")
    lines.append(f"    sources: [{', '.join(draft.sources)}]")
    return "\n".join(lines) + "\n"


def _span(data: bytes, event_id: str) -> tuple[int, int]:
    """Where the event's block starts and ends (its trailing blank lines excluded)."""
    match = re.search(rb"^  - id: " + re.escape(event_id.encode()) + rb"[ \t]*$", data, re.M)
    if match is None:
        raise KeyError(event_id)
    following = ITEM.search(data, match.end())
    end = following.start() if following else len(data)
    while end > match.start() and data[end - 1:end] == b"\n" and data[end - 2:end] == b"\n\n":
        end -= 1
    return match.start(), end


def replace_event(data: bytes, event_id: str, draft: EventDraft) -> bytes:
    """`events.yaml` with the event `event_id` written as `draft` (in place)."""
    start, end = _span(data, event_id)
    return data[:start] + event_yaml(draft).encode("utf-8") + data[end:]


def delete_event(data: bytes, event_id: str) -> bytes:
    """`events.yaml` without the event `event_id` (and the blank line after it)."""
    start, end = _span(data, event_id)
    if data[end:end + 1] == b"\n":
        end += 1
    return data[:start] + data[end:]


def add_event(data: bytes, draft: EventDraft) -> bytes:
    """`events.yaml` with `draft` added in date order."""
    try:
        day = PartialDate.parse(draft.date).first_day().isoformat()
    except ValueError:
        day = "9999-12-31"  # an unreadable date goes last; the check will say why
    return insert_events(data, [(day, draft.id, event_yaml(draft))])


def free_id(pack: Pack, base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever no event of `pack` has."""
    return free_id_in({e.id for e in pack.events}, base, "event")


def check_edit(folder, files: dict[str, bytes], events_yaml: bytes, name: str = "events.yaml"
               ) -> tuple[Pack | None, list[Problem]]:
    """The pack as it would be with file `name` (events.yaml unless said) holding
    `events_yaml`, or None and what is wrong."""
    try:
        return build_pack(folder, {**files, name: events_yaml}), []
    except ContentError as exc:
        return None, list(exc.problems)


@dataclass
class PlaceDraft:
    """A place as the place form holds it."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str = ""  # ISO 3166-1 numeric


def place_yaml(draft: PlaceDraft) -> str:
    """The place's line as `places.yaml` writes places (a flow mapping)."""
    country = f", country: {quoted(draft.country)}" if draft.country else ""
    return (f"  - {{id: {draft.id}, name: {quoted(draft.name)}, lat: {draft.lat:.4f}, "
            f"lon: {draft.lon:.4f}, kind: {draft.kind}{country}}}\n")


def add_place(data: bytes, draft: PlaceDraft) -> bytes:
    """`places.yaml` with `draft` added at the end of the list."""
    data = re.sub(rb"^places:[ \t]*\[\][ \t]*$", b"places:", data, count=1, flags=re.M)
    if not data.endswith(b"\n"):
        data += b"\n"
    return data + place_yaml(draft).encode("utf-8")


def free_place_id(pack: Pack, base: str) -> str:
    """An id for a new place: its name, made an id, not yet taken."""
    return free_id_in(set(pack.places), base)


def free_id_in(taken: set[str], base: str, fallback: str = "item") -> str:
    """`base` made an id (lower-case letters, digits, hyphens), not in `taken`;
    `fallback` when nothing of `base` is left."""
    base = re.sub(r"[^a-z0-9-]+", "-", base.casefold()).strip("-")[:60] or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- other kinds: actors, sources, sections, key points ----------------------------
ANY_ITEM = re.compile(rb"^  - ", re.M)


def item_span(data: bytes, item_id: str) -> tuple[int, int]:
    """Where the list item with `item_id` starts and ends, whether it is written as a
    block (`  - id: x` and fields below) or on one line (`  - {id: x, …}`)."""
    ident = re.escape(item_id.encode())
    match = re.search(rb"^  - (?:\{\s*)?id: ['\"]?" + ident + rb"['\"]?(?=[,}\s])", data,
                      re.M)
    if match is None:
        raise KeyError(item_id)
    following = ANY_ITEM.search(data, match.end())
    end = following.start() if following else len(data)
    while end > match.start() and data[end - 2:end] == b"\n\n":
        end -= 1
    return match.start(), end


def replace_item(data: bytes, item_id: str, text: str) -> bytes:
    """`data` with the item `item_id` replaced by `text` (its lines, newline-ended)."""
    start, end = item_span(data, item_id)
    return data[:start] + text.encode("utf-8") + data[end:]


def append_item(data: bytes, key: str, text: str, blank_line: bool = False) -> bytes:
    """`data` with `text` added at the end of the top-level list `key` (the file holds
    that one list, as every pack file does)."""
    data = re.sub(rb"^" + key.encode() + rb":[ \t]*\[\][ \t]*$", key.encode() + b":", data,
                  count=1, flags=re.M)
    if not data.endswith(b"\n"):
        data += b"\n"
    gap = b"\n" if blank_line and ANY_ITEM.search(data) else b""
    return data + gap + text.encode("utf-8")


def flow_yaml(fields: dict[str, str]) -> str:
    """A one-line list item, `  - {id: x, name: "…"}`, text double-quoted."""
    parts = [f"id: {fields['id']}"] + [f"{k}: {quoted(v)}" for k, v in fields.items()
                                      if k != "id" and v != ""]
    return "  - {" + ", ".join(parts) + "}\n"


def block_yaml(fields: dict[str, str]) -> str:
    """A block list item: `  - id: x` then one `    key: "value"` line per field."""
    lines = [f"  - id: {fields['id']}"]
    for key, value in fields.items():
        if key != "id" and value != "":
            plain = key == "date" or key == "accessed" or key == "via"
            lines.append(f"    {key}: {value if plain else quoted(value)}")
    return "\n".join(lines) + "\n"


def add_key_point(data: bytes, section_id: str, text: str, sources: list[str]) -> bytes:
    """sections.yaml with a key point added at the end of section `section_id`'s."""
    start, end = item_span(data, section_id)
    block = data[start:end]
    point = (f"      - text: {quoted(text)}\n        sources: [{', '.join(sources)}]\n"
             ).encode()
    if re.search(rb"^    key_points:[ \t]*\[\][ \t]*$", block, re.M):
        block = re.sub(rb"^    key_points:[ \t]*\[\][ \t]*\n", b"    key_points:\n" + point,
                       block, count=1, flags=re.M)
    elif re.search(rb"^    key_points:[ \t]*$", block, re.M):
        block = block + point if block.endswith(b"\n") else block + b"\n" + point
    else:
        block = block + b"    key_points:\n" + point
    return data[:start] + block + data[end:]


def delete_item(data: bytes, item_id: str) -> bytes:
    """`data` without the list item `item_id` (and the blank line after a block)."""
    start, end = item_span(data, item_id)
    if data[end:end + 1] == b"\n" and data[start:end].count(b"\n") > 1:
        end += 1
    return data[:start] + data[end:]


KEY_POINT = re.compile(rb"^      - text:", re.M)


def _key_point_span(data: bytes, section_id: str, index: int) -> tuple[int, int]:
    """Where key point `index` of section `section_id` is in sections.yaml."""
    start, end = item_span(data, section_id)
    starts = [m.start() for m in KEY_POINT.finditer(data, start, end)]
    if not 0 <= index < len(starts):
        raise KeyError(f"{section_id}#{index}")
    stop = starts[index + 1] if index + 1 < len(starts) else end
    return starts[index], stop


def change_key_point(data: bytes, section_id: str, index: int, text: str,
                     sources: list[str]) -> bytes:
    """sections.yaml with a key point's words and sources changed (its quotes kept)."""
    s, e = _key_point_span(data, section_id, index)
    point = data[s:e]
    point = re.sub(rb"^      - text:.*(?:\n {8}(?!sources:|quotes:)\S.*)*",
                   b"      - text: " + quoted(text).encode("utf-8").replace(b"\\", b"\\\\"),
                   point, count=1, flags=re.M)
    point = re.sub(rb"^        sources:.*$",
                   f"        sources: [{', '.join(sources)}]".encode(), point, count=1,
                   flags=re.M)
    return data[:s] + point + data[e:]


def delete_key_point(data: bytes, section_id: str, index: int) -> bytes:
    """sections.yaml without key point `index` of section `section_id`."""
    s, e = _key_point_span(data, section_id, index)
    return data[:s] + data[e:]


def insert_events(events_yaml: bytes, blocks: list[tuple[str, str, str]]) -> bytes:
    """`events_yaml` with each block placed before the first existing event that
    starts later (after the last otherwise), a blank line between items as the file
    has them; every existing byte kept."""
    starts = [m.start() for m in ITEM.finditer(events_yaml)]
    if not starts and blocks:  # an empty list, written `events: []`: made a block list
        events_yaml = re.sub(rb"^events:[ \t]*\[\][ \t]*$", b"events:", events_yaml,
                             count=1, flags=re.M)
    dated = []
    for n, at in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(events_yaml)
        found = DATE.search(events_yaml, at, end)
        iso = found.group(1).decode() if found else ""
        dated.append((PartialDate.parse(iso).first_day().isoformat() if iso else "", at))
    out = bytearray(events_yaml)
    groups: dict[int, list[bytes]] = {}
    for iso, _, block in sorted(blocks):  # by date: one insertion point per later event
        at = next((pos for day, pos in dated if day > iso), len(events_yaml))
        groups.setdefault(at, []).append(block.encode("utf-8"))
    for at in sorted(groups, reverse=True):  # from the end: earlier offsets stay valid
        items = groups[at]
        if at == len(events_yaml):
            sep = b"" if out.endswith(b"\n\n") else (b"\n" if out.endswith(b"\n") else b"\n\n")
            text = sep + b"\n".join(items)
        else:
            text = b"".join(item + b"\n" for item in items)
        out[at:at] = text
    return bytes(out)
