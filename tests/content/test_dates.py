"""Dates keep the precision their source gives and read the way a briefer writes."""

import datetime as dt

import pytest

from content.dates import PartialDate, Precision


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
