"""Validation: every field and cross-reference problem reported, all in one run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from content.errors import ContentError
from content.loader import load_pack


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_pack(folder, use_cache=False)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_embedded_pack_loads() -> None:
    pack = load_pack(use_cache=False)
    assert pack.info.title == "Azerbaijan and NATO"
    assert len(pack.events) >= 25 and len(pack.sections) >= 10
    assert [e.start_day for e in pack.events] == sorted(e.start_day for e in pack.events)


def test_impossible_date_names_file_line_and_column(pack_copy: Path) -> None:
    events = pack_copy / "events.yaml"
    replace(events, "date: 2025-08-08", "date: 2024-02-30")
    line = line_of(events, "2024-02-30")
    assert problems_of(pack_copy) == [
        f"{events}:{line}:11: '2024-02-30' does not exist: February 2024 has 29 days"]


def test_every_problem_is_reported_in_one_run(pack_copy: Path) -> None:
    events, places = pack_copy / "events.yaml", pack_copy / "places.yaml"
    replace(events, "places: [lachin-road]", "places: [lachin-raod]")
    replace(events, "sections: [peace]\n", "sections: [peace, nope]\n")
    replace(events, "actors: [mustafa-oguz]", "actors: [mustafa-oguzz]")
    replace(events, "sources: [trend-2023-03-09]", "sources: [trend-2023-03-99]")
    replace(places, "lat: 50.8794", "lat: north")
    found = problems_of(pack_copy)
    assert len(found) == 5
    joined = "\n".join(found)
    for words in ("unknown place 'lachin-raod'", "unknown section 'nope'",
                  "unknown actor 'mustafa-oguzz'", "unknown source 'trend-2023-03-99'",
                  "'lat' must be a number, not text ('north')"):
        assert words in joined


@pytest.mark.parametrize(("old", "new", "words"), [
    ("    title: Kabul airlift\n", "", "an event is missing required field 'title'"),
    ("title: Kabul airlift", "title: 42", "'title' must be text, not a number"),
    ("    sources: [caspian-post-2021-08-16, jamestown-2023]\n", "",
     "an event must cite at least one source"),
    ("title: Kabul airlift", "titel: Kabul airlift", "unknown field 'titel'"),
    ("date: 2023-03", "date: March 2023", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ("date: 2023-03", "date: 2023-13", "month 13 does not exist"),
    ("sources: [trend-2023-03-09]", "sources: [trend-2023-03-09 Z9]", "Admiralty grade 'Z9'"),
    ("id: kabul-airlift", "id: Kabul Airlift", "must be lower-case letters"),
    ("id: kabul-airlift", "id: afghanistan-contribution", "duplicate id"),
    ("date: 2002\n    end: 2021-08", "date: 2021-08\n    end: 2002", "ends (2002) before"),
])
def test_field_problems(pack_copy: Path, old: str, new: str, words: str) -> None:
    replace(pack_copy / "events.yaml", old, new)
    found = problems_of(pack_copy)
    assert any(words in p for p in found), found
    assert all(p.startswith(str(pack_copy / "events.yaml") + ":") for p in found)


def test_missing_file_and_link_out_of_the_pack(pack_copy: Path, tmp_path: Path) -> None:
    (pack_copy / "actors.yaml").unlink()
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("places: []\n")
    (pack_copy / "places.yaml").unlink()
    os.symlink(outside, pack_copy / "places.yaml")
    found = problems_of(pack_copy)
    assert any("actors.yaml:0:0: required pack file is missing" in p for p in found)
    assert any("places.yaml:0:0: links outside the pack folder" in p for p in found)


def test_a_file_of_the_wrong_shape(pack_copy: Path) -> None:
    (pack_copy / "actors.yaml").write_text("actors: just text\n")
    assert any("expected a list of actors" in p for p in problems_of(pack_copy))


def test_a_folder_that_is_not_a_pack_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a pack\n")
    found = problems_of(tmp_path)
    assert len(found) == 1 and "this folder is not a content pack" in found[0]
    assert found[0].startswith(str(tmp_path) + ":")


def test_a_bottom_line_naming_a_missing_section_is_a_located_problem(pack_copy) -> None:
    """pack.yaml's bottom line refers to sections like any other reference: a missing
    one is named with its file and line."""
    import pytest

    from content.errors import ContentError
    from content.loader import load_pack

    path = pack_copy / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sections: [peace]", "sections: [piece]"), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_pack(pack_copy, use_cache=False)
    problem = next(p for p in refused.value.problems if "piece" in p.message)
    assert problem.file.endswith("pack.yaml") and problem.message == "unknown section 'piece'"
    assert "sections: [piece]" in path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
