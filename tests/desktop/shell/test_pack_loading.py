"""Loading a pack off the GUI thread: the window keeps going, results arrive on the
GUI thread, problems are reported, never lost on the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QTimer

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

    def broken(folder, **_):
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


def test_a_prefetch_reads_but_neither_parses_nor_reports_until_started(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    """A large pack's load begins while the first frame is built; it parses and
    reports only once the window says go (so that frame is never held up)."""
    import content.loader
    import desktop.shell.pack_loading as pack_loading

    folder = write_pack(tmp_path / "big", 200)
    stages: list[str] = []
    real = content.loader.read_all_fast

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        stages.append("parse")
        return real(*args, **kwargs)

    monkeypatch.setattr(content.loader, "read_all_fast", watched)
    monkeypatch.setattr(pack_loading, "GO_ANYWAY_S", 60.0)
    load = PackLoad(folder)
    reported: list[object] = []
    load.finished.connect(reported.append)
    load.prefetch()
    qtbot.waitUntil(lambda: load._go_waiting, timeout=10_000)  # at the gate
    assert stages == [] and reported == []
    with qtbot.waitSignal(load.finished, timeout=30_000) as got:
        load.start()
    assert stages == ["parse"] and len(got.args[0].events) == 200
    load._thread.join()  # type: ignore[union-attr]


def test_a_prefetch_never_started_lets_go_and_reports_only_when_started(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    import desktop.shell.pack_loading as pack_loading

    monkeypatch.setattr(pack_loading, "GO_ANYWAY_S", 0.0)  # a window closed early
    load = PackLoad(write_pack(tmp_path / "big", 50))
    reported: list[object] = []
    load.finished.connect(reported.append)
    load.prefetch()
    load._thread.join(timeout=30)  # type: ignore[union-attr]  # done, its news queued
    QCoreApplication.processEvents()  # and delivered: it reports nothing yet
    assert load._worked.is_set() and reported == []
    load.start()
    assert len(reported) == 1  # at once: it was done
    assert load.wait().info.title == reported[0].info.title  # type: ignore[attr-defined]
    load._thread.join()  # type: ignore[union-attr]


def test_only_a_large_pack_is_prefetched(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QObject

    import content.yamlhalf
    from desktop.shell.pack_loading import prefetched

    owner = QObject()
    folder = write_pack(tmp_path / "pack", 50)
    assert prefetched(None, owner) is None and prefetched(folder, owner) is None
    assert prefetched(tmp_path / "missing", owner) is None
    monkeypatch.setattr(content.yamlhalf, "SPLIT_BYTES", 1)
    load = prefetched(folder, owner)
    assert load is not None
    assert len(load.wait().events) == 50  # waiting lets it go
    load._thread.join()  # type: ignore[union-attr]
