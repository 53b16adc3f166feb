"""Importing events from CSV and TimelineJS JSON: validated row by row, located
problems, nothing written while anything is wrong, and events.yaml changed only by
the new events, in date order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from content.editing import insert_events
from content.errors import ContentError
from content.importing import plan_import
from content.loader import load_pack
from tests.childproc import run_cli

SOURCE = "report-2025-12-15"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def only_added(before: bytes, after: bytes) -> bytes:
    """What `after` adds to `before`, checking `before` survives byte for byte."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added, i = [], 0
    for line in b:
        if i < len(a) and line == a[i]:
            i += 1
        else:
            added.append(line)
    assert i == len(a), "an existing line was changed or lost"
    return b"".join(added)


def test_a_csv_adds_its_events_in_date_order_and_nothing_else(pack_copy: Path,
                                                               tmp_path: Path) -> None:
    csv_file = write(tmp_path / "new.csv", (
        "date,title,summary,sections,places,sources\n"
        "2026-02-10,Visit to Baku,A visit; \"quoted\" & <b>kept</b> as typed,dialogue,"
        f"baku,{SOURCE}\n"
        f"2021-08-20,An August 2021 addition,Second,operations,,{SOURCE}\n"))
    before = (pack_copy / "events.yaml").read_bytes()
    pack = load_pack(pack_copy)
    result = plan_import(pack, pack_copy, csv_file)
    assert result.problems == [] and result.count == 2
    (pack_copy / "events.yaml").write_bytes(result.events_yaml)
    added = only_added(before, result.events_yaml).decode()
    assert "visit-to-baku-2026" in added and "<b>kept</b>" in added
    new = load_pack(pack_copy, use_cache=False)
    assert len(new.events) == len(pack.events) + 2
    ids = [e.id for e in new.events]
    assert ids.index("an-august-2021-addition-2021") < ids.index("visit-to-baku-2026")
    text = result.events_yaml.decode()
    assert text.index("an-august-2021-addition") < text.index("visit-to-baku-2026")
    assert new.event("visit-to-baku-2026").summary == ('A visit; "quoted" & <b>kept</b> '
                                                       "as typed")


def test_timelinejs_json_imports_with_its_groups_and_html(pack_copy: Path,
                                                          tmp_path: Path) -> None:
    doc = {"title": {"text": {"headline": "Ours"}}, "events": [
        {"start_date": {"year": "2026", "month": "3"}, "text": {
            "headline": "Exercise <i>observed</i>", "text": "<p>Observers &amp; staff</p>"},
         "group": "Outlook 2026"},
        {"start_date": {"year": 2026, "month": 1, "day": 5},
         "end_date": {"year": 2026, "month": 1, "day": 9},
         "text": {"headline": "Talks in Brussels"}}]}
    source = write(tmp_path / "timeline.json", json.dumps(doc))
    result = plan_import(load_pack(pack_copy), pack_copy, source, section="dialogue",
                         source=SOURCE)
    assert result.problems == [] and result.count == 2
    (pack_copy / "events.yaml").write_bytes(result.events_yaml)
    new = load_pack(pack_copy, use_cache=False)
    observed = next(e for e in new.events if e.title == "Exercise observed")
    assert observed.summary == "Observers & staff" and observed.sections == ("outlook",)
    talks = next(e for e in new.events if e.title == "Talks in Brussels")
    assert talks.end is not None and talks.end.iso() == "2026-01-09"


