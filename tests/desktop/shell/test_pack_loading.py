"""Loading a pack off the GUI thread: the window keeps going, results arrive on the
GUI thread, problems are reported, never lost on the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer

from benchmarks.synthetic import write_pack
from content.errors import ContentError
from desktop.shell.pack_loading import PackLoad


def test_the_pack_arrives_on_the_gui_thread(qtbot, pack_copy: Path) -> None:
    load = PackLoad(pack_copy)
    threads: list[QThread] = []
    load.finished.connect(lambda pack: threads.append(QThread.currentThread()))
    with qtbot.waitSignal(load.finished, timeout=10_000) as got:
        load.start()
    assert got.args[0].info.title == "Azerbaijan and NATO"
    assert threads == [load.thread()]


def test_the_window_keeps_going_while_a_large_pack_loads(qtbot, tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "big", 3_000)  # not cached: parsed and validated
    ticks: list[int] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    load = PackLoad(folder)
    with qtbot.waitSignal(load.finished, timeout=30_000) as got:
        load.start()
        assert load.running
    timer.stop()
    assert len(got.args[0].events) == 3_000
    assert len(ticks) >= 3, "the GUI thread was blocked for the whole load"


def test_problems_are_reported_and_wait_raises_them(qtbot, pack_copy: Path) -> None:
    (pack_copy / "events.yaml").write_text("events: [\n", encoding="utf-8")
    load = PackLoad(pack_copy)
    with qtbot.waitSignal(load.failed, timeout=10_000) as got:
        load.start()
    assert "events.yaml" in str(got.args[0][0])
    with pytest.raises(ContentError, match=r"events\.yaml"):
        PackLoad(pack_copy).wait()  # never started: loads right here


def test_a_bug_in_the_loader_is_a_problem_not_a_lost_thread(qtbot, pack_copy: Path,
                                                            monkeypatch) -> None:
    import content.loader

    def broken(folder):
        raise MemoryError("out of memory")

    monkeypatch.setattr(content.loader, "load_pack", broken)
    load = PackLoad(pack_copy)
    with qtbot.waitSignal(load.failed, timeout=10_000) as got:
        load.start()
    assert "could not load: out of memory" in str(got.args[0][0])


def test_a_deferred_cache_entry_is_written_between_frames(qtbot, tmp_path: Path) -> None:
    """The window shows a pack read from its files before its cache entry is written;
    `write_cache` writes it a batch per turn of the event loop, and the next open is
    served from it."""
    from content import cache
    from content.loader import read_pack_files

    folder = write_pack(tmp_path / "big", 2_500)  # three batches of events
    key = cache.key_for(read_pack_files(folder), folder)
    load = PackLoad(folder, defer_cache=True)
    with qtbot.waitSignal(load.finished, timeout=30_000) as got:
        load.start()
    assert cache.get(key) is None  # not yet: the window comes first
    ticks: list[int] = []
    timer = QTimer(interval=0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    load.write_cache()
    qtbot.waitUntil(lambda: cache.get(key) is not None, timeout=30_000)
    timer.stop()
    assert cache.get(key) == got.args[0]
    assert ticks, "the event loop ran while the entry was written"
