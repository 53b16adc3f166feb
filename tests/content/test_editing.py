"""Editing events as text: one event changes, every other byte stays, and what the
loader would refuse is caught before anything is written."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from content.editing import (
    EventDraft,
    add_event,
    check_edit,
    delete_event,
    free_id,
    replace_event,
)
from content.loader import default_pack_folder, load_pack, read_pack_files

FOLDER = default_pack_folder()
PACK = load_pack(FOLDER)
FILES = read_pack_files(FOLDER)
EVENTS = FILES["events.yaml"]


def lines_kept(before: bytes, after: bytes, but: set[bytes] = frozenset()) -> bool:
    """Every line of `before` is in `after`, in order (except the lines in `but`)."""
    kept = iter(after.splitlines())
    return all(line in but or any(line == other for other in kept)
               for line in before.splitlines())


def test_every_event_round_trips_through_its_draft() -> None:
    data = EVENTS
    for event in PACK.events:
        data = replace_event(data, event.id, EventDraft.of(event))
    pack, problems = check_edit(FOLDER, FILES, data)
    assert problems == [] and pack is not None
    for old, new in zip(PACK.events, pack.events, strict=True):
        assert dataclasses.replace(new, horizon=old.horizon) == old


def test_a_change_touches_its_event_and_keeps_the_comments() -> None:
    event = PACK.event("kabul-airlift")
    draft = dataclasses.replace(EventDraft.of(event), title="Kabul airlift (edited)")
    after = replace_event(EVENTS, event.id, draft)
    assert after.startswith(EVENTS[:EVENTS.index(b"events:")])  # the header comment
    old_block = EVENTS[EVENTS.index(b"  - id: kabul-airlift"):].split(b"\n\n")[0]
    assert lines_kept(EVENTS, after, set(old_block.splitlines()))
    pack, problems = check_edit(FOLDER, FILES, after)
    assert problems == [] and pack.event("kabul-airlift").title == "Kabul airlift (edited)"


def test_an_addition_goes_in_date_order_and_a_deletion_leaves_no_trace() -> None:
    draft = EventDraft(free_id(PACK, "test-event"), "2022-05", "A test event", "Said.",
                       ["dialogue"], ["report-2025-12-15"], places=["baku"])
    added = add_event(EVENTS, draft)
    pack, problems = check_edit(FOLDER, FILES, added)
    assert problems == [] and pack is not None
    ids = [e.id for e in pack.events]
    assert ids.index("nato-assesses-ties") < ids.index("test-event") < ids.index("nato-days-baku")
    assert lines_kept(EVENTS, added)
    assert delete_event(added, "test-event") == EVENTS


def test_an_edit_the_loader_refuses_is_caught_with_its_message() -> None:
    draft = dataclasses.replace(EventDraft.of(PACK.event("kabul-airlift")), date="2021-02-30")
    pack, problems = check_edit(FOLDER, FILES, replace_event(EVENTS, "kabul-airlift", draft))
    assert pack is None and "does not exist" in str(problems[0])
    draft = dataclasses.replace(draft, date="2021-08", sections=["nowhere"])
    pack, problems = check_edit(FOLDER, FILES, replace_event(EVENTS, "kabul-airlift", draft))
    assert pack is None and "nowhere" in str(problems[0])


def test_markup_and_quotes_are_written_as_text() -> None:
    draft = EventDraft("markup-event", "2023", 'Title with "quotes", {braces} & <b>tags',
                       "key: value # not a comment\nsecond line\u2028sep", ["dialogue"],
                       ["report-2025-12-15"])
    added = add_event(EVENTS, draft)
    pack, problems = check_edit(FOLDER, FILES, added)
    assert problems == []
    event = pack.event("markup-event")
    assert event.title == draft.title and event.summary == draft.summary
    new_lines = [line for line in added.splitlines() if line not in EVENTS.splitlines()]
    assert all(b"\xe2\x80\xa8" not in line for line in new_lines)  # U+2028 escaped


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "edit", "delete", "duplicate"]),
                          st.integers(0, 1000), st.text(max_size=40)), max_size=8))
def test_random_edit_sequences_never_leave_a_pack_that_fails_to_load(steps) -> None:
    data, pack = EVENTS, PACK
    for kind, pick, text in steps:
        event = pack.events[pick % len(pack.events)]
        if kind == "add":
            draft = EventDraft(free_id(pack, "new"), f"20{pick % 30:02d}", text or "T",
                               text, ["dialogue"], ["report-2025-12-15"])
            candidate = add_event(data, draft)
        elif kind == "edit":
            draft = dataclasses.replace(EventDraft.of(event), title=text or event.title,
                                        summary=text)
            candidate = replace_event(data, event.id, draft)
        elif kind == "duplicate":
            draft = dataclasses.replace(EventDraft.of(event), id=free_id(pack, event.id))
            candidate = add_event(data, draft)
        else:
            candidate = delete_event(data, event.id)
        checked, _ = check_edit(FOLDER, FILES, candidate)
        if checked is not None and checked.events:  # what the editor would save
            data, pack = candidate, checked
    assert check_edit(FOLDER, FILES, data)[0] is not None


def test_other_records_are_appended_replaced_and_deleted_as_text() -> None:
    from content.editing import add_key_point, add_record, change_record, delete_record

    actors = FILES["actors.yaml"]
    added = add_record(actors, "actors.yaml", "actors",
                       {"id": "new-actor", "name": "N. Ew", "role": "Envoy"})
    pack, problems = check_edit(FOLDER, FILES, added, "actors.yaml")
    assert problems == [] and pack.actors["new-actor"].role == "Envoy"
    assert delete_record(added, "actors.yaml", "actors", "new-actor") == actors
    sources = FILES["sources.yaml"]
    with_source = add_record(sources, "sources.yaml", "sources", {
        "id": "new-src", "outlet": "APA", "title": "T: colon", "date": "2026"})
    assert check_edit(FOLDER, FILES, with_source, "sources.yaml")[1] == []
    assert delete_record(with_source, "sources.yaml", "sources", "new-src") == sources
    renamed = change_record(actors, "actors.yaml", "actors", "mark-rutte",
                            {"role": "Secretary General"})
    assert check_edit(FOLDER, FILES, renamed, "actors.yaml")[0].actors[
        "mark-rutte"].role == "Secretary General"
    sections = FILES["sections.yaml"]
    pointed = add_key_point(sections, "energy", "Said.", ["report-2025-12-15"])
    pack, problems = check_edit(FOLDER, FILES, pointed, "sections.yaml")
    assert problems == [] and pack.section("energy").key_points[-1].text == "Said."
    assert lines_kept(sections, pointed)
