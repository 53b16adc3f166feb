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


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_environment_validates_and_exports(
        tmp_path: Path) -> None:
    """What `pipx install` gives an analyst: the built wheel and the locked
    dependencies in a new virtual environment, run from a folder outside the
    checkout with a bare environment: `briefdesk validate` passes and `export` writes
    a deck (Pillow and lxml come as declared dependencies, not from the checkout)."""
    import os
    import venv

    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = wheels.glob("briefing_desk-*.whl")
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=True)
    python = fresh / ("Scripts" if os.name == "nt" else "bin") / "python"
    for args in (["--require-hashes", "--no-deps", "-r", str(ROOT / "requirements" /
                                                               "app.lock")],
                 ["--no-deps", str(wheel)]):
        done = subprocess.run([str(python), "-m", "pip", "install", "-q", *args],
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    bare = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "SYSTEMROOT", "TMPDIR",
                                      "TEMP") if k in os.environ}
    bare.update(XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen")
    tool = fresh / ("Scripts" if os.name == "nt" else "bin") / "briefdesk"
    checked = subprocess.run([str(tool), "validate"], cwd=outside, env=bare,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr[-2000:]
    deck = outside / "deck.pptx"
    exported = subprocess.run([str(tool), "export", "--out", str(deck), "--sections",
                               "history,operations,energy"], cwd=outside, env=bare,
                              capture_output=True, text=True, timeout=300)
    assert exported.returncode == 0, exported.stderr[-2000:]
    assert zipfile.ZipFile(deck).testzip() is None
    imported_from = subprocess.run([str(python), "-c", "import content, PIL, lxml; "
                                    "print(content.__file__)"], cwd=outside, env=bare,
                                   capture_output=True, text=True, timeout=60)
    assert str(fresh) in imported_from.stdout, imported_from.stdout  # not the checkout
