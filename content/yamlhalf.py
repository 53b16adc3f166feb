"""A large events file read in two processes, each half by one.

yaml-rs holds the interpreter lock while it parses, so two threads read no faster
than one: at 100,000 events its parse and the events built from it are most of a
first open. On a machine with two cores or more, a file of `SPLIT_BYTES` or more is
cut where a record's line starts near its middle. This process reads the first part
as ever while a child process reads the second: it screens and parses it with the
fast reader, builds its plain events (`content.fastevents`) and puts them in order,
and hands them back as columns (`_answer`), with the records it left for the general
checks and the ids they named. This process rebuilds them as events sharing its own
dates and citations (`rebuilt`) and merges the two runs.

Both parts must be read fast, and hold nothing but `key` and its records (another
top-level key before the cut shows in the first part, after it in the second): a
quoted scalar or a flow collection open across the cut leaves the first part
unterminated, which the fast reader refuses. Whatever goes wrong (no cut, a part the
fast reader declines, a child that cannot start or dies) leaves the file to be read
whole, in this process, as if it had never been cut.

The child is this module run by the same interpreter (`python -m content.yamlhalf`)
or, in the app bundle, the app itself (`--read-half`). It reads the part from its
standard input and writes one pickle to its standard output: it is our own process,
given our own bytes, so its answer is trusted as our own memory would be (though an
answer that does not hold together has the file read whole). It is started as soon
as the files are read, and given its part once the cache has not the pack: a pack
the cache has stops a child that has only started up.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:  # not imported with this module: a window's first frame asks SPLIT_BYTES
    from content.fastevents import QuickEvents
    from content.model import Event

SPLIT_BYTES = 16 * 1024 * 1024  # ~22,000 events: below that a child costs what it saves
CHILD_SHARE = 0.42  # the child also starts an interpreter and pickles its answer
HALF_FLAG = "--read-half"  # how the app bundle is asked to be the child
Built = tuple[Any, ...]  # an event as `QuickEvents.plain` gives it
Answer = tuple[Any, ...]  # the child's answer, plain data (`_answer`)
_NOTHING = "\0"  # joins texts: ids and the text kept by `QuickEvents` never hold it


@dataclass
class Tail:
    """What the child read, rebuilt here: its plain events in order with their sort
    keys (`builder.in_order`), the records it left, and the ids they named (by kind)."""

    events: list[Event]
    keys: list[tuple[int, str]]
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
        import subprocess  # here, not at import: a window's first frame has no use for it

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
        # process reads its own part while the child takes its in; not before `feed`.
        # The child is told the key, then given `key:` and the records after the cut.
        pieces = (key.encode() + b"\n", data[:len(key) + 2], memoryview(data)[at:])
        self._writer = threading.Thread(target=_feed, args=(self._child.stdin, pieces),
                                        name="half-read-feed", daemon=True)

    def feed(self) -> None:
        """Give the child its part (once): until then it only starts up, so a load
        the cache answers stops a child that has done nothing."""
        if self._child is not None and self._writer.ident is None:
            self._writer.start()

    @classmethod
    def start(cls, data: bytes | None, key: str, feed: bool = True) -> HalfRead | None:
        """A child reading the second part of `data` (given it now, or at `feed()`),
        or None when it is read whole."""
        if data is None or cores() < 2:
            return None
        at = cut(data, key)
        if at is None:
            return None
        half = cls(data, at, key)
        if feed:
            half.feed()
        return half

    def result(self, quick: QuickEvents) -> Tail | None:
        """The child's answer (waiting for it), its events built sharing `quick`'s
        dates and citations; None when the file is to be read whole."""
        import pickle

        self.feed()
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
        return None if answer is None else rebuilt(answer, quick)

    def close(self) -> None:
        """Stop the child if it still runs (the read was given up), and let go of its
        pipes."""
        child, self._child = self._child, None
        if child is None:
            return
        if child.poll() is None:
            child.kill()
            child.wait()
        if self._writer.ident is not None:
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


def read_part(part: bytes, key: str, keep: list[Any] | None = None) -> Answer | None:
    """The child's work: the fast reading of `part`, its plain events built and put
    in order, as plain data (`_answer`); None when it is to be read whole. What was
    parsed is put in `keep`, if given: a child about to exit does not free it (0.2 s
    at 40,000 records)."""
    from content.builder import in_order
    from content.cache import gc_paused
    from content.fastevents import QuickEvents
    from content.fields import Shared
    from content.yamlfast import read_fast_bytes, walked

    with gc_paused():
        quick = QuickEvents(Shared())
        value = read_fast_bytes(part, key, quick.laid)
        if keep is not None:
            keep.append(value)
        if type(value) is not dict or list(value) != [key] or type(value[key]) is not list:
            return None
        built: list[Built] = []
        declined: list[dict] = []
        for record in value[key]:
            if type(record) is tuple:  # laid out, built as it was read
                built.append(record)
                continue
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
        return _answer(built, declined, quick)


def _answer(built: list[Built], declined: list[dict], quick: QuickEvents) -> Answer | None:
    """The events as columns, cheap to pickle and to unpickle: texts joined into one
    string each; dates and citations as the words that wrote them, each once, and
    every event's as places among those; lists of ids as they are (pickle writes
    each id once). 100,000 events' tuples as they were cost 0.2 s to pickle, most of
    it for their dates and citations, which are objects."""
    columns = list(zip(*built, strict=True)) if built else [()] * 9
    ids, dates, titles, summaries, sections, citations, places, actors, ends = columns
    written: dict[int, Any] = {id(date): key for key, date in quick.shared.dates.items()}
    written[id(None)] = None
    cited = [item for cites in citations for item in cites]
    try:
        date_words, date_codes = _coded(dates + ends, written)
        cite_words, cite_codes = _coded(cited, {id(citation): text for text, citation
                                                in quick.shared.cited.items()})
    except KeyError:  # built from nothing the tables know (a bug): read whole
        return None
    return (len(built), _NOTHING.join(ids), _NOTHING.join(titles), _NOTHING.join(summaries),
            date_words, date_codes, cite_words, cite_codes,
            array("i", map(len, citations)).tobytes(), sections, places, actors, declined,
            {kind: list(named) for kind, named in quick.used.items()})


def _coded(column: Sequence[Any], words: dict[int, Any]) -> tuple[list[Any], bytes]:
    """The distinct objects of `column` (by identity) as `words` wrote them, in the
    order they first occur, and each item's place among them (int32s)."""
    addresses = list(map(id, column))
    place_of = dict(zip(dict.fromkeys(addresses), itertools.count()))
    return (list(map(words.__getitem__, place_of)),
            array("i", map(place_of.__getitem__, addresses)).tobytes())


