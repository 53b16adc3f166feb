"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(fn: Callable[[], object], runs: int = 3) -> float:
    """Best wall-clock seconds of `fn()` over `runs` (the least disturbed run)."""
    result = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        result = min(result, time.perf_counter() - started)
    return result
