"""Opening a pack problem where it is: its file, at its line, in the analyst's editor.

Problems read `path:line:column: what is wrong`. Double-clicking one runs the
command in `BRIEFDESK_EDITOR` (a template: `code -g {file}:{line}`,
`gedit +{line} {file}`, `kate --line {line} {file}`), or else asks the desktop to
open the file with its usual application (which cannot go to the line). The command
is split like a shell would, but no shell runs it: a file name cannot inject one. A
template that cannot be split (an unbalanced quote), or that hands the file name to
a shell's script (`sh -c 'vim {file}'`, where a file named `$(…)` would run), is
refused with a message saying so; the file name is always absolute, so it is never
read as an option.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

_EDITORS: list[subprocess.Popen] = []  # launched editors, kept until they exit
PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): ")


def problem_location(text: str) -> tuple[Path, int] | None:
    """(file, line) of a problem's text, or None when it names no existing file."""
    match = PROBLEM.match(text)
    if match is None:
        return None
    path = Path(match["file"])
    return (path, max(1, int(match["line"]))) if path.is_file() else None


SHELLS = {"sh", "bash", "dash", "zsh", "ksh", "fish", "csh", "tcsh", "cmd", "cmd.exe",
          "powershell", "powershell.exe", "pwsh", "pwsh.exe"}


class EditorTemplateError(ValueError):
    """BRIEFDESK_EDITOR holds a template that cannot be used; the message says why."""


def editor_command(template: str, path: Path, line: int) -> list[str]:
    """The argument list `template` gives for `path` at `line`; EditorTemplateError
    for a template that cannot be split or that would give the file name to a shell."""
    try:
        parts = shlex.split(template)
    except ValueError as exc:
        raise EditorTemplateError(f"BRIEFDESK_EDITOR cannot be read ({exc}): "
                                  f"{template!r}") from None
    if not parts:
        raise EditorTemplateError("BRIEFDESK_EDITOR is empty")
    program = Path(parts[0]).name.casefold()
    if program in SHELLS and any("{file}" in p for p in parts[1:]):
        raise EditorTemplateError(
            "BRIEFDESK_EDITOR gives the file name to a shell, which a file name could "
            "turn into a command; name the editor itself, e.g. vim +{line} {file}")
    where = str(path.resolve())
    return [part.replace("{file}", where).replace("{line}", str(line)) for part in parts]


class NothingOpens(Exception):
    """Neither BRIEFDESK_EDITOR nor the desktop's default application opened the file;
    the message says where it is and how to set an editor."""


def open_problem(text: str) -> list[str] | None:
    """Open the file of a problem at its line; the command run (None: the desktop's
    default application, or nothing to open)."""
    found = problem_location(text)
    if found is None:
        return None
    path, line = found
    template = os.environ.get("BRIEFDESK_EDITOR", "").strip()
    if template:
        command = editor_command(template, path, line)  # EditorTemplateError: said
        import subprocess  # here: the window's first frame does without it

        _EDITORS[:] = [p for p in _EDITORS if p.poll() is None]
        try:
            _EDITORS.append(subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                             start_new_session=True))
        except (OSError, ValueError):  # no such editor: the desktop's default instead
            pass
        else:
            return command
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        raise NothingOpens(f"No application opened {path} (line {line}): set "
                           "BRIEFDESK_EDITOR to your editor's command, for example "
                           "code -g {file}:{line}, or open the file yourself")
    return None
