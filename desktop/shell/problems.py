"""Opening a pack problem where it is: its file, at its line, in the analyst's editor.

Problems read `path:line:column: what is wrong`. Double-clicking one runs the
command in `BRIEFDESK_EDITOR` (a template: `code -g {file}:{line}`,
`gedit +{line} {file}`, `kate --line {line} {file}`), or else asks the desktop to
open the file with its usual application (which cannot go to the line). The command
is split like a shell would, but no shell runs it: a file name cannot inject one.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path

_EDITORS: list[subprocess.Popen] = []  # launched editors, kept until they exit
PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): ")


def problem_location(text: str) -> tuple[Path, int] | None:
    """(file, line) of a problem's text, or None when it names no existing file."""
    match = PROBLEM.match(text)
    if match is None:
        return None
    path = Path(match["file"])
    return (path, max(1, int(match["line"]))) if path.is_file() else None


def editor_command(template: str, path: Path, line: int) -> list[str]:
    """The argument list `template` gives for `path` at `line`."""
    return [part.replace("{file}", str(path)).replace("{line}", str(line))
            for part in shlex.split(template)]


def open_problem(text: str) -> list[str] | None:
    """Open the file of a problem at its line; the command run (None: the desktop's
    default application, or nothing to open)."""
    found = problem_location(text)
    if found is None:
        return None
    path, line = found
    template = os.environ.get("BRIEFDESK_EDITOR", "").strip()
    if template:
        command = editor_command(template, path, line)
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

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return None