def test_every_bad_row_is_located_and_nothing_is_planned(pack_copy: Path,
                                                         tmp_path: Path) -> None:
    csv_file = write(tmp_path / "bad.csv", (
        "title,date,sections,sources\n"
        f"Fine,2025-01-01,dialogue,{SOURCE}\n"
        f"Bad day,2025-02-30,dialogue,{SOURCE}\n"
        f"No section,2025-03-01,,{SOURCE}\n"
        "No source,2025-03-02,dialogue,\n"
        f"Unknown,2025-03-03,nowhere,{SOURCE}\n"
        f",2025-03-04,dialogue,{SOURCE}\n"
        f"Later,2025-03-05,dialogue,{SOURCE}\n"))
    result = plan_import(load_pack(pack_copy), pack_copy, csv_file)
    lines = [str(p) for p in result.problems]
    assert f"{csv_file}:3:2: date: '2025-02-30' does not exist" in lines[0]
    assert any(line.startswith(f"{csv_file}:4:3: sections: no section") for line in lines)
    assert any(line.startswith(f"{csv_file}:5:4: sources: no source") for line in lines)
    assert any(line.startswith(f"{csv_file}:6:3: sections: unknown section 'nowhere'")
               for line in lines)
    assert any(line.startswith(f"{csv_file}:7:1: title:") for line in lines)
    assert result.events_yaml == b""  # nothing to write while a row is wrong
    skipping = plan_import(load_pack(pack_copy), pack_copy, csv_file, skip_invalid=True)
    assert skipping.count == 2 and skipping.skipped == 5 and skipping.events_yaml


