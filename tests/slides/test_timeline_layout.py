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
def test_each_label_sits_over_its_stop_inside_the_body(pack: Pack, count: int) -> None:
    spacing = W / count
    for i, box in enumerate(label_boxes(pack, count, "Label")):
        stop = X + spacing * (i + 0.5)
        assert box.x <= stop <= box.x + box.w, box.name
        assert box.x >= X and box.x + box.w <= X + W, box.name
        for paragraph in box.paragraphs:
            for line in paragraph.lines:
                text = "".join(run.text for run in line)
                assert text_width(text, line[0].size) <= box.w, (box.name, text)
