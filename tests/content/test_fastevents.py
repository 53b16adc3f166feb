"""Plain events read fast are built without the general checks, and alike.

Every case is loaded twice: as it is (fast reader, quick builder where it can) and
with the fast reader turned off (careful reader, general checks). The packs, or the
problems with their lines and columns, must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import content.loader as loader
import content.yamlfast as yamlfast
from content.errors import ContentError
from content.fastevents import QuickEvents
from content.fields import Shared
from content.loader import load_pack

PLAIN = """\
  - id: plain-{n}
    date: 2004-05-0{n}
    title: "A plain event"
    summary: "Its summary."
    sections: [history]
    places: [place-0, place-1]
    actors: [actor-0]
    sources: [src-0 B2, src-1]
"""

# Each event as people write them; the quick builder takes some, leaves the rest.
CASES = {
    "plain": PLAIN.format(n=1),
    "an end": PLAIN.format(n=2).replace("    title", "    end: 2005\n    title"),
    "a year as a number": PLAIN.format(n=3).replace("2004-05-03", "2004"),
    "padded text": PLAIN.format(n=4).replace('"A plain event"', '"  padded  "'),
    "a line break": PLAIN.format(n=5).replace('"Its summary."', '"two\\nlines"'),
    "one section as text": PLAIN.format(n=6).replace("[history]", "history"),
    "places null": PLAIN.format(n=7).replace("[place-0, place-1]", "null"),
    "approximate": PLAIN.format(n=8).replace("    title", "    approximate: true\n    title"),
    "ongoing": PLAIN.format(n=9).replace("    title", "    end: open\n    title"),
    "a citation mapping": PLAIN.format(n=1).replace("plain-1", "map-1").replace(
        "[src-0 B2, src-1]", "[{source: src-0, grade: C3, note: 'as told'}]"),
    "a quote": PLAIN.format(n=2).replace("plain-2", "quote-2") + "    quotes:\n"
               "      - {text: \"We agree.\", speaker: \"Actor 0\", source: src-1}\n",
}
BROKEN = {
    "an end before the start": PLAIN.format(n=5).replace("    title", "    end: 2001\n    title"),
    "an unknown place": PLAIN.format(n=5).replace("place-1]", "place-nowhere]"),
    "an unknown source": PLAIN.format(n=5).replace("src-1]", "src-none]"),
    "an unknown section": PLAIN.format(n=5).replace("[history]", "[histroy]"),
    "a bad grade": PLAIN.format(n=5).replace("src-0 B2", "src-0 Z9"),
    "a duplicate id": PLAIN.format(n=5) + PLAIN.format(n=5),
    "an upper-case id": PLAIN.format(n=5).replace("plain-5", "Plain-5"),
    "an approximate end before the start": PLAIN.format(n=5).replace(
        "    title", "    approximate: true\n    end: 2004-04\n    title"),
    "an impossible date": PLAIN.format(n=5).replace("2004-05-05", "2004-02-30"),
    "an empty title": PLAIN.format(n=5).replace('"A plain event"', '""'),
    "no sources": PLAIN.format(n=5).replace("[src-0 B2, src-1]", "[]"),
    "an id as a number": PLAIN.format(n=5).replace("[actor-0]", "[7]"),
    "an unknown field": PLAIN.format(n=5) + "    colour: red\n",
    # declined by the builder, so walked: the careful reader words what is wrong
    "an over-long value": PLAIN.format(n=5) + '    notes: "' + "x" * 70_000 + '"\n',
    "an over-long note": PLAIN.format(n=5).replace(
        "[src-0 B2, src-1]", '[{source: src-0, note: "' + "x" * 70_000 + '"}]'),
    "nesting too deep": PLAIN.format(n=5) + "    notes: " + "[" * 40 + "]" * 40 + "\n",
    "a control character": PLAIN.format(n=5).replace("Its summary.", "Its\\u0007 summary."),
}


def pack_with(folder: Path, events: str) -> Path:
    from benchmarks.synthetic import write_pack

    write_pack(folder, 3)
    (folder / "events.yaml").write_text("events:\n" + events, encoding="utf-8")
    return folder


def both_ways(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """What loading `folder` gives, fast and carefully: a pack or its problems."""
    def load() -> object:
        try:
            return load_pack(folder, use_cache=False)
        except ContentError as exc:
            return [str(problem) for problem in exc.problems]

    fast = load()
    with monkeypatch.context() as patch:
        patch.setattr(yamlfast, "read_fast_bytes", lambda data, *_: None)
        patch.setattr(loader, "read_fast_bytes", lambda data, *_: None)  # a cut's part
        careful = load()
    return fast, careful


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the events the quick builder made."""
    made: list[str] = []
    real = QuickEvents.build

    def spy(self: QuickEvents, record: dict):  # type: ignore[no-untyped-def]
        event = real(self, record)
        if event is not None:
            made.append(event.id)
        return event

    monkeypatch.setattr(QuickEvents, "build", spy)
    return made


