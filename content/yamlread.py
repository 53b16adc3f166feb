"""A hardened YAML reader for content packs and recipes.

It reads the parser's event stream (libyaml's C parser where available) and builds
plain values itself, so that nothing PyYAML would construct on its own is ever
built. Refused: tags, anchors and aliases, more than one document, nesting deeper
than `MAX_DEPTH` (the C composer crashes on very deep input; we never use it),
duplicate keys (both lines named), non-text keys, files over `MAX_FILE_BYTES`,
scalars over `MAX_SCALAR_CHARS`, NUL bytes and invalid UTF-8.

Scalars follow YAML 1.2's core schema: only plain `null`/`~`/empty, `true`/`false`,
integers and floats are resolved; everything else (`NO`, `yes`, `2021-12-14`) stays
text. Mappings and sequences come back as `YMap`/`YList`, which remember where each
entry stood so validation can point at the right line and column.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from content.errors import Problem, YamlError
from content.fileio.reading import FileRefused, read_regular

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 128 * 1024 * 1024  # 100,000 imported events are about 70 MB
MAX_SCALAR_CHARS = 64 * 1024
MAX_DEPTH = 32

Mark = tuple[int, int]  # 1-based line, column


class YMap(dict):
    """A mapping that remembers where it and each of its keys and values stood."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}

    def where(self, key: str) -> Mark:
        """Where the value of `key` stands, or the mapping itself when the key is absent."""
        return self.value_marks.get(key, self.mark)


class YList(list):
    """A sequence that remembers where it and each item stood."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


NOWHERE: Mark = (0, 0)  # the position of a value read without positions


def where(node: dict | None, key: str) -> Mark:
    """Where `key`'s value stands in a mapping (`YMap.where`); `NOWHERE` for a mapping
    read without positions (`content.yamlfast`, whose readers re-read carefully to
    report anything)."""
    return node.where(key) if isinstance(node, YMap) else NOWHERE


def mark_of(node: object) -> Mark:
    """Where a mapping or sequence starts, or `NOWHERE`."""
    return node.mark if isinstance(node, (YMap, YList)) else NOWHERE


def key_mark(node: dict, key: str) -> Mark:
    """Where `key` itself stands in a mapping, or `NOWHERE`."""
    return node.key_marks[key] if isinstance(node, YMap) else NOWHERE


def item_marks(node: list) -> list[Mark]:
    """Where each item of a sequence stands (`NOWHERE` each when read without)."""
    return node.item_marks if isinstance(node, YList) else [NOWHERE] * len(node)


_INT = re.compile(r"[-+]?[0-9]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    ".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
    ".Inf": float("inf"), ".INF": float("inf"), ".nan": float("nan"), ".NaN": float("nan"),
}


MAX_NUMBER_CHARS = 100  # longer "numbers" stay text: no field needs them, and Python
# refuses to print an int of over 4,300 digits (so would every message about it)


def resolve_plain(text: str) -> Any:
    """Resolve a plain (unquoted) scalar by YAML 1.2's core schema."""
    if text in _SPECIAL:
        return _SPECIAL[text]
    if len(text) > MAX_NUMBER_CHARS:
        return text
    if _INT.match(text):
        return int(text)
    if _HEX.match(text):
        return int(text, 16)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _FLOAT.match(text):
        return float(text)
    return text


@functools.cache
def _parser_class() -> Any:
    """libyaml's parser (about 4x faster than the pure-Python one) when PyYAML has it.

    PyYAML is imported on the first parse, not with this module: a start-up served
    from the pack cache never needs it (10 ms saved).
    """
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml.parser import Parser
        return Parser
    return CParser


def _mark(event: yaml.Event) -> Mark:
    m = event.start_mark
    return (m.line + 1, m.column + 1) if m is not None else (1, 1)


