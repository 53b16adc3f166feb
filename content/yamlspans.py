"""Where each node of a YAML file stands, in bytes, as the parser itself saw it.

Curating edits one item of a pack file and must leave every other byte as it was.
Finding the item with a pattern over the text breaks on YAML people write (keys in
another order, one-line `{id: …}` items, comments, CRLF); this module asks the parser
instead. It walks the same event stream the hardened reader builds values from
(`content.yamlread`) and records, for every node, the byte span of its content, its
style (block or flow) and, for a mapping's value, where its key ends. Edits then
splice bytes at those offsets (`content.yamledit`).

Offsets are into the file's own bytes: a byte-order mark, CRLF line endings and
multi-byte characters are accounted for. A file the reader would refuse is refused
here with the reader's own message (the edit is never attempted on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from content.errors import Problem, YamlError
from content.yamlread import decode, read_yaml_text

Path_ = tuple[str | int, ...]  # keys and item indices from the root to a node


@dataclass(frozen=True, slots=True)
class Node:
    """One node's place in the file, in byte offsets."""

    start: int  # its first byte (a flow collection's bracket, a scalar's quote)
    end: int  # just after its last byte of content (trailing blanks and comments excluded)
    kind: str  # "map", "seq" or "scalar"
    flow: bool  # a flow collection ({…} or […]); False for block ones and scalars
    key_end: int | None  # a mapping's value: just after its key (None otherwise)
    key_start: int | None = None  # a mapping's value: where its key begins


