"""Loading a pack off the GUI thread, so a large pack never freezes the window.

Parsing and validating 10,000 events takes ~0.8 s the first time (after that the
content cache answers in ~60 ms). On a worker thread the window keeps painting and
answering input meanwhile: the loader is pure Python, which hands the interpreter
back every few milliseconds (the longest pause measured was ~40 ms).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:  # the content modules are imported by the load, off the first frame
    from content.errors import Problem
    from content.model import Pack

GO_ANYWAY_S = 2.0  # a prefetch parses after this even if never started


class PackLoad(QObject):
    """One load of the pack in `folder` (the embedded pack when None).

    `finished(pack)` or `failed(problems)` is emitted on the GUI thread, once. A
    problem that is not the content's (a bug, a disk error) is reported as a problem
    of the folder rather than lost on the worker thread."""

    finished = Signal(object)
    failed = Signal(list)
    _done = Signal()  # from the worker thread; delivered on the GUI thread

    def __init__(self, folder: Path | None, parent: QObject | None = None,
                 defer_cache: bool = False) -> None:
        super().__init__(parent)
        self.folder = folder
        # A pack read from its files leaves its cache entry to `write_cache`, once the
        # window is on screen (2.4 s of a first open at 100,000 events), if deferred.
        self.defer_cache = defer_cache
        self._cache_steps: Iterator[None] | None = None
        self._writing = False
        self._result: Pack | None = None
        self._problems: list[Problem] = []
        self._thread: threading.Thread | None = None
        self._worked = threading.Event()  # the worker has set its result
        self._go = threading.Event()  # parsing may begin, and the result be reported
        self._go.set()
        self._go_waiting = False  # the worker is at the gate (for tests)
        self._gone = threading.Event()  # deleted: the worker goes on, tells no one
        go, gone = self._go, self._gone  # not `self`: it is being destroyed then

        def let_go(*_: object) -> None:
            gone.set()
            go.set()

        self.destroyed.connect(let_go)
        self._reported = False
        self._done.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """Whether the load has started and not yet ended."""
        return self._thread is not None and not self._worked.is_set()

    def prefetch(self) -> None:
        """Begin on a worker thread with what leaves the interpreter free: reading and
        hashing the files, reading the cache entry, starting a large file's second
        process (`load_pack`'s `ready`). Parsing waits for `start()` (a window paints
        its first frame meanwhile), or for `GO_ANYWAY_S`; the result is reported only
        once started."""
        self._go.clear()
        self._launch()

    def start(self) -> None:
        """Begin loading on a worker thread, or let a prefetch go on."""
        self._go.set()
        if self._thread is None:
            self._launch()
        elif self._worked.is_set():
            self._report()

    def _launch(self) -> None:
        from content.yamlfast import prepare

        prepare()  # the fast reader's parser imported here, on the GUI (main) thread
        self._thread = threading.Thread(target=self._work, name="pack-load", daemon=True)
        self._thread.start()

    def wait(self) -> Pack:
        """Block until the load ends, report it now, and return the pack; raises
        `ContentError` with the problems when it failed. Not started yet: load here."""
        self._go.set()
        if self._thread is None:
            self._thread = threading.current_thread()
            self._work()
        self._worked.wait()
        self._report()
        if self._result is None:
            from content.errors import ContentError

            raise ContentError(self._problems)
        return self._result

    def _keep_steps(self, steps: Iterator[None]) -> None:
        self._cache_steps = steps

    @property
    def writing_cache(self) -> bool:
        """Whether a deferred cache entry is still to be written or being written."""
        return self._cache_steps is not None or self._writing

    def write_cache(self) -> None:
        """Write the loaded pack's cache entry now, a batch of events per turn of the
        event loop (about 20 ms each), so the window stays responsive meanwhile. A
        write that fails is dropped: the cache only saves the next open its parse."""
        steps, self._cache_steps = self._cache_steps, None
        if steps is None:
            return
        timer = QTimer(self, interval=0)
        self._writing = True

        def step() -> None:
            try:
                next(steps)
            except StopIteration:
                timer.stop()
                self._writing = False
            except Exception:  # a cache that cannot be written is skipped
                timer.stop()
                self._writing = False

        timer.timeout.connect(step)
        timer.start()

    def _work(self) -> None:
        from content.errors import ContentError, Problem
        from content.loader import load_pack  # imported here too: ~15 ms off the GUI

        def ready() -> None:  # never forever: a window closed early lets go of it
            # numpy's import (~70 ms) off the GUI too, once the files are read and a
            # large file's second process started (it is not kept waiting for this)
            from content.query import EventIndex

            del EventIndex
            self._go_waiting = True
            self._go.wait(GO_ANYWAY_S)
            self._go_waiting = False

        try:
            self._result = (load_pack(self.folder, later=self._keep_steps, ready=ready)
                            if self.defer_cache else load_pack(self.folder, ready=ready))
        except ContentError as exc:
            self._problems = list(exc.problems)
        except Exception as exc:  # reported on the GUI thread, never lost here
            where = str(self.folder or "the embedded pack")
            self._problems = [Problem(where, 0, 0, f"could not load: {exc}")]
        self._worked.set()
        if self._gone.is_set():  # the asker was closed and deleted meanwhile
            return
        with contextlib.suppress(RuntimeError):  # (or is being deleted now)
            self._done.emit()

    def _report(self) -> None:
        if self._reported or not self._worked.is_set() or not self._go.is_set():
            return
        self._reported = True
        if self._result is not None:
            self.finished.emit(self._result)
        else:
            self.failed.emit(self._problems)


def prefetched(folder: Path | None, parent: QObject) -> PackLoad | None:
    """A large pack's load, begun while the window builds its first frame
    (`PackLoad.prefetch`), or None: a pack small enough to be read in one process
    starts as ever, after that frame (its start-up is not slowed by a second
    thread's imports)."""
    if folder is None:  # the embedded pack is small: nothing to split, nothing imported
        return None
    from content.yamlhalf import SPLIT_BYTES

    try:
        large = (folder / "events.yaml").stat().st_size >= SPLIT_BYTES
    except OSError:  # the load says what is wrong
        large = False
    if not large:
        return None
    load = PackLoad(folder, parent, defer_cache=True)
    load.prefetch()
    return load
