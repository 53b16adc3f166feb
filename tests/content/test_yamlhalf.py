"""A large events file is read in two processes, and the pack is the same.

The size at which a file is cut is lowered here, so packs of a few hundred events
are cut too; every case is compared with the pack (or the problems) the careful
reader gives for the same files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import content.yamlfast as yamlfast
import content.yamlhalf as yamlhalf
from content.errors import ContentError
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
    built, declined, used = pickle.loads(done.stdout)
    assert [fields[0] for fields in built] == ["e-0", "e-1", "e-2"]
    assert declined == [{"id": "odd", "colour": "red"}]
    assert used["section"] == ["s"] and used["source"] == ["src-1"]


def test_the_app_bundle_is_its_own_child(tmp_path: Path) -> None:
    """A bundle has no interpreter to start: its entry point answers `--read-half`."""
    import pickle

    root = Path(yamlhalf.__file__).resolve().parents[1]
    part = b"events:\n  - {id: e-1, date: 2004, title: T, summary: S, sections: [s], " \
           b"sources: [src-1]}\n"
    done = subprocess.run([sys.executable, str(root / "scripts" / "bundle_entry.py"),
                           yamlhalf.HALF_FLAG], input=b"events\n" + part,
                          capture_output=True, cwd=root, check=True)
    built, declined, used = pickle.loads(done.stdout)
    assert [fields[0] for fields in built] == ["e-1"] and declined == []
    assert used["source"] == ["src-1"]
