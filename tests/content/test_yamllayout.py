"""An events file in the writer's layout is read without a parser, and read alike.

Each case is a file the layout reader may see: the writer's own, the editor's, and
hand edits of them that the careful reader judges one way or another. Whatever the
layout reader gives must be what the careful reader gives (or nothing, and the file
is parsed as before); a pack loaded must be the pack, and the problems the problems,
of the careful reading alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import content.yamlfast as yamlfast
from content.errors import YamlError
from content.yamledit import block_list
from content.yamllayout import read_laid_out
from content.yamlread import MAX_SCALAR_CHARS, read_yaml_text
from tests.content.test_yamlhalf import careful, outcome  # the careful reading alone

RECORD = ('  - id: e-{n}\n    date: 2004-05-0{n}\n    title: "Talks {n}"\n'
          '    summary: "Ministers met."\n    sections: [operations]\n    places: []\n'
          '    actors: []\n    sources: [src-1 B2]\n')


def laid_out(text: str) -> object:
    return read_laid_out(text.encode("utf-8"), yamlfast.read_parsed)


def careful_values(text: str) -> object:
    return read_yaml_text(text, "events.yaml")


def records(*bodies: str) -> str:
    return "events:\n" + "".join(bodies)


def test_the_writers_layout_is_read_as_the_careful_reader_reads_it(tmp_path: Path) -> None:
    from benchmarks.synthetic import write_pack

    text = (write_pack(tmp_path / "p", 300) / "events.yaml").read_text(encoding="utf-8")
    got = laid_out(text)
    assert got is not None and got == careful_values(text)


def test_the_editors_layout_is_read_without_the_parser(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    """As the editor and the importer write events: a year plain, citations with a
    grade quoted, empty lists left out, a one-word title plain, escapes as JSON's."""
    events: list[dict[str, Any]] = [
              {"id": "e-1", "date": 1992, "end": "1994-02", "approximate": True,
               "title": "Accession", "summary": 'The "Partnership" began / a\\b é',
               "sections": ["s"], "sources": ["src-1 B2", "src-2"]},
              {"id": "e-2", "date": "2021-08-14", "title": "Two words",
               "summary": "Summit.", "sections": ["s", "t"], "places": ["baku"],
               "actors": ["nato"], "sources": ["src-1"]}]
    text = "events:" + block_list(events, 0, "\n") + "\n"
    parsed: list[bytes] = []
    real = yamlfast.read_parsed

    def counted(data: bytes, *rest: Any) -> Any:
        parsed.append(data)
        return real(data, *rest)

    monkeypatch.setattr(yamlfast, "read_parsed", counted)
    assert laid_out(text) == careful_values(text) == {"events": events}
    assert parsed == []  # every record matched


