"""Node spans come from the parser, in the file's own bytes: BOM, CRLF and multi-byte
characters counted, block and flow styles told apart, keys located."""

from __future__ import annotations

import pytest

from content.errors import YamlError
from content.yamlspans import Layout

STYLED = (b'\xef\xbb\xbfevents:\r\n  - {title: "\xc3\xa9t\xc3\xa9", id: a, sources: [x]}\r\n'
          b"  # c\r\n  -\r\n    title: |\r\n      line\r\n      two\r\n\r\n    id: b\r\n")


def text(layout: Layout, path: tuple) -> bytes:
    node = layout.nodes[path]
    return layout.data[node.start:node.end]


def test_items_and_values_are_where_the_parser_saw_them() -> None:
    layout = Layout(STYLED, "events.yaml")
    first, second = layout.items(("events",))
    assert first.flow and not second.flow
    assert text(layout, ("events", 0)) == b'{title: "\xc3\xa9t\xc3\xa9", id: a, sources: [x]}'
    assert text(layout, ("events", 0, "title")) == b'"\xc3\xa9t\xc3\xa9"'  # after é, é
    assert text(layout, ("events", 1, "id")) == b"b"
    assert text(layout, ("events", 1, "title")) == b"|\r\n      line\r\n      two"
    node = layout.nodes[("events", 0, "sources")]
    assert STYLED[node.key_start:node.key_end] == b"sources"
    assert layout.newline == b"\r\n" and layout.scalars[("events", 1, "id")] == "b"


def test_what_the_reader_refuses_is_refused_with_its_message() -> None:
    with pytest.raises(YamlError, match="duplicate key"):
        Layout(b"events:\n  - {id: a, id: b}\n", "events.yaml").value  # noqa: B018
    with pytest.raises(YamlError, match="lone CR"):
        Layout(b"events:\r  - {id: a}\r", "events.yaml")