def test_every_written_style_loads_as_the_careful_reader_has_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: list[str]) -> None:
    fast, careful = both_ways(pack_with(tmp_path, "".join(CASES.values())), monkeypatch)
    assert not isinstance(fast, list), fast
    assert fast == careful
    # the plain ones were built quickly, the rest by the general checks
    assert sorted(set(built)) == ["plain-1", "plain-2", "plain-3", "plain-8"]
    events = {e.id: e for e in fast.events}  # type: ignore[attr-defined]
    assert events["plain-4"].title == "padded"
    assert events["plain-2"].end is not None and events["plain-2"].end.iso() == "2005"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_event_is_reported_as_the_careful_reader_reports_it(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, careful = both_ways(pack_with(tmp_path, PLAIN.format(n=1) + BROKEN[case]),
                              monkeypatch)
    assert isinstance(fast, list) and fast, f"{case} loaded"
    assert fast == careful
    assert all(":0:0:" not in problem for problem in fast)  # every one placed


def test_equal_ids_are_one_string_across_events(tmp_path: Path) -> None:
    """Ids shared, not copied per event: at 100,000 events that is memory, and every
    filter's lookups hit the same object."""
    pack = load_pack(pack_with(tmp_path, PLAIN.format(n=1) + PLAIN.format(n=2)),
                     use_cache=False)
    first, second = pack.events
    assert first.places[1] is second.places[1] and first.actors[0] is second.actors[0]


def test_the_builder_leaves_anything_unusual_to_the_general_checks() -> None:
    quick = QuickEvents(Shared())
    plain = {"id": "e-1", "date": "2004", "title": "T", "summary": "S",
             "sections": ["s"], "sources": ["src-0"]}
    assert quick.build(plain) is not None
    for change in ({"approximate": None}, {"approximate": "yes"}, {"title": " T"},
                   {"title": "T\n"}, {"id": "E"},
                   {"sections": "s"}, {"sections": []}, {"sources": "src-0"},
                   {"places": None}, {"date": True}, {"date": 10_000}, {"end": "open"},
                   {"end": "2003"}, {"sections": [{"id": "s"}]}, {"sources": [["x"]]},
                   {"quotes": []}, {"sources": ["src-0 Z9"]}, {"title": "x" * 20_001}):
        assert quick.build(plain | change) is None, change


def test_ids_named_but_not_in_the_pack_are_found() -> None:
    quick = QuickEvents(Shared())
    quick.build({"id": "e-1", "date": "2004", "title": "T", "summary": "S",
                 "sections": ["s"], "places": ["p"], "sources": ["src-0"]})
    known = {"section": {"s"}, "place": {"p"}, "actor": set(), "source": {"src-0"}}
    assert not quick.unknown(known)
    assert quick.unknown(known | {"place": {"q"}})
    # a kind left out (its file would not parse) is not checked
    assert not quick.unknown({"section": {"s"}, "source": {"src-0"}})


# A laid-out record's parts, as people and tools write them: each is taken by the
# layout's pattern, and some are not plain (`QuickEvents.laid` must agree).
LAID_PARTS = {
    "id": ["e-1", "event.x_y-z", "a" * 64, "a" * 65],
    "date": ["2004", "0000", "0001", "2004-05", "2004-02-30", "2004-13", "9999-12-31"],
    "end": [None, "2005", "2003", "0000", "2004-05-01", "2004-05"],
    "approximate": [None, "true", "false"],
    "title": ['"T"', '""', '" T"', '"T "', '"A\\nB"', '"caf\u00e9"', '"\u200b"', "word",
              "true", "123", '"' + "x" * 20_001 + '"', '"\\u00e9"', '"\\ud800"'],
    "summary": ['"S."', '""', '"two\\tparts"', "Plain", '"\u0627\u0644\u0633\u0644\u0627\u0645"'],
    "sections": ["history", "", "history, turkey", '"history"', '"History"', '"bad id"'],
    "places": [None, "", "place-0", '"place-0", place-1'],
    "actors": [None, "", "actor-0", "actor-0, actor-0"],
    "sources": ["src-0", "src-0 B2", '"src-0 B2"', "", '"src-0  B2"', "src-0, src-0",
                '"src-0 Z9"'],
}


def laid_record(parts: dict[str, str | None]) -> str:
    """The record `parts` make, written in the layout (`content.yamllayout`)."""
    lines = [f"  - id: {parts['id']}", f"    date: {parts['date']}"]
    lines += [f"    {key}: {parts[key]}" for key in ("end", "approximate")
              if parts[key] is not None]
    lines += [f"    title: {parts['title']}", f"    summary: {parts['summary']}",
              f"    sections: [{parts['sections']}]"]
    lines += [f"    {key}: [{parts[key]}]" for key in ("places", "actors")
              if parts[key] is not None]
    return "\n".join([*lines, f"    sources: [{parts['sources']}]"]) + "\n"


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({key: st.sampled_from(values)
                              for key, values in LAID_PARTS.items()}))
