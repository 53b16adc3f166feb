"""File menu pack actions: a copy of the embedded pack, opened ready to curate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from content.loader import load_pack
from desktop.shell.main_window import MainWindow


def test_save_a_copy_opens_the_copy_ready_to_edit(qtbot, tmp_path: Path, monkeypatch) -> None:
    """A newcomer on the embedded pack: File → Save a Copy of This Pack… writes it
    into a new folder and opens it there; edits are then allowed, and the next copy
    dialog starts in the folder this one went to."""
    window = MainWindow(load_pack(), watch=False)
    qtbot.addWidget(window)
    assert window.folder is None or "packs" in str(window.folder)
    assert "Save a Copy of This Pack" in window.editor.problem_of(b"events: []\n")
    asked: list[str] = []

    def answer(parent, caption, start, filters):
        asked.append(start)
        return str(tmp_path / "my-pack"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if a.text().replace("&", "") == "Save a Copy of This Pack…")
    with qtbot.waitSignal(window.packOpened, timeout=20_000):
        action.trigger()
    qtbot.waitUntil(lambda: window.folder == tmp_path / "my-pack")
    assert window.state.pack.events == load_pack().events
    assert window.editor.problem_of(None) == "Fill in the fields"  # editable: no refusal
    assert "Save a Copy" not in window.editor.problem_of(
        (tmp_path / "my-pack" / "events.yaml").read_bytes())
    action.trigger()
    assert Path(asked[-1]).parent == tmp_path
