"""Import is linear: thousands of rows into a large pack, against a cold `validate`
of the pack that results, both as fresh `briefdesk` processes in the same run. The
import runs as an analyst's does, on the pack they have open (its cache warm); the
floor reads and checks the whole result from nothing.

An import must parse the pack, check every row, place every new event and check the
pack as it would be: a small multiple of one validation. Before the importer placed
all rows in one pass, every row scanned every event (8,000 rows into 20,000 events
took 7.4 s; 20,000 into 100,000 did not finish in 7 minutes).

    .venv/bin/python -m benchmarks.importing [EVENTS ROWS]
"""

from __future__ import annotations

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_pack

ROOT = Path(__file__).resolve().parents[1]
# The size the finding measured (7.4 s before), and the import-sized case: 20,000
# rows into a 100,000-event pack (a 71 MB events.yaml).
EVENTS, ROWS = 20_000, 8_000
LARGE_EVENTS, LARGE_ROWS = 100_000, 20_000
_FIRST_DAY, _DAYS = datetime.date(1990, 1, 1), 35 * 365
RUNS = 3


def _cli(*args: str, cache: Path) -> float:
    """Seconds of one `briefdesk ARGS` child, which must succeed."""
    env = dict(os.environ, BRIEFDESK_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800, text=True)
    return time.perf_counter() - started


def _rows(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "title", "summary"])
        for n in range(rows):  # spread over 35 years' days, as a real export is
            day = _FIRST_DAY + datetime.timedelta(days=n * 7919 % _DAYS)
            out.writerow([day.isoformat(), f"Imported event {n}",
                          f"Row {n} of an import-sized export."])
    return path


def measure(events: int = EVENTS, rows: int = ROWS, runs: int = RUNS) -> tuple[float, float]:
    """(seconds to import `rows` rows into an `events`-event pack, seconds of a cold
    validate of the result), each the best of `runs`: an import and a validate take
    turns, each import into a fresh copy of the same pack, so a busy moment of the
    machine falls on both alike rather than on one figure."""
    from benchmarks.synthetic import SECTION_IDS

    with tempfile.TemporaryDirectory() as tmp:
        # in date order, as a curated pack is kept: every row has its own place
        original = write_pack(Path(tmp) / "original", events, in_date_order=True)
        sheet = _rows(Path(tmp) / "rows.csv", rows)
        imports, validates = [], []
        for n in range(runs):
            folder = Path(tmp) / f"pack-{n}"
            shutil.copytree(original, folder)
            # The analyst imports into the pack they have open: its cache is warm.
            warm = Path(tmp) / f"cache-import-{n}"
            _cli("validate", "--content", str(folder), cache=warm)
            imports.append(_cli("import", str(sheet), "--pack", str(folder), "--section",
                                SECTION_IDS[0], "--source", "src-0", cache=warm))
            shutil.rmtree(warm, ignore_errors=True)
            validates.append(_cli("validate", "--content", str(folder),
                                  cache=Path(tmp) / f"cold-{n}"))
            shutil.rmtree(Path(tmp) / f"cold-{n}", ignore_errors=True)
    return min(imports), min(validates)


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:3]] or [EVENTS, ROWS]
    took, floor = measure(*sizes)
    print(f"import {sizes[1]:,} rows into {sizes[0]:,} events: {took:.1f} s; cold validate "
          f"of the result {floor:.1f} s ({took / floor:.2f} x)")
