"""The one-folder app `scripts/bundle` builds: it runs with nothing installed.

Built here for Linux (the CI workflow builds it on Windows and macOS too); run from a
folder outside the checkout with a bare environment, no Python and no checkout on its
path, it validates the embedded pack and exports a deck.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="the bundle's name differs on Windows: CI")
def test_the_bundled_app_validates_and_exports_with_nothing_installed(tmp_path: Path) -> None:
    built = subprocess.run([str(ROOT / "scripts" / "bundle")], cwd=ROOT, capture_output=True,
                           text=True, timeout=1500)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    app = ROOT / "dist" / "briefdesk" / "briefdesk"
    for data in ("content/packs/azerbaijan-nato/events.yaml", "resources/basemap",
                 "resources/fonts", "resources/gazetteer", "resources/templates",
                 "pptx/templates/default.pptx"):
        assert (app.parent / "_internal" / data).exists(), data
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen"}
    checked = subprocess.run([str(app), "validate"], cwd=elsewhere, env=bare,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0 and checked.stdout.startswith("ok: Azerbaijan and NATO"), (
        checked.stdout + checked.stderr[-2000:])
    deck = elsewhere / "deck.pptx"
    exported = subprocess.run([str(app), "export", "--out", str(deck), "--sections",
                               "history,operations,energy"], cwd=elsewhere, env=bare,
                              capture_output=True, text=True, timeout=300)
    assert exported.returncode == 0, exported.stderr[-2000:]
    with zipfile.ZipFile(deck) as package:
        assert package.testzip() is None
        assert sum(n.startswith("ppt/slides/slide") for n in package.namelist()) == 12
