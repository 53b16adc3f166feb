"""A large events file is read in two processes, and the pack is the same.

The size at which a file is cut is lowered here, so packs of a few hundred events
are cut too; every case is compared with the pack (or the problems) the careful
reader gives for the same files.
"""

from __future__ import annotations

import subprocess
import sys
from array import array
from datetime import date
from pathlib import Path

import pytest

import content.yamlfast as yamlfast
import content.yamlhalf as yamlhalf
from content.errors import ContentError
from content.fastevents import QuickEvents
from content.fields import Shared
from content.loader import load_pack


@pytest.fixture
def cut_small(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every events file is cut; the list gets the size of each first part read."""
    monkeypatch.setattr(yamlhalf, "SPLIT_BYTES", 0)
    monkeypatch.setattr(yamlhalf, "cores", lambda: 2)
    heads: list[int] = []
    real = yamlhalf.HalfRead.__init__

    def spy(self: yamlhalf.HalfRead, data: bytes, at: int, key: str) -> None:
        heads.append(at)
        real(self, data, at, key)

    monkeypatch.setattr(yamlhalf.HalfRead, "__init__", spy)
    return heads


def synthetic(folder: Path, events: int = 400) -> Path:
    from benchmarks.synthetic import write_pack

    return write_pack(folder, events)


def rewrite_last(folder: Path, old: str, new: str) -> tuple[str, int]:
    """The pack's events.yaml with its last `old` made `new`: the text it had, and
    where that `old` stood in it."""
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    at = text.rindex(old)
    events.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text, at


def careful(folder: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """The careful reader's outcome: no fast reading anywhere, no cut."""
    import content.loader as loader

    with monkeypatch.context() as patch:
        patch.setattr(yamlfast, "read_fast_bytes", lambda data, *_: None)
        patch.setattr(loader, "read_fast_bytes", lambda data, *_: None)
        patch.setattr(yamlhalf, "SPLIT_BYTES", 10 ** 12)
        return outcome(folder)


def outcome(folder: Path) -> object:
    try:
        return load_pack(folder, use_cache=False)
    except ContentError as exc:
        return [str(problem) for problem in exc.problems]


def test_a_cut_pack_is_the_pack_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           cut_small: list[int]) -> None:
    folder = synthetic(tmp_path)
    got = outcome(folder)
    assert cut_small, "the file was not cut"
    size = (folder / "events.yaml").stat().st_size
    assert 0.4 * size < cut_small[0] < 0.8 * size
    assert got == careful(folder, monkeypatch)
    assert len(got.events) == 400  # type: ignore[attr-defined]


def test_problems_in_the_second_half_are_placed_in_the_whole_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    folder = synthetic(tmp_path)
    text, last = rewrite_last(folder, "places: [", "places: [nowhere, ")
    got = outcome(folder)
    assert cut_small
    assert got == careful(folder, monkeypatch)
    (problem,) = got  # type: ignore[misc]
    assert "unknown place 'nowhere'" in problem
    assert f"events.yaml:{text[:last].count(chr(10)) + 1}:" in problem


