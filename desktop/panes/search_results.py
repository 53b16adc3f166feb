"""Search results across the pack, grouped by kind with counts.

Under the search box: Events, Key points, Sources, Actors and Places that hold every
word typed, each group headed by how many it found. Activating a result (click,
Enter) does what the analyst wants from it: an event is selected; a key point is
shown in Details (its section, its words, its sources), the filter left as it is; a
source selects the first event citing it; an actor or a place narrows the events to
theirs (and a place is selected on the map).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from content.search import SearchResults, search_pack
from desktop.plaintext import plain_tooltip
from desktop.state import BriefingState

KIND_TITLES = {"events": "Events", "key_points": "Key points", "sources": "Sources",
               "actors": "Actors", "places": "Places"}
ROLE = Qt.ItemDataRole.UserRole


class SearchResultsView(QTreeWidget):
    """The grouped results of the search text in the state's filter."""

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.briefing = state
        self.results = SearchResults()
        self.setHeaderHidden(True)
        self.setAccessibleName("Search results")
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setMinimumHeight(130)
        self._soon = QTimer(self, singleShot=True, interval=120)
        self._soon.timeout.connect(self.refresh)
        state.textChanged.connect(self._soon.start)
        state.packChanged.connect(self._soon.start)
        self.itemActivated.connect(self.activate)
        self.itemClicked.connect(self.activate)
        self.refresh()

    def refresh(self) -> None:
        """Search again for the state's text."""
        self._soon.stop()
        text = self.briefing.filter.text
        self.results = search_pack(self.briefing.pack, text)
        self.clear()
        self.setVisible(bool(text.strip()))
        counts = self.results.counts()
        rows: dict[str, list[tuple[str, tuple[str, object]]]] = {
            "events": [(f"{e.date.short_label()}  {e.title}", ("event", e.id))
                       for e in self.results.events],
            "key_points": [(f"{s.title}: {k.text}", ("key_point", (s.id, s.key_points.index(k))))
                           for s, k in self.results.key_points],
            "sources": [(f"{s.outlet}: {s.title}", ("source", s.id))
                        for s in self.results.sources],
            "actors": [(f"{a.name} ({a.role})" if a.role else a.name, ("actor", a.id))
                       for a in self.results.actors],
            "places": [(p.name, ("place", p.id)) for p in self.results.places],
        }
        for kind, count in counts.items():
            group = QTreeWidgetItem([f"{KIND_TITLES[kind]} ({count:,})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(group)
            for text_, target in rows[kind]:
                item = QTreeWidgetItem([text_])
                item.setToolTip(0, plain_tooltip(text_))
                item.setData(0, ROLE, target)
                group.addChild(item)
            group.setExpanded(0 < count <= 12)

    def activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """Do what a result is for (see the module's docstring)."""
        target = item.data(0, ROLE)
        if not target:
            item.setExpanded(not item.isExpanded())
            return
        kind, ident = target
        state = self.briefing
        if kind == "event":
            state.select_event(ident)
        elif kind == "key_point":  # shown, never by changing the filter behind the user
            state.show_key_point(*ident)
        elif kind == "source":
            citing = [e for e in state.pack.events if any(c.source == ident
                                                          for c in e.citations)]
            if citing:
                state.select_event(citing[0].id)
        elif kind == "actor":
            state.set_actor_filter(ident)
        elif kind == "place":
            state.set_place_filter(ident)
            state.select_place(ident)