def rebuilt(answer: Answer, quick: QuickEvents) -> Tail | None:
    """The child's answer as events, their dates and citations this process's own
    (`quick`'s tables: equal ones are one object across both halves); None when it
    does not hold together (the file is then read whole)."""
    from content.model import make_event

    try:
        (count, ids, titles, summaries, date_words, date_codes, cite_words, cite_codes,
         cite_counts, sections, places, actors, declined, used) = answer
        dates: list[Any] = [None if word is None else quick.shared.date(*word)
                            for word in date_words]
        firsts: list[Any] = [None if date is None else date.first_day().toordinal()
                             for date in dates]
        cites = [quick.citation(text) for text in cite_words]
        at, per_event = _ints(date_codes), _ints(cite_counts)
        stops = list(itertools.accumulate(per_event))
        flat = list(map(cites.__getitem__, _ints(cite_codes)))
        columns = [_split(ids, count), list(map(dates.__getitem__, at[:count])),
                   _split(titles, count), _split(summaries, count), sections,
                   list(map(tuple, map(flat.__getitem__, map(slice, [0, *stops], stops)))),
                   places, actors, list(map(dates.__getitem__, at[count:]))]
        if (any(len(column) != count for column in columns) or None in cites
                or len(per_event) != count or (stops[-1] if stops else 0) != len(flat)):
            return None
        events = list(map(make_event, *columns))
        return Tail(events, list(zip(map(firsts.__getitem__, at[:count]), columns[0],
                                     strict=True)), declined, used)
    except (TypeError, ValueError, IndexError):
        return None


def _ints(data: bytes) -> array[int]:
    out = array("i")
    out.frombytes(data)
    return out


def _split(text: str, count: int) -> list[str]:
    return text.split(_NOTHING) if count else []


def main() -> NoReturn:
    """Read a part from standard input, answer on standard output, and end at once:
    what was built is not freed one object at a time."""
    import pickle

    data = sys.stdin.buffer.read()
    key, _, part = data.partition(b"\n")
    parsed: list[Any] = []
    answer = read_part(part, key.decode("ascii", "replace"), parsed)
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
