"""Loading a pack off the GUI thread, so a large pack never freezes the window.

Parsing and validating 10,000 events takes ~0.8 s the first time (after that the
content cache answers in ~60 ms). On a worker thread the window keeps painting and
answering input meanwhile: the loader is pure Python, which hands the interpreter
back every few milliseconds (the longest pause measured was ~40 ms).
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

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

    def __init__(self, folder: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
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

    def _work(self) -> None:
        from content.loader import load_pack  # imported here too: ~15 ms off the GUI

        try:
            self._result = load_pack(self.folder)
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
