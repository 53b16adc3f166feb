"""The timeline slide's labels: each stays by its stop, and labels on the same side
of the axis never overlap, however many stops the slide has."""

from __future__ import annotations

import itertools

import pytest

from content.model import Pack
from slides.spec import TextBox
from slides.text import text_width
from slides.timeline_layout import EVENTS_PER_SLIDE, timeline_shapes

X, Y, W, H = 46.0, 120.0, 868.0, 360.0


def label_boxes(pack: Pack, count: int, prefix: str) -> list[TextBox]:
    shapes = timeline_shapes(list(pack.events[:count]), X, Y, W, H)
    return [s for s in shapes if isinstance(s, TextBox) and s.name.startswith(prefix)]


@pytest.mark.parametrize("count", range(1, EVENTS_PER_SLIDE + 1))
@pytest.mark.parametrize("prefix", ["Label", "Date"])
def test_labels_on_one_side_never_overlap(pack: Pack, count: int, prefix: str) -> None:
    boxes = label_boxes(pack, count, prefix)
    assert len(boxes) == count
    for side in (boxes[0::2], boxes[1::2]):  # stops alternate above and below
        for left, right in itertools.pairwise(side):
            assert left.x + left.w < right.x, (prefix, count, left.name, right.name)


@pytest.mark.parametrize("count", range(1, EVENTS_PER_SLIDE + 1))
def test_each_label_is_tied_to_its_stop_inside_the_body(pack: Pack, count: int) -> None:
    events = list(pack.events[:count])
    shapes = timeline_shapes(events, X, Y, W, H)
    for event in events:
        label = next(s for s in shapes if getattr(s, "name", "") == f"Label {event.id}")
        marker = next(s for s in shapes if getattr(s, "name", "") == f"Marker {event.id}")
        leader = next(s for s in shapes if getattr(s, "name", "") == f"Leader {event.id}")
        centre = label.x + label.w / 2
        ends = {round(leader.x1, 3), round(leader.x2, 3)}
        assert round(centre, 3) in ends and round(marker.x + marker.w / 2, 3) in ends
        assert label.x >= X and label.x + label.w <= X + W, label.name
        for paragraph in label.paragraphs:
            for line in paragraph.lines:
                text = "".join(run.text for run in line)
                assert "\u2026" not in text  # whole, never cut
                assert text_width(text, line[0].size) <= label.w, (label.name, text)


def _event(pack: Pack, n: int, date: str, end: str | None = None) -> object:
    import dataclasses

    from content.dates import PartialDate

    return dataclasses.replace(pack.events[0], id=f"e{n}", date=PartialDate.parse(date),
                               end=PartialDate.parse(end) if end else None, ongoing=False,
                               reported=None)


def test_stops_sit_on_a_true_time_scale(pack: Pack) -> None:
    """1992, 1994 and 1996 are evenly apart; 1993 is halfway between 1992 and 1994."""
    events = [_event(pack, n, d) for n, d in enumerate(["1992-01-01", "1993-01-01",
                                                          "1994-01-01", "1996-01-01"])]
    shapes = timeline_shapes(events, X, Y, W, H)
    xs = [next(s.x for s in shapes if getattr(s, "name", "") == f"Marker e{n}")
          for n in range(4)]
    assert abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 1.0
    assert abs((xs[3] - xs[2]) - 2 * (xs[1] - xs[0])) < 1.5


def test_a_long_empty_gap_becomes_a_break_and_a_span_a_bar(pack: Pack) -> None:
    events = [_event(pack, 0, "1992"), _event(pack, 1, "1994-01-01", "2021-08-31"),
              _event(pack, 2, "2021-08-15"), _event(pack, 3, "2021-12-14")]
    shapes = timeline_shapes(events, X, Y, W, H)
    names = [getattr(s, "name", "") for s in shapes]
    assert "Timeline break" in names  # 1994 to 2021 is shortened ...
    bar = next(s for s in shapes if getattr(s, "name", "") == "Span e1")
    assert bar.w > 20  # ... and the span is a bar across it
    xs = {n: next(s.x for s in shapes if getattr(s, "name", "") == f"Marker e{n}")
          for n in range(4)}
    assert xs[3] - xs[2] > 10  # four months apart, not squeezed into one point
