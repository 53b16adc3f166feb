"""Content: the model of a briefing pack, its hardened loader, queries and geography.

Pure Python: nothing here imports Qt or python-pptx.

The names below are imported on first use, not with the package: importing
`content.errors` alone (as the command line and the window's first frame do) must
not pull in the loader, the model and the cache.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from content.errors import ContentError, ContentErrors, Problem
    from content.loader import load_pack
    from content.model import Pack

_HOMES = {"ContentError": "content.errors", "ContentErrors": "content.errors",
          "Problem": "content.errors", "load_pack": "content.loader", "Pack": "content.model"}

__all__ = ["ContentError", "ContentErrors", "Pack", "Problem", "load_pack"]


def __getattr__(name: str) -> Any:
    """`content.load_pack` and friends, imported from their module when first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'content' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
