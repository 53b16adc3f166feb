"""A new pack: a skeleton that loads cleanly, never written over existing files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from content.loader import load_pack
from content.newpack import new_pack


def test_a_new_pack_loads_with_one_section_and_no_events(tmp_path: Path) -> None:
    folder = new_pack(tmp_path / "prep", 'Ministerial "prep": <b>2026</b>', dt.date(2026, 1, 12))
    pack = load_pack(folder, use_cache=False)
    assert pack.info.title == 'Ministerial "prep": <b>2026</b>'
    assert pack.info.as_of.iso() == "2026-01-12"
    assert [s.id for s in pack.sections] == ["overview"] and pack.events == ()
    assert (folder / "events.yaml").read_text().startswith("# ")


def test_a_folder_with_files_is_never_written_over(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    with pytest.raises(FileExistsError, match="new or empty folder"):
        new_pack(tmp_path, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_copy_of_the_embedded_pack_loads_the_same_and_refuses_to_overwrite(
        tmp_path) -> None:
    """File → Save a Copy of This Pack: the copy holds the same content, byte for
    byte, in a new folder; an occupied folder or one inside the pack is refused and
    nothing is written."""
    import pytest

    from content.loader import default_pack_folder, load_pack
    from content.newpack import copy_pack

    source = default_pack_folder()
    copy = copy_pack(source, tmp_path / "mine")
    assert load_pack(copy).events == load_pack().events
    for name in ("pack.yaml", "events.yaml"):
        assert (copy / name).read_bytes() == (source / name).read_bytes()
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="new or empty folder"):
        copy_pack(source, occupied)
    assert sorted(p.name for p in occupied.iterdir()) == ["notes.txt"]
    with pytest.raises(OSError, match="inside the pack"):
        copy_pack(copy, copy / "sub")
    assert not (copy / "sub").exists()
