"""The offline vector map: countries, NATO membership, places, links between them.

A `QGraphicsView` over a scene in projected "Mercator degrees" (see content.geo).
Countries are filled paths; every border is drawn once from a shared mesh. Place
markers are sized by the number of events in the current filter and clustered in
screen space when zoomed out; labels that would collide are hidden. The view only
talks to `BriefingState`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from content.geo import unproject, view_box
from desktop.keys import ZOOM_KEYS
from desktop.map.basemap import BasemapLayer
from desktop.map.controls import ClickOnSea, FocusRing, button_bar, country_labels
from desktop.map.glide import ANIMATE_MS, Glide
from desktop.map.items import CountryItem, MarkerItem
from desktop.map.labels import cluster_markers, place_labels
from desktop.map.legend import MapLegend
from desktop.map.links import arcs, draw_link_tiers
from desktop.map.pairs import place_pairs, visible_link_tiers
from desktop.map.shading import shade_countries
from desktop.state import BriefingState
from desktop.theme import current_theme

CLUSTER_PX = 22.0
CONTROLS_AT = (10, 10)  # the zoom buttons' corner in the viewport
MIN_SCALE, MAX_SCALE = 2.0, 4000.0  # pixels per projected degree

COUNTS_MS = 80  # the most often markers are recounted and re-clustered
MIN_FIT = 6.0  # scene units (about degrees): the tightest view a fit gives


class MapView(QGraphicsView):
    """The map, subscribed to a `BriefingState`."""

    layersChanged = Signal()
    newPlaceAt = Signal(float, float)  # latitude, longitude right-clicked

    LAYERS = ("membership", "focus", "links", "labels")

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme = current_theme()
        self.layers = {name: True for name in self.LAYERS}
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName("Map")
        self._countries: dict[str, CountryItem] = {}
        self._markers: dict[str, MarkerItem] = {}
        self._links = [QGraphicsPathItem() for _ in range(3)]  # thin, medium, strong
        self._selected_links = QGraphicsPathItem()
        self._country_labels: list[QGraphicsSimpleTextItem] = []
        self._relayout = QTimer(self, singleShot=True, interval=30)
        self._relayout.timeout.connect(self.relayout)
        self.glide = Glide(self, self.relayout)
        self._followed: str | None = None  # the event whose places the view last followed
        self._build_controls()  # first: setting the scene rect below scrolls, which moves them
        self._build_basemap()
        state.packChanged.connect(self._rebuild_places)
        # Counts, links and clusters follow the visible events at most every
        # COUNTS_MS: a brush drag moves the window at every mouse move, and re-clustering
        # hundreds of markers each time would make the drag lag behind the mouse.
        self._counts = QTimer(self, singleShot=True, interval=COUNTS_MS)
        self._counted: list | None = None  # the visible-events list the markers show
        self._counts.timeout.connect(self._refresh_counts)
        state.visibleChanged.connect(self._counts_soon)
        state.fitRequested.connect(self._fit_results)
        state.playingChanged.connect(self._playing_changed)
        state.packChanged.connect(self._refresh_counts)
        state.windowChanged.connect(self._refresh_membership)  # shading as of its end
        state.selectionChanged.connect(self._refresh_selection)
        state.selectionChanged.connect(self._follow_selection)
        state.placeSelected.connect(self._refresh_selection)
        self._rebuild_places()
        self._refresh_counts()
        self.fit_default()

    # -- building -----------------------------------------------------------
    def _build_basemap(self) -> None:
        scene = self.scene()
        scene.setSceneRect(QRectF(-200, -170, 400, 340))
        scene.setBackgroundBrush(QBrush(self.theme.sea))
        self._basemap = BasemapLayer(scene, self.theme)
        self._countries = self._basemap.countries
        for item, z in [(link, 5) for link in self._links] + [(self._selected_links, 6)]:
            item.setZValue(z)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(item)

    def _build_controls(self) -> None:
        bar = button_bar(self.viewport(), (
            ("+", "Zoom in (+)", lambda: self.zoom_by(1.5)),
            ("−", "Zoom out (−)", lambda: self.zoom_by(1 / 1.5)),
            ("⌂", "Default view (0)", self.fit_default),
            ("⤢", "Fit to content (F)", self.fit_content),
            ("◎", "Fit to selection (S)", self.fit_selection)))
        self._controls = bar
        bar.move(*CONTROLS_AT)
        self._ring = FocusRing(self)  # Tab and F6 show where they went
        self._sea_click = ClickOnSea(self.viewport(), lambda: self.state.select_place(None),
                                     lambda at: isinstance(self.itemAt(at.toPoint()), MarkerItem))
        self.legend = MapLegend(self.viewport(), self.theme, "")  # named with the pack
        self._place_legend()

    def _focus_name(self) -> str:
        focus = self.state.pack.info.focus_countries[:1]
        item = self._countries.get(focus[0]) if focus else None
        return item.country.name if item is not None else ""

    def _place_legend(self) -> None:
        legend = self.legend
        legend.move(CONTROLS_AT[0], max(CONTROLS_AT[1] + 40,
                                        self.viewport().height() - legend.height() - 10))

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend (View → Map Legend)."""
        self.legend.setVisible(visible)

    def _rebuild_places(self) -> None:
        scene = self.scene()
        for marker in self._markers.values():
            scene.removeItem(marker.label)
            scene.removeItem(marker)
        self._markers.clear()
        for place in self.state.pack.places.values():
            marker = MarkerItem(place, self.marker_clicked)
            scene.addItem(marker)
            scene.addItem(marker.label)
            self._markers[place.id] = marker
        for label in self._country_labels:
            scene.removeItem(label)
        self._country_labels.clear()
        self._country_labels = country_labels(scene, self._countries,
                                              self.state.pack.info.focus_countries,
                                              self.theme.muted)
        self._refresh_focus()  # counts and links follow with visibleChanged
        self.legend.set_theme(self.theme, self._focus_name())
        self._place_legend()

    def present_dress(self, px_per_point: float) -> None:
        """Dress the map for the audience, live on a slide: no app controls, labels at
        the slide's text size (`px_per_point`: screen pixels per slide point)."""
        self._controls.hide()
        self._ring.enabled = False  # the audience sees the slide's frame, not a focus ring
        self.legend.hide()  # the slide has its own key
        for marker in self._markers.values():
            marker.label_px = max(12, round(12 * px_per_point))
            marker.restyle(self.theme)  # now, not at the next recount: labels at slide size
        font = QFont()
        font.setPixelSize(max(12, round(13 * px_per_point)))
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        for label in self._country_labels:
            label.setFont(font)
        self.relayout()

    def number_places(self, place_ids: tuple[str, ...]) -> None:
        """Number markers as a map slide's legend does (1 for the first id, ...)."""
        for marker in self._markers.values():
            marker.number = 0
        for n, pid in enumerate(place_ids, 1):
            if pid in self._markers:
                self._markers[pid].number = n
        self.relayout()

    # -- state -> view ------------------------------------------------------
    def _counts_soon(self) -> None:
        # A new pack recounts at once (packChanged); its visibleChanged, which always
        # follows, finds the markers already counted for that very list.
        if self._counted is not self.state.visible_events and not self._counts.isActive():
            self._counts.start()

    def flush(self) -> None:
        """Bring counts, clusters and labels up to date now (before a snapshot, or in
        tests): nothing the view has put off is left to run later."""
        if self._counts.isActive():
            self._counts.stop()
            self._refresh_counts()
        if self._relayout.isActive():
            self._relayout.stop()
            self.relayout()

    def _refresh_counts(self) -> None:
        self._counts.stop()
        self._counted = self.state.visible_events
        counts = self.state.index.count_places(self.state.visible_rows)
        for pid, marker in self._markers.items():
            marker.count = counts.get(pid, 0)
        self._refresh_links()
        self.relayout()
        if self.state.playing and any(m.count for m in self._markers.values()):
            self.animate_to(self.fit_content)  # Play: the map follows the window's events

    def _refresh_membership(self) -> None:
        end = self.state.filter.end or self.state.extent()[1]
        shade_countries(self._countries, self.state.pack, end, self.layers, self.theme)

    def _refresh_focus(self) -> None:
        self._refresh_membership()
        for label in self._country_labels:
            label.setVisible(self.layers["focus"])

    def _refresh_links(self) -> None:
        """Curves between places that events link; only the strongest pairs."""
        tiers = visible_link_tiers(self.state.index, self.state.visible_rows,
                                   self.state.pack.places)
        draw_link_tiers(self._links, tiers, self.state.pack.places, self.theme.link,
                        self.layers["links"])
        self._refresh_selection()

    def _follow_selection(self) -> None:
        """Bring a newly selected event's places into view if none of them is on
        screen (a reload re-announces the same selection: the view stays put)."""
        event = self.state.selected_event
        followed, self._followed = self._followed, event.id if event else None
        if event is None or event.id == followed:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        points = [self._markers[p].pos() for p in event.places if p in self._markers]
        if points and not any(visible.contains(p) for p in points):
            self.fit_selection()

    def _refresh_selection(self) -> None:
        event = self.state.selected_event
        on = set(event.places) if event else set()
        chosen = self.state.selected_place
        places = self.state.pack.places
        said = [places[p].name for p in ([chosen] if chosen else sorted(on)) if p in places]
        self.setAccessibleDescription(("Selected: " + ", ".join(said)) if said
                                      else "No place selected")
        for pid, marker in self._markers.items():
            marker.highlighted = pid in on
            marker.selected_place = pid == chosen
            marker.restyle(self.theme)
        places = self.state.pack.places
        self._selected_links.setPath(arcs(set(place_pairs(event, places)) if event else (),
                                          places))
        pen = QPen(self.theme.selected, 2.6)
        pen.setCosmetic(True)
        self._selected_links.setPen(pen)
        self.relayout()

    # -- level of detail ----------------------------------------------------
    def relayout(self) -> None:
        """Cluster markers that overlap on screen; place labels where they collide with
        nothing (see `desktop.map.labels`)."""
        for m in self._markers.values():
            m.cluster = []
            m.setVisible(False)
            m.label.setVisible(False)
        transform = self.viewportTransform()  # scene -> viewport pixels, scroll included
        leads = cluster_markers([m for m in self._markers.values() if m.count > 0],
                                transform, CLUSTER_PX)
        for lead in leads:
            lead.shown_count = lead.count + sum(m.count for m in lead.cluster)
            lead.restyle(self.theme)
            lead.setVisible(True)
        reserved = QRectF(self._controls.geometry()) if self._controls.isVisible() \
            else QRectF()
        place_labels(leads, self._country_labels, transform, reserved, self.layers["labels"],
                     self.layers["focus"], QRectF(self.viewport().rect()))

    # -- user -> state ------------------------------------------------------
    def marker_clicked(self, marker: MarkerItem) -> None:
        """A click on a marker selects its place; on a cluster it zooms in first."""
        if marker.cluster:
            self.fit_points([marker.pos()] + [m.pos() for m in marker.cluster])
            return
        place = marker.place.id
        self.state.select_place(None if self.state.selected_place == place else place)

    def apply_theme(self) -> None:
        """Repaint in the colours of the current (light or dark) palette."""
        self.theme = current_theme()
        self.scene().setBackgroundBrush(QBrush(self.theme.sea))
        self._basemap.restyle(self.theme)
        for label in self._country_labels:
            label.setBrush(QBrush(self.theme.muted))
        self._refresh_membership()
        self._refresh_links()
        self.legend.set_theme(self.theme, self._focus_name())

    def set_layer(self, name: str, on: bool) -> None:
        """Switch a layer on or off."""
        self.layers[name] = on
        self._refresh_focus()
        self._refresh_links()
        self.layersChanged.emit()

    # -- navigation ---------------------------------------------------------
    def scale_factor(self) -> float:
        """Pixels per projected degree at the current zoom."""
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping `anchor` (view pixels; centre when None) in place."""
        current = self.scale_factor()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        else:
            before = self.mapToScene(anchor.toPoint())
            self.scale(factor, factor)
            after = self.mapToScene(anchor.toPoint())
            delta = after - before
            self.translate(delta.x(), delta.y())
        self._relayout.start()

    def fit_rect(self, rect: QRectF, margin_share: float = 0.08) -> None:
        """Show `rect` (scene units) with a margin (none: a live map's slide view)."""
        grow_w = max(0.0, MIN_FIT - rect.width()) / 2  # a city and its country, at least
        grow_h = max(0.0, MIN_FIT - rect.height()) / 2
        rect = rect.adjusted(-grow_w, -grow_h, grow_w, grow_h)
        margin = max(rect.width(), rect.height()) * margin_share
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._relayout.start()

    def animate_to(self, fit: Callable[[], None], ms: int = ANIMATE_MS) -> QVariantAnimation:
        """Glide from the current view to the one `fit` sets (R on a live slide uses it
        to return to the built view)."""
        return self.glide.to(fit, ms)

    def fit_points(self, points: list[QPointF]) -> None:
        """Fit the view to a set of scene points."""
        if not points:
            return
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        self.fit_rect(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))

    def fit_default(self) -> None:
        """The pack's default view (the South Caucasus for the embedded pack)."""
        v = self.state.pack.info.map_view
        self.fit_rect(QRectF(*view_box(v.west, v.south, v.east, v.north)))

    def _playing_changed(self) -> None:
        """Play follows the window's events; stopping brings back the view before."""
        if self.state.playing:
            self.glide.play_started()
        else:
            self.glide.play_stopped()

    def _fit_results(self) -> None:
        self.flush()  # counts for the list as it is now
        if any(m.count for m in self._markers.values()):
            self.animate_to(self.fit_content)

    def fit_content(self) -> None:
        """Fit every place with events in the current filter."""
        self.fit_points([m.pos() for m in self._markers.values() if m.count > 0])

    def fit_selection(self) -> None:
        """Fit the selected event's places (or the selected place)."""
        event = self.state.selected_event
        ids = list(event.places) if event else []
        if not ids and self.state.selected_place:
            ids = [self.state.selected_place]
        points = [self._markers[p].pos() for p in ids if p in self._markers]
        if len(points) == 1:
            self.fit_rect(QRectF(points[0].x() - 6, points[0].y() - 4, 12, 8))
        else:
            self.fit_points(points)

    def marker(self, place_id: str) -> MarkerItem:
        """The marker of a place (for tests and snapshots)."""
        return self._markers[place_id]

    def country_item(self, country_id: str) -> CountryItem | None:
        """The fill item of a country, if the basemap has it."""
        return self._countries.get(country_id)

    # -- events -------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in ZOOM_KEYS:
            self.zoom_by(ZOOM_KEYS[key])
        elif key == Qt.Key.Key_0:
            self.fit_default()
        elif key == Qt.Key.Key_F:
            self.fit_content()
        elif key == Qt.Key.Key_S:
            self.fit_selection()
        elif key == Qt.Key.Key_Escape:
            self.state.select_place(None)
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor(), self.mapFromGlobal(
                    pinch.centerPoint().toPoint()).toPointF())
                return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._relayout.start()

    def contextMenuEvent(self, event) -> None:
        """Right-click: "New Place Here…" with the point's latitude and longitude."""
        from PySide6.QtWidgets import QMenu

        lon, lat = unproject(*self.mapToScene(event.pos()).toTuple())
        menu = QMenu(self)
        action = menu.addAction(f"New Place Here… ({lat:.3f}, {lon:.3f})")
        action.triggered.connect(lambda: self.newPlaceAt.emit(lat, lon))
        self.context_menu = menu
        menu.popup(event.globalPos())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()
        self._relayout.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._controls.move(*CONTROLS_AT)  # the viewport's scroll moved its children
        self._place_legend()
        self._relayout.start()
