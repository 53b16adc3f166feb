"""Data shipped with the app (basemap, icons, templates), found via importlib.resources."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource file, wherever the package is installed."""
    return Path(str(importlib.resources.files("resources").joinpath(*parts)))
