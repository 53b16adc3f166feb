"""The pack lint (`briefdesk validate --strict`): what a machine can see of curation slips."""

from __future__ import annotations

from pathlib import Path

from content.lint import lint
from content.loader import load_pack
from tests.content.test_model import edit


def warnings_after(pack_copy: Path, file: str, old: str, new: str) -> list[str]:
    edit(pack_copy / file, old, new)
    return [str(w) for w in lint(load_pack(pack_copy, use_cache=False))]


def test_lint_is_quiet_on_the_embedded_pack(pack_copy: Path) -> None:
    assert lint(load_pack(pack_copy, use_cache=False)) == []


def test_lint_sees_a_date_taken_from_a_citing_report(pack_copy: Path) -> None:
    found = warnings_after(pack_copy, "events.yaml",
                           "  - id: oguz-visit\n    date: 2023-03\n    dated_by: article\n",
                           "  - id: oguz-visit\n    date: 2023-03\n")
    assert len(found) == 1 and "'oguz-visit' is dated 2023-03, when Trend" in found[0]
    assert ":5: warning:" in found[0] and "events.yaml:" in found[0]


def test_lint_sees_a_span_ending_on_the_as_of_date(pack_copy: Path) -> None:
    found = warnings_after(pack_copy, "events.yaml", "    end: open\n", "    end: 2025-12\n")
    assert len(found) == 1 and "'end: open'" in found[0]


def test_lint_sees_a_key_point_starting_with_a_pronoun(pack_copy: Path) -> None:
    found = warnings_after(pack_copy, "sections.yaml", "- text: Azerbaijan's contribution in",
                           "- text: Its contribution in")
    assert len(found) == 1 and "pronoun ('Its')" in found[0]


def test_lint_sees_quotation_marks_without_a_quote(pack_copy: Path) -> None:
    found = warnings_after(pack_copy, "sections.yaml", "Azerbaijan's contribution in",
                           'Azerbaijan\'s "contribution" in')
    assert len(found) == 1 and "no 'quotes' entry" in found[0]


def test_a_bottom_line_that_is_not_a_judgement_is_said(pack_copy) -> None:
    """A line such as "Exercises requested, contacts to continue, a post to fill." is
    a list, not a judgement a room can take in: the lint names its line."""
    from content.lint import lint
    from content.loader import load_pack

    path = pack_copy / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "  - judgement: Cooperation is demand-driven, set by Azerbaijan's priorities and "
        "the Alliance's interests, Slovakia's ambassador said in December 2025.",
        "  - judgement: Exercises requested, contacts to continue, a post to fill."),
        encoding="utf-8")
    warnings = [w for w in lint(load_pack(pack_copy, use_cache=False))
                if "does not read as a judgement" in w.message]
    assert len(warnings) == 1 and warnings[0].file.endswith("pack.yaml")
    line = path.read_text(encoding="utf-8").splitlines()[warnings[0].line - 1]
    assert "Exercises requested" in line
