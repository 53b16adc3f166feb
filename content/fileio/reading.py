"""Reading a file the user named, safely: a regular file, within a size limit.

`Path.read_bytes()` on `/dev/zero` reads until memory runs out, and on a FIFO blocks
until a writer comes. `read_regular` looks at the path before opening it (a device,
FIFO or socket is refused unopened), opens it without blocking where the platform
can (`O_NONBLOCK` on POSIX; Windows has no FIFOs in a folder, but has device names
such as `NUL`, `CON` and `COM1` in every folder, refused by name), looks again at
what it opened, and reads at most `limit` bytes; anything else raises `FileRefused`
with a message that names the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath

WINDOWS = os.name == "nt"
# Flags that exist on one platform only: 0 where they do not (Windows has no
# O_NONBLOCK, O_NOFOLLOW or O_CLOEXEC; POSIX no O_BINARY).
OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
              | getattr(os, "O_BINARY", 0))
# Names Windows keeps for devices in every folder, with any extension ("nul.yaml").
DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$",
                          *(f"com{n}" for n in "123456789\u00b9\u00b2\u00b3"),
                          *(f"lpt{n}" for n in "123456789\u00b9\u00b2\u00b3")})


def is_device_name(path: Path | str) -> bool:
    """Whether `path`'s last part is a name Windows keeps for a device (`NUL`,
    `con.txt`, `COM1.yaml`): such a path is a device there, whatever the folder."""
    name = PurePath(str(path).replace("\\", "/")).name
    return name.split(".")[0].rstrip(" ").casefold() in DEVICE_NAMES


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
    if WINDOWS and is_device_name(path):
        raise FileRefused(shown, f"is a device name on Windows, expected a {what}")
    try:  # looked at before it is opened: a device or FIFO is never opened
        before = os.stat(path)
    except FileNotFoundError:
        raise FileRefused(shown, f"{what} not found") from None
    except OSError as exc:
        raise FileRefused(shown, f"cannot read the {what}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(before.st_mode):
        raise FileRefused(shown, f"is a folder, expected a {what}")
    if not stat.S_ISREG(before.st_mode):
        raise FileRefused(shown, f"is {describe(before.st_mode)}, expected a {what}")
    try:
        fd = os.open(path, OPEN_FLAGS)
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
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        want = info.st_size + 1  # all of it in one read (and one buffer), then EOF
        while total <= limit:
            chunk = os.read(fd, min(max(want - total, 1 << 20), limit + 1 - total))
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