def test_a_cut_inside_a_quoted_scalar_has_the_file_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    """A double-quoted summary running over many lines, some looking like records:
    the first part ends inside it, which the fast reader refuses."""
    folder = synthetic(tmp_path, 40)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    middle = text.index("    summary: \"", len(text) // 3)
    lines = "\n".join("      - id: not-a-record" for _ in range(400))
    events.write_text(text[:middle] + '    summary: "opens\n' + lines + '\n      closes"\n'
                      + text[text.index("\n", middle) + 1:], encoding="utf-8")
    assert outcome(folder) == careful(folder, monkeypatch)


def test_a_second_half_the_fast_reader_declines_is_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    folder = synthetic(tmp_path)
    rewrite_last(folder, "    title: ", "    title: &named ")
    got = outcome(folder)
    assert cut_small and isinstance(got, list)
    assert got == careful(folder, monkeypatch)
    assert any("anchors (&) are not allowed" in problem for problem in got)


def test_another_top_level_key_before_the_cut_has_the_file_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    """A key of its own before the cut, with items at the records' indentation: the
    first part shows it, so the file is read whole (and reported as ever)."""
    folder = synthetic(tmp_path, 60)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    middle = text.index("  - id: event-30\n")
    events.write_text(text[:middle] + "notes:\n" + text[middle:], encoding="utf-8")
    got = outcome(folder)
    assert cut_small and cut_small[0] > len(text[:middle].encode())
    assert got == careful(folder, monkeypatch)


def test_where_a_file_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlhalf, "SPLIT_BYTES", 0)
    records = b"".join(b"  - id: e-%d\n    title: t\n" % n for n in range(100))
    at = yamlhalf.cut(b"events:\n" + records, "events")
    assert at is not None and (b"events:\n" + records)[at:].startswith(b"  - id: e-")
    assert yamlhalf.cut(b"# a comment first\nevents:\n" + records, "events") is None
    flush = b"".join(b"- id: e-%d\n  title: t\n" % n for n in range(100))  # items at 0
    at = yamlhalf.cut(b"events:\n" + flush, "events")
    assert at is not None and (b"events:\n" + flush)[at:].startswith(b"- id: e-")
    monkeypatch.setattr(yamlhalf, "SPLIT_BYTES", 10 ** 9)
    assert yamlhalf.cut(b"events:\n" + records, "events") is None  # small: read whole


def test_a_surrogate_escape_in_the_second_half_is_refused_as_carefully(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    """The child's part is screened as the first is (an emoji written as JSON writes
    it, which yaml-rs would join and the careful reader refuses)."""
    folder = synthetic(tmp_path, 40)
    rewrite_last(folder, '    title: "', '    title: "Launch \\ud83d\\ude80 ')
    got = outcome(folder)
    assert cut_small and isinstance(got, list) and got == careful(folder, monkeypatch)
    assert any("escape" in problem for problem in got)


@pytest.mark.parametrize("comment", ["# a NUL: \x00\n", "# hides\u2028  - id: x\n"])
def test_a_comment_in_the_second_half_is_read_as_carefully(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int],
        comment: str) -> None:
    """Between the child's records, a comment that holds what the careful reader
    refuses, or a line break it reads as one, is parsed, not skipped."""
    folder = synthetic(tmp_path, 40)
    rewrite_last(folder, "  - id: ", comment + "  - id: ")
    got = outcome(folder)
    assert cut_small and got == careful(folder, monkeypatch)


def test_a_child_that_fails_has_the_file_read_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    folder = synthetic(tmp_path)
    for command in ([sys.executable, "-c", "import sys; sys.exit(3)"],
                    [sys.executable, "-c", "import sys; sys.stdout.write('not a pickle')"],
                    [str(tmp_path / "no-such-program")]):
        monkeypatch.setattr(yamlhalf, "_command", lambda command=command: command)
        assert outcome(folder) == careful(folder, monkeypatch)
    assert len(cut_small) >= 3  # each was cut, and read whole


def test_the_child_answers_on_its_standard_output(tmp_path: Path) -> None:
    """The child as the app starts it: the key, then the part, on its input."""
    import pickle

    part = b"events:\n" + b"".join(
        b"  - {id: e-%d, date: 2004, title: T, summary: S, sections: [s], "
        b"sources: [src-1 B2]}\n" % n for n in range(3)) + b"  - {id: odd, colour: red}\n"
    done = subprocess.run(yamlhalf._command(), input=b"events\n" + part, capture_output=True,
                          cwd=Path(yamlhalf.__file__).resolve().parents[1], check=True)
    tail = yamlhalf.rebuilt(pickle.loads(done.stdout), QuickEvents(Shared()))
    assert tail is not None
    assert [(e.id, e.date.iso(), e.title, e.sections, e.citations[0].grade) for e in tail.events] \
        == [(f"e-{n}", "2004", "T", ("s",), "B2") for n in range(3)]
    assert tail.keys == [(date(2004, 1, 1).toordinal(), f"e-{n}") for n in range(3)]
    assert tail.declined == [{"id": "odd", "colour": "red"}]
    assert tail.used["section"] == ["s"] and tail.used["source"] == ["src-1"]


