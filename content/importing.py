"""Importing events from a spreadsheet (CSV, XLSX) or a TimelineJS JSON file into a pack.

Rows are read as text (nothing in a cell is ever evaluated: a formula is its own
text), mapped by their column headers — ours (`date`, `end`, `title`, `summary`,
`sections`, `places`, `actors`, `sources`, `approximate`, `id`) or TimelineJS's
spreadsheet template (`Year`, `Month`, `Day`, `End Year`, …, `Headline`, `Text`,
`Group`) — and checked one by one. A problem names the file, the spreadsheet row and
the column: `events.csv:7:date: 2021-02-30 does not exist`. Nothing is written while
any row has a problem, unless the caller skips the rows that do; the pack with the
new events must then load cleanly too, or nothing is written.

The events are written into `events.yaml` as text, in date order, each in the file's
own style, and everything already there is left byte for byte: `git diff` shows the
new events and nothing else.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from content.dates import PartialDate
from content.editing import (
    EventDraft,
    event_fields,
    events_layout,
    free_id_in,
    insert_events,
)
from content.errors import ContentError, Problem
from content.exporting import RISKY
from content.fields import CONTROL, parse_citation
from content.fileio.reading import FileRefused, read_regular
from content.loader import build_pack, read_pack_files
from content.model import Pack
from content.recordsplice import spliced_events
from content.workbook import MAX_ROWS, workbook_cells
from content.yamledit import SURROGATE, Fields
from content.yamlitems import ItemLayout

MAX_IMPORT_BYTES = 8 * 1024 * 1024
MAX_CELL = 10_000
MAX_MESSAGE = 160  # characters of a problem's text; a cell's value is cut to fit
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")
TAG = re.compile(r"<[^>]{0,2000}>")
OURS = {"id", "date", "end", "title", "summary", "sections", "places", "actors",
        "sources", "approximate"}
TIMELINEJS = {"year", "month", "day", "endyear", "endmonth", "endday", "headline", "text",
              "group", "displaydate", "mediacredit"}


@dataclass
class ImportResult:
    """What an import found: the events it would add (as YAML text blocks with their
    start dates), the rows it could not take, and the pack as it would be."""

    blocks: list[tuple[str, str, Fields]] = field(default_factory=list)  # (iso, id, fields)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0
    events_yaml: bytes = b""
    base: bytes = b""  # events.yaml as it was when the import was planned on it

    @property
    def count(self) -> int:
        """Events that would be added."""
        return len(self.blocks)


FIELDS = ("date", "end", "title", "summary", "sections", "places", "actors", "sources",
          "approximate", "id", "year", "month", "day", "endyear", "endmonth", "endday",
          "headline", "text", "group")


def column_keys(path: Path) -> list[tuple[str, str]]:
    """(header as written, its key) of each column of a CSV or XLSX file (none for
    TimelineJS JSON, whose fields are fixed): what the mapping step shows."""
    if path.suffix.lower() == ".json":
        return []
    try:
        data = read_regular(path, MAX_IMPORT_BYTES, "import file")
    except FileRefused as exc:
        raise ContentError(Problem(str(path), 0, 0, str(exc).split(": ", 1)[-1])) from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        header = (workbook_cells(path, data) or [[]])[0]
    else:
        header = next(csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"))), [])
    return [(h, _key(h)) for h in header]


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", "", header.strip().casefold())


def read_rows(path: Path, strict: bool = True
              ) -> tuple[list[tuple[int, dict[str, str]]], dict[str, int]]:
    """(spreadsheet row number, {column key: text}) for each data row of a CSV or
    TimelineJS JSON file, and each column key's 1-based position (none for JSON);
    ContentError naming the file for what cannot be read."""
    try:
        data = read_regular(path, MAX_IMPORT_BYTES, "import file")
    except FileRefused as exc:
        raise ContentError(Problem(str(path), 0, 0, str(exc).split(": ", 1)[-1])) from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _table_rows(path, workbook_cells(path, data), strict)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(Problem(str(path), 0, 0, f"not UTF-8 text (byte {exc.start})")
                           ) from None
    if path.suffix.lower() == ".json":
        return _timelinejs_rows(path, text), {}
    try:
        table = list(itertools.islice(csv.reader(io.StringIO(text, newline="")),
                                      MAX_ROWS + 2))
    except csv.Error as exc:
        raise ContentError(Problem(str(path), 0, 0, f"not CSV: {exc}")) from None
    return _table_rows(path, [[_unquoted(c) for c in row] for row in table], strict)


def _unquoted(cell: str) -> str:
    """A CSV cell as it was before export guarded it: `'=x` was written for `=x` (so
    that no spreadsheet runs it), and comes back as `=x`."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in RISKY else cell


