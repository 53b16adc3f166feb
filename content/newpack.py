"""A new content pack: the empty skeleton File → New Pack writes, or a copy of an
open pack (File → Save a Copy of This Pack…, how a newcomer curates the embedded one).

The skeleton holds pack information and one section, with empty lists of events,
places, actors and sources, each file opening with a comment that says what goes in
it. It loads cleanly; the analyst adds sources first (every event cites one), then
events. A copy holds the pack's own YAML files, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from content.fileio.atomic import write_atomic
from content.fileio.reading import FileRefused, read_regular
from content.packfiles import REQUIRED_FILES
from content.yamlread import MAX_FILE_BYTES  # the loader's cap: larger never loads

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


def copy_pack(source: Path, folder: Path) -> Path:
    """Copy the pack in `source` (its YAML files, byte for byte) into `folder`, new or
    empty. Nothing is written unless every file can be read: FileExistsError or
    OSError (with the file it is about) otherwise."""
    source, folder = Path(source), Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder}: choose a new or empty folder for the copy")
    if folder.resolve() == source.resolve() or source.resolve() in folder.resolve().parents:
        raise OSError(f"{folder}: the copy cannot go inside the pack it copies")
    files: dict[str, bytes] = {}
    for path in sorted(source.iterdir()):
        if path.suffix.casefold() not in (".yaml", ".yml") or path.is_symlink():
            continue
        try:
            files[path.name] = read_regular(path, MAX_FILE_BYTES, "pack file")
        except FileRefused as exc:
            raise OSError(str(exc)) from None
    missing = [name for name in REQUIRED_FILES if name not in files]
    if missing:
        raise OSError(f"{source}: not a content pack (no {', '.join(missing)})")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write_atomic(folder / name, data)
    return folder
