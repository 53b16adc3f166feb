"""Start-up steps: one per turn of the event loop, in order, pausing for work done
elsewhere, finished at once on demand, stopped for good."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.shell.start_steps import StartSteps


class Work:
    """Stands for a pack load: `wait()` reports, which resumes the steps."""

    def __init__(self, steps: StartSteps) -> None:
        self.steps = steps
        self.waited = False

    def wait(self) -> None:
        self.waited = True
        self.steps.resume()


def test_steps_run_in_order_one_per_turn(qtbot) -> None:
    done: list[int] = []
    steps = StartSteps([lambda: done.append(1), lambda: done.append(2)])
    steps.queue()
    assert done == []  # nothing runs before the event loop turns
    qtbot.waitUntil(lambda: done == [1, 2])
    assert not steps.pending


def test_a_waiting_step_pauses_the_run_until_resumed(qtbot) -> None:
    done: list[str] = []
    steps = StartSteps([lambda: (done.append("load"), steps.wait_for(Work(steps))),
                        lambda: done.append("map")])
    steps.queue()
    qtbot.waitUntil(lambda: done == ["load"])
    steps.queue()
    steps._next()  # a turn of the loop while the work is out: it runs nothing
    assert done == ["load"] and steps.pending
    steps.resume()
    qtbot.waitUntil(lambda: done == ["load", "map"])


def test_what_the_next_steps_need_first_is_done_while_the_work_is_out(qtbot) -> None:
    """The panes' modules are imported while the pack loads, not after it."""
    done: list[str] = []
    steps = StartSteps([lambda: (done.append("load"),
                                 steps.wait_for(Work(steps), lambda: done.append("import"))),
                        lambda: done.append("map")])
    steps.queue()
    qtbot.waitUntil(lambda: done == ["load", "import"])
    assert steps.pending  # still waiting for the work
    steps.resume()
    qtbot.waitUntil(lambda: done == ["load", "import", "map"])


def test_nothing_is_done_meanwhile_for_work_already_in(qtbot) -> None:
    done: list[str] = []
    steps = StartSteps([lambda: (steps.wait_for(Work(steps), lambda: done.append("import")),
                                 steps.resume()), lambda: done.append("map")])
    steps.queue()
    qtbot.waitUntil(lambda: done == ["map"])
    qtbot.wait_until(lambda: not steps.pending)
    # a stopped run does nothing meanwhile either
    stopped = StartSteps([lambda: (stopped.wait_for(Work(stopped),
                                                    lambda: done.append("late")),
                                   stopped.stop())])
    stopped.queue()
    qtbot.waitUntil(lambda: stopped.stopped)
    QApplication.processEvents()
    QApplication.processEvents()
    assert done == ["map"]


def test_finish_runs_everything_now_and_waits_for_work() -> None:
    done: list[str] = []
    works: list[Work] = []
    steps = StartSteps([lambda: (works.append(Work(steps)), steps.wait_for(works[0])),
                        lambda: done.append("map")])
    assert steps.finish() is True
    work = works[0]
    assert work.waited and done == ["map"] and not steps.pending


def test_a_stopped_run_builds_nothing_more() -> None:
    done: list[int] = []
    steps = StartSteps([lambda: done.append(1)])
    steps.stop()
    assert steps.finish() is False and done == []


def test_a_broken_step_stops_the_run_and_says_so(qtbot) -> None:
    done: list[int] = []
    steps = StartSteps([lambda: 1 / 0, lambda: done.append(2)])
    with qtbot.waitSignal(steps.broke), pytest.raises(ZeroDivisionError):
        steps.finish()
    assert steps.finish() is False and done == []