def _table_rows(path: Path, table: list[list[str]], strict: bool = True
                ) -> tuple[list[tuple[int, dict[str, str]]], dict[str, int]]:
    """Rows of a table whose first row names the columns (`strict`: one of them must
    be a column the importer knows; the mapping step names them otherwise)."""
    header = table[0] if table else []
    keys = [_key(h) for h in header]
    if strict and not set(keys) & (OURS | TIMELINEJS):
        raise ContentError(Problem(str(path), 1, 0, "no column this importer knows (date, "
                                   "title, summary, … or TimelineJS's Year, Headline, …)"))
    if len(table) > MAX_ROWS + 1:
        raise ContentError(Problem(str(path), MAX_ROWS + 2, 0,
                                   f"more than {MAX_ROWS:,} rows; split the file"))
    rows = []
    for number, cells in enumerate(table[1:], 2):
        if any(c.strip() for c in cells):
            rows.append((number, {k: c for k, c in zip(keys, cells, strict=False) if k}))
    return rows, {k: n for n, k in enumerate(keys, 1) if k}


def _timelinejs_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContentError(Problem(str(path), exc.lineno, exc.colno, f"not JSON: {exc.msg}")
                           ) from None
    except RecursionError:
        raise ContentError(Problem(str(path), 1, 1, "JSON nested too deeply to be a "
                                                    "TimelineJS file")) from None
    events = doc.get("events") if isinstance(doc, dict) else None
    if not isinstance(events, list):
        raise ContentError(Problem(str(path), 1, 1, "a TimelineJS file has an 'events' list"))
    rows = []
    for number, item in enumerate(events[:MAX_ROWS + 1], 1):
        if number > MAX_ROWS:
            raise ContentError(Problem(str(path), number, 0, f"more than {MAX_ROWS:,} events"))
        item = item if isinstance(item, dict) else {}
        start = _mapping(item.get("start_date"))
        end = _mapping(item.get("end_date"))
        words = _mapping(item.get("text"))
        row = {"year": start.get("year", ""), "month": start.get("month", ""),
               "day": start.get("day", ""), "endyear": end.get("year", ""),
               "endmonth": end.get("month", ""), "endday": end.get("day", ""),
               "headline": words.get("headline", ""), "text": words.get("text", ""),
               "group": item.get("group", "")}
        rows.append((number, {k: str(v) if v is not None else "" for k, v in row.items()}))
    return rows


def _plain(text: str) -> str:
    """TimelineJS text is HTML: its words, without tags or entities."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def _date_of(row: dict[str, str], prefix: str) -> str:
    """An ISO partial date from TimelineJS's Year / Month / Day columns."""
    year, month, day = (row.get(f"{prefix}{p}", "").strip() for p in ("year", "month", "day"))
    if not year:
        return ""
    parts = [year.zfill(4)] + [p.zfill(2) for p in (month, day) if p]
    return "-".join(parts[:1 + (1 if month else 0) + (1 if month and day else 0)])


def _ids(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;]", text) if p.strip()]


