#!/usr/bin/env python3
"""Regenerate resources/templates/default.pptx: Briefing Desk's own 16:9 template.

python-pptx's built-in template is 4:3, and widening a presentation does not move
its placeholders. This widens python-pptx's template to 13.333 x 7.5 inches with
`slides.pptx.template.resize_template`, which scales every shape of the master and of
each layout that has its own position, so the layouts are right for 16:9. Layout
names are kept ("Title Slide", "Title Only", "Blank", ...): the writer picks layouts
by name.

    .venv/bin/python scripts/make_template.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from pptx import Presentation

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from slides.pptx.template import resize_template

OUT = Path(__file__).resolve().parents[1] / "resources" / "templates" / "default.pptx"
WIDE = 12192000  # 13.333 in
HIGH = 6858000  # 7.5 in


def main() -> None:
    prs = Presentation()
    resize_template(prs, WIDE, HIGH)  # 10 x 7.5 in -> 13.333 x 7.5 in, layouts moved too
    prs.core_properties.title = "Briefing Desk default template"
    prs.core_properties.author = "Briefing Desk"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
