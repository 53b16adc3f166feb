"""Data shipped with the app (basemap, icons, templates), beside this module."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file: the files lie beside this module wherever
    the package is, a checkout, an install or the app bundle (which collects them to
    the same place). Not through `importlib.resources`: its import is 3 ms of the
    window's first frame, and its answer here is this folder all the same."""
    return _HERE.joinpath(*parts)
