"""Run the CLI in a child process and measure its own time and peak memory.

Tests assert the memory (a budget that holds however busy the machine is) and never
the time: a child that takes longer than HANG_GUARD_S is a hang, not a slow run.
The seconds are for benchmarks/hostile.py, which holds them against a floor.

`ru_maxrss` from wait4 is useless here: Linux carries the parent's high-water mark
into a forked child across exec, so a large pytest process inflates every child.
The child's own `VmHWM` (from /proc/self/status, fresh at exec) is read at exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANG_GUARD_S = 60  # far beyond any case's time on the busiest machine seen (3.6 s)
RUNNER = """
import atexit, os, runpy, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            with open(os.environ["PEAK_FILE"], "w") as fh:
                fh.write(line.split()[1])
atexit.register(_peak)
sys.argv = ["briefdesk", *sys.argv[1:]]
runpy.run_module("desktop", run_name="__main__")
"""


def run_cli(*args: str, env: dict[str, str] | None = None,
            prefix: Sequence[str] = ()) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak MB) of `briefdesk ARGS` in a fresh process,
    started through `prefix` (a command such as `setpriv ...`) when given."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        child_env = dict(env or os.environ, PEAK_FILE=peak.name)
        started = time.perf_counter()
        result = subprocess.run([*prefix, sys.executable, "-c", RUNNER, *args], cwd=ROOT,
                                env=child_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, timeout=HANG_GUARD_S)
        seconds = time.perf_counter() - started
        text = Path(peak.name).read_text().strip()
    peak_mb = int(text) / 1024 if text else float("inf")
    return result.returncode, result.stderr.decode("utf-8", "replace"), seconds, peak_mb
