"""Crash-safe file writing: a temp file in the target folder, fsync, `os.replace`.

A reader of the target sees either the old file, byte for byte, or the whole new
one, never a half-written file. An existing file's permissions are kept.

Before anything is written the target is checked (`check_target`): a device, FIFO,
socket or folder is refused (as root, `--out /dev/null` would otherwise replace the
system's /dev/null), so is a read-only file (as PowerPoint refuses to save over one)
and any file the caller protects (the content pack on screen). A symlink as target is
replaced by the new file; the file it pointed to is left as it was. A write that
would leave an empty file is refused: nothing reports success for zero bytes.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from content.fileio import reading
from content.fileio.reading import describe

TEMP_PREFIX = ".briefdesk-tmp-"


#: Files no writer may replace, by pack folder: the packs loaded in this process (the
#: one on screen among them). A load replaces its folder's files, so a file the pack no
#: longer has is freed; the window frees a folder it leaves (`unprotect`). A pack
#: editor writes its own files with `own_pack=True`.
_PROTECTED: dict[Path, frozenset[Path]] = {}


def protect(paths: Iterable[Path | str], folder: Path | str | None = None) -> None:
    """The files no writer may replace include `paths` (those of the pack in `folder`
    when given: they replace what that folder had)."""
    resolved = frozenset(_resolved(Path(p)) for p in paths)
    if folder is None:
        key = Path(f"<protected {len(_PROTECTED)}>")
        _PROTECTED[key] = resolved
    else:
        _PROTECTED[_resolved(Path(folder))] = resolved


def unprotect(folder: Path | str) -> None:
    """Writers may replace the files of the pack in `folder` again (it is closed)."""
    _PROTECTED.pop(_resolved(Path(folder)), None)


def protected_files() -> frozenset[Path]:
    """Every file no writer may replace now."""
    return frozenset().union(*_PROTECTED.values())


class TargetRefused(OSError):
    """A target the writers will not write to, with a one-line reason naming it."""


def check_target(target: Path | str, protected: Iterable[Path | str] = (),
                 own_pack: bool = False) -> None:
    """Raise `TargetRefused` unless `target` may be replaced by a new regular file.
    The files in `protected` and the loaded packs' (unless `own_pack`) may not be."""
    target = Path(target)
    problem = name_problem(target)
    if problem:
        raise TargetRefused(f"{target}: {problem}; choose another name")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise TargetRefused(f"{target}: cannot write there: {exc.strerror or exc}") from None
    if info is not None and not stat.S_ISLNK(info.st_mode):
        if not stat.S_ISREG(info.st_mode):
            raise TargetRefused(f"{target}: is {describe(info.st_mode)}; choose a file name")
        if not info.st_mode & 0o222:
            raise TargetRefused(f"{target}: the file is read-only; choose another name or "
                                "make it writable")
    resolved = _resolved(target)
    guarded = {_resolved(Path(p)) for p in protected} | (set() if own_pack
                                                         else protected_files())
    if resolved in guarded:
        raise TargetRefused(f"{target}: is part of the content pack on screen; choose "
                            "another file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TargetRefused(f"{folder}: folder not found")


WINDOWS_REFUSES = set('<>:"|?*') | {chr(c) for c in range(32)}


def name_problem(target: Path) -> str:
    """Why a file name would not do as a place to write ("" when it would): a name
    Windows keeps for a device (`NUL`, `con.pptx`, `COM1.pdf`), on every platform, as
    decks are shared with Windows laptops; on Windows also its reserved characters
    and a trailing dot or space; and anywhere a backslash left in a name, which on
    POSIX is a Windows path taken for a file name (`C:\\Users\\me\\deck.pptx`)."""
    name = target.name
    if reading.is_device_name(name):
        return f"{name!r} is a device name on Windows"
    if "\\" in name:
        return "the name holds a backslash (a Windows path on this system?)"
    if reading.WINDOWS:
        bad = sorted(set(name) & WINDOWS_REFUSES)
        if bad:
            return f"Windows does not allow {''.join(bad)!r} in a file name"
        if name.endswith((".", " ")):
            return "Windows does not allow a name ending in a dot or a space"
    return ""


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def write_atomic(target: Path | str, data: bytes, protected: Iterable[Path | str] = (),
                 own_pack: bool = False) -> None:
    """Replace `target` with `data` atomically (`data` must not be empty)."""
    write_atomic_with(target, lambda fh: fh.write(data), protected, own_pack)


def write_atomic_with(target: Path | str, writer: Callable[[BinaryIO], object],
                      protected: Iterable[Path | str] = (), own_pack: bool = False) -> None:
    """Replace `target` with what `writer` writes to a binary file object, atomically.

    Raises `TargetRefused` for a target `check_target` refuses or when `writer` wrote
    nothing, and OSError (PermissionError, a full disk, ...) otherwise; in every case
    the target is left unchanged.
    """
    def once(fh: BinaryIO) -> Iterator[None]:
        writer(fh)
        yield

    for _ in write_atomic_steps(target, once, protected, own_pack):
        pass


def write_atomic_steps(target: Path | str, steps: Callable[[BinaryIO], Iterator[None]],
                       protected: Iterable[Path | str] = (), own_pack: bool = False
                       ) -> Iterator[None]:
    """`write_atomic_with`, a step at a time: `steps(fh)` writes a piece per step it
    yields, and the target is replaced after the last. A writer that works between
    a window's frames steps through this; closing it early removes the temp file and
    leaves the target as it was."""
    target = Path(target)
    check_target(target, protected, own_pack)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777 if not target.is_symlink() else None
    except FileNotFoundError:
        mode = None
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield from steps(fh)
            fh.flush()
            if fh.tell() == 0:
                raise TargetRefused(f"{target}: nothing to write (0 bytes); the file is "
                                    "left as it was")
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
