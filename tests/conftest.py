"""Test-wide fixtures: every test gets its own cache, config and home folders.

With `BRIEFDESK_NO_QT=1` PySide6 is made unimportable and Qt test folders are not
collected, proving the non-Qt code and tests need no Qt at all.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

NO_QT = os.environ.get("BRIEFDESK_NO_QT") == "1"
if NO_QT:
    sys.modules["PySide6"] = None  # type: ignore[assignment]  # any import now fails


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Without Qt, skip the desktop tests that need it; the Qt-free ones (pure logic
    that lives in desktop/, such as the map's pair counting) still run."""
    if not NO_QT or collection_path.suffix != ".py" or "desktop" not in collection_path.parts:
        return None
    text = collection_path.read_text(encoding="utf-8")
    needs_qt = re.search(r"\bPySide6\b|\bqtbot\b|\bqapp\b|\bstate\)|tests\.desktop\.views", text)
    return True if needs_qt else None

PACK = Path(__file__).resolve().parents[1] / "content" / "packs" / "azerbaijan-nato"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Point caches, settings and home at temp folders so no test touches the user's."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BRIEFDESK_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("HOME", str(base / "home"))


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """A writable copy of the embedded pack."""
    target = tmp_path / "pack"
    target.mkdir()
    for source in PACK.glob("*.yaml"):
        (target / source.name).write_bytes(source.read_bytes())
    return target
