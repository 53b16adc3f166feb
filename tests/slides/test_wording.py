"""Dates in words and the content's age, as the title slide says them."""

from __future__ import annotations

import datetime as dt

from content.dates import PartialDate
from slides.wording import content_age, in_words, months_between

AS_OF = PartialDate.parse("2025-12-15")


def test_iso_dates_are_written_in_words_and_other_text_is_kept() -> None:
    assert in_words("2026-01-12") == "12 January 2026"
    assert in_words("2026-01") == "January 2026"
    assert in_words("Monday morning") == "Monday morning"
    assert in_words("") == ""


def test_content_age_is_said_only_past_six_months() -> None:
    assert content_age(AS_OF, "2026-06-14") == "Content as of 15 December 2025"
    assert content_age(AS_OF, "2026-07-16").endswith("\u2014 7 months before this briefing")
    assert content_age(AS_OF, "2027-12-15").endswith("\u2014 2 years before this briefing")
    assert content_age(AS_OF, "2026-12-15").endswith("\u2014 1 year before this briefing")


def test_without_a_briefing_date_today_counts() -> None:
    assert content_age(AS_OF, "", today=dt.date(2026, 12, 1)).endswith(
        "11 months before this briefing")
    assert content_age(AS_OF, "not a date", today=dt.date(2026, 1, 1)) == \
        "Content as of 15 December 2025"


def test_months_between_counts_whole_months_at_the_calendars_edges() -> None:
    assert months_between(dt.date(1, 1, 1), dt.date(9999, 12, 31)) == 9998 * 12 + 11
    assert months_between(dt.date(2025, 12, 15), dt.date(2026, 1, 14)) == 0
    assert months_between(dt.date(2026, 1, 1), dt.date(2025, 1, 1)) == 0
