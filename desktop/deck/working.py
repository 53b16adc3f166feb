"""The working deck, kept between sessions: the recipe in the Deck pane and the
recipe file it was last saved to or loaded from.

Written (atomically) in the app's configuration folder a moment after each change, read
when the Deck pane is first built. A working recipe that no longer reads (an old
format, a hand edit gone wrong) is set aside, and the pane starts from the pack's
default recipe: a bad file never stops the app.
"""

from __future__ import annotations

import os
from pathlib import Path

from content.fileio.atomic import write_atomic
from slides.errors import DeckError
from slides.recipe import Recipe, load_recipe, save_recipe


def config_folder() -> Path:
    """The user's configuration folder for the app (XDG_CONFIG_HOME, as Qt's)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "briefing-desk"


def working_path() -> Path:
    """Where the working recipe is kept."""
    return config_folder() / "working-recipe.yaml"


def _file_note() -> Path:
    return config_folder() / "working-recipe-file.txt"


def save_working(recipe: Recipe, recipe_file: Path | None) -> None:
    """Keep `recipe` (and the file it belongs to) for the next start."""
    try:
        working_path().parent.mkdir(parents=True, exist_ok=True)
        save_recipe(recipe, working_path())
        write_atomic(_file_note(), str(recipe_file or "").encode("utf-8"))
    except OSError:
        return  # a full or read-only disk: the session goes on, unremembered


def load_working() -> tuple[Recipe | None, Path | None]:
    """The recipe kept by the last session and its file, or (None, None)."""
    path = working_path()
    if not path.is_file():
        return None, None
    try:
        recipe = load_recipe(path)
    except (DeckError, OSError):
        path.replace(path.with_suffix(".unreadable.yaml"))
        return None, None
    try:
        name = _file_note().read_text(encoding="utf-8").strip()[:4096]
    except (OSError, UnicodeDecodeError):
        name = ""
    return recipe, Path(name) if name else None
