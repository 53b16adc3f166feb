"""Where the items of a large list file stand, found by their lines, not the parser.

Placing 20,000 imported events into a 100,000-event `events.yaml` needs where each
existing item starts and what date it has; the careful layout (`content.yamlspans`)
walks the parser's 1.7 million nodes to learn that (ten seconds). In a regular file
(block items, each `- ` at one indentation with its keys at one column, one `date:`
key each, plain or quoted on its line) the items are the lines that start `- ` at
that indentation and their dates are on their `date:` lines. Anything else, or any
doubt, and `ItemLayout.of` answers None: the careful layout is used.

A line can only look like an item: inside a quoted scalar running over lines (which
PyYAML reads, and yaml-rs refuses). An insertion placed there would change that
scalar, so whoever inserts with this layout reads the result back and checks that
every old event is unchanged and every new one is there (`content.importing`), and
otherwise inserts again with the careful layout.

Only what an insertion asks of a layout is known here: the list's node, each item's
start, and the end of the first and of the last (worked out by the careful layout on
those items' own lines).
"""

from __future__ import annotations

import bisect

from content.errors import ContentError
from content.yamlspans import Layout, Node, Path_

_ITEM = b"- "


class ItemLayout(Layout):
    """The list under a top-level key of a regular file, as a `Layout` for inserting
    items into it (see the module docstring); `dates` holds each item's date text."""

    def __init__(self, data: bytes, name: str, key: str, dash: int, starts: list[int],
                 dates: list[str], first_end: int, last_end: int) -> None:
        # No `Layout.__init__`: the whole point is not to walk the file.
        self.data = data
        self.name = name
        self.bom = 0
        self.newline = b"\n"
        self.scalars: dict[Path_, str] = {}
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
        prefix = key.encode() + b":\n"
        if not data.startswith(prefix) or b"\r" in data or b"\t" in data:
            return None
        first = len(prefix)
        while data[first:first + 1] == b"\n":  # blank lines before the first item
            first += 1
        indent = _spaces(data, first)
        if data[first + indent:first + indent + 2] != _ITEM:
            return None
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
        texts = _dates(data, lines, column)
        if texts is None:
            return None
        first_end = _item_end(data, name, key, lines, 0)
        last_end = _item_end(data, name, key, lines, len(lines) - 1)
        if first_end is None or last_end is None:
            return None
        return cls(data, name, key, first + indent, starts, texts, first_end, last_end)


def _spaces(data: bytes, at: int) -> int:
    """How many spaces stand at `at`."""
    end = at
    while data[end:end + 1] == b" ":
        end += 1
    return end - at


def _dates(data: bytes, lines: list[int], column: int) -> list[str] | None:
    """Each item's date as the parser reads its text: the one `date:` key at the
    items' key column, its value plain or quoted on its line; None when an item has
    none, more than one, or one written any other way."""
    found: list[str | None] = [None] * len(lines)
    for needle in (b"\n" + b" " * column + b"date:", b"- date:"):
        at = data.find(needle)
        while at >= 0:
            line = data.rfind(b"\n", 0, at + 1 if needle[0] == 10 else at) + 1
            if needle[0] != 10 and at - line + 2 != column:  # `- date:` not at the column
                at = data.find(needle, at + 1)
                continue
            begin = at + len(needle)
            item = bisect.bisect_right(lines, begin) - 1
            text = _scalar(data[begin:data.find(b"\n", begin)])
            if item < 0 or text is None or found[item] is not None:
                return None
            found[item] = text
            at = data.find(needle, at + 1)
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
