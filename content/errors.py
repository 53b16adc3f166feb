"""The one exception family that leaves the content loader.

A `Problem` is one finding with its place (file, line, column); a `ContentError`
carries one or more of them, so a caller can show every problem of a pack at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column (0 when unknown)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class ContentError(Exception):
    """Content that cannot be used; `problems` lists every finding, first one in the message."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else problems
        super().__init__(str(self.problems[0]) if self.problems else "invalid content")

    def report(self) -> str:
        """Every problem, one `FILE:LINE:COL: message` line each."""
        return "\n".join(str(p) for p in self.problems)


class ContentErrors(ContentError):
    """Several problems gathered while validating a whole pack."""


class YamlError(ContentError):
    """A file that is not a safe, well-formed single YAML document."""


def problem(path: Path | str, line: int, column: int, message: str) -> Problem:
    """Build a `Problem` with the file shown as given (callers pass pack-relative paths)."""
    return Problem(str(path), line, column, message)
