"""A new, empty content pack: the skeleton File → New Pack writes.

Pack information and one section, with empty lists of events, places, actors and
sources, each file opening with a comment that says what goes in it. The skeleton
loads cleanly; the analyst adds sources first (every event cites one), then events.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from content.fileio.atomic import write_atomic
from content.loader import REQUIRED_FILES

FILES = {
    "pack.yaml": ("# What this pack is about, and the date its content is as of.\n"
                  "format: 1\ntitle: {title}\nsubtitle: \"\"\nas_of: {as_of}\n"
                  "marking: UNCLASSIFIED\n"
                  "map_view: {{west: -20.0, south: 30.0, east: 60.0, north: 62.0}}\n"
                  "focus_countries: []\n"),
    "sections.yaml": ("# Thematic sections a briefer selects; key points cite sources.\n"
                      "sections:\n  - id: overview\n    order: 1\n    title: Overview\n"
                      "    summary: \"What this pack is about, in one line.\"\n"
                      "    key_points: []\n"),
    "events.yaml": "# Every dated fact, citing its sources.\nevents: []\n",
    "places.yaml": "# Places events happen at (lat, lon in degrees).\nplaces: []\n",
    "actors.yaml": "# People and organisations events name.\nactors: []\n",
    "sources.yaml": "# Where each fact comes from: outlet, title, date, link.\nsources: []\n",
}


def new_pack(folder: Path, title: str, as_of: dt.date | None = None) -> Path:
    """Write a new pack into `folder` (created; it must be empty or new)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder}: choose a new or empty folder for the pack")
    folder.mkdir(parents=True, exist_ok=True)
    day = (as_of or dt.date.today()).isoformat()
    for name in REQUIRED_FILES:
        text = FILES[name].format(title=json.dumps(title or "New pack", ensure_ascii=False),
                                  as_of=day)
        write_atomic(folder / name, text.encode("utf-8"))
    return folder
