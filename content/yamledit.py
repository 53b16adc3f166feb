"""Lossless edits of a YAML pack file: one item or one field changed, every other byte
kept.

Each edit finds its node through the parser (`content.yamlspans.Layout`), writes the
new value with the emitter below in the style of what it replaces (a one-line
`{…}` item stays one line, a block item stays a block at its own indentation, CRLF
stays CRLF), and splices it in. Nothing is written here: callers check the result
with the loader's own rules (`content.editing.check_change`) before a byte reaches
the disk.

Values reach the file only through `scalar()`: text is double-quoted (escaped so
that nothing in it can be read as YAML: quotes, `#`, line breaks, U+2028, control
characters) unless it is a plain word that YAML reads back as the same text.
"""

from __future__ import annotations

import functools
import itertools
import re
from json.encoder import encode_basestring
from typing import Any

from content.errors import Problem, YamlError
from content.yamlread import resolve_plain
from content.yamlspans import Layout, Node, Path_

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character: never written
# Characters YAML would not keep as they are inside a double-quoted scalar: line and
# paragraph separators, NEL, the BOM, DEL and the C1 controls (json escapes C0 itself).
_UNSAFE = re.compile("[\u2028\u2029\u0085\ufeff\u007f-\u009f]")
Fields = dict[str, Any]  # an item as an ordered mapping of field to value


def scalar(value: Any) -> str:
    """One value as a YAML scalar (text double-quoted unless it is a plain word)."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _plain_word(text):
        return text
    is_ascii = text.isascii()
    if not is_ascii and SURROGATE.search(text):
        raise ValueError("text holds a lone surrogate (half of a character)")
    quoted = encode_basestring(text)  # json.dumps(text, ensure_ascii=False), cheaper
    if is_ascii and "\x7f" not in text:  # nothing unsafe (DEL is the one ASCII one)
        return quoted
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


@functools.lru_cache(maxsize=4096)  # keys, ids and dates repeat in every item
def _plain_word(text: str) -> bool:
    """Whether `text` may be written plain: one word YAML reads back as that text."""
    return bool(_PLAIN.fullmatch(text)) and resolve_plain(text) == text


def flow(value: Any) -> str:
    """A value on one line: `{a: 1, b: [x, y]}`, `[…]` or a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def block(fields: Fields, indent: int, newline: str) -> str:
    """A mapping as block lines, the first without indentation (it follows `- ` or a
    key), the others at `indent` spaces; a list of mappings as a block list below its
    key (each on one line), anything else on its key's line."""
    lines = []
    for key, value in fields.items():
        if isinstance(value, list | tuple) and value and all(isinstance(v, dict)
                                                             for v in value):
            lines.append(f"{scalar(key)}:")
            lines += [f"  - {flow(v)}" for v in value]
        else:
            lines.append(f"{scalar(key)}: {flow(value)}")
    return (newline + " " * indent).join(lines)


def _nl(layout: Layout) -> str:
    return layout.newline.decode()


def block_list(items: list[Fields], column: int, newline: str) -> str:
    """Mappings as a block list below a key standing at `column`: each item's lines
    start with a newline, its dash two spaces in, its fields four."""
    return "".join(f"{newline}{' ' * (column + 2)}- {block(f, column + 4, newline)}"
                   for f in items)


def _sequence(layout: Layout, path: Path_) -> Node:
    node = layout.nodes.get(path)
    if node is None or node.kind != "seq":
        where = ".".join(str(p) for p in path)
        raise YamlError(Problem(layout.name, 1, 1, f"no list at {where} to edit"))
    return node


def item_text(layout: Layout, seq: Node, like: Node | None, fields: Fields) -> str:
    """`fields` written as an item of `seq`, in the style of item `like` (or of the
    list when it has none): one line in a flow list or after a one-line item."""
    if seq.flow or (like is not None and like.flow):
        return flow(fields)
    column = layout.column(like.start) if like is not None else layout.column(seq.start) + 2
    return block(fields, column, _nl(layout))


def index_of(layout: Layout, path: Path_, item_id: str) -> int:
    """The index of the item whose `id` is `item_id` in the list at `path`."""
    items = value_at(layout.value, path)
    for n, item in enumerate(items or ()):
        if isinstance(item, dict) and str(item.get("id")) == item_id:
            return n
    raise KeyError(item_id)


def value_at(value: Any, path: Path_) -> Any:
    """The value at `path` in values as the reader builds them (None where absent)."""
    for part in path:
        value = value[int(part)] if isinstance(value, list) else (value or {}).get(part)
    return value


def replace_item(data: bytes, name: str, path: Path_, index: int, fields: Fields) -> bytes:
    """`data` with item `index` of the list at `path` written as `fields`, in its style;
    what stands before and after the item (comments, blank lines) kept."""
    layout = Layout(data, name)
    seq, node = _sequence(layout, path), layout.nodes[(*path, index)]
    old = value_at(layout.value, (*path, index))
    if isinstance(old, dict):  # the item's own key order first, new fields after
        fields = {**{k: fields[k] for k in old if k in fields}, **fields}
    text = item_text(layout, seq, node, fields).encode("utf-8")
    return data[:node.start] + text + data[node.end:]


