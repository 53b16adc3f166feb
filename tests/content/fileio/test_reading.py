"""Reading a named file: only regular files, never past a limit, never blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from content.fileio.reading import FileRefused, read_regular


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: os.mkfifo(p), "named pipe"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "not found"),
    (lambda p: p.write_bytes(b"x" * 1001), "the limit is 1,000"),
])
def test_anything_else_is_refused_with_its_name(tmp_path: Path, make, words: str) -> None:
    path = tmp_path / "thing"
    make(path)
    with pytest.raises(FileRefused) as refused:
        read_regular(path, 1000, "recipe")
    assert words in str(refused.value) and str(refused.value).startswith(str(path))


def test_a_device_is_refused_before_a_byte_is_read() -> None:
    with pytest.raises(FileRefused, match="is a device"):
        read_regular("/dev/zero", 1000)
