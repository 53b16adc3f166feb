"""The detail pane: the selected event, or the selected place and its events.

Content is always shown as plain text: the pane's HTML is built here with every
content string escaped, so a title holding `<img src=...>` shows those characters.
No resource is ever loaded, and links open only if they are http or https.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from content.citations import resolve
from content.model import Citation, Event, KeyPoint, Pack, Section
from desktop.panes.links import open_link
from desktop.state import BriefingState


def esc(text: str) -> str:
    """Escape content for the pane's HTML."""
    return html.escape(text, quote=True)


class DetailPane(QTextBrowser):
    """Shows what is selected; clicking an event link selects it."""

    linkRefused = Signal(str)

    def __init__(self, state: BriefingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Details")
        self.refused_resources: list[str] = []  # what a document asked to load (none, ever)
        self.anchorClicked.connect(self._clicked)
        state.selectionChanged.connect(self.refresh)
        state.placeSelected.connect(self.refresh)
        state.keyPointShown.connect(self.refresh)
        state.visibleChanged.connect(self.refresh)  # follows every packChanged too
        self.refresh()

    def loadResource(self, _type: int, name: QUrl | str) -> object:
        """Never load anything (images, style sheets) named by content."""
        self.refused_resources.append(name.toString() if isinstance(name, QUrl) else name)
        return None

    def refresh(self) -> None:
        """Redraw for the current selection."""
        pack = self.state.pack
        event = self.state.selected_event
        if event is not None:
            self.setHtml(event_html(pack, event))
        elif self.state.shown_key_point is not None:
            self.setHtml(key_point_html(pack, *self.state.shown_key_point))
        elif self.state.selected_place:
            self.setHtml(place_html(pack, self.state.selected_place,
                                    self.state.visible_events))
        else:
            self.setHtml(overview_html(pack, len(self.state.visible_events)))

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("event:"):
            self.state.select_event(text[len("event:"):])
            return
        refused = open_link(text)
        if refused:
            self.linkRefused.emit(refused)


def key_point_html(pack: Pack, section: Section, point: KeyPoint) -> str:
    """A key point: its section, its words, the words it quotes, its sources."""
    parts = [f"<p><small>KEY POINT · {esc(section.title)}</small></p>",
             f"<h3>{esc(point.text)}</h3>"]
    for quote in point.quotes:
        parts.append(f"<blockquote>\u201c{esc(quote.text)}\u201d \u2014 "
                     f"{esc(quote.speaker)}</blockquote>")
    parts.append(sources_html(pack, point.citations))
    return "".join(parts)


def sources_html(pack: Pack, citations: Iterable[Citation]) -> str:
    """A "Sources:" heading and the list of `citations` ("" when there are none)."""
    items = "".join(citation_html(pack, c) for c in citations)
    return f"<p><b>Sources:</b></p><ul>{items}</ul>" if items else ""


def citation_html(pack: Pack, citation: Citation) -> str:
    """One citation: outlet, date, title, Admiralty grade, the article it came via, link."""
    c = resolve(pack, citation)
    parts = [f"<b>{esc(c.outlet)}</b>"] + ([esc(c.date)] if c.date else [])
    if c.title:
        parts.append(f"<i>{esc(c.title)}</i>")
    if c.grade:
        parts.append(f"grade <b>{esc(c.grade)}</b>")
    text = ", ".join(parts)
    if c.via:
        text += f" — reported via {esc(c.via)}"
    if c.url:
        text += f'<br><a href="{esc(c.url)}">{esc(c.url)}</a>'
    if c.note:
        text += f"<br>{esc(c.note)}"
    return f"<li>{text}</li>"


def event_html(pack: Pack, event: Event) -> str:
    """The whole of one event."""
    sections = ", ".join(esc(pack.section(s).title) for s in event.sections)
    places = ", ".join(esc(pack.places[p].name) for p in event.places if p in pack.places)
    actors = "".join(f"<li>{esc(pack.actors[a].name)} — {esc(pack.actors[a].role)}</li>"
                     for a in event.actors if a in pack.actors)
    out = [f"<h2>{esc(event.title)}</h2>",
           f"<p><b>{esc(event.date_label())}</b>"
           + (" (approximate date)" if event.date.approximate else "") + "</p>",
           f"<p>{esc(event.summary)}</p>",
           f"<p><b>Sections:</b> {sections}</p>"]
    if places:
        out.append(f"<p><b>Places:</b> {places}</p>")
    if actors:
        out.append(f"<p><b>Actors:</b></p><ul>{actors}</ul>")
    out.append(sources_html(pack, event.citations))
    return "".join(out)


def place_html(pack: Pack, place_id: str, visible: list[Event]) -> str:
    """A place's card: its name, kind and country, the events (in the current filter)
    that happened there, and the sources they cite."""
    from content.geo import load_basemap

    place = pack.places[place_id]
    events = [e for e in visible if place_id in e.places]
    items = "".join(f'<li><a href="event:{esc(e.id)}">{esc(e.title)}</a> — '
                    f"{esc(e.date_label())}</li>" for e in events)
    noun = "event" if len(events) == 1 else "events"
    country = load_basemap().country(place.country) if place.country else None
    where = ", ".join(part for part in (place.kind.capitalize(),
                                        country.name if country else "") if part)
    sources = sources_html(pack, {c.source: c for e in events for c in e.citations}.values())
    return (f"<p><small>PLACE</small></p><h2>{esc(place.name)}</h2><p>{esc(where)} · "
            f"{place.lat:.2f}°, {place.lon:.2f}°</p>"
            f"<p><b>{len(events)} {noun}</b> in the current filter:</p><ul>{items}</ul>"
            f"{sources}<p><small>Esc or a click on the map's sea clears it.</small></p>")


def overview_html(pack: Pack, visible: int) -> str:
    """What the pane shows with nothing selected."""
    return (f"<h2>{esc(pack.info.title)}</h2><p>{esc(pack.info.subtitle)}</p>"
            f"<p>{esc(pack.info.description)}</p>"
            f"<p>{visible:,} of {len(pack.events):,} events shown · as of "
            f"{esc(pack.info.as_of.label())}</p>"
            "<p>Select an event on the timeline, in the list or a place on the map.</p>")
