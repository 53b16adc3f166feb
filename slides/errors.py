"""Errors of deck building and writing, each with a message fit to show a user."""


class DeckError(Exception):
    """Base class: a deck could not be built or written."""


class RecipeError(DeckError):
    """A recipe file or value that cannot be used (the message names file, line, column)."""


class TemplateError(DeckError):
    """A template that is not a usable .pptx or .potx."""


class ExportError(DeckError):
    """The deck could not be written where asked (permissions, disk full, file in use)."""
