"""The documented JSON shape of a loaded pack (`briefdesk dump`).

`{"pack": {...}, "sections": [...], "events": [...], "places": [...], "actors": [...],
"sources": [...], "members": [...]}`, dates as ISO strings of the precision known. An
ongoing span has `"end": null, "ongoing": true` and `"drawn_to"` (the as-of date);
`"label"` is the date as the app and decks write it ("since 1994").
"""

from __future__ import annotations

from typing import Any

from content.dates import PartialDate
from content.model import Citation, Pack, Quote


def _citation(c: Citation) -> dict[str, Any]:
    return {"source": c.source, "grade": c.grade or None, "note": c.note or None}


def _quote(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "source": q.source}


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """The whole pack as plain JSON-ready data."""
    info = pack.info
    return {
        "pack": {
            "title": info.title, "subtitle": info.subtitle, "as_of": info.as_of.iso(),
            "marking": info.marking, "description": info.description,
            "map_view": {"west": info.map_view.west, "south": info.map_view.south,
                         "east": info.map_view.east, "north": info.map_view.north},
            "focus_countries": list(info.focus_countries),
            "bottom_line": [{"judgement": j.text, "sections": list(j.sections),
                             "sources": [_citation(c) for c in j.citations]}
                            for j in info.bottom_line],
        },
        "sections": [
            {"id": s.id, "title": s.title, "summary": s.summary, "order": s.order,
             "colour": s.colour or None,
             "key_points": [{"text": k.text, "sources": [_citation(c) for c in k.citations],
                             "quotes": [_quote(q) for q in k.quotes]}
                            for k in s.key_points]}
            for s in pack.sections
        ],
        "events": [
            {"id": e.id, "date": e.date.iso(), "end": _iso(e.end), "ongoing": e.ongoing,
             "drawn_to": _iso(e.horizon), "reported": _iso(e.reported),
             "dated_by": e.dated_by or None, "label": e.date_label(),
             "approximate": e.date.approximate, "title": e.title, "summary": e.summary,
             "quotes": [_quote(q) for q in e.quotes],
             "sections": list(e.sections), "places": list(e.places),
             "actors": list(e.actors), "sources": [_citation(c) for c in e.citations]}
            for e in pack.events
        ],
        "places": [{"id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind,
                    "country": p.country or None} for p in pack.places.values()],
        "actors": [{"id": a.id, "name": a.name, "role": a.role,
                    "affiliation": a.affiliation or None} for a in pack.actors.values()],
        "sources": [{"id": s.id, "title": s.title, "outlet": s.outlet,
                     "date": _iso(s.date), "accessed": _iso(s.accessed), "url": s.url or None,
                     "via": s.via or None, "author": s.author or None}
                    for s in pack.sources.values()],
        "members": [{"country": m.country, "name": m.name, "joined": m.joined.iso(),
                     "sources": [_citation(c) for c in m.citations]} for m in pack.members],
    }
