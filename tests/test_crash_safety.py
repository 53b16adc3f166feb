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

DECK_WRITER = """
import sys
from content.loader import load_pack
from slides.build import build_deck
from slides.pptx.writer import write_pptx
from slides.recipe import default_recipe
pack = load_pack(use_cache=False)
deck = build_deck(pack, default_recipe(pack, ["operations", "peace"]))
print("ready", flush=True)
while True:
    write_pptx(deck, sys.argv[1])
"""

RECIPE_WRITER = """
import sys
from pathlib import Path
from slides.recipe import Recipe, save_recipe
recipe = Recipe(title="T" * 2000, sections=tuple(f"s{i}" for i in range(3000)))
print("ready", flush=True)
while True:
    save_recipe(recipe, Path(sys.argv[1]))
"""


def kill_while_writing(code: str, target: Path, old: bytes, rng: random.Random,
                       window: float) -> bytes:
    target.write_bytes(old)
    target.chmod(0o640)
    child = subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, window))
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert target.stat().st_mode & 0o777 == 0o640
    return target.read_bytes()


@pytest.mark.slow
def test_kill_9_at_fifty_points_during_deck_export(tmp_path: Path) -> None:
    from pptx import Presentation

    target = tmp_path / "deck.pptx"
    old = b"old deck bytes"
    rng = random.Random(50)
    replaced = 0
    for _ in range(KILLS):
        data = kill_while_writing(DECK_WRITER, target, old, rng, 0.4)
        if data != old:
            replaced += 1
            assert zipfile.is_zipfile(io.BytesIO(data))
            assert len(Presentation(io.BytesIO(data)).slides) > 5
    assert 0 < replaced < KILLS  # the kills landed both before and after a replace


@pytest.mark.slow
def test_kill_9_at_fifty_points_during_recipe_save(tmp_path: Path) -> None:
    from slides.recipe import load_recipe

    target = tmp_path / "recipe.yaml"
    old = b"title: old\nsections: [a]\n"
    rng = random.Random(51)
    for _ in range(KILLS):
        data = kill_while_writing(RECIPE_WRITER, target, old, rng, 0.3)
        if data != old:
            assert len(load_recipe(target).sections) == 3000


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