def test_a_file_without_a_last_line_break_is_read_without_the_parser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a text editor may save it: the last record ends the file. (Read as before,
    the whole file went to the careful reader: 7.6 s at 100,000 events, not 1 s.)"""
    from benchmarks.synthetic import write_pack

    folder = write_pack(tmp_path, 20)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8").rstrip("\n")
    events.write_text(text, encoding="utf-8")
    parsed: list[bytes] = []
    real = yamlfast.read_parsed
    monkeypatch.setattr(yamlfast, "read_parsed",
                        lambda data, *rest: parsed.append(data) or real(data, *rest))
    got = laid_out(text)
    assert got is not None and got == careful_values(text) and parsed == []
    assert outcome(folder) == careful(folder, monkeypatch)


@pytest.mark.parametrize("body", [
    RECORD.replace("Talks", "Talks\there"),  # a tab
    RECORD.replace("Talks", "Talks\x01"),  # C0 control
    RECORD.replace("Talks", "Talks\u0085"),  # NEL
    RECORD.replace("Talks", "Talks\u2028"),  # line separator
    RECORD.replace("Talks", "Talks\ufeff"),  # a BOM inside
    RECORD.replace("Talks", "Talks\uffff"),  # a non-character
    RECORD.replace("Talks", "Talks\\t"),  # an escaped tab
    RECORD.replace("Talks", "Talks\\u0085"),
    RECORD.replace("Talks", "Rocket \\ud83d\\ude80"),  # a surrogate pair as escapes
    RECORD.replace("Talks", "Talks \\\"quoted\\\" \\\\ \\/"),
    RECORD.replace("Talks", "a # not a comment: really"),
    RECORD.replace('"Talks {n}"', "True"),  # plain words the core schema resolves
    RECORD.replace('"Talks {n}"', "123"),
    RECORD.replace('"Talks {n}"', "0x1F"),
    RECORD.replace('"Talks {n}"', "1e5"),
    RECORD.replace('"Talks {n}"', "0b101"),
    RECORD.replace("id: e-{n}", "id: null"),
    RECORD.replace("id: e-{n}", "id: true-ish"),
    RECORD.replace("sections: [operations]", "sections: [operations, false]"),
    RECORD.replace("2004-05-0{n}", "0000"),
    RECORD.replace("2004-05-0{n}", "0001"),
    RECORD.replace("2004-05-0{n}", "99999"),
    RECORD.replace("2004-05-0{n}", "2021-13-01"),
    RECORD.replace("2004-05-0{n}", "2021-02-30"),
    RECORD.replace("2004-05-0{n}", "\u0662\u0660\u0662\u0661"),  # Arabic-Indic digits
    RECORD.replace("[src-1 B2]", '["src-1' + " " * 70_000 + 'B2"]'),
    RECORD.replace("[src-1 B2]", '["src-1\x0bB2"]'),  # a vertical tab splits words
    RECORD.replace("2004-05-0{n}", '"2004' + " " * 70_000 + '"'),  # padding is parsed away
    RECORD.replace("Ministers met.", "x" * (MAX_SCALAR_CHARS + 1)),
    RECORD.replace("    actors: []\n", "    actors: []\n    colour: red\n"),
    RECORD.replace("    actors: []\n", "    actors: []\n    title: again\n"),
    RECORD + "# a comment\n\n",
    RECORD.replace("    places: []\n", "    places: []  # none\n"),
    RECORD + "notes: at the top level\n",
    RECORD + "- id: flush\n  date: 2004\n",
    RECORD.replace("    actors: []\n", "    note: xx") + RECORD.replace("{n}", "9"),
    RECORD.replace('"Ministers met."', '"opens\n' + RECORD.replace("{n}", "8")
                   + '    closes"'),
    RECORD.replace('"Ministers met."', "[opens,\n" + RECORD.replace("{n}", "7") + "  ]"),
    RECORD.replace("  - id", "    - id"),
    RECORD.replace("  - id", "-   id"),
    # lines between records that Python's strip() calls blank, or a comment that
    # holds what the careful reader refuses, or a line break it reads as one
    RECORD + "# \x00\n",
    RECORD + "# \x01 DEL\x7f \u009b \ufffe\n",
    RECORD + "\x0b\n", RECORD + "\x0c\n", RECORD + "\x1f\n",
    RECORD + "\xa0\n", RECORD + "\u3000\n", RECORD + "\xa0# c\n",
    RECORD + "  \t# c\n", RECORD + "  \t\n",
    RECORD + "# note\u2028" + RECORD.replace("{n}", "6").replace("\n", "\u2028") + "\n",
    RECORD + "# note\u0085" + RECORD.replace("{n}", "6").replace("\n", "\u0085") + "\n",
    RECORD + "# a note, \u00e9 and a\ttab\n",
])
def test_an_edited_file_is_read_as_the_careful_reader_reads_it(
        body: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pack is the careful reading's, or its problems are; and values the layout
    reader gives are the careful reader's (those it leaves to the parser are judged
    as ever: the builder walks what it does not vouch for)."""
    from benchmarks.synthetic import write_pack

    text = records(RECORD.format(n=1), body.replace("{n}", "2"), RECORD.format(n=3))
    folder = write_pack(tmp_path, 20)
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    assert outcome(folder) == careful(folder, monkeypatch)
    got = laid_out(text)
    try:
        values = careful_values(text)
    except YamlError:  # refused: the parse, too, refuses it or leaves it to the walk
        assert got is None or got == yamlfast.read_parsed(text.encode(), "events")
        return
    assert got is None or got == values


@pytest.mark.parametrize("old,new", [
    ('    title: "', '    title: "Tab\t'),
    ('    title: "', '    title: "\\u0085'),
    ('    title: "', '    title: "\\ud83d\\ude80 '),
    ("    date: ", "    date: 0"),
    ("    sources: [", "    sources: [\"src-1\x0bB2\", "),
    ("    sections: [", "    sections: [null, "),
    ("  - id: ", "# a note\n\n  - id: "),
    ("  - id: ", "  - colour: red\n    id: "),
])
def test_a_pack_read_by_its_layout_is_the_pack_read_carefully(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    from benchmarks.synthetic import write_pack

    folder = write_pack(tmp_path, 60)
    events = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    at = text.index(old, len(text) // 2)
    events.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    assert outcome(folder) == careful(folder, monkeypatch)


@pytest.mark.parametrize("data", [
    b"events:\r\n" + RECORD.format(n=1).replace("\n", "\r\n").encode(),  # CRLF
    b"\xef\xbb\xbfevents:\n" + RECORD.format(n=1).encode(),  # a BOM
    b"# first\nevents:\n" + RECORD.format(n=1).encode(),  # not `events:` first
    b"events:\n" + RECORD.format(n=1).encode().replace(b"Talks", b"Talks \xff"),  # not UTF-8
])
def test_what_is_read_as_before(data: bytes) -> None:
    assert read_laid_out(data, yamlfast.read_parsed) is None


@pytest.mark.parametrize("text", ["events:\n", "events:\n# none yet\n\n"])
def test_no_records_are_the_careful_readers_to_judge(text: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`events:` with nothing under it is null, not an empty list: refused, as the
    careful reader refuses it."""
    from benchmarks.synthetic import write_pack

    assert read_laid_out(text.encode(), yamlfast.read_parsed) is None
    folder = write_pack(tmp_path, 3)
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    assert outcome(folder) == careful(folder, monkeypatch)
    assert isinstance(outcome(folder), list)
