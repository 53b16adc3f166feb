"""The pack cache: serves unchanged packs, never runs code, refuses foreign entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from content import cache
from content.loader import load_pack, read_pack_files


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _entries() -> list[Path]:
    return sorted(cache.cache_folder().glob(f"*{cache.SUFFIX}"))


def test_cache_serves_an_unchanged_pack_and_misses_after_an_edit(pack_copy: Path) -> None:
    first = load_pack(pack_copy)
    assert len(_entries()) == 1
    assert load_pack(pack_copy) == first
    replace(pack_copy / "pack.yaml", "title: Azerbaijan and NATO", "title: Edited")
    assert load_pack(pack_copy).info.title == "Edited"
    assert len(_entries()) == 2


def test_a_cached_pack_is_the_pack(pack_copy: Path) -> None:
    fresh = load_pack(pack_copy, use_cache=False)
    load_pack(pack_copy)
    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    assert cache.get(key) == fresh


def test_damaged_cache_entry_is_ignored(pack_copy: Path) -> None:
    load_pack(pack_copy)
    (entry,) = _entries()
    entry.write_bytes(b"not an entry")
    assert load_pack(pack_copy).info.title == "Azerbaijan and NATO"


def test_a_planted_pickle_never_runs(pack_copy: Path, tmp_path: Path) -> None:
    """The old cache was a pickle at a predictable name: a planted one ran code."""
    import pickle

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    folder = cache.cache_folder()
    folder.mkdir(parents=True)
    (folder / f"{key}.pickle").write_bytes(pickle.dumps(Payload()))
    (folder / f"{key}{cache.SUFFIX}").write_bytes(pickle.dumps(Payload()))
    assert load_pack(pack_copy).info.title == "Azerbaijan and NATO"
    assert not marker.exists()
    assert not (folder / f"{key}.pickle").exists()  # old-format entries are pruned


def test_a_foreign_entry_is_rejected_and_removed(pack_copy: Path) -> None:
    """An entry signed under another secret (or none) is not served, even well formed."""
    import json

    edited = load_pack(pack_copy, use_cache=False)
    forged = json.dumps(cache.encode(edited)).replace("Azerbaijan and NATO", "Forged")
    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    folder = cache.cache_folder()
    load_pack(pack_copy)  # creates the secret and a genuine entry
    entry = folder / f"{key}{cache.SUFFIX}"
    entry.write_bytes(b"0" * 64 + b"\n" + forged.encode())
    assert load_pack(pack_copy).info.title == "Azerbaijan and NATO"
    genuine = entry.read_bytes()
    header, _, body = genuine.partition(b"\n")
    entry.write_bytes(header + b"\n" + body.replace(b"Azerbaijan and NATO", b"Forged"))
    assert cache.get(key) is None and not entry.exists()


def test_a_secret_others_can_read_is_not_trusted(pack_copy: Path) -> None:
    load_pack(pack_copy)
    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    (cache.cache_folder() / cache.SECRET_NAME).chmod(0o644)
    assert cache.get(key) is None


def test_the_cache_is_pruned(tmp_path: Path, pack_copy: Path) -> None:
    """Ten edits leave at most MAX_ENTRIES entries, the newest kept."""
    for n in range(10):
        replace(pack_copy / "pack.yaml", "title: Azerbaijan and NATO" if n == 0
                else f"title: Edit {n - 1}", f"title: Edit {n}")
        load_pack(pack_copy)
    assert len(_entries()) == cache.MAX_ENTRIES
    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    assert cache.get(key).info.title == "Edit 9"


def test_a_planted_fifo_never_blocks_a_load(pack_copy: Path) -> None:
    """A FIFO at the entry's name would block a plain read until a writer came."""
    import os

    load_pack(pack_copy)  # creates the folder and the secret
    key = cache.key_for(read_pack_files(pack_copy), pack_copy)
    entry = cache.cache_folder() / f"{key}{cache.SUFFIX}"
    entry.unlink()
    os.mkfifo(entry)
    assert cache.get(key) is None
    assert load_pack(pack_copy).info.title == "Azerbaijan and NATO"


def test_an_identical_copy_elsewhere_is_not_this_pack(tmp_path: Path) -> None:
    """Issue 24, finding 2: the cache was keyed on bytes only, so after a copy of the
    embedded pack had been opened once, the embedded pack came back as the copy (its
    folder), and the window watched and edited the copy."""
    import shutil

    from content.loader import default_pack_folder

    copy = tmp_path / "copy"
    shutil.copytree(default_pack_folder(), copy)
    assert load_pack(copy).folder == str(copy)
    embedded = load_pack()
    assert Path(embedded.folder).resolve() == default_pack_folder().resolve()
    shutil.rmtree(copy)
    assert Path(load_pack().folder).resolve() == default_pack_folder().resolve()


def test_an_entry_written_in_steps_is_served_and_one_closed_early_is_not(
        tmp_path: Path) -> None:
    """`put_steps` writes a batch of events per step; closed before the last step it
    leaves no entry and no temp file (the window was closed while writing)."""
    from benchmarks.synthetic import write_pack
    from content.fileio.atomic import TEMP_PREFIX

    folder = write_pack(tmp_path / "pack", 2_500)
    key = cache.key_for(read_pack_files(folder), folder)
    steps: list = []
    pack = load_pack(folder, later=steps.append)
    assert cache.get(key) is None and len(steps) == 1
    writing = steps[0]
    next(writing)
    next(writing)
    writing.close()
    assert cache.get(key) is None
    assert not [p for p in cache.cache_folder().iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert sum(1 for _ in cache.put_steps(key, pack)) >= 3  # 2,500 events, 1,000 a step
    assert cache.get(key) == pack


def test_a_kept_pack_is_out_of_the_collectors_view_and_a_failed_one_is_not() -> None:
    """A loaded pack's objects are frozen as the collector resumes (its first pass
    would walk them all and find nothing); a build that failed freezes nothing."""
    import gc

    before = gc.get_freeze_count()
    with cache.gc_paused(keep=True):
        kept = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= before + 1000 and gc.isenabled()
    gc.unfreeze()
    frozen = gc.get_freeze_count()
    with pytest.raises(ValueError), cache.gc_paused(keep=True):
        dropped = [[n] for n in range(1000)]
        raise ValueError(len(dropped))
    assert gc.get_freeze_count() == frozen and gc.isenabled()
    del kept
