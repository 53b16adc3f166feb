"""Reading an Excel workbook's first sheet as text cells, for the importer.

Nothing in a cell is evaluated (a formula is its own text) and the workbook is read
in read-only mode. What a hostile workbook could do is refused first, each as one
located problem: a zip bomb (over MAX_UNPACKED bytes unpacked), a DTD in any part
(its entities could expand into events), malformed part XML or an undefined entity,
a workbook with no sheet. A date cell's serial becomes an ISO date, except Excel's
phantom 29 February 1900 (serial 60) and serials before 1900, which are problems.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

from content.errors import ContentError, Problem

MAX_UNPACKED = 64 * 1024 * 1024  # a workbook's parts, unzipped
MAX_ROWS = 20_000


def workbook_cells(path: Path, data: bytes) -> list[list[str]]:
    """The first sheet's cells as text. Formulas stay formulas (their text: nothing
    is evaluated); dates become ISO dates; the workbook is read in read-only mode."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile:
        raise ContentError(Problem(str(path), 0, 0, "not an Excel workbook (not a zip)")
                           ) from None
    if unpacked > MAX_UNPACKED:  # a zip bomb: refused before anything is unpacked
        raise ContentError(Problem(str(path), 0, 0, f"unpacks to {unpacked:,} bytes (at most "
                                   f"{MAX_UNPACKED:,}); refused"))
    try:
        parts = package_parts(data)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise ContentError(Problem(str(path), 0, 0, f"not a readable Excel workbook "
                                   f"({_first_line(exc)})")) from None
    _refuse_dtds(path, parts)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises what its parsers raise: all say "unreadable"
        raise ContentError(Problem(str(path), 0, 0, f"not a readable Excel workbook "
                                   f"({_first_line(exc)})")) from None
    try:
        if not book.worksheets:
            raise ContentError(Problem(str(path), 0, 0, "the workbook has no sheet"))
        sheet = book.worksheets[0]
        book._date_formats = set()  # serials as numbers: 60 and negatives are ours to judge
        rows = []
        for number, cells in enumerate(itertools.islice(sheet.iter_rows(), MAX_ROWS + 2), 1):
            rows.append([_xlsx_text(path, number, column, cell, book.epoch)
                         for column, cell in enumerate(cells[:64], 1)])
        return rows
    except ContentError:
        raise
    except Exception as exc:  # malformed sheet XML, an undefined entity, …
        raise ContentError(Problem(str(path), 0, 0, f"not a readable Excel workbook "
                                   f"({_first_line(exc)})")) from None
    finally:
        book.close()


def package_parts(data: bytes) -> dict[str, bytes]:
    """The XML parts of a workbook (bounded: the caller checked the unpacked size)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()
                if info.filename.endswith((".xml", ".rels"))}


def _refuse_dtds(path: Path, parts: dict[str, bytes]) -> None:
    """A DTD in any part could declare entities that expand into events: refused,
    in whichever encoding the part is written."""
    for name, part in parts.items():
        for marker in (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"),
                       "<!DOCTYPE".encode("utf-16-be")):
            if marker in part:
                raise ContentError(Problem(str(path), 0, 0, f"the workbook part {name} "
                                           "carries a DTD (<!DOCTYPE …>); refused"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _xlsx_text(path: Path, row: int, column: int, cell: object, epoch: object) -> str:
    """One cell as text: a date cell's serial as an ISO date (Excel's phantom
    29 February 1900, serial 60, and serials before 1900 are problems, not dates)."""
    import datetime as dt

    from openpyxl.utils.datetime import from_excel

    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) and getattr(
            cell, "is_date", False):
        if value == 60 or value < 1:
            what = ("29 February 1900, a day that never was (Excel's leap-year bug)"
                    if value == 60 else "a date before 1900")
            raise ContentError(Problem(str(path), row, column, f"the date serial {value:g} "
                                       f"is {what}; type the date as text"))
        try:
            value = from_excel(value, epoch)
        except (OverflowError, ValueError):
            raise ContentError(Problem(str(path), row, column, f"the date serial {value:g} "
                                       "is not a date")) from None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
