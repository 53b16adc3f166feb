"""Test-wide fixtures: every test gets its own cache, config and home folders.

The suite runs in two halves (scripts/test), each test exactly once:
- `BRIEFDESK_NO_QT=1`: PySide6 is made unimportable and only the tests that need no
  Qt run, proving the non-Qt code and its tests need no Qt at all;
- `BRIEFDESK_ONLY_QT=1`: the rest, the tests that need Qt.
With neither set (plain `pytest`), every test runs in one process.
A test needs Qt when its file imports Qt at the top, or when it uses a Qt fixture
(`qtbot`, `qapp`, or one built on them).
"""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path

import pytest

NO_QT = os.environ.get("BRIEFDESK_NO_QT") == "1"
ONLY_QT = os.environ.get("BRIEFDESK_ONLY_QT") == "1"
if NO_QT:
    sys.modules["PySide6"] = None  # type: ignore[assignment]  # any import now fails

QT_IMPORT = re.compile(r"^(from|import) (PySide6|pytestqt|tests\.desktop\.(views|clock))\b",
                       re.M)
QT_FIXTURES = frozenset({"qtbot", "qapp", "state", "window"})  # and all built on them


# In desktop/, most modules are Qt's: a desktop test file is taken to need Qt when it
# names Qt or its fixtures anywhere (the Qt-free ones, such as the map's pair counting
# or the CLI without a window, name none of them).
DESKTOP_QT_WORDS = re.compile(
    r"\bPySide6\b|\bqtbot\b|\bqapp\b|\bstate\)|\bwindow\)|tests\.desktop\.(views|clock)")


@functools.cache
def _imports_qt(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    if "desktop" in path.parts:
        return bool(DESKTOP_QT_WORDS.search(text))
    return bool(QT_IMPORT.search(text))


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Without Qt, a test file that imports Qt at the top cannot even be collected."""
    if NO_QT and collection_path.suffix == ".py" and collection_path.name.startswith(
            "test_") and _imports_qt(collection_path):
        return True
    return None


def _needs_qt(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & QT_FIXTURES) or _imports_qt(Path(item.fspath))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the half of the suite this run is for (see the module's docstring)."""
    if not (NO_QT or ONLY_QT):
        return
    keep = [item for item in items if _needs_qt(item) == ONLY_QT]
    dropped = [item for item in items if _needs_qt(item) != ONLY_QT]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


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
