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


def test_a_file_that_grows_while_it_is_read_is_refused(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A log or export still being written past the limit while we read it is refused
    as too large, not half-read and accepted."""
    import content.fileio.reading as reading

    path = tmp_path / "events.yaml"
    path.write_bytes(b"a" * 60)
    real_read = os.read
    grown: list[bool] = []

    def read_then_grow(fd: int, size: int) -> bytes:
        if not grown:  # the writer appends just after our first read
            grown.append(True)
            with path.open("ab") as more:
                more.write(b"b" * 200)
        return real_read(fd, min(size, 16))

    monkeypatch.setattr(reading.os, "read", read_then_grow)
    with pytest.raises(FileRefused) as refused:
        read_regular(path, 100)
    assert refused.value.too_large
    assert "over 100 bytes" in str(refused.value)
