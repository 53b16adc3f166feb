"""A lane's spans as rows of bars that never overlap; what does not fit is a point."""

from __future__ import annotations

import dataclasses
import itertools

from content.dates import PartialDate
from content.loader import load_pack
from desktop.timeline.packing import pack_spans


def test_overlapping_spans_take_rows_and_the_rest_become_points() -> None:
    base = next(e for e in load_pack().events if e.is_span)
    spans = [dataclasses.replace(base, id=f"s{n}", date=PartialDate(2000 + n, 1, 1),
                                 end=PartialDate(2010, 1, 1)) for n in range(4)]
    rows, overflow = pack_spans(spans, 2)
    assert len(rows) == 2 and [e.id for e in overflow] == ["s2", "s3"]  # longest first
    for row in rows:
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(row))
    separate = [dataclasses.replace(base, id=f"t{n}", date=PartialDate(2000 + 2 * n, 1, 1),
                                    end=PartialDate(2001 + 2 * n, 1, 1)) for n in range(5)]
    rows, overflow = pack_spans(separate, 2)
    assert len(rows) == 1 and not overflow and [b[2].id for b in rows[0]] == [
        f"t{n}" for n in range(5)]
