"""Load a content pack folder into a validated `Pack`, or raise `ContentError`.

A pack is `pack.yaml`, `sections.yaml`, `events.yaml`, `places.yaml`, `actors.yaml`,
`sources.yaml` and optionally `members.yaml` (NATO accessions for the map). Every
problem in every file is collected, cross-references included, and reported
together as `FILE:LINE:COL: message`. Nothing but `ContentError` leaves `load_pack`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from content import cache
from content.builder import PackBuilder
from content.errors import ContentError, ContentErrors, Problem
from content.fastevents import QuickEvents
from content.fields import Shared
from content.fileio.atomic import protect
from content.model import Pack
from content.packfiles import (  # re-exported: most readers of a pack import these here
    default_pack_folder,
    read_pack_files,
)
from content.yamlfast import read_all_fast, read_fast_bytes
from content.yamlhalf import HalfRead
from content.yamllayout import Groups
from content.yamlread import decode, read_yaml_text

# Files whose fast-read records the builder vouches for or walks (`yamlfast.walked`)
_VOUCHED = {"events.yaml": "events"}
_KIND_OF_FILE = {"sections.yaml": "section", "places.yaml": "place", "actors.yaml": "actor",
                 "sources.yaml": "source"}


def load_pack(folder: Path | str | None = None, use_cache: bool = True,
              later: Callable[[Iterator[None]], object] | None = None,
              ready: Callable[[], object] | None = None) -> Pack:
    """Load and validate the pack in `folder` (the embedded pack when None). A pack
    read from its files is cached at once, or, given `later`, handed the steps that
    write its entry (`cache.put_steps`) to run when the caller has time.

    `ready()` is called once the files are read and hashed, the cache entry read and
    a large events file's second process started (work that leaves the interpreter
    free), and before any parsing or decoding (which holds it): a window starting up
    blocks there until its first frame is painted."""
    folder = Path(folder) if folder is not None else default_pack_folder()
    files = read_pack_files(folder)
    protect((folder / name for name in files), folder)  # no export may write over it
    # A large file's second process starts up while the key is worked out (64 ms at
    # 70 MB, on a core it leaves idle), and is given its part if the cache has not
    # the pack; a pack the cache has stops it.
    half = HalfRead.start(files.get("events.yaml"), "events", feed=False)
    try:
        key = cache.key_for(files, folder)
        cached = cache.get(key, ready) if use_cache else None
        if cached is not None:
            return cached
        if half is not None:
            half.feed()
        with cache.gc_paused(keep=True):
            pack = build_pack(folder, files, ready, half)
    finally:
        if half is not None:
            half.close()
    if use_cache and later is not None:
        later(cache.put_steps(key, pack))
    elif use_cache:
        cache.put(key, pack)
    return pack


def build_pack(folder: Path, files: dict[str, bytes],
               ready: Callable[[], object] | None = None,
               half: HalfRead | None = None) -> Pack:
    """Parse and validate already-read pack files, `half` the second part of their
    events file if a child process already reads it (`HalfRead.start`).

    Files are first read by the fast reader where it can vouch for them
    (`content.yamlfast`). Its values carry no positions, so a pack with any problem
    has those files read again carefully, and is reported from that reading. The
    cyclic collector is paused meanwhile (`cache.gc_paused`), whoever asks: an
    import validating the pack it would write is as fast as a load.
    """
    with cache.gc_paused():
        return _build_pack(folder, files, ready=ready, half=half)


def _build_pack(folder: Path, files: dict[str, bytes], split: bool = True,
                ready: Callable[[], object] | None = None,
                half: HalfRead | None = None) -> Pack:
    problems: list[Problem] = []
    plain = QuickEvents(Shared())  # builds the laid-out events as they are read
    first, half = _read_fast(folder, files, split, ready, half, plain.laid)
    if first is not None:
        parsed, quick = first
        builder = PackBuilder(folder, parsed, problems, set(), half, plain)
        try:
            pack = builder.build()
        finally:
            if half is not None:
                half.close()
        if builder.cut_failed:  # the child could not vouch for its half: read it whole
            return _build_pack(folder, files, split=False)
        if pack is not None and not problems:
            return pack
        if not quick:
            _raise(problems)
        problems = []
        for name in quick:  # every value placed: the same problems, now located
            shown = str(folder / name)
            parsed[name] = read_yaml_text(decode(files[name], shown), shown)
    else:
        parsed = {}
        for name, data in files.items():
            shown = str(folder / name)
            try:
                parsed[name] = read_yaml_text(decode(data, shown), shown)
            except ContentError as exc:
                problems.extend(exc.problems)
    # Files that parsed are still validated; references into a broken file are not
    # checked, since they would all look unknown.
    unchecked = {_KIND_OF_FILE[n] for n in files if n not in parsed and n in _KIND_OF_FILE}
    pack = PackBuilder(folder, parsed, problems, unchecked).build()
    _raise(problems)
    assert pack is not None
    return pack


def _read_fast(folder: Path, files: dict[str, bytes], split: bool,
               ready: Callable[[], object] | None = None, half: HalfRead | None = None,
               build: Callable[[Groups], Any] | None = None
               ) -> tuple[tuple[dict[str, Any], list[str]] | None, HalfRead | None]:
    """`read_all_fast`, with a large events file's second half being read by a child
    process meanwhile (`half`, else started here unless not `split`:
    `content.yamlhalf`; the builder takes its answer), the events file's laid-out
    records made by `build`. A first half the fast reader declines has the file read
    whole."""
    if half is None and split:
        half = HalfRead.start(files.get("events.yaml"), "events")
    if ready is not None:
        ready()
    if half is None:
        return read_all_fast(folder, files, _VOUCHED, build), None
    head = read_fast_bytes(half.head, "events", build)
    if type(head) is not dict or list(head) != ["events"]:  # another key before the cut
        head = None
    rest = read_all_fast(folder, {n: d for n, d in files.items() if n != "events.yaml"},
                         _VOUCHED) if head is not None else None
    if rest is None:
        half.close()
        return read_all_fast(folder, files, _VOUCHED, build), None
    parsed, quick = rest
    parsed["events.yaml"] = head
    quick.append("events.yaml")
    return (parsed, quick), half


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ContentErrors(sorted(problems, key=lambda p: (p.file, p.line, p.column)))


