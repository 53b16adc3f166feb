"""Events placed by the item scan land byte for byte where the careful layout puts them.

Each file is given the same new events twice: once as `insert_events` places them
(the item scan where it vouches for the file) and once with the scan turned off.
The bytes must be the same; files the scan must refuse are refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from content.editing import events_layout, insert_events
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
    # what PyYAML also reads as a line's end: the date would run on past it
    "a line separator after a date": plain().replace(b"date: 1999\n", "date: 1999\u2028    "
                                                     "x: 1\n".encode(), 1),
    "a paragraph separator": plain().replace(b'"S."', '"S.\u2029"'.encode(), 1),
    "a next-line character": plain().replace(b'"S."', '"S.\u0085"'.encode(), 1),
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


def first_days(data: bytes) -> dict[str, str]:
    """Each event's first day by id, as the careful reader has the file (what the
    pack read from it says)."""
    from content.editing import _first_day
    from content.yamlread import read_yaml_text

    return {str(item["id"]): _first_day(item["date"])
            for item in read_yaml_text(data.decode(), "events.yaml")["events"]}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_the_scan_places_events_as_the_careful_layout_does(
        style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = STYLES[style]
    assert ItemLayout.of(data, "events.yaml", "events") is not None, style
    assert insert_events(data, NEW, events_layout(data, first_days(data))) == careful_insert(data)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_scan_refuses_what_it_cannot_vouch_for(case: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = REFUSED[case]
    assert ItemLayout.of(data, "events.yaml", "events") is None, case
    layout = events_layout(data, {"e-0": "2004-05-01"})
    assert insert_events(data, NEW, layout) == careful_insert(data)


def test_a_large_synthetic_pack_is_placed_alike(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.synthetic import write_pack

    data = (write_pack(tmp_path / "pack", 2_000) / "events.yaml").read_bytes()
    layout = ItemLayout.of(data, "events.yaml", "events")
    assert layout is not None and len(layout.items(("events",))) == 2_000
    many = [(f"{1990 + n % 30}-01-01", f"row-{n}", {"id": f"row-{n}", "date": str(1990 + n % 30),
                                                   "title": f"Row {n}"}) for n in range(300)]
    assert insert_events(data, many, events_layout(data, first_days(data))) == \
        insert_events(data, many)


def test_an_import_beside_a_line_that_only_looks_like_an_item_is_placed_by_the_parser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quoted summary running over lines, one of which looks like an item with a
    date (PyYAML reads it; the scan alone cannot tell). The scan finds one item more
    than the pack has events, so the parser places the row; and were that missed,
    reading the result back finds the summary changed."""
    import content.editing as editing
    import content.importing as importing
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
    rows.write_text("date,title,summary\n2049-01-01,Late,After all but one\n",
                    encoding="utf-8")
    data = events.read_bytes()
    layout = ItemLayout.of(data, "events.yaml", "events")
    assert layout is not None and len(layout.items(("events",))) == 31  # fooled
    pack = load_pack(folder, use_cache=False)

    def imported() -> bytes:
        result = plan_import(pack, folder, rows, section="history", source="src-0")
        assert not result.problems
        return result.events_yaml

    careful = insert_events(data, [(b[0], b[1], b[2]) for b in
                                   plan_import(pack, folder, rows, section="history",
                                               source="src-0").blocks])
    assert imported() == careful
    assert b"Opens\n  - id: not-an-item\n    date: 2050\n    done.'" in careful
    monkeypatch.setattr(editing, "agrees", lambda ids, dates, days: True)
    assert imported() == careful  # the read-back catches it
    monkeypatch.setattr(importing, "_only_added", lambda before, after, added: True)
    assert imported() != careful  # what both checks stand between


def test_a_date_key_written_otherwise_is_never_taken_from_a_summary(
        tmp_path: Path) -> None:
    """`"date": 2010-06-03` quoted, and a summary over lines with a line `date: 1990`
    in it: the scan reads 1990, the pack says 2010, so the parser places the rows."""
    from benchmarks.synthetic import write_pack
    from content.importing import plan_import
    from content.loader import load_pack

    folder = write_pack(tmp_path / "pack", 6)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    old = text[text.index("  - id: event-1"):text.index("  - id: event-2")]
    events.write_text(text.replace(old, '  - id: event-1\n    "date": 2010-06-03\n'
                                   '    title: "Standards agreement"\n'
                                   '    summary: "First mooted in\n    date: 1990\n'
                                   '    and agreed later."\n    sections: [operations]\n'
                                   "    sources: [src-70 D5]\n"), encoding="utf-8")
    data = events.read_bytes()
    layout = ItemLayout.of(data, "events.yaml", "events")
    assert layout is not None and "1990" in layout.dates  # fooled
    rows = tmp_path / "rows.csv"
    rows.write_text("date,title,summary\n2000-01-01,Row,A row\n", encoding="utf-8")
    result = plan_import(load_pack(folder, use_cache=False), folder, rows,
                         section="history", source="src-0")
    assert not result.problems
    assert result.events_yaml == insert_events(data, result.blocks)
    assert insert_events(data, result.blocks,
                         events_layout(data, first_days(data))) == result.events_yaml
