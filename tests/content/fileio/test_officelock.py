"""LibreOffice lock files: honoured while their owner runs, recovered when stale."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from content.fileio import officelock


def lock(folder: Path, text: str) -> Path:
    path = folder / ".~lock.deck.pptx#"
    path.write_text(text)
    return path


def test_no_lock_no_holder(tmp_path: Path) -> None:
    assert officelock.holder(tmp_path / "deck.pptx") is None


def test_a_lock_from_another_machine_is_honoured(tmp_path: Path) -> None:
    path = lock(tmp_path, ",Jane Analyst,other-host,01.12.2026 09:00,file:///x;")
    assert officelock.holder(tmp_path / "deck.pptx") == "Jane Analyst on other-host"
    assert path.exists()


def test_this_machines_lock_is_honoured_while_office_runs(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = lock(tmp_path, f",Jane,{socket.gethostname()},x,y;")
    monkeypatch.setattr(officelock, "office_running", lambda: True)
    assert officelock.holder(tmp_path / "deck.pptx") == f"Jane on {socket.gethostname()}"
    monkeypatch.setattr(officelock, "office_running", lambda: False)
    assert officelock.holder(tmp_path / "deck.pptx") is None and not path.exists()


def test_a_file_that_is_not_a_lock_is_stale(tmp_path: Path) -> None:
    path = lock(tmp_path, "junk")
    assert officelock.holder(tmp_path / "deck.pptx") is None and not path.exists()
