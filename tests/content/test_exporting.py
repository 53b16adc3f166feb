"""A pack's data for use elsewhere: CSV that imports again and runs no formula,
GeoJSON, TimelineJS JSON and iCalendar."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

from content.dates import PartialDate
from content.exporting import to_csv, to_geojson, to_ics, to_timelinejs
from content.importing import plan_import
from content.loader import load_pack
from tests.childproc import run_cli

PACK = load_pack()


def test_csv_exports_every_event_and_imports_again(pack_copy: Path, tmp_path: Path) -> None:
    exported = tmp_path / "events.csv"
    exported.write_text(to_csv(PACK), encoding="utf-8")
    events = pack_copy / "events.yaml"
    header = events.read_text(encoding="utf-8").split("events:")[0]
    events.write_text(header + "events: []\n", encoding="utf-8")  # no events yet
    empty = load_pack(pack_copy, use_cache=False)
    result = plan_import(empty, pack_copy, exported)
    assert result.problems == [] and result.count == len(PACK.events)
    events.write_bytes(result.events_yaml)
    again = load_pack(pack_copy, use_cache=False)
    for old in PACK.events:
        new = again.event(old.id)
        assert (new.date, new.end, new.ongoing, new.title, new.summary, new.sections,
                new.places, new.actors, new.citations) == (
            old.date, old.end, old.ongoing, old.title, old.summary, old.sections,
            old.places, old.actors, old.citations)


def test_csv_cells_never_run_as_formulas() -> None:
    event = dataclasses.replace(PACK.events[0], title="=HYPERLINK(\"http://x\",\"y\")",
                                summary="+1 then -2 @ home")
    pack = dataclasses.replace(PACK, events=(event,), _event_index={})
    row = next(csv.DictReader(io.StringIO(to_csv(pack))))
    assert row["title"].startswith("'=") and row["summary"].startswith("'+")


def test_geojson_and_timelinejs_carry_places_and_escaped_text() -> None:
    geo = json.loads(to_geojson(PACK))
    baku = next(f for f in geo["features"] if f["properties"]["id"] == "baku")
    assert baku["geometry"]["type"] == "Point" and baku["properties"]["events"]
    event = dataclasses.replace(PACK.events[0], title="<script>x</script>")
    pack = dataclasses.replace(PACK, events=(event,), _event_index={})
    doc = json.loads(to_timelinejs(pack))
    assert doc["events"][0]["text"]["headline"] == "&lt;script&gt;x&lt;/script&gt;"
    assert doc["events"][0]["start_date"] == {"year": event.date.year}


def test_icalendar_lines_are_folded_and_the_calendars_edge_holds() -> None:
    last = dataclasses.replace(PACK.events[0], date=PartialDate.parse("9999-12-31"))
    pack = dataclasses.replace(PACK, events=(*PACK.events, last), _event_index={})
    text = to_ics(pack, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.count("BEGIN:VEVENT") == len(PACK.events) + 1
    assert "DTSTART;VALUE=DATE:99991231" in text


def test_the_command_line_writes_each_format(tmp_path: Path) -> None:
    for fmt in ("csv", "geojson", "timelinejs", "ics"):
        out = tmp_path / f"pack.{fmt}"
        code, err, _, _ = run_cli("data", "--format", fmt, "--out", str(out))
        assert code == 0 and out.stat().st_size > 1000, err
