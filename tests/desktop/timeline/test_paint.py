"""An ongoing span on the timeline: drawn to the as-of date, with an open end."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.timeline.lanes import EventHit
from desktop.timeline.view import TimelineView


def test_an_ongoing_span_is_drawn_to_the_as_of_date_and_fades(qtbot, state) -> None:
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1400, 500)
    view.show()
    qtbot.waitExposed(view)
    pfp = state.pack.event("partnership-for-peace")
    spans = [(a, b, e) for lane in view.lanes for row in lane.span_rows for a, b, e in row
             if e.id == pfp.id]
    assert spans
    _, b, _ = spans[0]
    assert b == state.pack.info.as_of.last_day().toordinal() + 1  # to the as-of date
    image = view.grab().toImage()
    hits = [h.rect for h in view._hits if isinstance(h, EventHit) and h.event is pfp]
    assert hits
    bar = hits[0]
    y = int(bar.center().y())
    solid = image.pixelColor(int(bar.left() + bar.width() * 0.3), y)
    faded = image.pixelColor(int(bar.right() - 3), y)
    background = image.pixelColor(int(bar.right() + bar.height() + 12), y)

    def distance(c1: QColor, c2: QColor) -> int:
        return sum(abs(x - y) for x, y in zip(c1.getRgb()[:3], c2.getRgb()[:3], strict=True))

    # The end fades towards the lane behind it: an open end, not a closed bar.
    assert distance(faded, background) < distance(solid, background)
