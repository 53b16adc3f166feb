"""The combined timeline: a lane per section on one axis, titles only where whole."""

from __future__ import annotations

import itertools

from content.loader import load_pack
from slides.lanes_layout import LANES_PER_SLIDE, lane_rows, lanes_shapes
from slides.spec import Ellipse, TextBox


def _lanes(section_ids: list[str]):
    pack = load_pack()
    return pack, [(pack.section(s).title, "#3566a8", pack.events_in_section(s))
                  for s in section_ids]


def test_every_event_is_a_mark_in_its_sections_lane_and_lanes_do_not_overlap() -> None:
    pack, lanes = _lanes(["history", "operations", "dialogue"])
    every = [e for _, _, evs in lanes for e in evs]
    shapes = lanes_shapes(lanes, every, 48, 100, 864, 400, pack.info.as_of.last_day())
    marks = [s for s in shapes if isinstance(s, Ellipse)]
    assert len(marks) == len(every)
    titles = [s for s in shapes if isinstance(s, TextBox) and s.name.startswith("Lane ")]
    assert [t.plain_text() for t in titles] == [title for title, _, _ in lanes]
    for a, b in itertools.pairwise(titles):
        assert a.y + a.h <= b.y + 0.01


def test_labels_are_whole_and_never_collide_in_a_lane() -> None:
    """A title is written only when it fits before the next mark: no ellipsis, no
    two labels over each other."""
    pack, lanes = _lanes(["history", "dialogue", "turkey"])
    every = [e for _, _, evs in lanes for e in evs]
    shapes = lanes_shapes(lanes, every, 48, 100, 864, 400, pack.info.as_of.last_day())
    labels = [s for s in shapes if isinstance(s, TextBox) and s.name.startswith("Label ")]
    assert labels
    titles = {e.id: e.title for e in every}
    for label in labels:
        assert label.plain_text() == titles[label.name.removeprefix("Label ")]
        assert "\u2026" not in label.plain_text()
    for a in labels:
        for b in labels:
            if a is not b and abs(a.y - b.y) < 1:
                assert a.x + a.w <= b.x + 0.01 or b.x + b.w <= a.x + 0.01


def test_many_sections_share_the_lanes_out_evenly() -> None:
    lanes = [(f"S{n}", "#000000", []) for n in range(13)]
    rows = lane_rows(lanes)  # type: ignore[arg-type]
    assert [len(r) for r in rows] == [7, 6] and max(len(r) for r in rows) <= LANES_PER_SLIDE
