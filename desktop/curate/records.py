"""New, Edit and Delete for actors, sources, sections, key points and places.

A collaborator of the pack editor (`desktop.curate.editor.PackEditor`), which gives
`record`: the form that checks as the analyst types and writes one undoable edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from content.editing import (
    PlaceDraft,
    add_key_point,
    add_record,
    change_key_point,
    change_record,
    delete_key_point,
    delete_record,
    free_id_in,
    place_fields,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.curate.editor import PackEditor


class RecordEditor:
    """New, Edit and Delete for the pack's records other than events."""

    def __init__(self, editor: PackEditor) -> None:
        self.editor = editor
        self.state = editor.state

    def new_actor(self, parent: QWidget | None = None) -> None:
        """Edit → New Actor…"""
        pack = self.state.pack

        def make(data: bytes, v: dict) -> bytes | None:
            if not v["name"]:
                return None
            return add_record(data, "actors.yaml", "actors", _filled({"id": ident(v), **v}))

        def ident(v: dict) -> str:
            return free_id_in(set(pack.actors), v["name"])

        self.editor.record("actors.yaml", "New Actor", make, {"texts": [
            ("name", "Name", "as the source names them"),
            ("role", "Role", "their role at the time the source speaks of"),
            ("affiliation", "Affiliation", "country or organisation")]},
            lambda v: f"Add actor “{v['name']}”", lambda v: ("actor", ident(v), "add"),
            parent=parent)

    def new_source(self, parent: QWidget | None = None) -> None:
        """Edit → New Source…"""
        pack = self.state.pack

        def make(data: bytes, v: dict) -> bytes | None:
            if not (v["outlet"] and v["title"]):
                return None
            return add_record(data, "sources.yaml", "sources", _filled({"id": ident(v), **v}))

        def ident(v: dict) -> str:
            return free_id_in(set(pack.sources), f"{v['outlet']}-{v['date']}")

        self.editor.record("sources.yaml", "New Source", make, {"texts": [
            ("outlet", "Outlet", "e.g. Report (Report.az)"),
            ("title", "Title", "the headline, or [what it is cited for]"),
            ("date", "Date", "2025-12-15, 2025-12 or 2025"),
            ("author", "Author", ""), ("url", "Link", "https://…"),
            ("via", "Read in (source id)", "the article it was read in, e.g. jamestown-2023"),
            ("accessed", "Accessed", "for a web page without a date: 2025-12-15")]},
            lambda v: f"Add source “{v['outlet']}”", lambda v: ("source", ident(v), "add"),
            parent=parent)

    def new_section(self, parent: QWidget | None = None) -> None:
        """Edit → New Section…"""
        pack = self.state.pack

        def make(data: bytes, v: dict) -> bytes | None:
            if not v["title"]:
                return None
            order = max((s.order for s in pack.sections), default=0) + 1
            return add_record(data, "sections.yaml", "sections", {
                "id": ident(v), "title": v["title"], "summary": v["summary"],
                "order": order, "key_points": []})

        def ident(v: dict) -> str:
            return free_id_in({s.id for s in pack.sections}, v["title"])

        self.editor.record("sections.yaml", "New Section", make, {"texts": [
            ("title", "Title", "the topic"),
            ("summary", "Summary", "its point, in one line")]},
            lambda v: f"Add section “{v['title']}”", lambda v: ("section", ident(v), "add"),
            parent=parent)

    def new_key_point(self, parent: QWidget | None = None) -> None:
        """Edit → New Key Point… (in a chosen section, citing chosen sources)."""
        pack = self.state.pack

        def make(data: bytes, v: dict) -> bytes | None:
            if not (v["text"] and v["sources"]):
                return None
            return add_key_point(data, v["section"], v["text"], list(v["sources"]))

        sources = sorted(((i, f"{s.outlet}: {s.title}") for i, s in pack.sources.items()),
                         key=lambda t: t[1].casefold())
        self.editor.record("sections.yaml", "New Key Point", make, {
            "texts": [("text", "Key point", "what the source says, in your words")],
            "choice": ("section", "Section", [(s.id, s.title) for s in pack.sections]),
            "checks": ("sources", "Sources", sources)},
            lambda v: "Add a key point", lambda v: ("section", v["section"], "change"),
            parent=parent)

    def change_record(self, kind: str, delete: bool = False,
                      parent: QWidget | None = None) -> None:
        """Edit → Edit/Delete Place, Actor, Source or Section…: choose one, change its
        fields (or delete it: refused, with the loader's reason, while cited)."""
        pack = self.state.pack
        name, fields = {
            "place": ("places.yaml", ("name", "lat", "lon", "kind", "country")),
            "actor": ("actors.yaml", ("name", "role", "affiliation")),
            "source": ("sources.yaml", ("outlet", "title", "date", "author", "url", "via",
                                        "accessed")),
            "section": ("sections.yaml", ("title", "summary"))}[kind]
        kinds: dict[str, Mapping[str, object]] = {
            "place": pack.places, "actor": pack.actors, "source": pack.sources,
            "section": {s.id: s for s in pack.sections}}
        records = kinds[kind]
        labels = sorted(((i, getattr(r, "name", "") or getattr(r, "title", "") or i)
                         for i, r in records.items()), key=lambda t: str(t[1]).casefold())
        if not labels:
            return

        def values_of(ident: str) -> dict[str, str]:
            record = records[ident]
            out = {}
            for f in fields:
                value = getattr(record, f, "")
                out[f] = value.iso() if hasattr(value, "iso") else (
                    "" if value is None else str(value))
            return out

        key = name.removesuffix(".yaml")
        # Fields the form shows and may clear; a field it does not show (a section's
        # order and key points, a source's note) is never touched.
        optional = {"place": ("country",), "actor": ("affiliation",),
                    "source": ("date", "author", "url", "via", "accessed"),
                    "section": ()}[kind]

        def make(data: bytes, v: dict) -> bytes | None:
            ident = v["which"]
            if delete:
                return delete_record(data, name, key, ident)
            changes = {f: v[f] for f in fields}
            if kind == "place":
                try:
                    draft = PlaceDraft(ident, v["name"], float(v["lat"]), float(v["lon"]),
                                       v["kind"] or "site", v["country"])
                except ValueError:
                    return None
                changes = {k: val for k, val in place_fields(draft).items() if k != "id"}
            return change_record(data, name, key, ident, changes, optional)

        verb = "Delete" if delete else "Edit"
        self.editor.record(name, f"{verb} {kind.title()}", make, {
            "texts": [] if delete else [(f, f.title(), "") for f in fields],
            "choice": ("which", kind.title(), labels),
            "fill": None if delete else values_of, "save_text": verb},
            lambda v: f"{verb} {kind} “{v['which']}”",
            lambda v: (kind, v["which"], "delete" if delete else "change"), parent=parent)

    def change_key_point(self, delete: bool = False, parent: QWidget | None = None) -> None:
        """Edit → Change or Delete → Edit/Delete Key Point…: its words and sources
        (its quotes kept), or gone."""
        pack = self.state.pack
        points = {f"{s.id}#{i}": (s, p) for s in pack.sections
                  for i, p in enumerate(s.key_points)}
        if not points:
            return
        labels = [(ident, f"{s.title}: {p.text[:70]}") for ident, (s, p) in points.items()]
        sources = sorted(((i, f"{s.outlet}: {s.title}") for i, s in pack.sources.items()),
                         key=lambda t: t[1].casefold())

        def fill(ident: str) -> dict[str, object]:
            _, point = points[ident]
            return {"text": point.text, "sources": [c.source for c in point.citations]}

        def make(data: bytes, v: dict) -> bytes | None:
            section, index = v["which"].split("#")
            if delete:
                return delete_key_point(data, section, int(index))
            if not (v["text"] and v["sources"]):
                return None
            return change_key_point(data, section, int(index), v["text"], list(v["sources"]))

        verb = "Delete" if delete else "Edit"
        self.editor.record("sections.yaml", f"{verb} Key Point", make, {
            "texts": [] if delete else [("text", "Key point", "")],
            "choice": ("which", "Key point", labels),
            "checks": None if delete else ("sources", "Sources", sources),
            "fill": None if delete else fill, "save_text": verb},
            lambda v: f"{verb} a key point",
            lambda v: ("section", v["which"].split("#")[0], "change"), parent=parent)


def _filled(fields: dict) -> dict:
    """A new record's fields without the ones left empty."""
    return {k: v for k, v in fields.items() if v != ""}
