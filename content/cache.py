"""A cache of validated packs keyed by the exact bytes of their files.

Reopening an unchanged pack skips parsing and validation: the key is a SHA-256 of
every file's name and content plus `FORMAT`, so any edit (or a new loader) misses.
Entries live in the user's cache folder and are written atomically; a damaged entry
is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

from content.fileio.atomic import write_atomic
from content.model import Pack

FORMAT = b"briefing-desk-pack-cache-1"


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Unpickling or validating 10,000 events creates ~100,000 objects; each allocation
    burst triggers a collection that finds nothing (packs hold no cycles), which more
    than doubles the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_folder() -> Path:
    """Where cached packs live: `$BRIEFDESK_CACHE_DIR`, else the XDG cache folder."""
    explicit = os.environ.get("BRIEFDESK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing-desk" / "packs"


def key_for(files: dict[str, bytes]) -> str:
    """The cache key of a pack's files."""
    digest = hashlib.sha256(FORMAT)
    for name in sorted(files):
        data = files[name]
        digest.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def get(key: str) -> Pack | None:
    """The cached pack for `key`, or None when absent or unreadable."""
    path = cache_folder() / f"{key}.pickle"
    try:
        with path.open("rb") as fh, gc_paused():
            pack = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return pack if isinstance(pack, Pack) else None


def put(key: str, pack: Pack) -> None:
    """Store `pack` under `key`; a cache that cannot be written is silently skipped."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{key}.pickle", pickle.dumps(pack, pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
