"""New events spliced into an events file that holds nothing but the writer's records.

An import must know that the file it would write reads back as the old events and
the new. For a file in any layout, `content.importing` places the rows by a scan or
the parser and reads the whole result back: a second validation of the pack, the
larger part of importing into 100,000 events.

Most large files need none of that. The importer writes every event in the writer's
layout (`content.yamllayout`), so a pack grown by imports is `events:` and those
records back to back, and the loader reads such a file record by record: each
record on its own lines, from its dash to its `sources:` line, its values by the one
pattern whatever stands around it. A record written in that layout and placed at the
line where an old record starts (or after the last) is read as itself, and every old
record is read as before. So the result holds the pack's events and the new ones
exactly, and only the new ones need judging, in the pack's context: `build_pack` of
the pack with them as its only events (references, as-of dates, every rule), and
their ids new to the pack.

`records_of` answers None for any other file (a comment, a blank line, a record
written otherwise, a CR, no last line break) and `splice` for a new record the
layout reader would not take as it stands; the caller then does as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from content.editing import agrees, places_among
from content.errors import ContentError
from content.loader import build_pack
from content.yamledit import Fields, block
from content.yamllayout import HEAD, RECORD, taken
from content.yamlread import MAX_FILE_BYTES

DASH = "  - "  # the writer's item prefix, its keys four spaces in


@dataclass(frozen=True)
class Records:
    """An events file of writer's records only: its text, where each record's line
    starts, and each record's id and date as written."""

    text: str
    starts: list[int]
    ids: list[str]
    dates: list[str]


def records_of(data: bytes) -> Records | None:
    """The records of `data`, or None when it holds anything else (see the module
    docstring)."""
    if (not data.startswith(HEAD.encode()) or not data.endswith(b"\n") or b"\r" in data
            or len(data) > MAX_FILE_BYTES):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\ufeff" in text:
        return None
    starts: list[int] = []
    ids: list[str] = []
    dates: list[str] = []
    at = len(HEAD) - 1  # the line break before the next record
    for match in RECORD.finditer(text, at):
        if match.start() != at:  # something stands between two records
            return None
        starts.append(at + 1)
        ids.append(match[1])
        dates.append(match[2])
        at = match.end()
    if not starts or at != len(text) - 1:
        return None
    return Records(text, starts, ids, dates)


def record_text(fields: Fields) -> str:
    """An event's fields as a record of the writer's layout, its last line break in."""
    return DASH + block(fields, len(DASH), "\n") + "\n"


def splice(records: Records, placed: list[tuple[int | None, Fields]]
           ) -> tuple[bytes, bytes] | None:
    """(the file with each event of `placed` before the record of its index, or after
    the last for None, those for one place in their order; a file of the new events
    alone), or None when one of them is not a record the layout reader takes."""
    texts = [(len(records.starts) if index is None else index, record_text(fields))
             for index, fields in placed]
    if not all(taken(text) for _, text in texts):
        return None
    pieces: list[str] = []
    done = 0
    ends = [*records.starts, len(records.text)]
    for index, text in sorted(texts, key=lambda t: t[0]):  # stable: one place's order
        at = ends[index]
        pieces += (records.text[done:at], text)
        done = at
    pieces.append(records.text[done:])
    return ("".join(pieces).encode("utf-8"),
            (HEAD + "".join(text for _, text in texts)).encode("utf-8"))


def spliced_events(folder: Path, files: dict[str, bytes], first_days: Mapping[str, str],
                   blocks: list[tuple[str, str, Fields]]) -> bytes | None:
    """The pack's events file (in `files`, the pack in `folder` whose events start on
    `first_days`, by id) with each (first day, id, fields) of `blocks` placed as
    `content.editing.insert_events` places it, when the result is proven to read as
    the pack's events and these, and these pass every rule of the pack; None when
    that is not proven here (the caller places and reads back the whole result)."""
    records = records_of(files["events.yaml"])
    if records is None or not agrees(records.ids, records.dates, first_days):
        return None  # another layout, or not the file the pack was read from
    spliced = splice(records, places_among(records.dates, blocks))
    if spliced is None or len(spliced[0]) > MAX_FILE_BYTES:
        return None
    whole, alone = spliced
    try:
        judged = build_pack(folder, {**files, "events.yaml": alone})
    except ContentError:  # the whole result's reading says what, and where
        return None
    added = {ident for _, ident, _ in blocks}
    if (len(judged.events) != len(blocks) or {e.id for e in judged.events} != added
            or not added.isdisjoint(first_days)):
        return None
    return whole
