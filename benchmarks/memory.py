"""Peak memory of the app: the 10,000-event pack against the embedded pack.

Each figure is a fresh process's own VmHWM (peak resident memory) after loading the
pack, opening the main window and painting it, with the Deck tab shown (so the deck
and its thumbnails are built too).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from content.loader import load_pack
from desktop.shell.main_window import MainWindow
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
window = MainWindow(load_pack(folder), folder, watch=False, remember_layout=False)
window.show()
app.processEvents()
window.deck_dock.raise_()
app.processEvents()
window.grab()
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) / 1024)
"""


def peak_mb(folder: Path | None) -> float:
    """Peak resident MB of the app on `folder` (the embedded pack when None)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = [str(folder)] if folder else []
    out = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def measure(large: Path) -> tuple[float, float]:
    """(peak MB with `large`, peak MB with the embedded pack)."""
    return peak_mb(large), peak_mb(None)


if __name__ == "__main__":
    big, small = measure(Path(sys.argv[1]))
    print(f"10k {big:.0f} MB, embedded {small:.0f} MB, ratio {big / small:.2f}")
