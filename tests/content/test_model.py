"""The fields that let the pack say exactly what the articles say: open spans, report
dates, quotations and access dates, from YAML through the loader, dump and lint."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from content.dates import PartialDate
from content.dump import pack_to_dict
from content.errors import ContentError
from content.loader import load_pack
from content.model import Event


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_pack(folder, use_cache=False)
    return caught.value.report()


def test_an_open_span_runs_to_the_as_of_date(pack_copy: Path) -> None:
    pack = load_pack(pack_copy, use_cache=False)
    pfp = pack.event("partnership-for-peace")
    assert pfp.ongoing and pfp.end is None and pfp.horizon == pack.info.as_of
    assert pfp.end_day == pack.info.as_of.last_day()
    dumped = next(e for e in pack_to_dict(pack)["events"] if e["id"] == pfp.id)
    assert (dumped["end"], dumped["ongoing"], dumped["drawn_to"], dumped["label"]) == \
        (None, True, "2025-12-15", "since 1994")


def test_an_open_span_may_not_start_after_the_as_of_date(pack_copy: Path) -> None:
    edit(pack_copy / "events.yaml", "  - id: partnership-for-peace\n    date: 1994",
         "  - id: partnership-for-peace\n    date: 2030")
    assert "starts after the pack's as-of date" in problems(pack_copy)


def test_reported_dates(pack_copy: Path) -> None:
    pack = load_pack(pack_copy, use_cache=False)
    su25 = pack.event("su25-modernised-by-turkey")
    assert su25.date_label() == "c. May 2023 (reported 12 May 2023)"
    dumped = next(e for e in pack_to_dict(pack)["events"] if e["id"] == su25.id)
    assert dumped["reported"] == "2023-05-12" and dumped["approximate"] is True


@pytest.mark.parametrize(("old", "new", "words"), [
    ("    reported: 2023-05-12\n", "    reported: 2023-04-01\n", "reported (2023-04-01) before"),
    ("    approximate: true\n    reported: 2023-05-12\n", "    reported: 2023-05-12\n",
     "add 'approximate: true'"),
    ("    dated_by: article\n", "    dated_by: hearsay\n", "is 'article' or 'report'"),
    ("source: president-az-2021-12-14}", "source: nowhere}", "unknown source 'nowhere'"),
    ("{text: \"a valued partner\", speaker: Jens Stoltenberg, ",
     "{text: \"a valued partner\", ", "missing required field 'speaker'"),
])
def test_field_problems_are_located(pack_copy: Path, old: str, new: str, words: str) -> None:
    edit(pack_copy / "events.yaml", old, new)
    report = problems(pack_copy)
    assert words in report and "events.yaml:" in report


def test_quotes_load_with_speaker_and_source(pack_copy: Path) -> None:
    pack = load_pack(pack_copy, use_cache=False)
    quotes = pack.event("aliyev-nato-hq").quotes
    assert [(q.speaker, q.source) for q in quotes][-1] == ("Jens Stoltenberg",
                                                           "president-az-2021-12-14")
    dumped = next(e for e in pack_to_dict(pack)["events"] if e["id"] == "aliyev-nato-hq")
    assert dumped["quotes"][-1]["text"] == "a valued partner"
    point = next(k for s in pack.sections for k in s.key_points if k.quotes)
    assert point.quotes[0].source in pack.sources


def test_accessed_dates_for_pages_without_one(pack_copy: Path) -> None:
    from content.citations import citation_text
    from content.model import Citation

    pack = load_pack(pack_copy, use_cache=False)
    source = pack.sources["mod-gov-az-2023-06-24"]
    assert source.date is None and source.accessed.iso() == "2023-06-24"
    assert "accessed 24 June 2023" in citation_text(pack, Citation(source.id))


def test_a_made_event_is_the_event_its_fields_make() -> None:
    """`make_event` writes Event's slots directly: it must take every field, in order,
    with Event's defaults, and make an equal event (a field added to Event and not to
    it fails here)."""
    import dataclasses

    from content.model import make_event

    fields = dataclasses.fields(Event)
    assert [f.name for f in fields] == list(inspect.signature(make_event).parameters)
    for f in fields:
        if f.default is not dataclasses.MISSING:
            assert inspect.signature(make_event).parameters[f.name].default == f.default
    pack = load_pack(None, use_cache=False)
    for event in pack.events:
        values = [getattr(event, f.name) for f in fields]
        assert make_event(*values) == event == Event(*values)
    plain = make_event("e-1", PartialDate(2004), "T", "S", ("s",), ())
    assert plain == Event("e-1", PartialDate(2004), "T", "S", ("s",), ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        plain.title = "changed"  # type: ignore[misc]
