"""A cache of validated packs keyed by the exact bytes of their files.

Reopening an unchanged pack skips parsing and validation: the key is a SHA-256 of
every file's name and content plus `FORMAT`, so any edit (or a new loader) misses.

Entries are JSON, not pickle: loading one builds only the model's own dataclasses
from plain values, so a planted file can at worst be refused, never run code. Each
entry carries an HMAC of its key and body under a secret kept in the cache folder
(created private to the user), so a file the app did not write — or one written for
other bytes — is rejected and removed. Entries are written atomically; the folder
keeps the newest `MAX_ENTRIES` within `MAX_BYTES`, older ones are pruned.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import hmac
import json
import operator
import os
import secrets
import stat
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from content import model
from content.dates import PartialDate
from content.fileio.atomic import write_atomic_steps
from content.fileio.reading import FileRefused, read_regular
from content.model import Pack

FORMAT = b"briefing-desk-pack-cache-6"
SUFFIX = ".pack.json"
MAX_ENTRIES = 6
MAX_BYTES = 200 * 1024 * 1024
SECRET_NAME = ".secret"


@contextlib.contextmanager
def gc_paused(keep: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Decoding or validating 10,000 events creates ~100,000 objects; each allocation
    burst triggers a collection that finds nothing (packs hold no cycles), which more
    than doubles the time. With `keep` (a pack loaded, not just checked) what was
    built is frozen out of the collector's view (`gc.freeze`): its first collection
    would walk all of it, 0.3 s at 100,000 events, and find nothing. Frozen objects
    are still freed when their references drop."""
    was_enabled = gc.isenabled()
    gc.disable()
    done = False
    try:
        yield
        done = True
    finally:
        if keep and done:
            gc.freeze()
        if was_enabled:
            gc.enable()


def cache_folder() -> Path:
    """Where cached packs live: `$BRIEFDESK_CACHE_DIR`, else the platform's cache
    folder: `%LOCALAPPDATA%` on Windows (the user's own profile), `~/Library/Caches`
    on macOS, the XDG cache folder elsewhere (`$XDG_CACHE_HOME` wins everywhere, as
    tests and sandboxes set it)."""
    explicit = os.environ.get("BRIEFDESK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif not base and sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    return Path(base or Path.home() / ".cache") / "briefing-desk" / "packs"


def key_for(files: dict[str, bytes], folder: Path | str | None = None) -> str:
    """The cache key of a pack's files in `folder`. The folder is part of it: a pack
    records where it was read from, and an identical copy elsewhere must not come back
    as this one (the window would watch and edit the copy)."""
    digest = hashlib.sha256(FORMAT)
    if folder is not None:
        where = str(Path(folder).resolve()).encode("utf-8", "surrogateescape")
        digest.update(b"folder\0" + where + b"\0")
    for name in sorted(files):
        data = files[name]
        digest.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


# -- encoding: a dataclass as the list of its fields, tuples as lists -------------
# Both directions follow the model's type hints, so decoding builds exactly the
# model's types and nothing else (a coder per field, once per class). Small values
# that repeat (`SHARED`: dates, citations) are written once each, in a table, and
# referred to by their place in it: 100,000 events hold a few thousand distinct ones,
# and their encoding costs a small multiple of `json.dumps`/`json.loads` of the data.
SHARED = (model.Citation, PartialDate)
Tables = dict[str, Any]  # class name -> {value: place} (encoding) or [values] (decoding)
Coder = Callable[[Any, Any], Any]  # (value, tables) -> value


def _fields(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.init and not f.name.startswith("_")]


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model) | {"PartialDate": PartialDate})


def encode(pack: Pack) -> Any:
    """`pack` as JSON-ready data: the pack itself and its shared tables."""
    return json.loads(b"".join(body_chunks(pack)))


BATCH = 1_000  # events encoded and written at a time (about 20 ms at 100,000)
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"),
                           check_circular=False)


def body_chunks(pack: Pack) -> Iterator[bytes]:
    """An entry's JSON text, `{"pack": …, "shared": …}`, in pieces of at most `BATCH`
    events: the whole text of a 100,000-event pack (65 MB, and as much again as
    bytes) is never held at once, nor all its events' lists. The events are written
    as blocks of columns (one list per field), read back by C-level `map`s."""
    tables: Tables = {cls.__name__: _Places() for cls in SHARED}
    skeleton = _record_encoder(Pack)(dataclasses.replace(pack, events=()), tables)
    at = _fields(Pack).index("events")
    skeleton[at] = mark = "\0events\0"
    head, tail = _dumps(skeleton).split(_dumps(mark))
    yield b'{"pack":' + head.encode() + b"["
    columns = _column_encoders(model.Event)
    for start in range(0, len(pack.events), BATCH):  # each batch: one list per field
        batch = pack.events[start:start + BATCH]
        block = _dumps([column(batch, tables) for column in columns])
        yield (b"," if start else b"") + block.encode()
    shared = {cls.__name__: [_record_encoder(cls)(v, tables) for v in tables[cls.__name__]]
              for cls in SHARED}
    yield b"]" + tail.encode() + b',"shared":' + _dumps(shared).encode() + b"}"


