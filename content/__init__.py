"""Content: the model of a briefing pack, its hardened loader, queries and geography.

Pure Python: nothing here imports Qt or python-pptx.
"""

from content.errors import ContentError, ContentErrors, Problem
from content.loader import load_pack
from content.model import Pack

__all__ = ["ContentError", "ContentErrors", "Pack", "Problem", "load_pack"]
