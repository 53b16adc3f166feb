"""Where a time axis breaks: the one rule the app's timeline and the deck's share.

A pack of 1992, 1994, 2002 and twenty events in 2021–2025 would put most of its
story in the last seventh of a linear axis. An empty stretch between neighbouring
days (event starts and ends) is shortened to a marked break when it is longer than
`GAP_AT_LEAST` and than `GAP_SHARE` of the whole time shown; the app's timeline
(`desktop.timeline.scale.Warp`) and the timeline slides
(`slides.timeline_layout.Scale`) both ask `gaps` and only draw the break their way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

GAP_AT_LEAST = 3 * 365.25  # days: a shorter empty stretch is never shortened
GAP_SHARE = 0.2  # ... nor one shorter than this share of the whole time shown


def gaps(days: Iterable[float]) -> list[tuple[float, float]]:
    """(last day before, first day after) of each empty stretch between neighbouring
    `days` worth shortening, in order."""
    ordered = sorted(set(days))
    if len(ordered) < 2:
        return []
    least = max(GAP_AT_LEAST, GAP_SHARE * (ordered[-1] - ordered[0]))
    return [(a, b) for a, b in itertools.pairwise(ordered) if b - a > least]
