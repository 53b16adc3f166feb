"""An import into a file of the writer's records writes what the read-back path writes.

Each case imports the same rows twice: once as `plan_import` does (spliced where the
file is records only) and once with the splice turned off (placed and read back
whole). The bytes and the problems must be the same, the result must load as the old
events and the new, and files and rows the splice cannot vouch for are left to the
read-back path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import content.importing as importing
import content.recordsplice as recordsplice
from content.importing import ImportResult, plan_import
from content.loader import load_pack
from content.recordsplice import records_of, spliced_events

ROWS = ("date,title,summary,end\n"
        "1989-01-01,Before all,The first of all,\n"  # before the first record
        "2004-05,A month,Mid-file,\n"
        "2004-05-01,Same day,Ties keep their order,\n"
        "2004-05-01,Same day again,Second of the tie,\n"
        '2030,After all,"The last, with a comma",\n'
        "2011-02-03,With a span,Ends later,2012\n")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    from benchmarks.synthetic import write_pack

    return write_pack(tmp_path / "pack", 200, in_date_order=True)


def rows(tmp_path: Path, text: str = ROWS) -> Path:
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    return path


def both(folder: Path, sheet: Path, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[ImportResult, ImportResult, list[bytes]]:
    """(the import as planned, the import read back whole, what the splice wrote)."""
    pack = load_pack(folder, use_cache=False)
    spliced: list[bytes] = []

    def spy(*args: object) -> bytes | None:
        out = spliced_events(*args)  # type: ignore[arg-type]
        if out is not None:
            spliced.append(out)
        return out

    monkeypatch.setattr(importing, "spliced_events", spy)
    planned = plan_import(pack, folder, sheet, section="history", source="src-0")
    monkeypatch.setattr(importing, "spliced_events", lambda *args: None)
    read_back = plan_import(pack, folder, sheet, section="history", source="src-0")
    return planned, read_back, spliced


def test_rows_are_spliced_as_the_read_back_places_them(
        pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planned, read_back, spliced = both(pack, rows(tmp_path), monkeypatch)
    assert spliced == [planned.events_yaml]  # the splice wrote it
    assert planned.events_yaml == read_back.events_yaml and not planned.problems
    before = load_pack(pack, use_cache=False)
    (pack / "events.yaml").write_bytes(planned.events_yaml)
    after = load_pack(pack, use_cache=False)
    new = [e for e in after.events if e.id not in {b.id for b in before.events}]
    assert [e.title for e in new] == ["Before all", "A month", "Same day",
                                      "Same day again", "With a span", "After all"]
    assert [e for e in after.events if e not in new] == list(before.events)
    assert next(e for e in new if e.title == "After all").summary == "The last, with a comma"


@pytest.mark.parametrize("old,new", [
    ("\n  - id: event-5\n", "\n# a comment\n  - id: event-5\n"),
    ("\n  - id: event-5\n", "\n\n  - id: event-5\n"),
    ('    title: "', '    end: open\n    title: "'),  # a field the pattern has not
    ('    title: "', "    title: >\n      Folded\n      "),
    ("\n  - id: event-5\n", "\n  - {id: flow-1, date: 2004, title: T, summary: S, "
                            "sections: [history], sources: [src-0]}\n  - id: event-5\n"),
])
def test_a_file_not_of_records_only_is_read_back_whole(
        pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str,
        new: str) -> None:
    events = pack / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert records_of(events.read_bytes()) is None
    planned, read_back, spliced = both(pack, rows(tmp_path), monkeypatch)
    assert spliced == [] and planned.events_yaml == read_back.events_yaml != b""


@pytest.mark.parametrize("data", [
    b"events:\n",  # no records
    b"events: []\n",
    b"# events\nevents:\n  - id: a\n    date: 2004\n    title: T\n    summary: S\n"
    b"    sections: [s]\n    sources: [x]\n",
    b"events:\n  - id: a\n    date: 2004\n    title: T\n    summary: S\n"
    b"    sections: [s]\n    sources: [x]",  # no last line break
    b"events:\r\n  - id: a\r\n    date: 2004\r\n    title: T\r\n    summary: S\r\n"
    b"    sections: [s]\r\n    sources: [x]\r\n",
    b"events:\n  - id: a\n    date: 2004\n    title: T\n    summary: S\n"
    b"    sections: [s]\n    sources: [x]\nnotes: after\n",
    b"events:\n  - id: a\n    date: 2004\n    title: \"\xff\"\n    summary: S\n"
    b"    sections: [s]\n    sources: [x]\n",  # not UTF-8
])
def test_what_is_not_records_only(data: bytes) -> None:
    assert records_of(data) is None


def test_records_the_layout_reader_leaves_to_the_parser_are_kept_as_they_read(
        pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records matched by the pattern whose text is not taken (an escaped tab, a
    soft hyphen) are read by the parser wherever they stand; rows placed between
    two of them leave both as they were."""
    events = pack / "events.yaml"
    text = events.read_text(encoding="utf-8")
    for n in range(40, 200):  # every record from the 40th: among them the rows' places
        at = text.index('    title: "', text.index(f"  - id: event-{n}\n")) + len('    title: "')
        text = text[:at] + ("Tab\\there " if n % 2 else "soft\u00adhyphen ") + text[at:]
    events.write_text(text, encoding="utf-8")
    assert records_of(events.read_bytes()) is not None
    planned, read_back, spliced = both(pack, rows(tmp_path), monkeypatch)
    assert spliced and planned.events_yaml == read_back.events_yaml
    before = load_pack(pack, use_cache=False)
    events.write_bytes(planned.events_yaml)
    after = load_pack(pack, use_cache=False)
    assert [e for e in after.events if e.id in {b.id for b in before.events}] == list(
        before.events)


