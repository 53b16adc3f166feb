"""A workbook's first sheet as text: dates from serials, hostile parts refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from content.errors import ContentError
from content.workbook import workbook_cells


def book(tmp_path: Path, rows: list[list[object]], date_cells: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    for cell in date_cells:
        workbook.active[cell].number_format = "yyyy-mm-dd"
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    return path


def test_cells_are_text_and_dates_iso(tmp_path: Path) -> None:
    path = book(tmp_path, [["date", "title"], [dt.date(2021, 8, 15), "=SUM(A1)"], [61, 2.0]],
                ("A3",))
    assert workbook_cells(path, path.read_bytes()) == [
        ["date", "title"], ["2021-08-15", "=SUM(A1)"], ["1900-03-01", "2"]]


@pytest.mark.parametrize("serial", [60, 0, -5])
def test_serials_that_are_no_date_are_problems(tmp_path: Path, serial: int) -> None:
    path = book(tmp_path, [["date"], [serial]], ("A2",))
    with pytest.raises(ContentError) as caught:
        workbook_cells(path, path.read_bytes())
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (2, 1) and "type the date as text" in str(problem)
