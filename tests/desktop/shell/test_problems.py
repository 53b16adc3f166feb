"""BRIEFDESK_EDITOR templates that cannot be used are messages, and no file name ever
reaches a shell (issue 24, finding 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.shell.problems import EditorTemplateError, editor_command


@pytest.mark.parametrize(("template", "words"), [
    ('code "x', "cannot be read"),
    ("sh -c 'vim {file}'", "gives the file name to a shell"),
    ("/bin/bash -c 'nano +{line} {file}'", "gives the file name to a shell"),
    ("   ", "is empty"),
])
def test_an_unusable_template_is_a_message(template: str, words: str) -> None:
    with pytest.raises(EditorTemplateError, match=words):
        editor_command(template, Path("events.yaml"), 3)


def test_a_hostile_file_name_is_one_argument_and_never_an_option(tmp_path: Path) -> None:
    hostile = tmp_path / "-rf $(touch pwned); x.yaml"
    command = editor_command("vim +{line} {file}", Path(hostile.name), 7)
    assert command[0] == "vim" and command[1] == "+7" and len(command) == 3
    assert Path(command[2]).is_absolute() and command[2].endswith(hostile.name)


def test_the_window_says_so_instead_of_a_traceback(window, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "events.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFDESK_EDITOR", 'code "unbalanced')
    window.problems.open(f"{bad}:1:1: broken")
    assert "cannot be read" in window.statusBar().currentMessage()


def test_when_nothing_opens_the_file_the_window_says_how_to_set_an_editor(
        window, monkeypatch, tmp_path) -> None:
    """No BRIEFDESK_EDITOR and no desktop application for .yaml (a bare machine):
    double-clicking a problem said nothing; the status line says where the file is
    and how to set an editor."""
    from PySide6.QtGui import QDesktopServices

    bad = tmp_path / "events.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    monkeypatch.delenv("BRIEFDESK_EDITOR", raising=False)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window.problems.open(f"{bad}:1:1: broken")
    said = window.statusBar().currentMessage()
    assert str(bad) in said and "line 1" in said and "BRIEFDESK_EDITOR" in said
