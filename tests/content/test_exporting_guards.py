"""Guards on `briefdesk data` exports a user opens elsewhere: GIS tools, spreadsheets
and calendars."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from content.exporting import to_csv, to_geojson, to_ics
from content.loader import load_pack

PACK = load_pack()
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _vevent(text: str, uid: str) -> list[str]:
    """The unfolded lines of one VEVENT."""
    unfolded = text.replace("\r\n ", "").split("\r\n")
    start = unfolded.index(f"UID:{uid}@briefing-desk")
    return unfolded[start : unfolded.index("END:VEVENT", start)]


def test_geojson_points_are_longitude_then_latitude() -> None:
    """GeoJSON puts longitude first: swapped, Baku (49.9° E, 40.4° N) would land in
    the wrong place in QGIS or on a web map."""
    geo = json.loads(to_geojson(PACK))
    baku = next(f for f in geo["features"] if f["properties"]["id"] == "baku")
    place = PACK.places["baku"]
    assert baku["geometry"]["coordinates"] == [place.lon, place.lat]
    assert 49 < baku["geometry"]["coordinates"][0] < 51


def test_icalendar_span_runs_to_its_end() -> None:
    """A span (Afghanistan contribution, 2002 to August 2021) is a range in the
    calendar: it must end after 31 August 2021, not after the end of 2002."""
    lines = _vevent(to_ics(PACK, STAMP), "afghanistan-contribution")
    assert "DTSTART;VALUE=DATE:20020101" in lines
    assert "DTEND;VALUE=DATE:20210901" in lines


def test_icalendar_escapes_semicolons_in_text() -> None:
    """RFC 5545 text escapes ';': unescaped, a calendar app cuts or misreads a title
    like "Talks; communique"."""
    event = dataclasses.replace(PACK.events[0], title="Talks; communique, signed")
    pack = dataclasses.replace(PACK, events=(event,), _event_index={})
    lines = _vevent(to_ics(pack, STAMP), event.id)
    assert "SUMMARY:Talks\\; communique\\, signed" in lines


def test_csv_at_sign_cell_is_not_a_formula() -> None:
    """A cell starting '@' runs as a formula in Excel; the export neutralises it with
    an apostrophe like '=', '+' and '-'."""
    event = dataclasses.replace(PACK.events[0], title="@SUM(1+1)", summary="-2+3")
    pack = dataclasses.replace(PACK, events=(event,), _event_index={})
    row = next(csv.DictReader(io.StringIO(to_csv(pack))))
    assert row["title"] == "'@SUM(1+1)" and row["summary"] == "'-2+3"
