"""Guards on how dates read in tight spaces (the event list, search results and the
"what changed" slide): an approximate date says so at every precision."""

from __future__ import annotations

import pytest

from content.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("2002", "c. 2002"),
        ("2021-08", "c. Aug 2021"),
        ("2021-12-14", "c. 14 Dec 2021"),
    ],
)
def test_short_label_of_an_approximate_date_keeps_its_circa(text: str, short: str) -> None:
    """An approximate date shows "c." in the event list's date column too; without it
    a guessed day would read as a known one."""
    assert PartialDate.parse(text, approximate=True).short_label() == short
    assert PartialDate.parse(text).short_label() == short.removeprefix("c. ")
