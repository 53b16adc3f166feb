"""Loading figures: first load against PyYAML's C loader, reopening against json.loads."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import yaml

from benchmarks.timing import best
from content.dump import pack_to_dict
from content.loader import load_pack


def first_load(folder: Path) -> tuple[float, float]:
    """(our validated load without cache, PyYAML CSafeLoader parsing the same files)."""
    files = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))]
    ours = best(lambda: load_pack(folder, use_cache=False))
    floor = best(lambda: [yaml.load(text, Loader=yaml.CSafeLoader) for text in files])
    return ours, floor


def reopen(folder: Path) -> tuple[float, float]:
    """(reopening the unchanged pack from the cache, json.loads of the same data)."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["BRIEFDESK_CACHE_DIR"] = cache
        pack = load_pack(folder)  # fills the cache
        ours = best(lambda: load_pack(folder), 5)
    text = json.dumps(pack_to_dict(pack))
    floor = best(lambda: json.loads(text), 5)
    return ours, floor