@functools.cache
def _record_encoder(cls: type) -> Coder:
    names = _fields(cls)
    hints = _hints(cls)
    coders = [(i, c) for i, c in enumerate(_encoder(hints[n]) for n in names) if c]
    fields_of = operator.attrgetter(*names)

    def write(value: Any, tables: Tables) -> list[Any]:
        values = list(fields_of(value)) if len(names) > 1 else [fields_of(value)]
        for i, code in coders:
            values[i] = code(values[i], tables)
        return values
    return write


def _encoder(hint: Any) -> Coder | None:
    """How to write a value of type `hint` (None: as it is)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, bool, float):
        return None
    if origin in (types.UnionType, typing.Union):
        inner = _encoder(next(a for a in args if a is not type(None)))
        return None if inner is None else (lambda v, t: None if v is None else inner(v, t))
    if origin is tuple:
        item = _encoder(args[0])
        if item is None:
            return lambda v, t: list(v)
        each: Coder = item
        return lambda v, t: [each(x, t) for x in v]
    if origin is dict:
        item = _encoder(args[1])
        return (lambda v, t: dict(v)) if item is None else (
            lambda v, t: {k: item(x, t) for k, x in v.items()})
    if hint in SHARED:
        name = hint.__name__
        return lambda v, t: t[name][v]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_encoder(hint)
    raise TypeError(f"no encoder for {hint!r}")


class _Places(dict):
    """A shared table while encoding: value -> its place, a new value taking the next."""

    def __missing__(self, value: Any) -> int:
        place = self[value] = len(self)
        return place


ColumnCoder = Callable[[Any, Tables], list[Any]]


@functools.cache
def _column_encoders(cls: type) -> list[ColumnCoder]:
    """For each field of `cls`: the column of that field over a batch of records
    (most fields pass through C-level `map`s, not Python code per record)."""
    return [_column_encoder(name, _hints(cls)[name]) for name in _fields(cls)]


def _column_encoder(name: str, hint: Any) -> ColumnCoder:
    get = operator.attrgetter(name)
    code = _encoder(hint)
    if code is None or _of_plain(hint, _encoder):  # JSON writes a tuple of text as a list
        return lambda batch, t: list(map(get, batch))
    if hint in SHARED:
        table = hint.__name__
        return lambda batch, t: list(map(t[table].__getitem__, map(get, batch)))
    each: Coder = code
    return lambda batch, t: [each(v, t) for v in map(get, batch)]


@functools.cache
def _column_decoders(cls: type) -> list[ColumnCoder]:
    """For each field of `cls`: its values from the column `_column_encoders` wrote."""
    return [_column_decoder(_hints(cls)[name]) for name in _fields(cls)]


def _column_decoder(hint: Any) -> ColumnCoder:
    code = _decoder(hint)
    if code is None:
        return lambda column, t: column
    if hint in SHARED:
        table = hint.__name__
        return lambda column, t: list(map(t[table].__getitem__, column))
    if _of_plain(hint, _decoder):
        return lambda column, t: list(map(tuple, column))
    each: Coder = code
    return lambda column, t: [each(v, t) for v in column]


def _of_plain(hint: Any, coder: Callable[[Any], Coder | None]) -> bool:
    """Whether `hint` is a tuple of values written as they are (text, numbers)."""
    return typing.get_origin(hint) is tuple and coder(typing.get_args(hint)[0]) is None


def decode(data: Any) -> Pack:
    """The pack `encode` wrote; data of any other shape raises ValueError, TypeError,
    KeyError or IndexError."""
    tables: Tables = {}
    for cls in SHARED:  # a shared record holds no shared field: any order will do
        build = _record_decoder(cls)
        tables[cls.__name__] = [build(item, tables) for item in data["shared"][cls.__name__]]
    record = data["pack"]
    at = _fields(Pack).index("events")
    blocks, record[at] = record[at], []
    events: list[model.Event] = []
    columns = _column_decoders(model.Event)
    for block in blocks:
        if type(block) is not list or len(block) != len(columns) or len(
                {len(column) for column in block}) > 1:
            raise ValueError("a block of events has columns of different lengths")
        events.extend(map(model.make_event, *(code(column, tables)
                                         for code, column in zip(columns, block,
                                                                 strict=True))))
    return dataclasses.replace(_record_decoder(Pack)(record, tables), events=tuple(events))


@functools.cache
def _record_decoder(cls: type) -> Coder:
    names = _fields(cls)
    hints = _hints(cls)
    coders = [(i, c) for i, c in enumerate(_decoder(hints[n]) for n in names) if c]
    count = len(names)

    def build(values: list[Any], tables: Tables) -> Any:
        if type(values) is not list or len(values) != count:
            raise ValueError(f"{cls.__name__} has {count} fields")
        for i, code in coders:
            values[i] = code(values[i], tables)
        return cls(*values)
    return build


def _decoder(hint: Any) -> Coder | None:
    """How to read back a value of type `hint` (None: take it as it is; the entry's
    HMAC already vouches for its shape)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, bool, float):
        return None
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return None if inner is None else (lambda v, t: None if v is None else inner(v, t))
    if origin is tuple:
        item = _decoder(args[0])
        if item is None:
            return lambda v, t: tuple(v)
        each: Coder = item
        return lambda v, t: tuple([each(x, t) for x in v])
    if origin is dict:
        item = _decoder(args[1])
        return (lambda v, t: dict(v)) if item is None else (
            lambda v, t: {k: item(x, t) for k, x in v.items()})
    if hint in SHARED:
        name = hint.__name__
        return lambda v, t: t[name][v]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    raise TypeError(f"no decoder for {hint!r}")


