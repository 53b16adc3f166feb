"""Building a window in steps on the event loop, so that its first frame comes first.

The main window is painted with empty panes, then each pane is built in a turn of
its own: between steps the event loop paints what was built and answers input. A
step may pause the run while work happens elsewhere (the pack loading on a worker
thread) and the run resumes when that work reports. Anything that needs the whole
window calls `finish()`, which builds the rest at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

FALLBACK_MS = 100  # start even if the window is shown without being painted


class Waitable(Protocol):
    """Work a step started elsewhere; `wait()` blocks until it has reported."""

    def wait(self) -> object: ...


class StartSteps(QObject):
    """Runs `steps` in order, one per turn of the event loop."""

    broke = Signal()
    """A step raised (a bug, not bad content); no further step runs."""

    def __init__(self, steps: list[Callable[[], None]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._waiting: Waitable | None = None
        self._queued = False
        self.stopped = False

    @property
    def pending(self) -> bool:
        """Whether steps remain, or a step is waiting for its work to report."""
        return bool(self._steps) or self._waiting is not None

    def queue(self) -> None:
        """Run the next step after the events already waiting (the paint of what
        the last step built, input)."""
        if self._steps and not self.stopped and not self._queued and self._waiting is None:
            self._queued = True
            QTimer.singleShot(0, self._next)

    def queue_soon(self) -> None:
        """Start shortly even if nothing calls `queue()` (a window shown minimised)."""
        QTimer.singleShot(FALLBACK_MS, self.queue)

    def wait_for(self, work: Waitable, meanwhile: Callable[[], object] | None = None
                 ) -> None:
        """Called by a step: pause the run until `resume()` (or `stop()`). `meanwhile`
        is what the next steps would do first anyway and needs nothing the work
        makes (importing their modules): it runs on the next turn, while the work goes
        on elsewhere, in time a worker waiting on its files or a child process
        leaves free."""
        self._waiting = work
        if meanwhile is not None:
            QTimer.singleShot(0, lambda: None if self.stopped or self._waiting is not work
                              else meanwhile())

    def resume(self) -> None:
        """The work waited for has reported: go on with the next step."""
        self._waiting = None
        self.queue()

    def stop(self) -> None:
        """Run nothing more (the pack was refused, the window closed)."""
        self.stopped = True
        self._waiting = None

    def finish(self) -> bool:
        """Run every remaining step now, waiting for work where a step waits; False
        if the run was stopped instead."""
        while not self.stopped:
            if self._waiting is not None:
                work = self._waiting
                work.wait()  # reports at once, which resumes or stops the run
                if self._waiting is work:  # nobody resumed: do not wait for it again
                    self._waiting = None
            elif self._steps:
                self._run()
            else:
                break
        return not self.stopped

    def _next(self) -> None:
        self._queued = False
        if self._steps and not self.stopped and self._waiting is None:
            self._run()
            self.queue()

    def _run(self) -> None:
        try:
            self._steps.pop(0)()
        except Exception:
            self.stopped = True
            self.broke.emit()
            raise
