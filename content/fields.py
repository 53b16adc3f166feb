"""Typed field access on parsed YAML records, collecting problems instead of raising.

A `Fields` reads one record (a `YMap`, or a plain dict read without positions) of
one file; every wrong or missing field adds a `Problem` with the field's line and
column, and returns a harmless default so validation can go on and report everything
in one run.
"""

from __future__ import annotations

import math
import re
from typing import Any

from content.dates import PartialDate
from content.errors import Problem
from content.model import CREDIBILITY, RELIABILITY, Citation
from content.yamlread import item_marks, key_mark, mark_of, where

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}\Z")
# Characters no text field may hold: C0 and C1 controls but tab and newline, lone
# surrogates, and the non-characters XML 1.0 forbids (lxml refuses them when the deck
# is written, so they are refused here, with the line they are on).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def shown(value: object, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters, for a message about it (the reader
    keeps "numbers" over 100 characters as text, so no int is too long to print)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
MAX_TEXT = 20_000


def type_name(value: Any) -> str:
    """A user-facing name for a parsed value's type."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Shared:
    """Equal immutable values built once per pack and shared by every record.

    Dates and citations repeat across thousands of events; sharing them makes the
    pack smaller in memory and faster to reopen from the cache (which also
    builds each shared object once).
    """

    def __init__(self) -> None:
        self.dates: dict[tuple[str, bool], PartialDate] = {}
        self.citations: dict[Citation, Citation] = {}
        self.cited: dict[str, Citation] = {}  # `id B2` as written -> its citation
        self.ids: dict[str, str] = {}  # each well-formed id found, as its one copy

    def date(self, text: str, approximate: bool) -> PartialDate:
        """The pack's one `PartialDate` for `text`; raises ValueError saying what is
        wrong with it."""
        key = (text, approximate)
        known = self.dates.get(key)
        if known is None:
            known = self.dates[key] = PartialDate.parse(text, approximate)
        return known


def date_text(value: object) -> object:
    """A date as its text: an unquoted year reads as a number (`date: 0001` as 1),
    which stands for the year it was written as; anything else as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}" if 0 < value < 10_000 else str(value)
    return value


