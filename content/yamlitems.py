"""Where the items of a large list file stand, found by their lines, not the parser.

Placing 20,000 imported events into a 100,000-event `events.yaml` needs where each
existing item starts and what date it has; the careful layout (`content.yamlspans`)
walks the parser's 1.7 million nodes to learn that (ten seconds). In a regular file
(block items, each `- ` at one indentation with its keys at one column, one `date:`
key each, plain or quoted on its line) the items are the lines that start `- ` at
that indentation and their dates are on their `date:` lines. Anything else, or any
doubt, and `ItemLayout.of` answers None: the careful layout is used.

A line can look like an item, or a date, inside a quoted scalar running over lines
(which PyYAML reads, and yaml-rs refuses), and a key can be written otherwise
(`"date": …`). So the scan is trusted only where it agrees with the pack read from
the same file: as many items as events, each item's id and first day that event's
(`content.editing.insert_events`). And whoever inserts with it reads the result back
and checks that every old event is unchanged and every new one is there
(`content.importing`), and otherwise inserts again with the careful layout.

Only what an insertion asks of a layout is known here: the list's node, each item's
start, and the end of the first and of the last (worked out by the careful layout on
those items' own lines).
"""

from __future__ import annotations

import bisect
import re

from content.errors import ContentError
from content.yamlhalf import first_item
from content.yamlspans import Layout, Node, Path_

_ITEM = b"- "
_OTHER_BREAKS = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")  # NEL, LS, PS


class ItemLayout(Layout):
    """The list under a top-level key of a regular file, as a `Layout` for inserting
    items into it (see the module docstring); `dates` and `ids` hold each item's date
    and id as written."""

    def __init__(self, data: bytes, name: str, key: str, dash: int, starts: list[int],
                 ids: list[str], dates: list[str], first_end: int, last_end: int) -> None:
        # No `Layout.__init__`: the whole point is not to walk the file.
        self.data = data
        self.name = name
        self.bom = 0
        self.newline = b"\n"
        self.scalars: dict[Path_, str] = {}
        self.ids = ids
        self.dates = dates
        path: Path_ = (key,)
        key_end = len(key)
        self.nodes = {path: Node(dash, last_end, "seq", False, key_end, 0)}
        for n, start in enumerate(starts):
            end = first_end if n == 0 else last_end if n == len(starts) - 1 else start
            self.nodes[(key, n)] = Node(start, end, "map", False, None)

    def offset(self, line: int, column: int) -> int:
        """Not known here: only the careful layout maps lines to offsets."""
        raise NotImplementedError("an ItemLayout knows its items' offsets, not lines'")

    @classmethod
    def of(cls, data: bytes, name: str, key: str) -> ItemLayout | None:
        """The layout of the list under `key` in `data`, or None when the careful one
        must be used."""
        if b"\r" in data or b"\t" in data:
            return None
        if not data.isascii() and any(brk in data for brk in _OTHER_BREAKS):
            return None  # PyYAML ends lines there too
        found = first_item(data, key)
        if found is None:
            return None
        first, indent = found
        marker = b"\n" + b" " * indent + _ITEM
        lines = [first]
        at = data.find(marker, first)
        while at >= 0:
            lines.append(at + 1)
            at = data.find(marker, at + 1)
        starts = []
        for line in lines:
            start = line + indent + 2
            start += _spaces(data, start)
            if data[start:start + 1] in (b"#", b"\n", b"{", b"[", b"|", b">", b""):
                return None  # a comment, the item on the next line, a flow item
            starts.append(start)
        column = starts[0] - lines[0]  # where every item's keys stand
        if any(start - line != column for start, line in zip(starts, lines, strict=True)):
            return None
        texts = _values(data, lines, starts, b"date:")
        ids = _values(data, lines, starts, b"id:")
        if texts is None or ids is None:
            return None
        first_end = _item_end(data, name, key, lines, 0)
        last_end = _item_end(data, name, key, lines, len(lines) - 1)
        if first_end is None or last_end is None:
            return None
        return cls(data, name, key, first + indent, starts, ids, texts, first_end,
                   last_end)


def _spaces(data: bytes, at: int) -> int:
    """How many spaces stand at `at`."""
    end = at
    while data[end:end + 1] == b" ":
        end += 1
    return end - at


def _values(data: bytes, lines: list[int], starts: list[int], key: bytes
            ) -> list[str] | None:
    """Each item's value of `key` (`date:`) as the parser reads its text: the one such
    key at the items' key column (on the dash's line or its own), its value plain or
    quoted on its line; None when an item has none, more than one, or one written
    any other way."""
    found: list[str | None] = [None] * len(lines)

    def take(item: int, rest: bytes) -> bool:
        text = _scalar(rest)
        if item < 0 or text is None or found[item] is not None:
            return False
        found[item] = text
        return True

    for item, start in enumerate(starts):  # `- date: …`
        if data.startswith(key, start):
            begin = start + len(key)
            if not take(item, data[begin:data.find(b"\n", begin)]):
                return None
    # every line with the key at the items' key column, found in one scan
    needle = re.escape(b"\n" + b" " * (starts[0] - lines[0]) + key) + rb"([^\n]*)"
    for match in re.finditer(needle, data):
        if not take(bisect.bisect_right(lines, match.start(1)) - 1, match[1]):
            return None
    if any(text is None for text in found):
        return None
    return found  # type: ignore[return-value]


def _scalar(rest: bytes) -> str | None:
    """A date's text after `date:` to the line's end: plain (a comment after it cut
    off) or in quotes without escapes; None for anything else."""
    text = rest.decode("utf-8", "replace").strip()
    if not text or rest[:1] != b" ":
        return None
    if text[0] in "'\"":
        close = text.find(text[0], 1)
        after = text[close + 1:].strip() if close > 0 else "x"
        inner = text[1:close]
        if close < 0 or (after and not after.startswith("#")) or "\\" in inner or (
                text[0] == "'" and text[close + 1:close + 2] == "'"):
            return None
        return inner
    if text[0] in "&*!|>[{%@`":
        return None
    plain = text.split(" #", 1)[0].strip()
    return plain if "#" not in plain[:1] else None


def _item_end(data: bytes, name: str, key: str, lines: list[int], n: int) -> int | None:
    """Where item `n`'s content ends, as the careful layout finds it on its own lines."""
    start = lines[n]
    stop = lines[n + 1] if n + 1 < len(lines) else len(data)
    prefix = key.encode() + b":\n"
    piece = prefix + data[start:stop]
    try:
        node = Layout(piece, name).nodes.get((key, 0))
    except ContentError:  # the careful layout of the whole file will say what is wrong
        return None
    if node is None:
        return None
    return node.end - len(prefix) + start