def plan_import(pack: Pack, folder: Path, source_file: Path, section: str | None = None,
                source: str | None = None, skip_invalid: bool = False,
                mapping: dict[str, str] | None = None) -> ImportResult:
    """Read `source_file` and check each row against `pack` (in `folder`); the
    result holds the YAML to add, the problems, and the new events.yaml bytes when
    the import can be written. `mapping` renames columns (a header's key to a field;
    "" drops the column), as the import dialog's mapping step sets them."""
    result = ImportResult()
    shown = str(source_file)
    taken = {e.id for e in pack.events}
    sections = {s.id for s in pack.sections}
    by_title = {s.title.casefold(): s.id for s in pack.sections}
    rows, positions = read_rows(source_file, strict=not mapping)
    if mapping:
        rows = [(n, {mapping.get(k, k): v for k, v in row.items() if mapping.get(k, k)})
                for n, row in rows]
        positions = {mapping.get(k, k): n for k, n in positions.items() if mapping.get(k, k)}
    for number, row in rows:
        problems: list[Problem] = []

        def bad(column: str, message: str, number: int = number,
                problems: list[Problem] = problems) -> None:
            if len(message) > MAX_MESSAGE:  # a 5,000-digit "year" is not repeated whole
                message = message[:MAX_MESSAGE] + "…"
            problems.append(Problem(shown, number, positions.get(column, 0),
                                    f"{column}: {message}"))

        for column, value in row.items():
            if len(value) > MAX_CELL:
                bad(column, f"a cell of {len(value):,} characters (at most {MAX_CELL:,})")
            elif SURROGATE.search(value):
                bad(column, "holds half of a character (a lone surrogate); retype it")
            elif (control := CONTROL.search(value)) is not None:
                bad(column, f"holds the control character U+{ord(control[0]):04X} at "
                            f"position {control.start() + 1}; remove it")
        if problems:
            result.problems += problems
            result.skipped += 1
            continue
        date_text = row.get("date", "").strip() or _date_of(row, "")
        end_text = row.get("end", "").strip() or _date_of(row, "end")
        # Our columns are plain text, kept as typed; TimelineJS's are HTML.
        title = " ".join(row.get("title", "").split()) or _plain(row.get("headline", ""))
        summary = " ".join(row.get("summary", "").split()) or _plain(row.get("text", "")) \
            or title
        approx = row.get("approximate", "").strip().casefold() in ("yes", "true", "1", "y")
        date = end = None
        try:
            date = PartialDate.parse(date_text, approx) if date_text else None
        except ValueError as exc:
            bad("date", str(exc))
        if date is None and date_text == "":
            bad("date", "every event needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if end_text and end_text != "open":
            try:
                end = PartialDate.parse(end_text, approx)
            except ValueError as exc:
                bad("end", str(exc))
        if date and end and end.last_day() < date.first_day():
            bad("end", f"ends ({end.iso()}) before it starts ({date.iso()})")
        if not title:
            bad("title", "every event needs a title")
        chosen = _ids(row.get("sections", ""))
        group = row.get("group", "").strip()
        if group:
            chosen.append(by_title.get(group.casefold(), group))
        chosen = chosen or ([section] if section else [])
        if not chosen:
            bad("sections", "no section: add a sections column or give --section")
        for sid in chosen:
            if sid not in sections:
                bad("sections", f"unknown section {sid!r}")
        cited = _ids(row.get("sources", "")) or ([source] if source else [])
        if not cited:
            bad("sources", "no source: every event cites one (a sources column or --source)")
        for cite in cited:  # each whole: "id" or "id B2", as events.yaml writes them
            found: list[Problem] = []
            citation = parse_citation(cite, shown, number, 0, found)
            for problem in found:
                bad("sources", problem.message)
            if citation is not None and citation.source not in pack.sources:
                bad("sources", f"unknown source {citation.source!r}")
        places, actors = _ids(row.get("places", "")), _ids(row.get("actors", ""))
        for pid in places:
            if pid not in pack.places:
                bad("places", f"unknown place {pid!r}")
        for aid in actors:
            if aid not in pack.actors:
                bad("actors", f"unknown actor {aid!r}")
        ident = row.get("id", "").strip()
        if ident and (not ID.match(ident) or ident in taken):
            bad("id", f"{ident!r} is taken or not an id (lower-case letters, digits, -)")
        if problems or date is None:
            result.problems += problems
            result.skipped += 1
            continue
        if not ident:  # a slug of the title and its year; free_id_in adds -2, -3…
            words = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:48].strip("-")
            ident = free_id_in(taken, f"{words or 'event'}-{date.iso()[:4]}")
        taken.add(ident)
        draft = EventDraft(ident, date.iso(), title, summary, chosen, cited,
                           "open" if end_text == "open" else end.iso() if end else "",
                           approx, places=places, actors=actors)
        result.blocks.append((date.first_day().isoformat(), ident, event_fields(draft)))
    if result.problems and not skip_invalid:
        return result
    files = read_pack_files(folder)
    result.base = files["events.yaml"]
    data = files["events.yaml"]
    first_days = {e.id: e.start_day.isoformat() for e in pack.events}
    spliced = spliced_events(folder, files, first_days, result.blocks)
    if spliced is not None:  # a file of the writer's records: proven without a read-back
        result.events_yaml = spliced
        return result
    layout = events_layout(data, first_days)
    while True:
        result.events_yaml = insert_events(data, result.blocks, layout)
        scanned = isinstance(layout, ItemLayout)  # placed by the item scan: checked
        try:
            after = build_pack(folder, {**files, "events.yaml": result.events_yaml})
        except ContentError as exc:  # what only the whole pack can see: said, not written
            if not scanned:
                result.problems += list(exc.problems)
                result.events_yaml = b""
                return result
        else:
            added = {ident for _, ident, _ in result.blocks}
            if not scanned or _only_added(pack, after, added):
                return result
        layout = events_layout(data)  # the parser's placing is the one judged


def _only_added(before: Pack, after: Pack, added: set[str]) -> bool:
    """Whether `after` holds `before`'s events unchanged and the `added` ones."""
    kept = [event for event in after.events if event.id not in added]
    return len(after.events) == len(before.events) + len(added) and kept == list(
        before.events)


def _mapping(value: object) -> dict:
    """`value` if it is a mapping, else an empty one (a TimelineJS field left out)."""
    return value if isinstance(value, dict) else {}
