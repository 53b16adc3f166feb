"""Dates keep the precision their source gives and read the way a briefer writes."""

import datetime as dt

import pytest

from content.dates import PartialDate, Precision, day_label, days_in_month


@pytest.mark.parametrize(("text", "approx", "label", "precision"), [
    ("2002", True, "c. 2002", Precision.YEAR),
    ("2021-08", False, "August 2021", Precision.MONTH),
    ("2021-12-14", False, "14 December 2021", Precision.DAY),
])
def test_labels_and_precision(text: str, approx: bool, label: str, precision: Precision) -> None:
    date = PartialDate.parse(text, approx)
    assert (date.label(), date.precision, date.iso()) == (label, precision, text)


def test_a_month_covers_the_whole_month() -> None:
    date = PartialDate.parse("2024-02")
    assert (date.first_day(), date.last_day()) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


@pytest.mark.parametrize("text", ["2024-02-30", "2023-13", "21-08", "2021/08", "0000"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


FRENCH = ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def test_month_names_stay_english_whatever_the_locale(monkeypatch) -> None:
    """`calendar` follows the C locale, which Qt sets from the desktop's language."""
    import calendar

    monkeypatch.setattr(calendar, "month_name", FRENCH)
    monkeypatch.setattr(calendar, "month_abbr", [m[:4] for m in FRENCH])
    assert PartialDate.parse("2021-08").label() == "August 2021"
    assert PartialDate.parse("2021-12-14").short_label() == "14 Dec 2021"
    assert day_label(dt.date(2026, 11, 22)) == "22 November 2026"
    with pytest.raises(ValueError, match="February 2023 has 28 days"):
        PartialDate.parse("2023-02-29")


def test_days_in_month_follows_the_gregorian_calendar() -> None:
    import calendar

    for year in (1900, 1996, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