def test_the_app_bundle_is_its_own_child(tmp_path: Path) -> None:
    """A bundle has no interpreter to start: its entry point answers `--read-half`."""
    import pickle

    root = Path(yamlhalf.__file__).resolve().parents[1]
    part = b"events:\n  - {id: e-1, date: 2004, title: T, summary: S, sections: [s], " \
           b"sources: [src-1]}\n"
    done = subprocess.run([sys.executable, str(root / "scripts" / "bundle_entry.py"),
                           yamlhalf.HALF_FLAG], input=b"events\n" + part,
                          capture_output=True, cwd=root, check=True)
    tail = yamlhalf.rebuilt(pickle.loads(done.stdout), QuickEvents(Shared()))
    assert tail is not None
    assert [event.id for event in tail.events] == ["e-1"] and tail.declined == []
    assert tail.used["source"] == ["src-1"]


def test_equal_dates_and_citations_are_one_object_across_both_halves(
        tmp_path: Path, cut_small: list[int]) -> None:
    """The child's dates and citations come back as the words that wrote them, and
    are this process's own objects: 100,000 events hold a few thousand of each."""
    pack = outcome(synthetic(tmp_path))
    assert cut_small and not isinstance(pack, list)
    dates = [event.date for event in pack.events]  # type: ignore[attr-defined]
    citations = [c for event in pack.events for c in event.citations]  # type: ignore[attr-defined]
    assert len({id(date) for date in dates}) == len(set(dates))
    assert len({id(citation) for citation in citations}) == len(set(citations))


def test_an_answer_that_does_not_hold_together_is_refused() -> None:
    part = b"events:\n" + b"".join(
        b"  - {id: e-%d, date: 2004-0%d, title: T, summary: S, sections: [s], "
        b"sources: [src-1 B2, src-2]}\n" % (n, n + 1) for n in range(3))
    answer = yamlhalf.read_part(part, "events")
    assert answer is not None
    assert yamlhalf.rebuilt(answer, QuickEvents(Shared())) is not None
    fewer = (2, *answer[1:])  # says two events, holds three
    assert yamlhalf.rebuilt(fewer, QuickEvents(Shared())) is None
    codes = array("i", [0, 1, 9, -1, -1, -1]).tobytes()  # a date that is not there
    assert yamlhalf.rebuilt((*answer[:5], codes, *answer[6:]), QuickEvents(Shared())) is None
    assert yamlhalf.rebuilt(answer[:-1], QuickEvents(Shared())) is None


def test_a_pack_the_cache_has_stops_the_child_unused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_small: list[int]) -> None:
    """The child starts up while the cache key is worked out; a hit ends it at once,
    before it was given anything to read."""
    monkeypatch.setenv("BRIEFDESK_CACHE_DIR", str(tmp_path / "cache"))
    folder = synthetic(tmp_path / "pack")
    reads: list[yamlhalf.HalfRead] = []
    real = yamlhalf.HalfRead.start.__func__  # type: ignore[attr-defined]

    def start(cls: type, data: bytes | None, key: str, feed: bool = True
              ) -> yamlhalf.HalfRead | None:
        half = real(cls, data, key, feed)
        reads.append(half)
        return half

    monkeypatch.setattr(yamlhalf.HalfRead, "start", classmethod(start))
    first = load_pack(folder)
    again = load_pack(folder)
    assert again == first and len(reads) == 2 and len(cut_small) == 2
    assert all(half._child is None for half in reads)  # ended and let go of
    assert reads[0]._writer.ident is not None and reads[1]._writer.ident is None  # not fed
