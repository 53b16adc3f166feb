"""The one error-to-message table the window and the command line share."""

from __future__ import annotations

import pytest

from content.errors import ContentError, Problem
from content.fileio.atomic import TargetRefused
from content.fileio.reading import FileRefused
from desktop.errors import error_message, error_text
from slides.errors import ExportError, RecipeError, TemplateError


@pytest.mark.parametrize(("error", "title"), [
    (TemplateError("t.potx: damaged"), "The template cannot be used"),
    (ExportError("deck.pptx: permission denied"), "The file could not be saved"),
    (RecipeError("r.yaml:2:3: unknown field"), "The recipe has problems"),
    (ContentError(Problem("events.yaml", 3, 4, "bad date")), "The content has problems"),
    (PermissionError(13, "Permission denied", "/x.yaml"), "The file could not be written"),
    (RuntimeError("boom"), "Something went wrong"),
])
def test_each_error_has_its_message(error: Exception, title: str) -> None:
    shown_title, text = error_message(error)
    assert shown_title == title and text


def test_refusals_read_as_one_line_naming_the_file() -> None:
    assert error_text(TargetRefused("/tmp/x.pptx: the file is read-only")) == \
        "/tmp/x.pptx: the file is read-only"
    assert error_message(FileRefused("/dev/zero", "is a device"))[1] == "/dev/zero: is a device"
