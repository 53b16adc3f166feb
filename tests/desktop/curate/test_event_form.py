"""The event form's grade list says what each Admiralty grade means."""

from __future__ import annotations

from desktop.curate.event_form import GRADES, grade_meaning


def test_every_grade_says_what_it_means_in_words(qtbot) -> None:
    assert grade_meaning("B2") == "B2: source usually reliable; claim probably true"
    assert grade_meaning("F6") == ("F6: source's reliability cannot be judged; claim's "
                                   "truth cannot be judged")
    assert grade_meaning("(ungraded)") == "Not graded"
    meanings = {grade_meaning(g) for g in GRADES}
    assert len(meanings) == len(GRADES)  # 36 grades and ungraded, each its own words

