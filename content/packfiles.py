"""Which files a content pack is, and reading their bytes safely.

A pack is `pack.yaml`, `sections.yaml`, `events.yaml`, `places.yaml`, `actors.yaml`,
`sources.yaml` and optionally `members.yaml`, side by side in one folder. Reading
them refuses what is not a pack file: a missing required file, a link out of the
folder, a device or FIFO put in a file's place, a file over the loader's size cap.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from content.errors import ContentError, ContentErrors, Problem
from content.fileio.reading import FileRefused, read_regular
from content.yamlread import MAX_FILE_BYTES, refused_problem

REQUIRED_FILES = ("pack.yaml", "sections.yaml", "events.yaml", "places.yaml",
                  "actors.yaml", "sources.yaml")
OPTIONAL_FILES = ("members.yaml",)
DEFAULT_PACK = "azerbaijan-nato"


def default_pack_folder() -> Path:
    """The embedded Azerbaijan–NATO pack, found relative to the installed package."""
    return Path(str(importlib.resources.files("content") / "packs" / DEFAULT_PACK))


def read_pack_files(folder: Path) -> dict[str, bytes]:
    """The raw bytes of each pack file present; unreadable or escaping files are problems."""
    if not folder.is_dir():
        raise ContentError(Problem(str(folder), 0, 0, "pack folder not found"))
    root = folder.resolve()
    problems: list[Problem] = []
    files: dict[str, bytes] = {}
    if not any((folder / n).exists() or (folder / n).is_symlink() for n in REQUIRED_FILES):
        raise ContentError(Problem(str(folder), 0, 0, "this folder is not a content pack "
                                   f"(it has none of {', '.join(REQUIRED_FILES)})"))
    for name in REQUIRED_FILES + OPTIONAL_FILES:
        path = folder / name
        shown = str(path)
        if not path.exists() and not path.is_symlink():
            if name in REQUIRED_FILES:
                problems.append(Problem(shown, 0, 0, "required pack file is missing"))
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            problems.append(Problem(shown, 0, 0, "broken or looping symbolic link"))
            continue
        if real.parent != root:
            problems.append(Problem(shown, 0, 0,
                                    f"links outside the pack folder (to {real}); refused"))
            continue
        if not real.is_file():
            problems.append(Problem(shown, 0, 0, "is not a regular file"))
            continue
        try:  # a file swapped for a FIFO or device since the check is refused here too
            files[name] = read_regular(real, MAX_FILE_BYTES, "file")
        except FileRefused as exc:
            problems.append(refused_problem(shown, exc))
    if problems:
        raise ContentErrors(problems)
    return files
