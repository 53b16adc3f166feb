"""The one table from a failure to what the user is told, for the window and the CLI.

Qt-free, so the command line uses it without starting Qt. Every expected failure —
content problems, a recipe, a template, an export target, a file system error — has a
title for a dialog and a one-line (or one line per problem) text; anything else is a
bug, reported by its type, never as a traceback.
"""

from __future__ import annotations

from content.errors import ContentError
from content.fileio.atomic import TargetRefused
from content.fileio.reading import FileRefused
from slides.errors import DeckError, ExportError, RecipeError, TemplateError

TITLES: list[tuple[type[BaseException], str]] = [
    (TemplateError, "The template cannot be used"),
    (ExportError, "The file could not be saved"),
    (RecipeError, "The recipe has problems"),
    (ContentError, "The content has problems"),
    (TargetRefused, "The file could not be saved"),
    (FileRefused, "The file could not be read"),
    (DeckError, "The deck could not be made"),
    (OSError, "The file could not be written"),
]


def error_message(exc: BaseException) -> tuple[str, str]:
    """(title, text) to show for a failure while loading, building, saving or exporting."""
    for kind, title in TITLES:
        if isinstance(exc, kind):
            return title, error_text(exc)
    return "Something went wrong", str(exc) or type(exc).__name__


def error_text(exc: BaseException) -> str:
    """The text alone: one line, or one line per content problem."""
    if isinstance(exc, ContentError):
        return exc.report()
    if isinstance(exc, OSError) and not isinstance(exc, (DeckError, TargetRefused)):
        name = f"{exc.filename}: " if exc.filename else ""
        return f"{name}{exc.strerror or exc}"
    return str(exc) or type(exc).__name__
