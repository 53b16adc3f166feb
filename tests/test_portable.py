"""Runs where analysts work: the CLI with the POSIX-only parts of Python hidden, as
Windows' Python hides them, and Windows-style names through the output checks.

Windows itself is not here: this proves what a Linux machine can (no call reaches
`os.O_NONBLOCK`, `os.O_NOFOLLOW`, `os.getuid`/`geteuid`, or the modules `fcntl`,
`pwd`, `grp`, `resource`, `termios`); the CI workflow runs the whole suite on
Windows and macOS runners (README, "What is proved where").
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from content.fileio.atomic import TargetRefused, check_target, name_problem
from content.fileio.reading import FileRefused, is_device_name, read_regular

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "content" / "packs" / "azerbaijan-nato"
HIDE_POSIX = """
import os, sys
for name in ("O_NONBLOCK", "O_NOFOLLOW", "getuid", "geteuid", "getgid", "getegid"):
    if hasattr(os, name):
        delattr(os, name)
for module in ("fcntl", "pwd", "grp", "resource", "termios"):
    sys.modules[module] = None  # import now fails, as on Windows
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def briefdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFDESK_NO_QT": "1"}
    return subprocess.run([sys.executable, "-c", HIDE_POSIX, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_every_cli_command_runs_with_the_posix_only_parts_hidden(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "events.yaml").write_bytes(  # a pack saved on Windows: CRLF line endings
        (pack / "events.yaml").read_bytes().replace(b"\n", b"\r\n"))
    cache = tmp_path / "cache"
    os.environ["BRIEFDESK_CACHE_DIR"] = str(cache)
    try:
        for _ in range(2):  # cold, then from the cache (its secret, its checks)
            done = briefdesk("--content", str(pack), "validate", cwd=tmp_path)
            assert done.returncode == 0, done.stderr[-2000:]
        assert any(cache.rglob("*")), "the cache was written and read back"
        dumped = briefdesk("--content", str(pack), "dump", cwd=tmp_path)
        assert dumped.returncode == 0, dumped.stderr[-2000:]
        assert len(json.loads(dumped.stdout)["events"]) >= 25
        deck = tmp_path / "deck.pptx"
        done = briefdesk("--content", str(pack), "export", "--out", str(deck),
                         "--sections", "history,operations,energy", cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        with zipfile.ZipFile(deck) as package:
            slides = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        assert 8 <= len(slides) <= 12
        rows = tmp_path / "new.csv"
        rows.write_text("date,title,summary,sections,places,sources\r\n2026-02-10,A visit,"
                        "Added on Windows,dialogue,baku,jamestown-2023\r\n", encoding="utf-8")
        done = briefdesk("import", "--pack", str(pack), str(rows), cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr[-2000:]
        assert b"A visit" in (pack / "events.yaml").read_bytes()
        out = tmp_path / "data.csv"
        done = briefdesk("--content", str(pack), "data", "--format", "csv", "--out",
                         str(out), cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "A visit" in out.read_text(encoding="utf-8")
    finally:
        del os.environ["BRIEFDESK_CACHE_DIR"]


@pytest.mark.parametrize("name", ["NUL", "con.pptx", "COM1.pdf", "lpt9.yaml", "Aux.tar.gz",
                                  "nul .pptx", "CONIN$"])
def test_windows_device_names_are_refused_as_outputs_everywhere(tmp_path: Path,
                                                               name: str) -> None:
    """A deck named CON.pptx cannot be opened on the Windows laptop it is meant for."""
    assert is_device_name(name)
    with pytest.raises(TargetRefused, match="device name on Windows"):
        check_target(tmp_path / name)
    assert not list(tmp_path.iterdir())


def test_windows_paths_and_characters(tmp_path: Path, monkeypatch) -> None:
    """A Windows path typed on Linux is not taken for a file name holding backslashes;
    on Windows (simulated) its reserved characters and trailing dots are refused, and
    a device name in a pack folder is refused before it is opened."""
    with pytest.raises(TargetRefused, match="backslash"):
        check_target(tmp_path / "C:\\Users\\analyst\\deck.pptx")
    assert name_problem(tmp_path / "briefing 2026-12-02.pptx") == ""
    assert not is_device_name("console.pptx") and not is_device_name("com10.txt")
    from content.fileio import reading

    monkeypatch.setattr(reading, "WINDOWS", True)
    for bad, words in (("a:b.pptx", "does not allow"), ('say "hi".pdf', "does not allow"),
                       ("deck.", "dot or a space"), ("deck ", "dot or a space")):
        assert words in name_problem(tmp_path / bad), bad
    with pytest.raises(FileRefused, match="device name on Windows"):
        read_regular(tmp_path / "NUL", 1000, "pack file")
