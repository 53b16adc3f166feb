"""The pack lint: what a machine can see of curation slips (`briefdesk validate --strict`).

Each rule is a convention of the embedded pack that a valid pack may still break:

- an event whose date falls on the date of a report that an article cites, without
  `approximate` and `reported` (or `dated_by: article` where the article itself gives
  that date): the event may be dated only by the report;
- a span whose end is the pack's as-of date: that is not an end, write `end: open`;
- a key point that starts with a pronoun ("It …"): key points stand alone on a slide;
- text with quotation marks but no `quotes` entry for the words, or quoted words no
  entry holds: quotations are their own field, so slides can show them as quotes;
- a bottom-line judgement (pack.yaml) that does not read as one: a list of fragments
  or a phrase without a verb ("Exercises requested, contacts to continue."); and,
  in a pack with no bottom line, a section summary the deck cannot open with.

Warnings are `FILE:LINE:COL: warning: message`, the line found from the item's id or
text in the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from content.dates import PartialDate
from content.errors import Problem
from content.model import Event, KeyPoint, Pack, Quote

PRONOUN = re.compile(r"(It|It's|Its|They|Their|This|These|That|Those|He|She|His|Her)\b")
QUOTED = re.compile(r'["\u201c]([^"\u201c\u201d]+)["\u201d]')


# Words that make a phrase a statement: auxiliaries and verbs the curated text uses
# that do not end in -ed (past forms ending in -ed count too, see `reads_as_judgement`).
VERBS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                   "would", "can", "could", "may", "might", "should", "must", "does", "do",
                   "did", "gave", "give", "gives", "gets", "got", "made", "makes", "said",
                   "says", "took", "takes", "sees", "saw", "remains", "remain", "stays",
                   "seems", "sought", "welcomes", "expects", "keeps", "holds", "leads",
                   "led", "lets"})


def reads_as_judgement(text: str) -> bool:
    """Whether `text` reads as a judgement a room can take in: a statement of six
    words or more with a verb, not a list of short fragments."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if len(words) < 6:
        return False
    parts = [p for p in re.split(r"[,;:]", text) if p.strip()]
    if len(parts) >= 3 and max(len(p.split()) for p in parts) <= 4:
        return False
    return any(w.casefold() in VERBS or (len(w) > 4 and w.endswith("ed")) for w in words)


def _warning(file: str, line: int, column: int, message: str) -> Problem:
    """A lint finding: a located problem that says it is a warning."""
    return Problem(file, line, column, f"warning: {message}")


def _within(day: PartialDate, period: PartialDate) -> bool:
    return period.first_day() <= day.first_day() and day.last_day() <= period.last_day()


def _quote_problems(text: str, quotes: tuple[Quote, ...]) -> str | None:
    quoted = QUOTED.findall(text)
    if not quoted:
        return None
    if not quotes:
        return "quotes words in quotation marks but has no 'quotes' entry (text, speaker, source)"
    held = [q.text.casefold() for q in quotes]
    missing = [q for q in quoted if not any(q.casefold() in h for h in held)]
    if missing:
        return f"quotes {missing[0]!r}, which no 'quotes' entry holds"
    return None


def event_warnings(pack: Pack, event: Event) -> list[str]:
    """What the lint says of one event (messages without a location)."""
    out = []
    if not event.date.approximate and event.reported is None and event.dated_by != "article":
        for citation in event.citations:
            source = pack.sources.get(citation.source)
            if source and source.via and source.date and _within(source.date, event.date):
                out.append(f"event {event.id!r} is dated {event.date.iso()}, when "
                           f"{source.outlet} reported it ({source.date.iso()}): if only that "
                           "report dates it, add 'approximate: true' and 'reported'; if the "
                           "article gives the date, add 'dated_by: article'")
                break
    if event.dated_by == "report" and event.reported is not None \
            and event.date.iso() != event.reported.iso():
        out.append(f"event {event.id!r} is dated only by its report "
                   f"({event.reported.iso()}) but drawn at {event.date.iso()}: give the "
                   "report's date as 'date' too")
    if event.end is not None and _within(pack.info.as_of, event.end):
        out.append(f"event {event.id!r} ends on the pack's as-of date "
                   f"({pack.info.as_of.iso()}); a span still running is 'end: open'")
    for field, text in (("title", event.title), ("summary", event.summary)):
        problem = _quote_problems(text, event.quotes)
        if problem:
            out.append(f"event {event.id!r} {field} {problem}")
            break
    return out


def key_point_warnings(point: KeyPoint) -> list[str]:
    """What the lint says of one key point."""
    out = []
    if PRONOUN.match(point.text):
        out.append(f"key point starts with a pronoun ({point.text.split()[0]!r}); make it "
                   "stand alone: name who or what")
    problem = _quote_problems(point.text, point.quotes)
    if problem:
        out.append(f"key point {problem}")
    return out


def lint(pack: Pack) -> list[Problem]:
    """Every warning for `pack`, in file order."""
    folder = Path(pack.folder) if pack.folder else None
    found: list[Problem] = []
    events_file = _Locator(folder, "events.yaml")
    for event in pack.events:
        line = events_file.line_of(f"id: {event.id}")
        found += [_warning(events_file.name, line, 5, m) for m in event_warnings(pack, event)]
    sections_file = _Locator(folder, "sections.yaml")
    for section in pack.sections:
        for point in section.key_points:
            line = sections_file.line_of(point.text[:40])
            found += [_warning(sections_file.name, line, 9, m)
                      for m in key_point_warnings(point)]
    pack_file = _Locator(folder, "pack.yaml")
    for judgement in pack.info.bottom_line:
        if not reads_as_judgement(judgement.text):
            found.append(_warning(pack_file.name, pack_file.line_of(judgement.text[:40]), 5,
                                  f"bottom line {judgement.text!r} does not read as a "
                                  "judgement (a statement with a verb, not a list)"))
    if not pack.info.bottom_line:
        for section in pack.sections:
            if not reads_as_judgement(section.summary):
                found.append(_warning(sections_file.name,
                                      sections_file.line_of(section.summary[:40]), 5,
                                      f"section {section.id!r} has no bottom-line judgement: "
                                      "its summary is not one; add one to pack.yaml's "
                                      "bottom_line"))
    return sorted(found, key=lambda w: (w.file, w.line))


class _Locator:
    """Finds the line of an item in a pack file by a piece of its text."""

    def __init__(self, folder: Path | None, name: str) -> None:
        self.name = str(folder / name) if folder else name
        try:
            self.lines = (folder / name).read_text(encoding="utf-8").splitlines() \
                if folder else []
        except OSError:
            self.lines = []

    def line_of(self, needle: str) -> int:
        for n, line in enumerate(self.lines, 1):
            if needle in line:
                return n
        return 0
