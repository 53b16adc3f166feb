"""Writes survive kill -9 and full or read-only disks: old file or complete new one."""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KILLS = 50

# A writer child prepares once, then for each "go" on its stdin forks a worker that
# writes the target over and over until it is killed: fifty kills cost fifty writes,
# not fifty start-ups. The child reports the worker's pid, each finished write, and
# "done" once the killed worker is reaped.
SERVE = """
import os, sys, time
def serve(write):
    started = time.perf_counter()
    write(sys.argv[1] + ".warm")  # how long one write takes, on this machine now
    print("ready", time.perf_counter() - started, flush=True)
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            while True:
                write(sys.argv[1])
                os.write(1, b"wrote\\n")  # one syscall: a kill never leaves half a line
        os.write(1, f"pid {pid}\\n".encode())
        os.waitpid(pid, 0)
        os.write(1, b"done\\n")
"""

DECK_WRITER = SERVE + """
from pathlib import Path
from content.loader import load_pack
from slides.build import build_deck
from slides.pptx.writer import write_pptx
from slides.recipe import default_recipe
pack = load_pack(use_cache=False)
deck = build_deck(pack, default_recipe(pack, ["operations", "peace"]))
serve(lambda path: write_pptx(deck, path))
"""

RECIPE_WRITER = SERVE + """
from pathlib import Path
from slides.recipe import Recipe, save_recipe
recipe = Recipe(title="T" * 2000, sections=tuple(f"s{i}" for i in range(3000)))
serve(lambda path: save_recipe(recipe, Path(path)))
"""


EDIT_WRITER = SERVE + """
from pathlib import Path
import dataclasses
from content.editing import EventDraft, replace_event
from content.fileio.atomic import write_atomic
from content.loader import default_pack_folder, load_pack
old = (default_pack_folder() / "events.yaml").read_bytes()
pack = load_pack(use_cache=False)
draft = dataclasses.replace(EventDraft.of(pack.event("kabul-airlift")), title="Edited " * 50)
new = replace_event(old, "kabul-airlift", draft)
turn = [0]
def write(path):  # an edit, then its undo, then the edit again...: a window's writes
    turn[0] += 1
    write_atomic(path, new if turn[0] % 2 else old, own_pack=True)
serve(write)
"""


class Writer:
    """A writer child (see SERVE) and the kills it takes."""

    def __init__(self, code: str, target: Path) -> None:
        self.target = target
        self.child = subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=ROOT,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      text=True)
        word, seconds = self._line().split()
        assert word == "ready"
        self.write_seconds = float(seconds)

    def _line(self) -> str:
        assert self.child.stdout is not None
        line = self.child.stdout.readline()
        assert line, "the writer child died"
        return line.strip()

    def kill_while_writing(self, old: bytes, rng: random.Random, after_writes: int) -> bytes:
        """Kill -9 a worker at a random point of its write number `after_writes` (0:
        the first). The point is a fraction of the time one write took, measured in
        the same child: a busy machine stretches the writes and the kills alike, so
        the kills land across a write however slow the machine is."""
        self.target.write_bytes(old)
        self.target.chmod(0o640)
        assert self.child.stdin is not None
        self.child.stdin.write("go\n")
        self.child.stdin.flush()
        word, pid = self._line().split()
        assert word == "pid"
        for _ in range(after_writes):
            assert self._line() == "wrote"
        time.sleep(rng.uniform(0.0, self.write_seconds))
        os.kill(int(pid), signal.SIGKILL)
        while (line := self._line()) != "done":
            assert line == "wrote"
        assert self.target.stat().st_mode & 0o777 == 0o640
        return self.target.read_bytes()

    def close(self) -> None:
        self.child.kill()
        self.child.wait()
        for stream in (self.child.stdin, self.child.stdout):
            if stream is not None:
                stream.close()


