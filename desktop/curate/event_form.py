"""The event form: every field of an event, checked as the analyst types.

Dates are typed with the precision the source gives (`2021`, `2021-08`,
`2021-08-14`), spans end on a date or `open`; sections, places, actors and sources
are picked from the pack's lists (sources with an Admiralty grade). A moment after
each keystroke the form asks `check` (the pack editor: the whole pack built with this
event, by the loader's rules) and shows the first problem in red; Save stays off
until there is none. The form never writes: it hands its draft back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from content.editing import EventDraft
from content.model import Pack
from desktop.curate.checked_form import ROLE, CheckedForm, checked, checklist
from desktop.plaintext import plain_tooltip

GRADES = ["(ungraded)"] + [f"{r}{c}" for r in "ABCDEF" for c in "123456"]
# The Admiralty (NATO) grading: how reliable the source, how credible the claim.
RELIABILITY = dict(zip("ABCDEF", ("completely reliable", "usually reliable", "fairly reliable",
                                  "not usually reliable", "unreliable",
                                  "reliability cannot be judged"), strict=True))
CREDIBILITY = dict(zip("123456", ("confirmed by other sources", "probably true",
                                  "possibly true", "doubtful", "improbable",
                                  "truth cannot be judged"), strict=True))


def grade_meaning(grade: str) -> str:
    """What an Admiralty grade says, in words: "B2: source usually reliable; claim
    probably true"."""
    if len(grade) != 2 or grade[0] not in RELIABILITY or grade[1] not in CREDIBILITY:
        return "Not graded"
    return (f"{grade}: source {RELIABILITY[grade[0]]}; claim {CREDIBILITY[grade[1]]}"
            ).replace("source reliability", "source's reliability").replace(
            "claim truth", "claim's truth")


class EventForm(CheckedForm):
    """Edit `draft` against `pack`; `check(draft)` returns the problems ("" none)."""

    def __init__(self, pack: Pack, draft: EventDraft, check: Callable[[EventDraft], str],
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(check, parent)
        self.setWindowTitle(title)
        self.draft = draft
        self.title_edit = QLineEdit(draft.title)
        self.date = QLineEdit(draft.date)
        self.date.setPlaceholderText("2021, 2021-08 or 2021-08-14")
        self.approximate = QCheckBox("Approximate (shown as c.)")
        self.approximate.setChecked(draft.approximate)
        self.end = QLineEdit(draft.end)
        self.end.setPlaceholderText("a date, or open for a span still running")
        self.summary = QPlainTextEdit(draft.summary)
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(80)
        sections = [(s.id, s.title) for s in pack.sections]
        places = sorted(((p.id, p.name) for p in pack.places.values()), key=lambda t: t[1])
        actors = sorted(((a.id, a.name) for a in pack.actors.values()), key=lambda t: t[1])
        sources = sorted(((s.id, f"{s.outlet}: {s.title}") for s in pack.sources.values()),
                         key=lambda t: t[1].casefold())
        cited = {c.split()[0]: (c.split()[1] if len(c.split()) > 1 else "")
                 for c in draft.sources}
        sources.sort(key=lambda t: t[0] not in cited)  # what it cites, on top
        self.sections = checklist("Sections", sections, draft.sections)
        self.places = checklist("Places", places, draft.places)
        self.actors = checklist("Actors", actors, draft.actors)
        # Sources: checked to cite, each with its own Admiralty grade.
        self.sources = QTableWidget(len(sources), 2)
        self.sources.setHorizontalHeaderLabels(["Source", "Grade"])
        self.sources.setAccessibleName("Sources and their grades")
        self.sources.verticalHeader().hide()
        self.sources.setMinimumHeight(110)
        self.grades: list[QComboBox] = []
        for row, (ident, text) in enumerate(sources):
            item = QTableWidgetItem(text)
            item.setData(ROLE, ident)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ident in cited
                               else Qt.CheckState.Unchecked)
            item.setToolTip(plain_tooltip(text))
            self.sources.setItem(row, 0, item)
            grade = QComboBox()
            grade.addItems(GRADES)
            for index, code in enumerate(GRADES):  # each grade says what it means
                grade.setItemData(index, grade_meaning(code), Qt.ItemDataRole.ToolTipRole)
            grade.setToolTip("Admiralty grade: the source's reliability (A to F) and the "
                             "claim's credibility (1 to 6); hover a grade for its meaning")
            grade.setCurrentText(cited.get(ident) or GRADES[0])
            grade.setAccessibleName(f"Grade of {text}")
            grade.currentIndexChanged.connect(lambda _: self.timer.start())
            self.sources.setCellWidget(row, 1, grade)
            self.grades.append(grade)
        self.sources.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.sources.itemChanged.connect(lambda _: self.timer.start())
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Date", self.date)
        form.addRow("", self.approximate)
        form.addRow("End", self.end)
        form.addRow("Summary", self.summary)
        form.addRow("Sections", self.sections)
        form.addRow("Places", self.places)
        form.addRow("Actors", self.actors)
        form.addRow("Sources", self.sources)
        self.finish(form)
        for edit in (self.title_edit, self.date, self.end):
            edit.textChanged.connect(self.timer.start)
        self.summary.textChanged.connect(self.timer.start)
        self.approximate.toggled.connect(self.timer.start)
        for box in (self.sections, self.places, self.actors):
            box.itemChanged.connect(self.timer.start)
        self.resize(640, 760)
        self.validate()

    def current(self) -> EventDraft:
        """The draft as the form shows it."""
        sources = []
        for row, grade in enumerate(self.grades):
            item = self.sources.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ident = item.data(ROLE)
                sources.append(f"{ident} {grade.currentText()}" if grade.currentIndex()
                               else ident)
        return EventDraft(self.draft.id, self.date.text().strip(),
                          " ".join(self.title_edit.text().split()),
                          " ".join(self.summary.toPlainText().split()),
                          checked(self.sections), sources, self.end.text().strip(),
                          self.approximate.isChecked(), self.draft.reported,
                          self.draft.dated_by, checked(self.places), checked(self.actors),
                          list(self.draft.quotes))

    def take(self, value: EventDraft) -> None:
        self.draft = value
