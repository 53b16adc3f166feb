"""Atomic writes, and the targets they refuse (crash safety is in tests/test_crash_safety)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from content.fileio.atomic import TargetRefused, check_target, protect, write_atomic


def test_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".briefdesk-tmp-*"))


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: os.mkfifo(p), "named pipe"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: (p.write_bytes(b"old"), p.chmod(0o444)), "read-only"),
])
def test_targets_that_are_not_plain_writable_files_are_refused(tmp_path: Path, make,
                                                               words: str) -> None:
    target = tmp_path / "target"
    make(target)
    with pytest.raises(TargetRefused, match=words):
        write_atomic(target, b"new")
    assert not list(tmp_path.glob(".briefdesk-tmp-*"))


def test_a_device_is_never_replaced() -> None:
    with pytest.raises(TargetRefused, match="is a device"):
        check_target("/dev/null")


def test_the_pack_on_screen_is_protected(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text("events: []\n")
    protect([events])
    with pytest.raises(TargetRefused, match="content pack on screen"):
        write_atomic(tmp_path / "." / "events.yaml", b"x")
    write_atomic(events, b"events: []\n", own_pack=True)  # a pack editor may


def test_a_symlink_is_replaced_and_its_target_left(tmp_path: Path) -> None:
    real = tmp_path / "real.pptx"
    real.write_bytes(b"old")
    link = tmp_path / "link.pptx"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert real.read_bytes() == b"old" and link.read_bytes() == b"new"
    assert not link.is_symlink()


def test_nothing_is_committed_for_zero_bytes(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    target.write_bytes(b"old picture")
    with pytest.raises(TargetRefused, match="nothing to write"):
        write_atomic(target, b"")
    assert target.read_bytes() == b"old picture"


def test_a_closed_pack_and_a_dropped_file_are_writable_again(pack_copy: Path,
                                                               tmp_path: Path) -> None:
    """Open pack A, then B: exports may not write over B's files; once the window has
    left A (unprotect), A's are the analyst's files again."""
    import shutil

    from content.fileio.atomic import unprotect
    from content.loader import load_pack

    other = tmp_path / "other"
    shutil.copytree(pack_copy, other)
    load_pack(pack_copy, use_cache=False)
    load_pack(other, use_cache=False)
    for folder in (pack_copy, other):
        with pytest.raises(TargetRefused, match="content pack on screen"):
            check_target(folder / "events.yaml")
    unprotect(pack_copy)
    check_target(pack_copy / "events.yaml")  # A is closed: its file may be written
    with pytest.raises(TargetRefused):
        check_target(other / "events.yaml")
