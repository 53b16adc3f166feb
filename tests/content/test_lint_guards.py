"""Guards on where `validate --strict` points: a warning's FILE:LINE must be the line
of the item it is about, so an editor opens at it."""

from __future__ import annotations

from pathlib import Path

from content.lint import lint
from content.loader import load_pack
from tests.content.test_model import edit


def test_key_point_warning_names_its_own_line(pack_copy: Path) -> None:
    """A key point opening with a pronoun is reported at the line holding that key
    point in sections.yaml, not the line above it."""
    sections = pack_copy / "sections.yaml"
    edit(sections, "- text: Azerbaijan's contribution in", "- text: Its contribution in")
    line = next(
        n
        for n, text in enumerate(sections.read_text("utf-8").splitlines(), 1)
        if "- text: Its contribution in" in text
    )
    [warning] = lint(load_pack(pack_copy, use_cache=False))
    assert (Path(warning.file).name, warning.line) == ("sections.yaml", line)
    assert str(warning).startswith(f"{sections}:{line}:")


def test_event_warning_names_the_line_of_its_id(pack_copy: Path) -> None:
    """An event warning points at the event's `id:` line in events.yaml."""
    events = pack_copy / "events.yaml"
    edit(
        events,
        "  - id: oguz-visit\n    date: 2023-03\n    dated_by: article\n",
        "  - id: oguz-visit\n    date: 2023-03\n",
    )
    line = events.read_text("utf-8").splitlines().index("  - id: oguz-visit") + 1
    [warning] = lint(load_pack(pack_copy, use_cache=False))
    assert str(warning).startswith(f"{events}:{line}:5: warning:")
