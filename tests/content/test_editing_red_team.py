"""Hand-written styles a red-team pass found breaking an edit (issue 24): each is
edited exactly now, checked by the same invariant as tests/content/test_lossless_edits.py.
"""

from __future__ import annotations

import dataclasses

import pytest

from content.editing import EventDraft, add_event, check_change, delete_event, replace_event
from tests.content.test_lossless_edits import SOURCE, draft_of, pack_of


def _event(ident: str, date: int, title: bytes = b"A") -> bytes:
    return (b"  - id: " + ident.encode() + b"\n    date: " + str(date).encode()
            + b"\n    title: " + title + b"\n    summary: S\n    sections: [history]\n"
            b"    sources: [report-2025-12-15]\n")


RED_TEAM = {
    "line separator in a quoted title": b"events:\n" + _event("a", 2001, b'"x\xe2\x80\xa8y"')
    + _event("b", 2003),
    "next line in a quoted title": b"events:\n" + _event("a", 2001, b'"x\xc2\x85y"')
    + _event("b", 2003),
    "trailing comma in a one-line item": b"events:\n  - {id: a, date: 2001, title: A, "
    b"summary: S, sections: [history], sources: [report-2025-12-15],}\n" + _event("b", 2003),
    "a comment with a hyphen after the dash": b"events:\n  - # the first-ever\n    id: a\n"
    b"    date: 2001\n    title: A\n    summary: S\n    sections: [history]\n"
    b"    sources: [report-2025-12-15]\n" + _event("b", 2003),
    "extra spaces after the dash": b"events:\n  -   id: a\n      date: 2001\n      title: A\n"
    b"      summary: S\n      sections: [history]\n      sources: [report-2025-12-15]\n"
    + _event("b", 2003).replace(b"  - ", b"  -   ").replace(b"\n    ", b"\n      "),
    "an explicit key": b"events:\n  - id: a\n    date: 2001\n    ? title\n    : A\n"
    b"    summary: S\n    sections: [history]\n    sources: [report-2025-12-15]\n"
    + _event("b", 2003),
}


@pytest.mark.parametrize("style", sorted(RED_TEAM))
@pytest.mark.parametrize("edit", ["title", "end", "reported", "delete", "add"])
def test_red_team_styles_are_edited_exactly(style: str, edit: str) -> None:
    data = RED_TEAM[style]
    before = pack_of(data)
    draft = draft_of(data, "a")
    if edit == "delete":
        after, intent = delete_event(data, "a"), ("event", "a", "delete")
    elif edit == "add":
        after = add_event(data, EventDraft("n", "2002", "New", "S.", ["history"], [SOURCE]))
        intent = ("event", "n", "add")
    else:
        changes = {"title": {"title": "Plain"}, "end": {"end": "2010"},
                   "reported": {"approximate": True, "reported": "2025-12-15"}}[edit]
        after = replace_event(data, "a", dataclasses.replace(draft, **changes))
        intent = ("event", "a", "change")
    new = pack_of(after)
    assert check_change(before, new, *intent) == ""
    if edit == "title":
        assert new.event("a").title == "Plain"
    if edit == "end":
        assert new.event("a").end is not None and new.event("b").end is None


def test_deleting_the_only_item_keeps_the_comments_around_it() -> None:
    data = (b"events:  # the list\n  # general note\n\n  # about a\n" + _event("a", 2001)
            + b"# end\n")
    assert delete_event(data, "a") == b"events: []  # the list\n  # general note\n\n# end\n"


def test_the_only_item_of_a_flow_list_with_a_trailing_comma() -> None:
    from content.yamledit import delete_item

    assert delete_item(b"points: [{text: one}, ]\n", "p.yaml", ("points",), 0) == \
        b"points: []\n"


def test_a_file_the_parser_refuses_is_a_located_problem_not_a_traceback() -> None:
    from content.errors import YamlError

    with pytest.raises(YamlError, match=r"YAML syntax error"):
        replace_event(b"events: [\n", "a", EventDraft("a", "2001", "A", "S", [], []))