def test_a_laid_out_record_is_built_as_its_record_would_be(parts: dict) -> None:
    """Built from the pattern's groups, or left to be made a record: never otherwise
    than `plain` of that record."""
    from content.yamllayout import RECORD, _Gap, _record

    match = RECORD.fullmatch("\n" + laid_record(parts)[:-1])
    assert match is not None, parts
    laid = QuickEvents(Shared()).laid(match.groups())
    try:
        record = _record(match.groups())
    except _Gap:  # read as a gap: by the parser, as ever
        assert laid is None
        return
    assert laid is None or laid == QuickEvents(Shared()).plain(record)


def test_the_writers_records_are_built_from_their_layout(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """The common record is never made a dict only to be checked again; the pack is
    the careful reader's all the same, unusual records among them."""
    plain = {"id": "e-1", "date": "2004-05-01", "end": None, "approximate": None,
             "title": '"A plain event"', "summary": '"Its summary."',
             "sections": "history", "places": "place-0, place-1", "actors": None,
             "sources": "src-0 B2, src-1"}
    unusual = [{"title": '"caf\\u00e9"'}, {"summary": "Plain"}, {"date": "0001"},
               {"approximate": "true", "end": "2005"}, {"places": '"place-1"'}]
    records = [laid_record(plain | {"id": f"e-{n}"} | change)
               for n, change in enumerate([{}, *unusual, {}])]
    made: list[str] = []
    real = QuickEvents.laid

    def spy(self: QuickEvents, groups: tuple) -> tuple | None:
        built = real(self, groups)
        if built is not None:
            made.append(built[0])
        return built

    monkeypatch.setattr(QuickEvents, "laid", spy)
    fast, careful = both_ways(pack_with(tmp_path, "".join(records)), monkeypatch)
    assert not isinstance(fast, list), fast
    assert fast == careful
    assert sorted(made) == ["e-0", "e-3", "e-4", "e-5", "e-6"]  # escapes, words: records
    assert {e.id: e.title for e in fast.events}["e-1"] == "caf\u00e9"  # type: ignore[attr-defined]