@pytest.mark.parametrize(("name", "content", "expect"), [
    ("formula.csv", "date,title,sources,sections\n2025-01-01,=HYPERLINK(\"http://x\"),"
     f"{SOURCE},dialogue\n", None),
    ("binary.csv", "\udcff", "not UTF-8"),
    ("nothing.csv", "alpha,beta\n1,2\n", "no column this importer knows"),
    ("broken.json", "{\"events\": [", "not JSON"),
    ("shape.json", "[1, 2]", "'events' list"),
    ("long.csv", "date,title,sources,sections\n2025-01-01," + "x" * 20_000
     + f",{SOURCE},dialogue\n", "a cell of 20,000 characters"),
])
def test_hostile_files_end_in_a_located_message(pack_copy: Path, tmp_path: Path, name: str,
                                                 content: str, expect: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    try:
        result = plan_import(load_pack(pack_copy), pack_copy, path)
    except ContentError as exc:
        assert expect is not None and expect in exc.report(), exc.report()
        assert exc.report().startswith(str(path))
        return
    if expect is None:  # a formula is text: stored as typed, never evaluated
        assert result.problems == [] and b'"=HYPERLINK(\\"http://x\\")"' in result.events_yaml
    else:
        assert any(expect in str(p) for p in result.problems)
        assert all(str(p).startswith(str(path)) for p in result.problems)


def test_insertion_keeps_every_existing_byte() -> None:
    original = (b"# a comment kept\nevents:\n  - id: a\n    date: 2001\n    title: A\n\n"
                b"  - id: c\n    date: 2003-05\n    title: C\n")
    out = insert_events(original, [("2002-01-01", "b", {"id": "b", "date": 2002}),
                                   ("2010-01-01", "d", {"id": "d", "date": 2010}),
                                   ("2011-01-01", "e", {"id": "e", "date": "2011-02"})])
    assert out == (b"# a comment kept\nevents:\n  - id: a\n    date: 2001\n    title: A\n\n"
                   b"  - id: b\n    date: 2002\n\n"
                   b"  - id: c\n    date: 2003-05\n    title: C\n\n"
                   b"  - id: d\n    date: 2010\n\n"
                   b"  - id: e\n    date: 2011-02\n")


def test_the_command_line_checks_writes_and_says(pack_copy: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path / "rows.csv", "date,title,sections\n2026-01-20,Talks,"
                                             "dialogue\n2026-13-01,Bad,dialogue\n")
    before = (pack_copy / "events.yaml").read_bytes()
    code, err, _, _ = run_cli("import", str(csv_file), "--pack", str(pack_copy),
                              "--source", SOURCE)
    assert code == 1 and f"{csv_file}:3:1: date:" in err and "nothing written" in err
    assert (pack_copy / "events.yaml").read_bytes() == before
    code, err, _, _ = run_cli("import", str(csv_file), "--pack", str(pack_copy),
                              "--source", SOURCE, "--skip-invalid", "--dry-run")
    assert code == 0 and (pack_copy / "events.yaml").read_bytes() == before
    code, err, _, _ = run_cli("import", str(csv_file), "--pack", str(pack_copy),
                              "--source", SOURCE, "--skip-invalid")
    assert code == 0
    assert any(e.title == "Talks" for e in load_pack(pack_copy, use_cache=False).events)
    assert "Traceback" not in err


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_an_xlsx_imports_with_dates_and_formulas_as_text(pack_copy: Path,
                                                         tmp_path: Path) -> None:
    import datetime as dt

    book = _xlsx(tmp_path / "events.xlsx", [
        ["Date", "Title", "Summary", "Sections", "Sources"],
        [dt.date(2026, 2, 3), "Talks in Baku", "=1+1", "dialogue", SOURCE],
        ["2026-02", "Monthly review", "Said.", "outlook", SOURCE]])
    result = plan_import(load_pack(pack_copy), pack_copy, book)
    assert result.problems == [] and result.count == 2
    (pack_copy / "events.yaml").write_bytes(result.events_yaml)
    new = load_pack(pack_copy, use_cache=False)
    talks = next(e for e in new.events if e.title == "Talks in Baku")
    assert talks.date.iso() == "2026-02-03" and talks.summary == "=1+1"  # never evaluated


def test_a_bad_xlsx_row_is_located_and_a_zip_bomb_refused(pack_copy: Path,
                                                           tmp_path: Path) -> None:
    import zipfile

    book = _xlsx(tmp_path / "bad.xlsx", [["Title", "Date", "Sections", "Sources"],
                                         ["Fine", "2026-01-01", "dialogue", SOURCE],
                                         ["Bad", "2026-13-01", "dialogue", SOURCE]])
    result = plan_import(load_pack(pack_copy), pack_copy, book)
    assert [str(p).split(": ")[0] for p in result.problems] == [f"{book}:3:2"]
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/sharedStrings.xml", b"<a>" + b" " * (70 * 1024 * 1024) + b"</a>")
    with pytest.raises(ContentError, match="unpacks to"):
        plan_import(load_pack(pack_copy), pack_copy, bomb)
    not_zip = tmp_path / "fake.xlsx"
    not_zip.write_text("date,title\n")
    with pytest.raises(ContentError, match="not an Excel workbook"):
        plan_import(load_pack(pack_copy), pack_copy, not_zip)


def _workbook(path: Path, rows: list[list[object]], date_cells: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell in date_cells:
        sheet[cell].number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def _rezipped(source: Path, target: Path, part: str, change) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(target, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


HEADER = ["date", "title", "sections", "sources"]


def _hostile_import(kind: str, folder: Path) -> Path:
    """One hostile import file of issue 24 (findings 10, 15, 18)."""
    good = [HEADER, [60, "Leap", "history", SOURCE]]
    if kind == "deep-json":
        return write(folder / "deep.json", '{"events":' + "[" * 100_000 + "]" * 100_000 + "}")
    if kind == "huge-year":
        return write(folder / "year.json", json.dumps({"events": [
            {"start_date": {"year": "9" * 5000}, "text": {"headline": "x"}}]}))
    if kind == "lone-surrogate":
        return write(folder / "surrogate.json", '{"events": [{"start_date": {"year": "2020"},'
                                                ' "text": {"headline": "\\ud800"}}]}')
    if kind == "control-character":
        return write(folder / "bell.csv", f"date,title,sections,sources\n2020,bad\x07title,"
                                          f"history,{SOURCE}\n")
    if kind == "serial-60":
        return _workbook(folder / "book.xlsx", good, ("A2",))
    book = _workbook(folder / "book.xlsx", [HEADER, ["2020", "Fine", "history", SOURCE]])
    sheet = "xl/worksheets/sheet1.xml"
    if kind == "malformed-sheet":
        return _rezipped(book, folder / "bad.xlsx", sheet, lambda _: b"<worksheet><sheetData>")
    if kind == "undefined-entity":
        return _rezipped(book, folder / "ent.xlsx", sheet,
                         lambda d: d.replace(b"</worksheet>", b"&nope;</worksheet>"))
    if kind == "dtd":
        return _rezipped(book, folder / "dtd.xlsx", sheet, lambda d: (
            b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "an event">]>'
            + d.split(b"?>", 1)[-1]))
    raise AssertionError(kind)


@pytest.mark.parametrize(("kind", "words", "where"), [
    ("deep-json", "nested too deeply", ":1:1:"),
    ("huge-year", "…", ":1:0:"),
    ("lone-surrogate", "lone surrogate", ":1:0:"),
    ("control-character", "control character U+0007 at position 4", ":2:2:"),
    ("serial-60", "29 February 1900", ":2:1:"),
    ("malformed-sheet", "not a readable Excel workbook", ":0:0:"),
    ("undefined-entity", "not a readable Excel workbook", ":0:0:"),
    ("dtd", "carries a DTD", ":0:0:"),
])
def test_a_hostile_import_file_ends_in_one_located_line(
        pack_copy: Path, tmp_path: Path, kind: str, words: str, where: str) -> None:
    """Issue 24, findings 10, 15 and 18: each of these ended in a traceback, a silent
    wrong date, or a problem located in events.yaml instead of the import file."""
    path = _hostile_import(kind, tmp_path)
    before = (pack_copy / "events.yaml").read_bytes()
    code, err, _, _ = run_cli("import", str(path), "--pack", str(pack_copy), "--source",
                              SOURCE, "--section", "history")
    assert code == 1 and "Traceback" not in err, err
    first = err.splitlines()[0]
    assert first.startswith(f"{path}{where}") and words in first, err
    assert len(first) < 400
    assert (pack_copy / "events.yaml").read_bytes() == before


def test_a_csv_export_imports_back_with_the_same_text(pack_copy: Path, tmp_path: Path) -> None:
    """Finding 13: titles starting with - + = @ came back with a leading '."""
    from content.exporting import to_csv

    titles = ["-5 per cent", "+ more", "=SUM(A1)", "@ NATO"]
    rows = "".join(f"2020-0{n + 1},\"{t}\",history,{SOURCE}\n" for n, t in enumerate(titles))
    first = write(tmp_path / "in.csv", "date,title,sections,sources\n" + rows)
    result = plan_import(load_pack(pack_copy), pack_copy, first)
    assert result.problems == [] and result.events_yaml
    (pack_copy / "events.yaml").write_bytes(result.events_yaml)
    exported = tmp_path / "out.csv"
    exported.write_text(to_csv(load_pack(pack_copy, use_cache=False)), encoding="utf-8")
    assert "'=SUM(A1)" in exported.read_text(encoding="utf-8")  # guarded in the file
    read_back = {title for _, title in read_rows_titles(exported)}
    assert read_back >= set(titles)  # not "'=SUM(A1)"


def read_rows_titles(path: Path) -> list[tuple[int, str]]:
    from content.importing import read_rows

    rows, _ = read_rows(path)
    return [(n, row["title"]) for n, row in rows]


def test_a_sources_cell_is_read_whole(pack_copy: Path, tmp_path: Path) -> None:
    """Finding 4: only the first word of a sources cell was checked, and the rest went
    into events.yaml as it was: a cell could plant a second event."""
    planted = f"{SOURCE} B2]\n  - id: planted\n    date: 2020"
    path = write(tmp_path / "plant.csv", "date,title,sections,sources\n"
                                         f"2020,One,history,\"{planted}\"\n")
    result = plan_import(load_pack(pack_copy), pack_copy, path)
    assert result.problems and not result.events_yaml
    assert "sources" in str(result.problems[0])