@pytest.mark.slow
def test_kill_9_at_fifty_points_during_deck_export(tmp_path: Path) -> None:
    from pptx import Presentation

    target = tmp_path / "deck.pptx"
    old = b"old deck bytes"
    rng = random.Random(50)
    replaced = later = 0
    writer = Writer(DECK_WRITER, target)
    try:
        for kill in range(KILLS):
            after_writes = kill % 2  # during the first write, or during a rewrite
            later += after_writes
            data = writer.kill_while_writing(old, rng, after_writes)
            if data != old:
                replaced += 1
                assert zipfile.is_zipfile(io.BytesIO(data))
                assert len(Presentation(io.BytesIO(data)).slides) > 5
    finally:
        writer.close()
    # Kills during a rewrite find a whole new deck; some during the first find the old.
    assert later <= replaced < KILLS


@pytest.mark.slow
def test_kill_9_at_fifty_points_during_recipe_save(tmp_path: Path) -> None:
    from slides.recipe import load_recipe

    target = tmp_path / "recipe.yaml"
    old = b"title: old\nsections: [a]\n"
    rng = random.Random(51)
    writer = Writer(RECIPE_WRITER, target)
    try:
        for kill in range(KILLS):
            data = writer.kill_while_writing(old, rng, kill % 2)
            if data != old:
                assert len(load_recipe(target).sections) == 3000
    finally:
        writer.close()


def test_stray_temp_files_are_cleaned_at_the_next_start(tmp_path: Path, qapp) -> None:
    from content.fileio.atomic import TEMP_PREFIX
    from desktop.housekeeping import clean_at_start, remember_write_folder

    folder = tmp_path / "exports"
    folder.mkdir()
    remember_write_folder(folder / "deck.pptx")
    stale = folder / f"{TEMP_PREFIX}abc.part"
    fresh = folder / f"{TEMP_PREFIX}def.part"
    stale.write_bytes(b"half a deck")
    fresh.write_bytes(b"another instance is writing this one")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert clean_at_start() == 1
    assert not stale.exists() and fresh.exists()


def test_export_cleans_old_leftovers_in_its_folder(tmp_path: Path) -> None:
    from content.fileio.atomic import TEMP_PREFIX

    stale = tmp_path / f"{TEMP_PREFIX}old.part"
    stale.write_bytes(b"x")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    result = subprocess.run([sys.executable, "-m", "desktop", "export", "--out",
                             str(tmp_path / "d.pptx"), "--sections", "energy"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                            capture_output=True, text=True)
    if result.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_is_a_clear_error_and_keeps_the_old_deck(tiny_disk: Path) -> None:
    target = tiny_disk / "deck.pptx"
    target.write_bytes(b"old deck")
    result = subprocess.run([sys.executable, "-m", "desktop", "export", "--out", str(target),
                             "--sections", "operations"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == b"old deck"
    assert [p.name for p in tiny_disk.iterdir()] == ["deck.pptx"]


def test_full_disk_on_recipe_save(tiny_disk: Path) -> None:
    from slides.recipe import Recipe, save_recipe

    target = tiny_disk / "r.yaml"
    target.write_bytes(b"title: old\nsections: [a]\n")
    with pytest.raises(OSError, match="No space left"):
        save_recipe(Recipe(title="T" * 200_000, sections=("a",)), target)
    assert target.read_bytes() == b"title: old\nsections: [a]\n"
    assert [p.name for p in tiny_disk.iterdir()] == ["r.yaml"]


@pytest.mark.slow
def test_kill_9_across_window_edits_leaves_the_old_or_the_new_events_file(
        tmp_path: Path) -> None:
    """A window edit and its undo are atomic writes of events.yaml: killed at any
    point of either, the file holds one version whole and loads."""
    from content.loader import build_pack, default_pack_folder, read_pack_files

    folder = tmp_path / "pack"
    shutil.copytree(default_pack_folder(), folder)
    target = folder / "events.yaml"
    old = target.read_bytes()
    files = read_pack_files(folder)
    rng = random.Random(52)
    seen = set()
    writer = Writer(EDIT_WRITER, target)
    try:
        for kill in range(KILLS):
            data = writer.kill_while_writing(old, rng, kill % 3)
            seen.add(data == old)
            pack = build_pack(folder, {**files, "events.yaml": data})
            title = pack.event("kabul-airlift").title
            assert title in ("Kabul airlift", ("Edited " * 50).strip()), title
    finally:
        writer.close()
    assert seen == {True, False}  # kills found both versions
