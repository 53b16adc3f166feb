"""Crash-safe file writing: a temp file in the target folder, fsync, `os.replace`.

A reader of the target sees either the old file, byte for byte, or the whole new
one, never a half-written file. An existing file's permissions are kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".briefdesk-tmp-"


def write_atomic(target: Path | str, data: bytes) -> None:
    """Replace `target` with `data` atomically."""
    write_atomic_with(target, lambda fh: fh.write(data))


def write_atomic_with(target: Path | str, writer: Callable[[BinaryIO], object]) -> None:
    """Replace `target` with what `writer` writes to a binary file object, atomically.

    Raises OSError (PermissionError, a full disk, ...) with the target unchanged.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def stray_temp_files(folder: Path | str, min_age: float = 0.0) -> Iterator[Path]:
    """Temp files a killed write left in `folder`, at least `min_age` seconds old."""
    now = time.time()
    with contextlib.suppress(OSError):
        for path in Path(folder).glob(f"{TEMP_PREFIX}*.part"):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime >= min_age:
                    yield path


def clean_stray_temp_files(folder: Path | str, min_age: float = 0.0) -> int:
    """Remove leftovers of killed writes in `folder`; returns how many were removed.

    `min_age` spares the temp file of a write another process is doing right now.
    """
    removed = 0
    for path in list(stray_temp_files(folder, min_age)):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