def test_a_row_the_layout_reader_would_not_take_is_read_back_whole(
        pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = rows(tmp_path, "date,title,summary\n2004,Soft\u00adhyphen,A title it parses\n")
    planned, read_back, spliced = both(pack, sheet, monkeypatch)
    assert spliced == [] and planned.events_yaml == read_back.events_yaml != b""


def test_a_row_that_breaks_a_rule_of_the_pack_is_reported_as_the_read_back_has_it(
        pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An ongoing span that starts after the pack's as-of date: only the whole pack's
    rules see it; the splice's check sees it too and leaves the saying of it to the
    read-back, which names the line."""
    sheet = rows(tmp_path, "date,title,summary,end\n2027-01-01,Later,Open-ended,open\n")
    planned, read_back, spliced = both(pack, sheet, monkeypatch)
    assert spliced == [] and planned.events_yaml == read_back.events_yaml == b""
    assert planned.problems == read_back.problems
    assert any("as-of date" in p.message and p.line > 0 for p in planned.problems)


def test_the_splice_proves_nothing_it_cannot(pack: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    from content.loader import read_pack_files

    files = read_pack_files(pack)
    loaded = load_pack(pack, use_cache=False)
    days = {e.id: e.start_day.isoformat() for e in loaded.events}
    block = ("2004-01-01", "new-1", {"id": "new-1", "date": 2004, "title": "New",
                                     "summary": "S.", "sections": ["history"],
                                     "sources": ["src-0"]})
    assert spliced_events(pack, files, days, [block]) is not None
    stale = {**days, "event-3": "1066-10-14"}  # the pack is not the file's
    assert spliced_events(pack, files, stale, [block]) is None
    taken = ("2004-01-01", "event-3", {**block[2], "id": "event-3"})
    assert spliced_events(pack, files, days, [taken]) is None  # an id the pack has
    unknown = ("2004-01-01", "new-2", {**block[2], "id": "new-2", "sections": ["nope"]})
    assert spliced_events(pack, files, days, [unknown]) is None
    monkeypatch.setattr(recordsplice, "MAX_FILE_BYTES", len(files["events.yaml"]) + 10)
    assert spliced_events(pack, files, days, [block]) is None  # the loader would refuse it
