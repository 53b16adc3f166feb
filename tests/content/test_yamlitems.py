"""Events placed by the item scan land byte for byte where the careful layout puts them.

Each file is given the same new events twice: once as `insert_events` places them
(the item scan where it vouches for the file) and once with the scan turned off.
The bytes must be the same; files the scan must refuse are refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content.editing import insert_events
from content.yamlitems import ItemLayout

ITEM = ("  - id: e-{n}\n    date: {date}\n    title: \"Event {n}\"\n    summary: \"S.\"\n"
        "    sections: [s]\n    sources: [src-1]\n")
DATES = ["2004-05-01", "1999", "2010-02", "2004-05-01", "2021-12-14", "1999-01-01"]


def plain(count: int = 6) -> bytes:
    return ("events:\n" + "".join(ITEM.format(n=n, date=DATES[n % len(DATES)])
                                  for n in range(count))).encode()


STYLES = {
    "plain": plain(),
    "blank lines between": plain().replace(b"\n  - ", b"\n\n  - "),
    "comments above items": plain().replace(b"\n  - id: e-3", b"\n  # the third\n  - id: e-3"),
    "comment at the end": plain() + b"# the end\n",
    "trailing comments": plain().replace(b"[src-1]\n", b"[src-1]  # cited\n"),
    "wider dash": plain().replace(b"\n    ", b"\n      ").replace(b"  - id:", b"  -   id:"),
    "items at the key's column": plain().replace(b"\n  ", b"\n"),
    "quoted dates": plain().replace(b"date: 1999\n", b"date: '1999'\n"),
    "keys in another order": plain().replace(b"  - id: e-1\n    date: 1999\n",
                                             b"  - date: 1999\n    id: e-1\n"),
    "unsorted": plain().replace(b"2021-12-14", b"1990-01-01"),
    "a year with zeros": plain().replace(b"date: 1999\n", b"date: 0001\n"),
    "a block scalar": plain().replace(b'summary: "S."', b"summary: >\n      S.", 1),
    "a quoted date with a comment": plain().replace(b"date: 1999\n", b"date: \"1999\" # y\n"),
}
REFUSED = {
    "a scalar running over lines that looks like items": plain().replace(
        b'"S."', b'"S.\n  - id: not-an-item\n    done"', 1),
    "crlf": plain().replace(b"\n", b"\r\n"),
    "flow items": b"events:\n  - {id: a, date: 2004}\n  - {id: b, date: 2005}\n",
    "the item on the next line": plain().replace(b"  - id: e-2", b"  -\n    id: e-2"),
    "a comment before the first": b"# events\n" + plain(),
    "no date": plain().replace(b"    date: 1999\n", b"", 1),
    "two dates": plain().replace(b"    date: 1999\n", b"    date: 1999\n    date: 2000\n", 1),
    "a date on the next line": plain().replace(b"date: 1999\n", b"date:\n      1999\n", 1),
    "an escaped date": plain().replace(b"date: 1999\n", b'date: "19\\x399"\n', 1),
    "keys at two columns": plain() + b'  -  id: e-9\n     date: 2004\n     title: "T"\n'
                                     b'     summary: "S."\n     sections: [s]\n'
                                     b"     sources: [src-1]\n",
}
NEW = [("2004-05-01", "new-a", {"id": "new-a", "date": "2004-05-01", "title": "A"}),
       ("1998-01-01", "new-b", {"id": "new-b", "date": "1998", "title": "B"}),
       ("2030-01-01", "new-c", {"id": "new-c", "date": "2030", "title": "C"}),
       ("2004-05-01", "new-0", {"id": "new-0", "date": "2004-05", "title": "0"})]


def careful_insert(data: bytes) -> bytes:
    return insert_events(data, NEW)


@pytest.mark.parametrize("style", sorted(STYLES))
def test_the_scan_places_events_as_the_careful_layout_does(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = STYLES[style]
    assert ItemLayout.of(data, "events.yaml", "events") is not None, style
    assert insert_events(data, NEW, scan=True) == careful_insert(data)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_scan_refuses_what_it_cannot_vouch_for(case: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = REFUSED[case]
    assert ItemLayout.of(data, "events.yaml", "events") is None, case
    assert insert_events(data, NEW, scan=True) == careful_insert(data)


def test_a_large_synthetic_pack_is_placed_alike(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.synthetic import write_pack

    data = (write_pack(tmp_path / "pack", 2_000) / "events.yaml").read_bytes()
    layout = ItemLayout.of(data, "events.yaml", "events")
    assert layout is not None and len(layout.items(("events",))) == 2_000
    many = [(f"{1990 + n % 30}-01-01", f"row-{n}", {"id": f"row-{n}", "date": str(1990 + n % 30),
                                                   "title": f"Row {n}"}) for n in range(300)]
    assert insert_events(data, many, scan=True) == insert_events(data, many)


def test_an_import_beside_a_line_that_only_looks_like_an_item_is_placed_by_the_parser(
        tmp_path: Path) -> None:
    """A quoted summary running over lines, one of which looks like an item with a
    date (PyYAML reads it; the scan cannot tell): the import, checking what it
    placed, places its rows by the parser instead."""
    from benchmarks.synthetic import write_pack
    from content.importing import plan_import
    from content.loader import load_pack

    folder = write_pack(tmp_path / "pack", 30)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    third = text.index('    summary: "', text.index("event-2\n"))
    events.write_text(text[:third] + "    summary: 'Opens\n  - id: not-an-item\n"
                      "    date: 2050\n    done.'\n" + text[text.index("\n", third) + 1:],
                      encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("date,title,summary\n2049-01-01,Late,After all but one\n", encoding="utf-8")
    layout = ItemLayout.of(events.read_bytes(), "events.yaml", "events")
    assert layout is not None and len(layout.items(("events",))) == 31  # fooled
    result = plan_import(load_pack(folder, use_cache=False), folder, rows,
                         section="history", source="src-0")
    assert not result.problems
    assert result.events_yaml == insert_events(events.read_bytes(), result.blocks)
    assert b"Opens\n  - id: not-an-item\n    date: 2050\n    done.'" in result.events_yaml
    # placed by the scan, the row would have gone inside that summary, unnoticed by
    # the reader (a quoted scalar takes it in)
    assert insert_events(events.read_bytes(), result.blocks, scan=True) != result.events_yaml