class Fields:
    """Checked access to the fields of one record in `file`."""

    def __init__(self, record: dict, file: str, problems: list[Problem],
                 allowed: set[str], what: str, shared: Shared | None = None) -> None:
        self.shared = shared or Shared()
        self.record = record
        self.file = file
        self.problems = problems
        self.what = what
        for key in record:
            if key not in allowed:
                line, col = key_mark(record, key)
                choices = ", ".join(sorted(allowed))
                self.problems.append(Problem(file, line, col,
                                             f"unknown field {key!r} in {what}; "
                                             f"expected one of: {choices}"))

    def add(self, key: str | None, message: str) -> None:
        """Record a problem at `key`'s value (or the record when None)."""
        line, col = where(self.record, key) if key else mark_of(self.record)
        self.problems.append(Problem(self.file, line, col, message))

    def has(self, key: str) -> bool:
        """Whether the record has a non-null value for `key`."""
        return self.record.get(key) is not None

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        """A non-empty single text value."""
        value = self.record.get(key)
        if value is None:
            if required:
                self.add(None, f"{self.what} is missing required field {key!r}")
            return default
        if not isinstance(value, str):
            self.add(key, f"{key!r} must be text, not {type_name(value)} ({shown(value)}); "
                          "quote it if it is meant as text")
            return default
        value = value.strip()
        if required and not value:
            self.add(key, f"the {key.replace('_', ' ')} is empty: write one")
        control = None if value.isprintable() else CONTROL.search(value)
        if control:
            self.add(key, f"{key!r} holds the control character "
                          f"U+{ord(control[0]):04X} at position {control.start() + 1}; "
                          "remove it")
            return CONTROL.sub("", value)
        if len(value) > MAX_TEXT:
            self.add(key, f"{key!r} is {len(value):,} characters; the limit is {MAX_TEXT:,}")
            return value[:MAX_TEXT]
        return value

    def ident(self, key: str = "id") -> str:
        """An identifier: lower-case letters, digits, `-`, `_`, `.`."""
        value = self.text(key)
        if value and not ID_PATTERN.match(value):
            self.add(key, f"{key!r} {shown(value)} must be lower-case letters, digits, '-', '_' "
                          "or '.', at most 64 characters")
        return value

    def number(self, key: str, low: float, high: float) -> float:
        """A finite number within [low, high]."""
        value = self.record.get(key)
        if value is None:
            self.add(None, f"{self.what} is missing required field {key!r}")
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(key, f"{key!r} must be a number, not {type_name(value)} ({shown(value)})")
            return 0.0
        if not math.isfinite(value) or not low <= value <= high:
            self.add(key, f"{key!r} is {shown(value)}; it must be between {low:g} and "
                          f"{high:g}")
            return 0.0
        return float(value)

    def integer(self, key: str, default: int) -> int:
        """An optional whole number."""
        value = self.record.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(key, f"{key!r} must be a whole number, not {type_name(value)}")
            return default
        return value

    def flag(self, key: str) -> bool:
        """An optional true/false."""
        value = self.record.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.add(key, f"{key!r} must be true or false, not {shown(value)}")
            return False
        return value

    def date(self, key: str, required: bool = True, approximate: bool = False
             ) -> PartialDate | None:
        """A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (an unquoted year counts too)."""
        value = self.record.get(key)
        if value is None:
            if required:
                self.add(None, f"{self.what} is missing required field {key!r}")
            return None
        value = date_text(value)
        if not isinstance(value, str):
            self.add(key, f"{key!r} must be a date like 2021-12-14, not {type_name(value)}")
            return None
        try:
            return self.shared.date(value, approximate)
        except ValueError as exc:
            self.add(key, str(exc))
            return None

    def id_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of identifiers (a single one is accepted too); positions kept for refs."""
        value = self.record.get(key)
        if value is None:
            if required:
                self.add(None, f"{self.what} is missing required field {key!r}")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(key, f"{key!r} must be a list of ids, not {type_name(value)}")
            return ()
        out: list[str] = []
        known = self.shared.ids
        for item in value:
            seen = known.get(item) if type(item) is str else None  # seen: it is an id
            if seen is None:
                if not isinstance(item, str) or not ID_PATTERN.match(item):
                    self.add(key, f"{key!r} holds {shown(item)}, which is not an id")
                    continue
                seen = known[item] = str(item)
            out.append(seen)  # the one copy of it: every event shares it
        if required and not out:
            self.add(key, f"{key!r} must name at least one")
        return tuple(out)

    def text_list(self, key: str) -> list[tuple[Any, tuple[int, int]]]:
        """The raw items of an optional list, each with its position."""
        value = self.record.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(key, f"{key!r} must be a list, not {type_name(value)}")
            return []
        return list(zip(value, item_marks(value), strict=True))

    def citations(self, key: str = "sources", required: bool = True
                  ) -> tuple[Citation, ...]:
        """Citations: `id`, `id B2`, or `{source: id, grade: B2, note: ...}`."""
        items = self.text_list(key)
        if not items:
            if required:
                self.add(key if self.has(key) else None,
                         f"{self.what} must cite at least one source in {key!r}")
            return ()
        out = []
        cited = self.shared.cited
        for item, (line, col) in items:
            citation = cited.get(item) if type(item) is str else None
            if citation is None:
                before = len(self.problems)
                citation = parse_citation(item, self.file, line, col, self.problems,
                                          self.shared)
                if citation and type(item) is str and len(self.problems) == before:
                    cited[item] = citation  # the same words cite the same source alike
            if citation:
                out.append(citation)
        return tuple(out)


def parse_citation(item: Any, file: str, line: int, col: int,
                   problems: list[Problem], shared: Shared | None = None) -> Citation | None:
    """One citation from text (`id` or `id B2`) or a mapping; problems appended."""
    note = ""
    if isinstance(item, str):
        parts = item.split()
        source, grade = (parts[0], parts[1]) if len(parts) == 2 else (item, "")
        if len(parts) > 2 or not parts:
            problems.append(Problem(file, line, col,
                                    f"citation {shown(item)} must be 'source-id' or "
                                    "'source-id B2'"))
            return None
    elif isinstance(item, dict):
        unknown = set(item) - {"source", "grade", "note"}
        if unknown:
            problems.append(Problem(file, line, col, f"unknown citation field(s): "
                                    f"{', '.join(sorted(unknown))}"))
        given = item.get("source"), item.get("grade", ""), item.get("note", "")
        if not all(isinstance(part, str) for part in given):
            problems.append(Problem(file, line, col,
                                    "a citation needs 'source' (an id), optional 'grade' "
                                    "and 'note' as text"))
            return None
        source, grade, note = (str(part) for part in given)
    else:
        problems.append(Problem(file, line, col,
                                f"a citation must be a source id, not {type_name(item)}"))
        return None
    if not ID_PATTERN.match(source):
        problems.append(Problem(file, line, col, f"citation {source!r} is not a source id"))
        return None
    reliability = credibility = None
    if grade:
        if len(grade) != 2 or grade[0] not in RELIABILITY or grade[1] not in CREDIBILITY:
            problems.append(Problem(file, line, col,
                                    f"Admiralty grade {grade!r} must be a reliability A–F "
                                    "followed by a credibility 1–6, e.g. B2"))
        else:
            reliability, credibility = grade[0], grade[1]
    citation = Citation(source, reliability, credibility, note.strip())
    return shared.citations.setdefault(citation, citation) if shared else citation
