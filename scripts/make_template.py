#!/usr/bin/env python3
"""Regenerate resources/templates/default.pptx: Briefing Desk's own 16:9 template.

python-pptx's built-in template is 4:3, and widening a presentation does not move
its placeholders. This widens python-pptx's template to 13.333 x 7.5 inches and
scales every placeholder of the master and of each layout horizontally, so the
layouts are right for 16:9. Layout names are kept ("Title Slide", "Title Only",
"Blank", ...): the writer picks layouts by name.

    .venv/bin/python scripts/make_template.py
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

OUT = Path(__file__).resolve().parents[1] / "resources" / "templates" / "default.pptx"
WIDE = Emu(12192000)  # 13.333 in
HIGH = Emu(6858000)  # 7.5 in


def main() -> None:
    prs = Presentation()
    factor = WIDE / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE, HIGH
    masters = list(prs.slide_masters)
    for master in masters:
        for shape in list(master.shapes) + [s for lay in master.slide_layouts
                                            for s in lay.placeholders]:
            own = shape._element.xpath("./p:spPr/a:xfrm")  # inherited ones move with the master
            if own and shape.left is not None and shape.width is not None:
                shape.left = Emu(int(shape.left * factor))
                shape.width = Emu(int(shape.width * factor))
    prs.core_properties.title = "Briefing Desk default template"
    prs.core_properties.author = "Briefing Desk"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
