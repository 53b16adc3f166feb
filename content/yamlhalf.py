"""A large events file read in two processes, each half by one.

yaml-rs holds the interpreter lock while it parses, so two threads read no faster
than one: at 100,000 events its parse and the events built from it are most of a
first open. On a machine with two cores or more, a file of `SPLIT_BYTES` or more is
cut where a record's line starts near its middle. This process reads the first part
as ever while a child process reads the second: it screens and parses it with the
fast reader and builds its plain events (`content.fastevents`), and hands back
those events as plain tuples, the records it left for the general checks, and the
ids they named.

Both parts must be read fast, and hold nothing but `key` and its records (another
top-level key before the cut shows in the first part, after it in the second): a
quoted scalar or a flow collection open across the cut leaves the first part
unterminated, which the fast reader refuses. Whatever goes wrong (no cut, a part the
fast reader declines, a child that cannot start or dies) leaves the file to be read
whole, in this process, as if it had never been cut.

The child is this module run by the same interpreter (`python -m content.yamlhalf`)
or, in the app bundle, the app itself (`--read-half`). It reads the part from its
standard input and writes one pickle to its standard output: it is our own process,
given our own bytes, so its answer is trusted as our own memory would be.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

SPLIT_BYTES = 16 * 1024 * 1024  # ~22,000 events: below that a child costs what it saves
CHILD_SHARE = 0.42  # the child also starts an interpreter and pickles its answer
HALF_FLAG = "--read-half"  # how the app bundle is asked to be the child
Built = tuple[Any, ...]  # an event as `QuickEvents.plain` gives it


@dataclass
class Tail:
    """What the child read: events built, records left, and ids named (by kind)."""

    built: list[Built]
    declined: list[dict]
    used: dict[str, list[str]]


def cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def first_item(data: bytes, key: str) -> tuple[int, int] | None:
    """Where the first item of the block list under `key` stands, when `data` begins
    with `key:` and that list (blank lines before it): its line's offset and its
    indentation. None otherwise."""
    prefix = key.encode() + b":\n"
    if not data.startswith(prefix):
        return None
    line = len(prefix)
    while data[line:line + 1] == b"\n":
        line += 1
    indent = 0
    while data[line + indent:line + indent + 1] == b" ":
        indent += 1
    return (line, indent) if data[line + indent:line + indent + 2] == b"- " else None


def cut(data: bytes, key: str) -> int | None:
    """Where the second part of `data` (`key:` and its records) may start, or None."""
    found = first_item(data, key) if len(data) >= SPLIT_BYTES else None
    if found is None:
        return None
    at = data.find(b"\n" + b" " * found[1] + b"- ", int(len(data) * (1 - CHILD_SHARE)))
    return None if at < 0 else at + 1


class HalfRead:
    """The second part of one file, being read by a child process."""

    def __init__(self, data: bytes, at: int, key: str) -> None:
        self.head = data[:at]
        self.key = key
        self._child: subprocess.Popen[bytes] | None = None
        try:
            self._child = subprocess.Popen(
                _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1],
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except (OSError, ValueError):
            return
        # Written by a thread (a pipe's write lets go of the interpreter lock), so this
        # process reads its own part while the child starts and takes its in.
        # The child is told the key, then given `key:` and the records after the cut.
        pieces = (key.encode() + b"\n", data[:len(key) + 2], memoryview(data)[at:])
        self._writer = threading.Thread(target=_feed, args=(self._child.stdin, pieces),
                                        name="half-read-feed", daemon=True)
        self._writer.start()

    @classmethod
    def start(cls, data: bytes | None, key: str) -> HalfRead | None:
        """A child reading the second part of `data`, or None when it is read whole."""
        if data is None or cores() < 2:
            return None
        at = cut(data, key)
        return None if at is None else cls(data, at, key)

    def result(self) -> Tail | None:
        """The child's answer (waiting for it), or None when the file is to be read whole."""
        child = self._child
        if child is None:
            return None
        try:
            assert child.stdout is not None
            out = child.stdout.read()
            if child.wait() != 0:
                return None
            answer = pickle.loads(out)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError):
            return None
        finally:
            self.close()
        return None if answer is None else Tail(*answer)

    def close(self) -> None:
        """Stop the child if it still runs (the read was given up), and let go of its
        pipes."""
        child, self._child = self._child, None
        if child is None:
            return
        if child.poll() is None:
            child.kill()
            child.wait()
        self._writer.join()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()


def _feed(pipe: IO[bytes] | None, pieces: tuple[bytes | memoryview, ...]) -> None:
    """Write `pieces` to the child and close its input (a child gone early is no
    matter: its exit code says the read failed)."""
    if pipe is None:
        return
    with contextlib.suppress(OSError, ValueError):
        for piece in pieces:
            pipe.write(piece)
    with contextlib.suppress(OSError, ValueError):
        pipe.close()


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # the app bundle: it knows the flag
        return [sys.executable, HALF_FLAG]
    return [sys.executable, "-m", "content.yamlhalf"]


def read_part(part: bytes, key: str) -> Tail | None:
    """The child's work: the fast reading of `part` and its plain events built."""
    from content.builder import in_order
    from content.cache import gc_paused
    from content.fastevents import QuickEvents
    from content.fields import Shared
    from content.yamlfast import read_fast_bytes, walked

    with gc_paused():
        value = read_fast_bytes(part, key)
        if type(value) is not dict or list(value) != [key] or type(value[key]) is not list:
            return None
        quick = QuickEvents(Shared())
        built: list[Built] = []
        declined: list[dict] = []
        for record in value[key]:
            if type(record) is not dict:
                return None  # the general checks word it, from the whole file
            event = quick.plain(record)
            if event is not None:
                built.append(event)
            elif walked(record):
                declined.append(record)
            else:
                return None
        in_order(built, itemgetter(1), itemgetter(0))  # sorted here, merged there
        return Tail(built, declined, {kind: list(ids) for kind, ids in quick.used.items()})


def main() -> int:
    """Read a part from standard input, answer on standard output."""
    data = sys.stdin.buffer.read()
    key, _, part = data.partition(b"\n")
    tail = read_part(part, key.decode("ascii", "replace"))
    answer = None if tail is None else (tail.built, tail.declined, tail.used)  # plain data
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
