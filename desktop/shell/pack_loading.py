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

from content.errors import ContentError, Problem

if TYPE_CHECKING:
    from content.model import Pack


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
        self._reported = False
        self._done.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """Whether the load has started and not yet ended."""
        return self._thread is not None and not self._worked.is_set()

    def start(self) -> None:
        """Begin loading on a worker thread."""
        self._thread = threading.Thread(target=self._work, name="pack-load", daemon=True)
        self._thread.start()

    def wait(self) -> Pack:
        """Block until the load ends, report it now, and return the pack; raises
        `ContentError` with the problems when it failed. Not started yet: load here."""
        if self._thread is None:
            self._thread = threading.current_thread()
            self._work()
        self._worked.wait()
        self._report()
        if self._result is None:
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
        from content.loader import load_pack  # imported here too: ~15 ms off the GUI
        from content.query import EventIndex  # and numpy's import (~70 ms) with it

        del EventIndex

        try:
            self._result = (load_pack(self.folder, later=self._keep_steps)
                            if self.defer_cache else load_pack(self.folder))
        except ContentError as exc:
            self._problems = list(exc.problems)
        except Exception as exc:  # reported on the GUI thread, never lost here
            where = str(self.folder or "the embedded pack")
            self._problems = [Problem(where, 0, 0, f"could not load: {exc}")]
        self._worked.set()
        with contextlib.suppress(RuntimeError):  # the asker was closed and deleted meanwhile
            self._done.emit()

    def _report(self) -> None:
        if self._reported or not self._worked.is_set():
            return
        self._reported = True
        if self._result is not None:
            self.finished.emit(self._result)
        else:
            self.failed.emit(self._problems)