def _dash(layout: Layout, node: Node) -> int:
    """Where the `-` of block item `node` stands: back from the node over blanks, line
    breaks and comments (`- # note` then the item on the next line)."""
    data, at = layout.data, node.start
    while True:
        at -= 1
        while at >= layout.bom and data[at:at + 1] in (b" ", b"\t", b"\r", b"\n"):
            at -= 1
        line = layout.line_start(at)
        segment = data[line:at + 1]
        comment = next((i for i in range(len(segment)) if segment[i:i + 1] == b"#"
                        and (i == 0 or segment[i - 1:i] in (b" ", b"\t"))), None)
        if comment is not None:
            at = line + comment
            continue
        if data[at:at + 1] == b"-":
            return at
        raise YamlError(Problem(layout.name, 1, 1, "an item's '-' could not be found"))


def _item_prefix(layout: Layout, like: Node) -> bytes:
    """What stands before a block item's first key, for a new item written like it:
    `  - ` or `  -   ` on its line, or `  -` and the key indented on the next."""
    dash = _dash(layout, like)
    line = layout.line_start(dash)
    if line == layout.line_start(like.start):
        return layout.data[line:like.start]
    return layout.data[line:dash + 1] + layout.newline + b" " * layout.column(like.start)


def _attached_start(layout: Layout, node: Node) -> int:
    """Where a block item begins: its `-` line, with the comment lines directly above
    it (no blank line between), which belong to it."""
    data = layout.data
    start = layout.line_start(_dash(layout, node))
    while start > layout.bom:
        above = layout.line_start(start - 1)
        if not data[above:start].strip().startswith(b"#"):
            break
        start = above
    return start


def _is_blank(data: bytes, start: int, end: int) -> bool:
    return start < end and not data[start:end].strip()


def delete_item(data: bytes, name: str, path: Path_, index: int,
                layout: Layout | None = None) -> bytes:
    """`data` without item `index` of the list at `path` (with the comments above it,
    and one blank line where it stood between two); `layout`: `data` already parsed."""
    layout = layout if layout is not None and layout.data is data else Layout(data, name)
    seq = _sequence(layout, path)
    items = layout.items(path)
    node = items[index]
    if len(items) == 1:  # the list becomes empty: written `[]`
        if seq.flow:  # the item and a trailing comma after it: `[x, ]` becomes `[]`
            end = node.end
            rest = data[end:seq.end - 1]
            if rest.lstrip().startswith(b","):
                end += len(rest) - len(rest.lstrip()) + 1
                end += len(data[end:seq.end - 1]) - len(data[end:seq.end - 1].lstrip())
            return data[:node.start] + data[end:]
        assert seq.key_end is not None
        start, end = _attached_start(layout, node), layout.line_end(node.end)
        colon = data.index(b":", seq.key_end) + 1  # the key's own line keeps its comment
        return data[:colon] + b" []" + data[colon:start] + data[end:]
    if seq.flow:
        if index + 1 < len(items):
            return data[:node.start] + data[items[index + 1].start:]
        return data[:items[index - 1].end] + data[node.end:]
    start, end = _attached_start(layout, node), layout.line_end(node.end)
    after = layout.line_end(end)
    before = layout.line_start(start - 1) if start > layout.bom else start
    if index + 1 < len(items) and _is_blank(data, end, after):
        end = after  # the blank line that separated it from the next
    elif index + 1 == len(items) and _is_blank(data, before, start):
        start = before  # the last item: the blank line above it
    if end == len(data) and not data.endswith(b"\n") and start > layout.bom:
        start -= len(layout.newline) if data[:start].endswith(layout.newline) else 1
    return data[:start] + data[end:]


def _separated_by_blank_lines(layout: Layout, items: list[Node]) -> bool:
    for a, b in itertools.pairwise(items):
        gap = layout.data[layout.line_end(a.end):_attached_start(layout, b)]
        return bool(gap) and not gap.strip()
    return False


def insert_items(data: bytes, name: str, path: Path_,
                 placed: list[tuple[int | None, Fields]], layout: Layout | None = None
                 ) -> bytes:
    """`data` with each `(index, fields)` of `placed` as a new item of the list at
    `path`, before item `index` (at the end when None), in the style of its
    neighbours; items for the same place keep their order. One pass over the file
    whatever their number (an import adds thousands)."""
    if not placed:
        return data
    layout = layout if layout is not None and layout.data is data else Layout(data, name)
    seq = _sequence(layout, path)
    items = layout.items(path)
    if not items and seq.flow and seq.key_end is not None and not _inside_flow(layout, path):
        # `key: []`, the list a new pack starts with: made a block list
        column = layout.column(_key_start(layout, path))
        lines = block_list([f for _, f in placed], column, _nl(layout)).encode()
        end = layout.line_end(seq.end)
        rest = data[seq.end:end].rstrip(b"\r\n")  # a comment after `[]` stays on its line
        ended = end > seq.end + len(rest)
        return (data[:seq.key_end] + b":" + rest + lines + (layout.newline if ended else b"")
                + data[end:])
    at_end = len(items)
    groups: dict[int, list[Fields]] = {}
    for index, fields in placed:
        spot = at_end if index is None or index >= at_end else index
        groups.setdefault(spot, []).append(fields)
    pieces: list[bytes] = []
    done = 0
    for spot in sorted(groups):  # spliced in one join: thousands of spots stay linear
        like = items[spot] if spot < at_end else (items[-1] if items else None)
        texts = [item_text(layout, seq, like, f).encode() for f in groups[spot]]
        at, text = (_flow_insertion if seq.flow else _block_insertion)(
            layout, items, spot, texts, seq)
        pieces += (data[done:at], text)
        done = at
    pieces.append(data[done:])
    return b"".join(pieces)


