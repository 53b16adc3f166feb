"""Reading a file the user named, safely: a regular file, within a size limit.

`Path.read_bytes()` on `/dev/zero` reads until memory runs out, and on a FIFO blocks
until a writer comes. `read_regular` opens without blocking, looks at what it opened,
and reads at most `limit` bytes; anything else raises `FileRefused` with a message
that names the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileRefused(Exception):
    """A path that cannot be read as asked: `str()` is `PATH: reason`, one line."""

    def __init__(self, path: str, reason: str, too_large: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.too_large = too_large  # the file is there, but over the limit


def describe(mode: int) -> str:
    """What a non-regular file is, as a user would call it."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises `FileRefused` for a missing path, a folder, a device, a FIFO or socket, a
    file over `limit` bytes, or one that cannot be read (permissions)."""
    shown = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise FileRefused(shown, f"{what} not found") from None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise FileRefused(shown, f"is a folder, expected a {what}") from None
        raise FileRefused(shown, f"cannot read the {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(shown, f"is {describe(info.st_mode)}, expected a {what}")
        if info.st_size > limit:
            raise FileRefused(shown, f"the {what} is {info.st_size:,} bytes; the limit is "
                              f"{limit:,}", too_large=True)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while we read
            raise FileRefused(shown, f"the {what} is over {limit:,} bytes, the limit",
                              too_large=True)
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(shown, f"cannot read the {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
