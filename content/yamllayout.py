"""An events file laid out as the pack's own writer lays it out, read without a parser.

At 100,000 events the fast reader's screen and parse (`content.yamlfast`) are half
of a first open, yet almost every record of a large pack is written one way: the
way the editor and the importer write it (`content.editing.event_fields`), which the
synthetic packs of the benchmarks follow too::

      - id: event-1
        date: 2010-06-03
        end: 2012
        approximate: true
        title: "Standards agreement"
        summary: "…"
        sections: [operations, turkey]
        places: [place-74]
        actors: []
        sources: ["src-70 D5", src-87]

One regular expression matches such a record whole; its values are what the careful
reader would make of them, by construction: ids are plain words that YAML 1.2's
core schema keeps as text (a letter first, `null`, `true` and `false` excepted),
dates are four digits (a year, an int as `resolve_plain` has it) or ISO text, text
is double-quoted on one line (JSON's escapes, which YAML shares) or one plain word
that resolves to itself. Text holding a character the careful reader refuses or
reads differently (anything not printable, a surrogate written as an escape) and
text over the size limit are not taken.

Whatever is not matched (a record with another field, a comment, a blank line, a
record written any other way) is a gap; lines of spaces and comments of printable
text are skipped, anything else read by the fast reader as a file of its
own (`events:` and the gap), so a gap must hold whole records: one that ends inside
an open quote or flow list is refused there, and the file is then read as before.
The records come back in file order, as plain dicts, exactly as the fast reader
would give them (`read_laid_out`), or, given a `build`, as what it makes of a
matched record's groups (`RECORD`'s, in order): the loader builds the plain event's
fields straight from them (`content.fastevents.QuickEvents.laid`), never making the
dict a record would be only to check it again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from content.yamlread import MAX_FILE_BYTES, MAX_SCALAR_CHARS, resolve_plain

_ID = r"(?!(?:null|true|false)(?![a-z0-9_.-]))[a-z][a-z0-9_.-]*"
_GRADED = rf"{_ID}(?: [A-F][1-6])?"
_QUOTED_ITEM = r'"[A-Za-z0-9 ._-]{0,200}"'  # an id or `id B2`, quoted (the editor's way)
_ITEM = rf"(?:{_ID}|{_QUOTED_ITEM})"
_CITATION = rf"(?:{_GRADED}|{_QUOTED_ITEM})"
_DATE = r"([0-9]{4}(?:-[0-9][0-9]){0,2})"
# double-quoted on one line, no control character, JSON's escapes allowed; or one
# plain word
_CHARS = r'[^"\\\x00-\x1f\x7f]*'
_TEXT = (rf'(?:"({_CHARS}(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{{4}}){_CHARS})*)"'
         r"|([A-Za-z0-9][A-Za-z0-9._-]*))")
# From the line break before a record to the one that ends it (not taken: the next
# record starts there), or to the file's end: a file saved without a last line break
# is read as fast. Starting with a literal, it is found at memchr speed.
RECORD = re.compile(
    rf"\n  - id: ({_ID})\n"
    rf"    date: {_DATE}\n"
    rf"(?:    end: {_DATE}\n)?"
    r"(?:    approximate: (true|false)\n)?"
    rf"    title: {_TEXT}\n"
    rf"    summary: {_TEXT}\n"
    rf"    sections: \[((?:{_ITEM}(?:, {_ITEM})*)?)\]\n"
    rf"(?:    places: \[((?:{_ITEM}(?:, {_ITEM})*)?)\]\n)?"
    rf"(?:    actors: \[((?:{_ITEM}(?:, {_ITEM})*)?)\]\n)?"
    rf"    sources: \[((?:{_CITATION}(?:, {_CITATION})*)?)\](?=\n|\Z)")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
HEAD = "events:\n"
# A match's groups: id, date, end, approximate, title (quoted, or a plain word),
# summary (the same), and the flow lists' insides: sections, places, actors, sources.
Groups = tuple[Any, ...]


class _Gap(Exception):
    """A matched record whose values are not taken as they are: read as a gap."""


def read_laid_out(data: bytes, read: Callable[[bytes, str], Any],
                  build: Callable[[Groups], Any] | None = None) -> dict[str, Any] | None:
    """`{"events": records}` of an events file, or None when it is to be read as
    before: not `events:` and its list, not UTF-8, a CR or BOM in it, or a gap that
    `read` (the fast reader's parse: `yamlfast.read_parsed`) refuses (see the module
    docstring). A matched record is `build(groups)` where that is not None (a tuple:
    no parser makes one), else its dict."""
    if (not data.startswith(HEAD.encode()) or b"\r" in data
            or len(data) > MAX_FILE_BYTES):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\ufeff" in text:
        return None
    records: list[dict[str, Any]] = []
    gap_from = len(HEAD)  # where the text not yet read starts (a line's start)
    for match in RECORD.finditer(text, gap_from - 1):
        groups = match.groups()
        record = None if build is None else build(groups)
        if record is None:
            try:
                record = _record(groups)
            except _Gap:  # left in the gap it starts or belongs to
                continue
        start = match.start() + 1
        if start != gap_from and not _gap(text[gap_from:start], records, read):
            return None
        records.append(record)
        gap_from = match.end() + 1
    if gap_from < len(text) and not _gap(text[gap_from:], records, read):
        return None
    # `events:` with no record under it is null, which the careful reader refuses
    return {"events": records} if records else None


def taken(record: str) -> bool:
    """Whether `record` (a record's lines from its dash to its last line break) is one
    record in the layout that `read_laid_out` takes as it stands, not a gap."""
    match = RECORD.fullmatch("\n" + record[:-1]) if record.endswith("\n") else None
    if match is None:
        return False
    try:
        _record(match.groups())
    except _Gap:
        return False
    return True


def _gap(text: str, records: list[dict[str, Any]], read: Callable[[bytes, str], Any]
         ) -> bool:
    """Read `text`, lines between matched records, as a file of its own onto
    `records`; False when it is not whole records of the list the matched ones are
    items of: their dashes two spaces in, nothing less indented but comments."""
    lines = [line for line in text.split("\n") if not _blank_or_comment(line)]
    if not lines:
        return True
    if not lines[0].startswith("  - ") or any(line[:2] != "  " for line in lines):
        return False
    value = read((HEAD + text).encode("utf-8"), "events")
    if type(value) is not dict or list(value) != ["events"] or type(value["events"]) is not list:
        return False
    records.extend(value["events"])
    return True


def _blank_or_comment(line: str) -> bool:
    """Whether `line` is one the careful reader skips, and reads nothing else in:
    spaces only, or spaces and a comment of printable text. (Python's `strip()` takes
    more for blank than YAML does, and a comment may hold what the careful reader
    refuses, or a line break it reads as one: U+2028, NEL. Those lines are parsed.)"""
    rest = line.lstrip(" ")
    return not rest or (rest[0] == "#" and rest.isprintable())


def _record(groups: tuple[Any, ...]) -> dict[str, Any]:
    (ident, date, end, approximate, title, title_word, summary, summary_word,
     sections, places, actors, sources) = groups
    record: dict[str, Any] = {"id": ident, "date": int(date) if len(date) == 4 else date}
    if end is not None:
        record["end"] = int(end) if len(end) == 4 else end
    if approximate is not None:
        record["approximate"] = approximate == "true"
    record["title"] = _text(title, title_word)
    record["summary"] = _text(summary, summary_word)
    record["sections"] = flow_items(sections)
    if places is not None:
        record["places"] = flow_items(places)
    if actors is not None:
        record["actors"] = flow_items(actors)
    record["sources"] = flow_items(sources)
    return record


def flow_items(text: str) -> list[str]:
    """A flow list's items, plain or quoted (neither holds a comma: `_QUOTED_ITEM`)."""
    if not text:
        return []
    items = text.split(", ")
    return [item[1:-1] if item[:1] == '"' else item for item in items] if '"' in text \
        else items


def _text(quoted: str | None, word: str | None) -> str:
    """A title or summary as the careful reader has it (`_Gap` when not taken here)."""
    if quoted is None:
        assert word is not None
        if resolve_plain(word) != word:
            raise _Gap
        return word
    escaped = "\\" in quoted
    if escaped:
        if _SURROGATE_ESCAPE.search(quoted):
            raise _Gap
        quoted = json.loads(f'"{quoted}"')
    # unescaped ASCII is printable: the pattern holds no control character
    if len(quoted) > MAX_SCALAR_CHARS or (
            (escaped or not quoted.isascii()) and not quoted.isprintable()):
        raise _Gap
    return quoted
