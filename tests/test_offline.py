"""Nothing needs or tries the network: the CLI and the app run in a network namespace
with no interfaces, while an audit hook records any attempt to resolve or connect."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import os, sys, tempfile
from pathlib import Path
attempts = []
NETWORK = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyaddr", "urllib.Request", "http.client.connect",
           "socket.sendto", "socket.bind")
def hook(event, args):
    if event in NETWORK:
        attempts.append((event, repr(args)[:200]))
sys.addaudithook(hook)
os.environ["QT_QPA_PLATFORM"] = "offscreen"
out = Path(tempfile.mkdtemp())
from desktop.cli import main
assert main(["validate"]) == 0
assert main(["export", "--out", str(out / "d.pptx"), "--sections", "operations"]) == 0
assert main(["export", "--out", str(out / "d.pdf"), "--sections", "operations"]) == 0
assert main(["snapshot", "window", "--out", str(out / "w.png"), "--size", "1280x720"]) == 0
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication([])
from content.loader import load_pack
from desktop.shell.main_window import MainWindow
window = MainWindow(load_pack(), remember_layout=False)
window.show()
window.state.select_event("kabul-airlift")
window.deck_dock.raise_()
app.processEvents()
window.builder.refresh()
window.deck_actions.present(0)
window.deck_actions.show_controller.presentation.key(16777236)  # Right
window.deck_actions.show_controller.window.enter_live()
app.processEvents()
window.deck_actions.show_controller.presentation.end()
app.processEvents()
assert "PySide6.QtNetwork" not in sys.modules, "QtNetwork was loaded"
print("ATTEMPTS", attempts)
"""


@pytest.mark.slow
def test_cli_and_app_run_without_a_network(tmp_path: Path) -> None:
    env = dict(os.environ, BRIEFDESK_CACHE_DIR=str(tmp_path / "cache"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    command = [sys.executable, "-c", SCRIPT]
    isolated = shutil.which("unshare") and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True).returncode == 0
    if isolated:
        command = ["unshare", "-n", *command]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ATTEMPTS []" in result.stdout, result.stdout[-2000:]
    if not isolated:
        pytest.xfail("no network namespace here: only the audit hook checked")


def test_the_audit_hook_would_see_a_connection(tmp_path: Path) -> None:
    """Control: the same hook records an attempt, so the check above can fail."""
    probe = SCRIPT.split("os.environ")[0] + (
        "import socket\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=0.2)\n"
        "except OSError:\n    pass\n"
        "print('ATTEMPTS', attempts)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert "socket.connect" in result.stdout