def _flow_insertion(layout: Layout, items: list[Node], spot: int, texts: list[bytes],
                    seq: Node) -> tuple[int, bytes]:
    joined = b", ".join(texts)
    if not items:
        return seq.start + 1, joined
    if spot >= len(items):
        return items[-1].end, b", " + joined
    return items[spot].start, joined + b", "


def _block_insertion(layout: Layout, items: list[Node], spot: int, texts: list[bytes],
                     seq: Node) -> tuple[int, bytes]:
    data, nl = layout.data, layout.newline
    gap = nl if _separated_by_blank_lines(layout, items) else b""
    like = items[min(spot, len(items) - 1)]
    dash = _item_prefix(layout, like)
    if spot < len(items):
        return _attached_start(layout, items[spot]), b"".join(
            dash + text + nl + gap for text in texts)
    end = layout.line_end(items[-1].end)
    ended = data[:end].endswith(b"\n")
    body = (nl + gap).join(dash + text for text in texts)
    return end, (b"" if ended else nl) + gap + body + (nl if ended else b"")


def _inside_flow(layout: Layout, path: Path_) -> bool:
    return any(layout.nodes[path[:n]].flow for n in range(len(path)))


def set_field(data: bytes, name: str, path: Path_, key: str, value: Any) -> bytes:
    """`data` with field `key` of the mapping at `path` set to `value` (removed when
    None), the mapping's other fields and every other byte kept."""
    layout = Layout(data, name)
    mapping = layout.nodes.get(path)
    if mapping is None or mapping.kind != "map":
        raise YamlError(Problem(name, 1, 1, "no record there to edit"))
    node = layout.nodes.get((*path, key))
    nl = _nl(layout)
    if node is not None:
        assert node.key_end is not None
        if value is None:
            return _drop_field(layout, mapping, path, key, node)
        if (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
                and not mapping.flow):
            column = layout.column(_key_start(layout, (*path, key)))
            lines = block_list(value, column, nl)
            return data[:node.key_end] + (":" + lines).encode("utf-8") + data[node.end:]
        explicit = _explicit_key_start(layout, node)
        if explicit is not None:  # `? key` / `: value`: written again as `key: value`
            return (data[:explicit] + f"{scalar(key)}: {flow(value)}".encode()
                    + data[node.end:])
        return data[:node.key_end] + f": {flow(value)}".encode() + data[node.end:]
    if value is None:
        return data
    if mapping.flow:
        close = mapping.end - 1
        before = data[mapping.start + 1:close].rstrip()
        sep = "" if not before or before.endswith(b",") else ", "  # `{a: 1,}` has its comma
        return data[:close] + f"{sep}{scalar(key)}: {flow(value)}".encode() + data[close:]
    column = layout.column(mapping.start)
    line = block({key: value}, column, nl)
    end = layout.line_end(mapping.end)
    lead = "" if data[:end].endswith(b"\n") else nl
    tail = nl if data[:end].endswith(b"\n") else ""
    return data[:end] + f"{lead}{' ' * column}{line}{tail}".encode() + data[end:]


def _explicit_key_start(layout: Layout, node: Node) -> int | None:
    """Where the `?` of an explicit key stands (`? title` then `: value`), if it is one."""
    assert node.key_start is not None
    at = node.key_start - 1
    while at >= 0 and layout.data[at:at + 1] in (b" ", b"\t"):
        at -= 1
    return at if layout.data[at:at + 1] == b"?" else None


def _key_start(layout: Layout, path: Path_) -> int:
    """Where the key of the mapping value at `path` begins."""
    start = layout.nodes[path].key_start
    assert start is not None
    return start


def _drop_field(layout: Layout, mapping: Node, path: Path_, key: str, node: Node) -> bytes:
    data = layout.data
    keys = list(value_at(layout.value, path))
    start = _key_start(layout, (*path, key))
    if mapping.flow:
        n = keys.index(key)
        if n + 1 < len(keys):
            return data[:start] + data[_key_start(layout, (*path, keys[n + 1])):]
        if n == 0:
            return data[:start] + data[node.end:]
        return data[:layout.nodes[(*path, keys[n - 1])].end] + data[node.end:]
    if keys[0] == key:
        raise YamlError(Problem(layout.name, 1, 1, "the first field of a record cannot be "
                                                   "removed here"))
    line = layout.line_start(start)
    return data[:line] + data[layout.line_end(node.end):]
