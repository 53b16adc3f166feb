"""The names save dialogs offer: the title as it reads, and a name every system takes."""

from __future__ import annotations

import pytest

from slides.output import suggested_name


@pytest.mark.parametrize(("title", "expected"), [
    ("Azerbaijan and NATO: visits, history", "Azerbaijan and NATO - visits, history "
                                             "2026-12-02.pptx"),
    ("Q&A / Türkiye (2024)", "Q&A - Türkiye (2024) 2026-12-02.pptx"),
    ('<img src=x>"|?*', "img srcx 2026-12-02.pptx"),
    ("CON", "briefing CON 2026-12-02.pptx"),
    ("nul.brief", "briefing nul.brief 2026-12-02.pptx"),
    ("...", "briefing 2026-12-02.pptx"),
    ("Line\nbreak\tand\x00control", "Line break andcontrol 2026-12-02.pptx"),
])
def test_a_suggested_name_reads_as_the_title_and_is_valid_everywhere(title: str,
                                                                    expected: str) -> None:
    assert suggested_name(title, "2026-12-02") == expected


def test_long_titles_are_cut_and_a_pdf_gets_its_suffix() -> None:
    name = suggested_name("word " * 80, "2026-12-02", ".pdf")
    assert name.endswith(" 2026-12-02.pdf") and len(name) < 140
    assert not name.startswith(" ") and "  " not in name