# -- the secret and the entries ------------------------------------------------------
def _secret(folder: Path, create: bool) -> bytes | None:
    """The folder's HMAC secret: 32 random bytes in a file only this user may read."""
    path = folder / SECRET_NAME
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        if not create:
            return None
        with contextlib.suppress(FileExistsError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW
                         | getattr(os, "O_BINARY", 0), 0o600)
            try:
                os.write(fd, secrets.token_bytes(32))
            finally:
                os.close(fd)
        return _secret(folder, create=False)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours_alone(info):
            return None  # not ours alone: trust no entry signed with it
        data = os.read(fd, 64)
    finally:
        os.close(fd)
    return data if len(data) == 32 else None


NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX: a symlink planted there is refused


def _ours_alone(info: os.stat_result) -> bool:
    """Whether the secret file is this user's alone. On POSIX: its owner is us and
    no one else may read or write it (mode 0600). Windows has neither owners by
    number nor those mode bits: the file is in the user's own profile folder
    (`%LOCALAPPDATA%`), which other users cannot open, and that is the promise."""
    if not hasattr(os, "getuid"):
        return True
    return not info.st_mode & 0o077 and info.st_uid == os.getuid()


def _mac(secret: bytes, key: str) -> hmac.HMAC:  # the body is added as written or read
    return hmac.new(secret, FORMAT + key.encode() + b"\n", hashlib.sha256)


def get(key: str, ready: Callable[[], object] | None = None) -> Pack | None:
    """The cached pack for `key`, or None when absent, foreign or unreadable (a foreign
    or damaged entry is removed); `ready()` is called before it is decoded."""
    folder = cache_folder()
    path = folder / f"{key}{SUFFIX}"
    secret = _secret(folder, create=False)
    if secret is None:
        return None
    try:  # a FIFO or device planted at the entry's name is refused, never opened blocking
        raw = read_regular(path, MAX_BYTES, "cache entry")
    except FileRefused:
        return None
    header, _, body = raw.partition(b"\n")
    del raw  # the entry is held once, not twice, while it is read
    mac = _mac(secret, key)
    mac.update(body)  # not concatenated to the key: a 65 MB body is not copied
    if not hmac.compare_digest(header, mac.hexdigest().encode()):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    if ready is not None:
        ready()
    try:
        with gc_paused(keep=True):  # a pack read is kept
            pack = decode(json.loads(body))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    return pack if isinstance(pack, Pack) else None


def put(key: str, pack: Pack) -> None:
    """Store `pack` under `key`, then prune; a cache that cannot be written is skipped."""
    for _ in put_steps(key, pack):
        pass


def put_steps(key: str, pack: Pack) -> Iterator[None]:
    """`put`, a batch of events per step: a window writes the entry between its frames
    once it is on screen (`desktop.shell.cache_writer`), never for longer than one
    batch. Closing the steps early writes nothing."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        secret = _secret(folder, create=True)
        if secret is None:
            return
        mac = _mac(secret, key)

        def write(fh: BinaryIO) -> Iterator[None]:
            fh.write(b"0" * mac.digest_size * 2 + b"\n")  # the HMAC, once it is known
            chunks = body_chunks(pack)
            while True:
                with gc_paused():  # the pack's million objects are walked by no collection
                    chunk = next(chunks, None)
                if chunk is None:
                    break
                mac.update(chunk)
                fh.write(chunk)
                yield
            fh.seek(0)
            fh.write(mac.hexdigest().encode())

        yield from write_atomic_steps(folder / f"{key}{SUFFIX}", write)
        prune(folder, keep=f"{key}{SUFFIX}")
    except OSError:
        pass


def prune(folder: Path, keep: str = "") -> int:
    """Remove all but the newest `MAX_ENTRIES` entries within `MAX_BYTES` (and every
    entry of an older format); returns how many were removed."""
    entries = []
    removed = 0
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name.endswith(".pickle"):  # the old format: never loaded again
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
            elif path.name.endswith(SUFFIX):
                with contextlib.suppress(OSError):
                    info = path.stat()
                    entries.append((path.name != keep, -info.st_mtime, info.st_size, path))
    entries.sort()
    total = 0
    for n, (_, _, size, path) in enumerate(entries):
        total += size
        if n >= MAX_ENTRIES or (total > MAX_BYTES and n > 0):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