class Layout:
    """A YAML file's bytes with the span of every node (see the module docstring)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        text = decode(data, name)  # the reader's own checks and its located messages
        self._text = text
        self._value: Any = None
        self._read = False
        if _lone_cr(data):
            raise YamlError(Problem(name, 1, 1, "line endings of a lone CR (old Mac style); "
                                                "save the file with LF or CRLF endings to "
                                                "edit it here"))
        self.bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        self.newline = b"\r\n" if b"\r\n" in data else b"\n"
        self._lines, self._line_starts = _lines(text, data, self.bom)
        self._ascii: dict[int, bool] = {}
        self.scalars: dict[Path_, str] = {}  # each scalar value's text, as the parser read it
        self.nodes: dict[Path_, Node] = {}
        from content.cache import gc_paused  # 1.7 million nodes at 100,000 events

        with gc_paused():
            self._walk(text)

    @property
    def value(self) -> Any:
        """The file's values as the hardened reader builds them (read when first asked:
        placing events needs only their dates, which the walk keeps in `scalars`)."""
        if not self._read:
            self._value = read_yaml_text(self._text, self.name)  # what the loader refuses
            self._read = True
        return self._value

    # -- offsets ----------------------------------------------------------------
    def offset(self, line: int, column: int) -> int:
        """The byte offset of 0-based `line`, `column` (characters) of the text."""
        if line >= len(self._line_starts):
            return len(self.data)
        ascii_line = self._ascii.get(line)
        if ascii_line is None:
            ascii_line = self._ascii[line] = self._lines[line].isascii()
        if ascii_line:
            return self._line_starts[line] + column
        return self._line_starts[line] + len(self._lines[line][:column].encode("utf-8"))

    def line_start(self, offset: int) -> int:
        """The offset where the line holding `offset` begins."""
        return self.data.rfind(b"\n", 0, offset) + 1 if offset > self.bom else self.bom

    def line_end(self, offset: int) -> int:
        """The offset just after the newline ending the line holding `offset` (the
        file's end when that line has none)."""
        at = self.data.find(b"\n", offset)
        return len(self.data) if at < 0 else at + 1

    def column(self, offset: int) -> int:
        """How many characters stand before `offset` on its line."""
        return len(self.data[self.line_start(offset):offset].decode("utf-8"))

    # -- items ------------------------------------------------------------------
    def items(self, path: Path_) -> list[Node]:
        """The item nodes of the sequence at `path`, in order."""
        out: list[Node] = []
        while (node := self.nodes.get((*path, len(out)))) is not None:
            out.append(node)
        return out

    def _walk(self, text: str) -> None:
        import yaml

        from content.yamlread import _parser_class

        try:
            self._events(_parser_class()(text), yaml)
        except yaml.MarkedYAMLError as exc:  # what the reader would say of it, located
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            raise YamlError(Problem(self.name, line, col, "YAML syntax error: "
                                    f"{exc.problem or exc.context or 'invalid YAML'}")) from None
        except yaml.YAMLError as exc:
            raise YamlError(Problem(self.name, 0, 0, f"YAML error: {exc}")) from None

    def _events(self, parser: Any, yaml: Any) -> None:
        """Record every node's span from the parser's events.

        The innermost loop of every edit (a 100,000-event file has 1.7 million nodes),
        so mark-to-offset arithmetic for ASCII lines, a node's path and its parent's
        content end are worked out inline rather than in calls."""
        # Each open collection: [kind, path, flow, start, content end, next index,
        # pending key (name, start, end) or None, the collection's own key span or None]
        stack: list[list[Any]] = []
        nodes, scalars, data = self.nodes, self.scalars, self.data
        starts, offset = self._line_starts, self.offset
        plain = [line.isascii() for line in self._lines]  # offsets are line + column
        lines = len(starts)
        blank = b" \t\r\n"
        scalar_event, map_start, seq_start = (yaml.ScalarEvent, yaml.MappingStartEvent,
                                              yaml.SequenceStartEvent)
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        get_event = parser.get_event
        try:
            while (event := get_event()) is not None:
                kind = type(event)
                if kind is scalar_event or kind is map_start or kind is seq_start:
                    mark = event.start_mark
                    line = mark.line
                    start = (starts[line] + mark.column if line < lines and plain[line]
                             else offset(line, mark.column))
                    if kind is scalar_event:
                        mark = event.end_mark
                        line = mark.line
                        end = (starts[line] + mark.column if line < lines and plain[line]
                               else offset(line, mark.column))
                        if end > start and data[end - 1] in blank:
                            end = self._content_end(start, end)
                        if stack and stack[-1][0] == "map" and stack[-1][6] is None:
                            stack[-1][6] = (event.value, start, end)  # a key: its value next
                            continue
                    # The path of the node starting now, and its key's (start, end).
                    key = None
                    if not stack:
                        path: Path_ = ()
                    else:
                        top = stack[-1]
                        if top[0] == "seq":
                            path = (*top[1], top[5])
                            top[5] += 1
                        else:
                            name, key_start, key_end = top[6]
                            top[6] = None
                            path, key = (*top[1], name), (key_start, key_end)
                    if kind is scalar_event:
                        scalars[path] = event.value
                        nodes[path] = Node(start, end, "scalar", False,
                                           *(key[1], key[0]) if key else (None, None))
                        if stack and end > stack[-1][4]:
                            stack[-1][4] = end
                    else:
                        stack.append(["map" if kind is map_start else "seq", path,
                                      bool(event.flow_style), start, start, 0, None, key])
                elif kind is map_end or kind is seq_end:
                    what, path, flow, start, content_end, _, _, key = stack.pop()
                    if flow:
                        content_end = self.offset(event.end_mark.line, event.end_mark.column)
                    nodes[path] = Node(start, content_end, what, flow, *_key(key))
                    if stack and content_end > stack[-1][4]:
                        stack[-1][4] = content_end
        finally:
            if hasattr(parser, "dispose"):
                parser.dispose()

    def _content_end(self, start: int, end: int) -> int:
        """`end`, moved back over the blanks and line breaks a block scalar's mark
        takes in (its chomped line breaks are not content the edit replaces)."""
        while end > start and self.data[end - 1:end] in (b" ", b"\t", b"\r", b"\n"):
            end -= 1
        return end


# What the parser counts as a line break (YAML 1.1, as libyaml reads it): its marks
# count lines by these, so offsets must too (a U+2028 inside a quoted title is one).
_BREAK = re.compile("\n|\x85|\u2028|\u2029")


def _lines(text: str, data: bytes, bom: int) -> tuple[list[str], list[int]]:
    """The parser's lines of `text` and the byte offset in `data` where each starts
    (`text` is `data` decoded, CRLF made LF: the k-th LF of `text` is the k-th of
    `data`, two bytes there when it was a CRLF)."""
    crlf = [data[i - 1:i] == b"\r" for i in _positions(data, b"\n")]
    lines, starts = [], [bom]
    at, newline = 0, 0
    for found in _BREAK.finditer(text):
        segment = text[at:found.start()]
        lines.append(segment)
        width = len(found.group().encode("utf-8"))
        if found.group() == "\n":
            width += 1 if crlf[newline] else 0
            newline += 1
        starts.append(starts[-1] + len(segment.encode("utf-8")) + width)
        at = found.end()
    lines.append(text[at:])
    return lines, starts


def _positions(data: bytes, needle: bytes) -> list[int]:
    out, at = [], data.find(needle)
    while at >= 0:
        out.append(at)
        at = data.find(needle, at + 1)
    return out


def _key(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    """(key end, key start) for a Node, from a key's (start, end)."""
    return (None, None) if span is None else (span[1], span[0])


def _lone_cr(data: bytes) -> bool:
    return data.count(b"\r") != data.count(b"\r\n")
