"""Curation on packs written by hand, the way people write YAML: every edit changes
exactly the item edited, whatever the style, and every other byte stays.

Each finding of issue 24 that lives in the content layer has its test here; the
Hypothesis test at the end writes packs in many valid styles and checks the
invariant after every step of random edit sequences.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.editing import (
    EventDraft,
    add_event,
    add_key_point,
    change_key_point,
    change_record,
    check_change,
    check_edit,
    delete_event,
    delete_key_point,
    delete_record,
    replace_event,
)
from content.loader import build_pack, default_pack_folder, read_pack_files
from content.yamlread import resolve_plain

FOLDER = default_pack_folder()
FILES = read_pack_files(FOLDER)
SOURCE = "report-2025-12-15"

HAND_WRITTEN = b"""\
# Events, written by hand.
events:
  - date: 2001
    id: first
    title: First, keys in another order
    summary: S1.
    sections: [history]
    sources: [report-2025-12-15]
  - {id: second, date: 2002, title: "Second, one line", summary: S2., sections: [history],
     sources: [report-2025-12-15]}
  # A curator's note between two events: it belongs to neither and stays.

  - title: Third
    id: third
    date: 2003
    summary: |
      A literal
      summary.
    sections:
      - history
    sources:
      - report-2025-12-15
"""


def without_bottom_line(pack_yaml: bytes) -> bytes:
    """pack.yaml without its bottom line, whose judgements name the embedded pack's
    sections (a test pack with other sections would refer to missing ones)."""
    return pack_yaml.split(b"# The briefing's bottom line")[0]


def pack_of(events: bytes, sections: bytes | None = None):
    files = {**FILES, "events.yaml": events}
    if sections is not None:
        files["sections.yaml"] = sections
        files["pack.yaml"] = without_bottom_line(files["pack.yaml"])
    return build_pack(FOLDER, files)


def draft_of(events: bytes, event_id: str) -> EventDraft:
    return EventDraft.of(pack_of(events).event(event_id))


@pytest.mark.parametrize("edited", ["first", "second", "third"])
def test_editing_or_deleting_an_event_never_touches_the_next(edited: str) -> None:
    """Finding 1: keys in another order or one-line items made Edit and Delete take
    the next event too."""
    before = pack_of(HAND_WRITTEN)
    draft = dataclasses.replace(draft_of(HAND_WRITTEN, edited), title="Renamed")
    changed = replace_event(HAND_WRITTEN, edited, draft)
    assert check_change(before, pack_of(changed), "event", edited, "change") == ""
    assert pack_of(changed).event(edited).title == "Renamed"
    gone = delete_event(HAND_WRITTEN, edited)
    after = pack_of(gone)
    assert check_change(before, after, "event", edited, "delete") == ""
    assert len(after.events) == 2


def test_a_comment_between_events_survives_edits_and_deletes_around_it() -> None:
    """Finding 11: the note between two events went with the event above it."""
    note = b"  # A curator's note between two events: it belongs to neither and stays.\n"
    for edit in (lambda d: delete_event(d, "second"),
                 lambda d: replace_event(d, "second", dataclasses.replace(
                     draft_of(d, "second"), summary="Changed.")),
                 lambda d: delete_event(d, "third")):
        assert note in edit(HAND_WRITTEN)


def test_an_edit_rewrites_only_the_fields_that_changed() -> None:
    draft = dataclasses.replace(draft_of(HAND_WRITTEN, "third"), title="Third, edited")
    after = replace_event(HAND_WRITTEN, "third", draft)
    assert after == HAND_WRITTEN.replace(b"  - title: Third\n", b'  - title: "Third, edited"\n')


def test_crlf_files_stay_crlf_and_can_be_edited() -> None:
    """Finding 12: a CRLF events.yaml could not be edited, and additions were LF."""
    crlf = HAND_WRITTEN.replace(b"\n", b"\r\n")
    draft = dataclasses.replace(draft_of(crlf, "first"), summary="Edited.")
    edited = replace_event(crlf, "first", draft)
    added = add_event(edited, EventDraft("fourth", "2004-05", "Fourth", "S4.", ["history"],
                                         [SOURCE], places=["baku"]))
    assert added.count(b"\n") == added.count(b"\r\n")
    assert pack_of(added).event("fourth").places == ("baku",)
    assert pack_of(added).event("first").summary == "Edited."


def test_a_bom_and_a_missing_final_newline_are_kept() -> None:
    data = b"\xef\xbb\xbf" + HAND_WRITTEN.rstrip(b"\n")
    added = add_event(data, EventDraft("fifth", "2010", "Fifth", "S5.", ["history"],
                                       [SOURCE]))
    assert added.startswith(b"\xef\xbb\xbf# Events") and not added.endswith(b"\n")
    assert [e.id for e in pack_of(added).events][-1] == "fifth"
    assert delete_event(added, "fifth") == data


SECTIONS_ONE_LINE_POINTS = b"""\
sections:
  - id: history
    title: History
    summary: How it began.
    order: 1
    key_points:
      - {text: "A one-line key point.", sources: [report-2025-12-15]}
      - text: A block key point.
        sources: [report-2025-12-15]
        quotes:
          - {text: "kept", speaker: "Someone", source: report-2025-12-15}
