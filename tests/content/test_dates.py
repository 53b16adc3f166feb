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


# -- moving dates without leaving the calendar ------------------------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from content.dates import add_days, clamp_ordinal, shift_years  # noqa: E402

ANY_DAY = st.dates(dt.date.min, dt.date.max)


@given(ANY_DAY, st.integers(-20_000, 20_000))
def test_shift_years_never_leaves_the_calendar(day: dt.date, years: int) -> None:
    moved = shift_years(day, years)
    if dt.MINYEAR <= day.year + years <= dt.MAXYEAR:
        assert moved.year == day.year + years and moved.month == day.month
        assert moved.day == day.day or (day.month, day.day, moved.day) == (2, 29, 28)
    else:
        assert moved == (dt.date.min if years < 0 else dt.date.max)


@given(ANY_DAY, st.integers(-5_000_000, 5_000_000))
def test_add_days_stops_at_the_ends(day: dt.date, days: int) -> None:
    moved = add_days(day, days)
    assert dt.date.min <= moved <= dt.date.max
    if dt.date.min.toordinal() <= day.toordinal() + days <= dt.date.max.toordinal():
        assert moved == day + dt.timedelta(days=days)


@given(st.floats(-1e12, 1e12))
def test_clamp_ordinal_gives_a_real_day(ordinal: float) -> None:
    assert dt.date.min <= clamp_ordinal(ordinal) <= dt.date.max


def test_leap_day_moves_to_28_february() -> None:
    assert shift_years(dt.date(2024, 2, 29), -10) == dt.date(2014, 2, 28)
    assert shift_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)
