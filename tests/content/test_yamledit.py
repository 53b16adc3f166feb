"""The emitter and the splices: values that cannot be read as YAML, items in their
neighbours' style, fields set and removed with every other byte kept."""

from __future__ import annotations

import pytest

from content.yamledit import delete_item, insert_items, replace_item, scalar, set_field
from content.yamlread import read_yaml_text

MIXED = (b'events:\r\n  - {title: "x", id: a, sources: [x]}\r\n  # about b\r\n'
         b"  - id: b\r\n    title: |\r\n      line\r\n\r\n  # between\r\n\r\n"
         b"  - date: 2020\r\n    id: c\r\n")


@pytest.mark.parametrize("value", ["plain", "2021", "yes", "NULL", "a: b # c", "line\nbreak",
                                   "sep\u2028arator", "nel\u0085", "bom\ufeff", "del\x7f",
                                   "'single' and \"double\"", "{not: a map}", "- dash"])
def test_every_text_reads_back_as_itself(value: str) -> None:
    assert read_yaml_text(f"v: {scalar(value)}\n", "t.yaml")["v"] == value


def test_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        scalar("half \ud800")


def test_items_keep_their_own_style_and_neighbours() -> None:
    flow = replace_item(MIXED, "e", ("events",), 0, {"id": "a", "title": "new: t"})
    assert flow.startswith(b'events:\r\n  - {title: "new: t", id: a}\r\n  # about b')
    block = replace_item(MIXED, "e", ("events",), 1, {"id": "b", "title": "B"})
    assert b"  - id: b\r\n    title: B\r\n\r\n  # between" in block
    assert b"# about b" not in delete_item(MIXED, "e", ("events",), 1)
    assert b"# between" in delete_item(MIXED, "e", ("events",), 1)


def test_many_insertions_in_one_pass() -> None:
    out = insert_items(MIXED, "e", ("events",), [(1, {"id": "n"}), (None, {"id": "m"}),
                                                 (0, {"id": "z"})])
    ids = [item["id"] for item in read_yaml_text(out.decode().replace("\r\n", "\n"),
                                                 "e")["events"]]
    assert ids == ["z", "a", "n", "b", "c", "m"]
    assert out.count(b"\n") == out.count(b"\r\n")


def test_an_item_before_every_item_lands_in_its_place() -> None:
    """An import of a real export has a place of its own for almost every row."""
    data = ("events:\n" + "".join(f"  - id: e{n}\n    date: {2000 + n}\n"
                                  for n in range(300))).encode()
    out = insert_items(data, "e", ("events",),
                       [(n, {"id": f"new{n}"}) for n in range(300)] + [(None, {"id": "last"})])
    ids = [item["id"] for item in read_yaml_text(out.decode(), "e")["events"]]
    assert ids == [i for n in range(300) for i in (f"new{n}", f"e{n}")] + ["last"]
    assert [line for line in out.split(b"\n") if b"new" not in line
            and b"last" not in line] == data.split(b"\n")  # every old line kept


def test_fields_are_set_added_and_removed_in_place() -> None:
    assert set_field(MIXED, "e", ("events", 0), "via", "v").startswith(
        b'events:\r\n  - {title: "x", id: a, sources: [x], via: v}')
    assert b"    via: v\r\n" in set_field(MIXED, "e", ("events", 2), "via", "v")
    removed = set_field(MIXED, "e", ("events", 1), "title", None)
    assert b"  - id: b\r\n\r\n  # between" in removed
