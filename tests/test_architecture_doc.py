"""docs/architecture.md names every module's room: a newcomer finds each one there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def _modules() -> list[str]:
    found = []
    for package in ("content", "slides", "desktop", "resources"):
        for path in (ROOT / package).rglob("*.py"):
            if "packs" in path.parts or path.name == "__main__.py":
                continue
            if path.name == "__init__.py" and path.parent.name != "resources":
                continue
            found.append(path.relative_to(ROOT).as_posix())
    return sorted(found)


def test_every_module_is_named_in_the_architecture_doc() -> None:
    named = set(re.findall(r"`([a-z_/]+\.py)`", DOC.read_text(encoding="utf-8")))
    missing = [m for m in _modules() if m not in named]
    assert missing == [], f"docs/architecture.md does not name: {missing}"


def test_the_doc_names_no_module_that_is_gone() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:content|slides|desktop|resources)/[a-z_/]+\.py)`", text))
    gone = sorted(m for m in named if not (ROOT / m).exists())
    assert gone == [], f"docs/architecture.md names modules that do not exist: {gone}"