def _text_position(text: str, offset: int) -> Mark:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(data: bytes, name: str) -> str:
    """Bytes of a content file to text, or a `YamlError` pointing at the bad byte."""
    if len(data) > MAX_FILE_BYTES:
        raise YamlError(Problem(name, 1, 1, f"file is {len(data):,} bytes; the limit is "
                                            f"{MAX_FILE_BYTES:,}"))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _text_position(data[:nul].decode("utf-8", "replace"), nul)
        raise YamlError(Problem(name, line, col, "NUL byte: this is not a text file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _text_position(data[: exc.start].decode("utf-8", "replace"), exc.start)
        raise YamlError(Problem(name, line, col,
                                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); "
                                "save the file as UTF-8")) from None
    return text.replace("\r\n", "\n")


def read_yaml_file(path: Path, name: str | None = None) -> Any:
    """Read one YAML file safely; `name` is how the file is named in problems."""
    shown = name or str(path)
    try:
        data = read_regular(path, MAX_FILE_BYTES, "YAML file")
    except FileRefused as exc:
        raise YamlError(refused_problem(shown, exc)) from None
    return read_yaml_text(decode(data, shown), shown)


def refused_problem(name: str, exc: FileRefused) -> Problem:
    """A file that could not be read, as a problem: at 1:1 when it is there but too
    large, at 0:0 (the file as a whole) otherwise."""
    line = 1 if exc.too_large else 0
    return Problem(name, line, line, exc.reason)


def read_yaml_text(text: str, name: str) -> Any:
    """Parse YAML text into plain values (`YMap`, `YList`, str, int, float, bool, None)."""
    if not text.strip():
        raise YamlError(Problem(name, 1, 1, "file is empty"))
    tab = _tab_indent(text)
    if tab:
        raise YamlError(Problem(name, tab[0], tab[1],
                                "tab used for indentation; indent with spaces"))
    import yaml

    try:
        return _build(_parser_class()(text), name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlError(Problem(name, line, col, f"YAML syntax error: {what}")) from None
    except yaml.reader.ReaderError as exc:
        line, col = _text_position(text, exc.position)
        raise YamlError(Problem(name, line, col,
                                f"character U+{exc.character:04X} is not allowed in YAML "
                                "(a control character); remove it")) from None
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise YamlError(Problem(name, 0, 0, f"YAML error: {first}")) from None
    except RecursionError:  # pragma: no cover - the builder is iterative
        raise YamlError(Problem(name, 0, 0, "nesting too deep")) from None


def _tab_indent(text: str) -> Mark | None:
    """Position of the first tab used in a line's leading indentation, if any."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip():
            return number, len(line) - len(stripped) + 1
    return None


def _build(parser: Any, name: str) -> Any:
    """Build values from the parser's events iteratively, refusing every hazard first."""
    import yaml

    stack: list[YMap | YList] = []
    pending_keys: list[tuple[str, Mark] | None] = []
    root: Any = None
    documents = 0

    def fail(event: yaml.Event, message: str) -> YamlError:
        line, col = _mark(event)
        return YamlError(Problem(name, line, col, message))

    def attach(value: Any, event: yaml.Event) -> None:
        nonlocal root
        mark = _mark(event)
        if not stack:
            root = value
            return
        parent = stack[-1]
        if isinstance(parent, YList):
            parent.append(value)
            parent.item_marks.append(mark)
            return
        key = pending_keys[-1]
        if key is None:
            if not isinstance(value, str):
                raise fail(event, "a mapping key must be plain text")
            if value in parent:
                first = parent.key_marks[value]
                raise fail(event, f"duplicate key {value!r} (first at line {first[0]})")
            pending_keys[-1] = (value, mark)
        else:
            pending_keys[-1] = None
            parent[key[0]] = value
            parent.key_marks[key[0]] = key[1]
            parent.value_marks[key[0]] = mark

    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None:
                    raise fail(event, "anchors (&) are not allowed")
                if event.tag is not None:
                    raise fail(event, f"tags are not allowed ({event.tag})")
                if len(event.value) > MAX_SCALAR_CHARS:
                    raise fail(event, f"text of {len(event.value):,} characters; the limit is "
                                      f"{MAX_SCALAR_CHARS:,}")
                plain = event.implicit[0]
                is_key = (bool(stack) and isinstance(stack[-1], YMap)
                          and pending_keys[-1] is None)
                value = event.value if (is_key or not plain) else resolve_plain(event.value)
                attach(value, event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None:
                    raise fail(event, "anchors (&) are not allowed")
                if event.tag is not None:
                    raise fail(event, f"tags are not allowed ({event.tag})")
                if len(stack) >= MAX_DEPTH:
                    raise fail(event, f"nesting deeper than {MAX_DEPTH} levels")
                if stack and isinstance(stack[-1], YMap) and pending_keys[-1] is None:
                    raise fail(event, "a mapping key must be plain text")
                node: YMap | YList = (YMap(_mark(event)) if kind is yaml.MappingStartEvent
                                      else YList(_mark(event)))
                attach(node, event)
                stack.append(node)
                pending_keys.append(None)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                pending_keys.pop()
            elif kind is yaml.AliasEvent:
                raise fail(event, "aliases (*) are not allowed")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(event, "more than one YAML document in the file")
                if event.tags:
                    raise fail(event, "%TAG directives are not allowed")
    finally:
        if hasattr(parser, "dispose"):
            parser.dispose()
    if documents == 0:
        raise YamlError(Problem(name, 1, 1, "file is empty (only comments or blank lines)"))
    return root
