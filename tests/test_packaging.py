"""The packs and resources ship inside an installed wheel, found by import name."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_packages_and_pack_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("briefing_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("desktop/cli.py", "slides/__init__.py", "content/loader.py",
                     "resources/__init__.py",
                     "content/packs/azerbaijan-nato/events.yaml",
                     "content/packs/azerbaijan-nato/members.yaml"):
        assert required in names
    assert not any(n.startswith("tests/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "briefdesk = desktop.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