"""


@pytest.fixture
def small_pack(tmp_path: Path) -> Path:
    """A copy of the embedded pack whose sections.yaml is hand-written (one section
    with a one-line key point) and whose events cite only that section."""
    folder = tmp_path / "pack"
    shutil.copytree(FOLDER, folder)
    (folder / "sections.yaml").write_bytes(SECTIONS_ONE_LINE_POINTS)
    (folder / "events.yaml").write_bytes(HAND_WRITTEN)
    (folder / "pack.yaml").write_bytes(without_bottom_line((folder / "pack.yaml").read_bytes()))
    return folder


def test_key_points_in_any_style_are_changed_and_deleted_exactly(small_pack: Path) -> None:
    """Finding 5: Edit Key Point changed the wrong one after a one-line key point."""
    files = read_pack_files(small_pack)
    sections = files["sections.yaml"]
    before = build_pack(small_pack, files)
    changed = change_key_point(sections, "history", 1, "The block one, edited.", [SOURCE])
    pack, problems = check_edit(small_pack, files, changed, "sections.yaml")
    assert problems == []
    points = pack.section("history").key_points
    assert points[0].text == "A one-line key point."
    assert points[1].text == "The block one, edited." and points[1].quotes  # quotes kept
    assert check_change(before, pack, "section", "history", "change") == ""
    gone = delete_key_point(sections, "history", 0)
    assert [p.text for p in build_pack(small_pack, {**files, "sections.yaml": gone})
            .section("history").key_points] == ["A block key point."]
    more = add_key_point(sections, "history", "Third.", [SOURCE])
    assert [p.text for p in build_pack(small_pack, {**files, "sections.yaml": more})
            .section("history").key_points][-1] == "Third."


@pytest.mark.parametrize("title", [r"C:\new\temp", r"\1 and \g<0>", "quote \" and 'apostrophe'",
                                   "a: colon # hash", "Ünïcödé 日本語 العربية"])
def test_section_titles_are_written_as_typed(small_pack: Path, title: str) -> None:
    """Finding 7: the title went through a regex replacement unescaped."""
    files = read_pack_files(small_pack)
    after = change_record(files["sections.yaml"], "sections.yaml", "sections", "history",
                          {"title": title, "summary": "How it began."})
    pack, problems = check_edit(small_pack, files, after, "sections.yaml")
    assert problems == [] and pack.section("history").title == title
    assert b"key_points:" in after and pack.section("history").key_points[1].quotes


def test_editing_a_source_keeps_what_the_form_does_not_show() -> None:
    """Finding 6: Edit Source dropped `via` and `accessed`."""
    sources = FILES["sources.yaml"]
    pack = build_pack(FOLDER, FILES)
    source = next(s for s in pack.sources.values() if s.via and s.accessed)
    after = change_record(sources, "sources.yaml", "sources", source.id,
                          {"outlet": source.outlet, "title": "A new title"})
    new = build_pack(FOLDER, {**FILES, "sources.yaml": after}).sources[source.id]
    assert (new.title, new.via, new.accessed) == ("A new title", source.via, source.accessed)
    assert check_change(pack, build_pack(FOLDER, {**FILES, "sources.yaml": after}), "source",
                        source.id, "change") == ""


def test_deleting_the_last_record_leaves_an_empty_list() -> None:
    one = b"actors:\n  - {id: a, name: A, role: R}\n"
    assert delete_record(one, "actors.yaml", "actors", "a") == b"actors: []\n"


def test_the_invariant_names_what_else_an_edit_would_change() -> None:
    before = pack_of(HAND_WRITTEN)
    both = delete_event(delete_event(HAND_WRITTEN, "second"), "first")
    assert "first" in check_change(before, pack_of(both), "event", "second", "delete")


# -- many styles, random edits ----------------------------------------------------------
IDS = ["alpha", "beta", "gamma", "delta", "epsilon"]
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=20).map(str.strip).filter(bool)


def _scalar(text: str, style: int, indent: str) -> str:
    if style == 0 and text.isalnum() and text.isascii() and resolve_plain(text) == text:
        return text
    if style == 1:
        return "'" + text.replace("'", "''") + "'"
    if style == 2:  # a literal block: the text as its own lines
        return "|-\n" + "".join(f"{indent}  {line}\n" for line in text.split("\n")).rstrip(
            "\n")
    import json
    return json.dumps(text, ensure_ascii=False)


@st.composite
def hand_written_events(draw) -> bytes:
    """An events.yaml as a person might write it: each item block or flow, keys in any
    order, comments before, between and inside items, blank lines or none, CRLF or LF,
    a BOM or none, a final newline or none, plain, quoted and literal scalars."""
    count = draw(st.integers(1, 4))
    lines = []
    if draw(st.booleans()):
        lines.append("# hand-written events")
    lines.append("events:")
    dash = draw(st.sampled_from(["  ", ""]))
    blank = draw(st.booleans())
    for n in range(count):
        fields = {"id": IDS[n], "date": str(2000 + n), "title": draw(WORDS),
                  "summary": draw(WORDS), "sections": ["history"], "sources": [SOURCE]}
        keys = draw(st.permutations(list(fields)))
        if draw(st.booleans()):
            lines.append(f"{dash}# about {IDS[n]}")
        if draw(st.booleans()):  # one line
            parts = []
            for key in keys:
                value = fields[key]
                shown = f"[{', '.join(value)}]" if isinstance(value, list) else (
                    _scalar(value, draw(st.sampled_from([0, 1, 3])), "")
                    if key in ("title", "summary") else value)
                parts.append(f"{key}: {shown}")
            lines.append(f"{dash}- {{{', '.join(parts)}}}")
        else:
            pad = dash + "  "
            for k, key in enumerate(keys):
                value = fields[key]
                if isinstance(value, list):
                    shown = (f"[{', '.join(value)}]" if draw(st.booleans()) else
                             "".join(f"\n{pad}  - {v}" for v in value))
                elif key in ("title", "summary"):
                    shown = _scalar(value, draw(st.integers(0, 3)), pad)
                else:
                    shown = value
                lines.append(f"{dash}- {key}: {shown}" if k == 0 else f"{pad}{key}: {shown}")
                if draw(st.integers(0, 9)) == 0:
                    lines.append(f"{pad}# inside {IDS[n]}")
        if blank and n + 1 < count:
            lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + text.encode("utf-8")


STEPS = st.lists(st.tuples(st.sampled_from(["add", "edit", "delete", "duplicate"]),
                           st.integers(0, 100), WORDS), min_size=1, max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hand_written_events(), STEPS)
def test_random_edits_on_hand_written_packs_change_exactly_what_was_asked(
        events: bytes, steps) -> None:
    pack = pack_of(events)
    data = events
    newline_style = b"\r\n" in events
    for n, (kind, pick, text) in enumerate(steps):
        if not pack.events:
            break
        event = pack.events[pick % len(pack.events)]
        if kind == "add":
            new_id = f"added-{n}"
            after = add_event(data, EventDraft(new_id, f"20{pick % 30:02d}-0{pick % 9 + 1}",
                                               text, text, ["history"], [SOURCE]))
            intent = ("event", new_id, "add")
        elif kind == "duplicate":
            new_id = f"copy-{n}"
            after = add_event(data, dataclasses.replace(EventDraft.of(event), id=new_id))
            intent = ("event", new_id, "add")
        elif kind == "edit":
            draft = dataclasses.replace(EventDraft.of(event), title=text, summary=text * 2)
            after = replace_event(data, event.id, draft)
            intent = ("event", event.id, "change")
        else:
            after = delete_event(data, event.id)
            intent = ("event", event.id, "delete")
        new = pack_of(after)
        assert check_change(pack, new, *intent) == "", (kind, after)
        if kind == "edit":
            assert new.event(event.id).title == text
        if kind in ("add", "duplicate"):
            assert new.event(intent[1]).title == (text if kind == "add" else event.title)
        assert (b"\r\n" in after) == newline_style or after.count(b"\n") == after.count(
            b"\r\n")
        data, pack = after, new


@st.composite
def hand_written_actors(draw) -> bytes:
    """An actors.yaml in mixed styles: one-line and block items, keys in any order,
    comments, CRLF or LF, quoted or plain names."""
    lines = ["actors:"]
    for n in range(draw(st.integers(1, 4))):
        fields = {"id": f"actor-{n}", "name": draw(WORDS), "role": draw(WORDS)}
        keys = draw(st.permutations(list(fields)))
        if draw(st.booleans()):
            lines.append(f"  # actor {n}")
        shown = {k: _scalar(v, draw(st.sampled_from([0, 1, 3])), "") if k != "id" else v
                 for k, v in fields.items()}
        if draw(st.booleans()):
            lines.append("  - {" + ", ".join(f"{k}: {shown[k]}" for k in keys) + "}")
        else:
            lines += [("  - " if i == 0 else "    ") + f"{k}: {shown[k]}"
                      for i, k in enumerate(keys)]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return (newline.join(lines) + newline).encode("utf-8")


RECORD_STEPS = st.lists(st.tuples(st.sampled_from(["add", "edit", "delete"]),
                                  st.integers(0, 100), WORDS), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hand_written_actors(), RECORD_STEPS)
def test_random_record_edits_on_hand_written_files_change_exactly_what_was_asked(
        actors: bytes, steps) -> None:
    """Actors stand for every record file: the same engine edits them all. The
    embedded events cite no actor of these, so any may be deleted."""
    from content.editing import add_record

    events = HAND_WRITTEN
    def pack_with(data: bytes):
        return build_pack(FOLDER, {**FILES, "events.yaml": events, "actors.yaml": data})

    data, pack = actors, pack_with(actors)
    for n, (kind, pick, text) in enumerate(steps):
        ids = sorted(pack.actors)
        if kind == "add" or not ids:
            kind, ident = "add", f"added-{n}"
            after = add_record(data, "actors.yaml", "actors",
                               {"id": ident, "name": text, "role": "Envoy"})
            intent = ("actor", ident, "add")
        elif kind == "edit":
            ident = ids[pick % len(ids)]
            after = change_record(data, "actors.yaml", "actors", ident, {"role": text})
            intent = ("actor", ident, "change")
        else:
            ident = ids[pick % len(ids)]
            after = delete_record(data, "actors.yaml", "actors", ident)
            intent = ("actor", ident, "delete")
        new = pack_with(after)
        assert check_change(pack, new, *intent) == "", after
        if kind == "edit":
            assert new.actors[ident].role == text.strip()
            assert new.actors[ident].name == pack.actors[ident].name  # the rest kept
        assert after.count(b"\n") == after.count(b"\r\n") or b"\r\n" not in actors
        data, pack = after, new
