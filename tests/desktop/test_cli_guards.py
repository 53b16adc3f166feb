"""Guards on the `briefdesk` command line: the exit codes a script or CI job relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from tests.content.test_model import edit


def test_validate_strict_fails_on_a_lint_warning(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate --strict` on a pack that breaks a curation convention prints the
    located warning and exits 1, so a CI job fails; exit 0 with "ok" would hide it."""
    edit(
        pack_copy / "sections.yaml",
        "- text: Azerbaijan's contribution in",
        "- text: Its contribution in",
    )
    assert main(["validate", "--content", str(pack_copy)]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", "--content", str(pack_copy)]) == 1
    out = capsys.readouterr()
    assert "warning: key point starts with a pronoun ('Its')" in out.err
    assert "1 warning: the pack is valid" in out.err
    assert not out.out.startswith("ok:")
