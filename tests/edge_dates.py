"""Packs at the calendar's edges, for the tests of every layer."""

from __future__ import annotations

import re
from pathlib import Path

EDGES = [("0001-01-01", "9999-12-31"), ("2024-02-29", "2028-02-29"), ("0001", "9999"),
         ("0004-02-29", "9996-02-29"), ("0001-03", "9999-12"), ("1900-02-28", "2000-02-29")]


def with_edge_dates(folder: Path, first: str, last: str) -> None:
    """Every event of the pack in `folder` moved to `first`, the last one to `last`;
    spans, approximate flags and report dates dropped so the two are the pack's
    extremes."""
    events = folder / "events.yaml"
    text = re.sub(r"^    (end|approximate|reported|dated_by): .*\n", "",
                  events.read_text(encoding="utf-8"), flags=re.M)
    text = re.sub(r"^    date: \S+$", f'    date: "{first}"', text, flags=re.M)
    dates = list(re.finditer(r"^    date: (\S+)$", text, re.M))
    text = text[:dates[-1].start(1)] + f'"{last}"' + text[dates[-1].end(1):]
    events.write_text(text, encoding="utf-8")
