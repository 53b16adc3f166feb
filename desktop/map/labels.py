"""Level of detail on the map: clustering markers and placing labels on screen.

Both work in viewport pixels: markers closer than a threshold merge into the most
important one (selected first, then most events); every marker is reserved before
any label is placed, so a label never covers a marker; each place label tries right,
left, below and above, and is hidden if all four collide.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from desktop.map.clustering import Spot, cluster
from desktop.map.items import MarkerItem


def cluster_markers(markers: list[MarkerItem], transform: QTransform,
                    distance: float) -> list[MarkerItem]:
    """The markers to show; the others join the `cluster` of the lead they would
    overlap (see `desktop.map.clustering`): selected and highlighted places lead
    first, then those with most events."""
    ordered = sorted(markers, key=lambda m: (-(m.highlighted or m.selected_place), -m.count,
                                             m.place.id))
    by_key = {m.place.id: m for m in ordered}
    spots = []
    for m in ordered:
        p = transform.map(m.pos())
        spots.append(Spot(m.place.id, p.x(), p.y(), m.count))
    leads = []
    for group in cluster(spots, distance):
        lead = by_key[group.lead.key]
        lead.cluster = [by_key[s.key] for s in group.members]
        leads.append(lead)
    return leads


def place_labels(leads: list[MarkerItem], country_labels: list[QGraphicsSimpleTextItem],
                 transform: QTransform, reserved: QRectF, show_places: bool,
                 show_countries: bool, view: QRectF | None = None) -> None:
    """Show each label where it covers no marker, no other label and nothing `reserved`,
    and lies wholly inside `view` (the viewport): a label is hidden, never clipped."""
    inverse, _ = transform.inverted()
    taken: list[QRectF] = [reserved]
    for lead in leads:  # every marker first: no label may cover any of them
        r = lead.radius() + 2
        p = transform.map(lead.pos())
        taken.append(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
    for lead in leads if show_places else []:
        r = lead.radius()
        p = transform.map(lead.pos())
        box = lead.label.boundingRect()
        w, h = box.width(), box.height()
        candidates = (QRectF(p.x() + r + 3, p.y() - h / 2, w, h),       # right
                      QRectF(p.x() - r - 3 - w, p.y() - h / 2, w, h),   # left
                      QRectF(p.x() - w / 2, p.y() + r + 1, w, h),       # below
                      QRectF(p.x() - w / 2, p.y() - r - 1 - h, w, h))   # above
        for rect in candidates:
            if (view is None or view.contains(rect)) and \
                    not any(rect.intersects(t) for t in taken):
                taken.append(rect)
                lead.label.setPos(inverse.map(rect.topLeft()))
                lead.label.setVisible(True)
                break
    for label in country_labels:
        box = label.boundingRect()
        label.setVisible(False)
        if not show_countries:
            continue
        for p in _label_spots(label, transform, view):
            placed = False
            for dy in (0.0, 18.0, -18.0, 34.0):
                rect = QRectF(p.x() - box.width() / 2, p.y() - box.height() / 2 + dy,
                              box.width(), box.height())
                if (view is None or view.contains(rect)) and \
                        not any(rect.intersects(t) for t in taken):
                    label.setPos(inverse.map(rect.topLeft()))
                    label.setVisible(True)
                    taken.append(rect)
                    placed = True
                    break
            if placed:
                break


def _label_spots(label: QGraphicsSimpleTextItem, transform: QTransform,
                 view: QRectF | None) -> list[QPointF]:
    """Where a country's name may go, in viewport pixels: its centre, then, when
    that is off the view (Russia's is in Siberia), points of the country inside the
    view, the middle of its visible part first."""
    spots = [transform.map(label.data(0))]
    item = label.data(1)
    if view is None or item is None or view.contains(spots[0]):
        return spots
    inverse, _ = transform.inverted()
    seen = transform.mapRect(item.sceneBoundingRect()).intersected(view.adjusted(20, 12, -20, -12))
    if seen.width() < 40 or seen.height() < 16:
        return spots
    for fx, fy in ((0.5, 0.5), (0.5, 0.25), (0.5, 0.75), (0.25, 0.5), (0.75, 0.5),
                   (0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)):
        p = QPointF(seen.left() + seen.width() * fx, seen.top() + seen.height() * fy)
        if item.contains(item.mapFromScene(inverse.map(p))):
            spots.append(p)
    return spots
