"""A pack's data for use elsewhere: CSV, GeoJSON, TimelineJS JSON and iCalendar.

CSV has one row per event with the importer's own columns, so an export imports
again; a cell that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`,
a tab or a carriage return) is written with a leading apostrophe, the usual
neutralisation of CSV injection. GeoJSON has a point per place with its events;
TimelineJS JSON publishes the pack as a web timeline; iCalendar puts every dated
event in a calendar (all-day, spans as ranges). Pure Python: no Qt.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from content.dates import PartialDate
from content.model import Event, Pack

FORMATS = ("csv", "geojson", "timelinejs", "ics")
RISKY = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A CSV cell no spreadsheet runs: a leading formula character is quoted away."""
    return "'" + text if text.startswith(RISKY) else text


def _sources(event: Event) -> str:
    return ", ".join(f"{c.source} {c.grade}" if c.grade else c.source for c in event.citations)


def to_csv(pack: Pack) -> str:
    """One row per event, in the importer's columns."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "date", "end", "approximate", "title", "summary", "sections",
                     "places", "actors", "sources"])
    for e in pack.events:
        end = "open" if e.ongoing else (e.end.iso() if e.end else "")
        writer.writerow([_cell(v) for v in (
            e.id, e.date.iso(), end, "yes" if e.date.approximate else "", e.title, e.summary,
            ", ".join(e.sections), ", ".join(e.places), ", ".join(e.actors), _sources(e))])
    return out.getvalue()


def to_geojson(pack: Pack) -> str:
    """A FeatureCollection: each place a point, with its events' ids, dates, titles."""
    features = []
    for place in pack.places.values():
        events = [e for e in pack.events if place.id in e.places]
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": {"id": place.id, "name": place.name,
                                        "kind": place.kind, "events": [
                                            {"id": e.id, "date": e.date_label(),
                                             "title": e.title} for e in events]}})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1)


def _tl_date(date: PartialDate) -> dict[str, int]:
    out = {"year": date.year}
    if date.month:
        out["month"] = date.month
    if date.day:
        out["day"] = date.day
    return out


def to_timelinejs(pack: Pack) -> str:
    """TimelineJS's JSON: a title slide and an event per pack event (text escaped:
    TimelineJS reads its text as HTML)."""
    import html

    sections = {s.id: s.title for s in pack.sections}
    events = []
    for e in pack.events:
        item: dict[str, object] = {"start_date": _tl_date(e.date),
                                   "text": {"headline": html.escape(e.title),
                                            "text": html.escape(e.summary)},
                                   "unique_id": e.id,
                                   "group": sections.get(e.sections[0], "") if e.sections
                                   else ""}
        if e.end is not None:
            item["end_date"] = _tl_date(e.end)
        events.append(item)
    title = {"text": {"headline": html.escape(pack.info.title),
                      "text": html.escape(pack.info.subtitle)}}
    return json.dumps({"title": title, "events": events}, ensure_ascii=False, indent=1)


def _ics_text(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r", "").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545 lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    data = line.encode("utf-8")
    while len(data) > 75:
        cut = 75 if not out else 74
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never inside a character
            cut -= 1
        out.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    out.append(data.decode("utf-8"))
    return [out[0]] + [" " + part for part in out[1:]]


def _after(day: dt.date) -> dt.date:
    """The day after (31 December 9999 has none: it ends itself)."""
    return day + dt.timedelta(days=1) if day < dt.date.max else day


def to_ics(pack: Pack, stamp: dt.datetime | None = None) -> str:
    """Every event as an all-day calendar entry (a month or a year: its whole span)."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Briefing Desk//EN",
             f"X-WR-CALNAME:{_ics_text(pack.info.title)}"]
    for e in pack.events:
        last = (e.end or e.date).last_day() if not e.ongoing else e.date.last_day()
        lines += ["BEGIN:VEVENT", f"UID:{e.id}@briefing-desk",
                  f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                  f"DTSTART;VALUE=DATE:{e.date.first_day():%Y%m%d}",
                  f"DTEND;VALUE=DATE:{_after(last):%Y%m%d}",
                  f"SUMMARY:{_ics_text(e.title)}",
                  f"DESCRIPTION:{_ics_text(e.date_label() + ': ' + e.summary)}",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"


def export_text(pack: Pack, fmt: str) -> str:
    """The pack's data in `fmt` (one of `FORMATS`)."""
    return {"csv": to_csv, "geojson": to_geojson, "timelinejs": to_timelinejs,
            "ics": to_ics}[fmt](pack)
