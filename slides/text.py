"""Measuring and wrapping text without Qt, with DejaVu Sans's real advance widths.

The deck writer sets DejaVu Sans, so LibreOffice lays text out with exactly these
widths; PowerPoint without the font substitutes a narrower one, which only adds
room. Line height is the font's ascent plus descent (1.164 em).
"""

from __future__ import annotations

import functools
import json
import re

from resources import resource_path

FONT = "DejaVu Sans"
LINE_HEIGHT = 1.17  # em, a touch over DejaVu Sans's 1.164 so rounding never overflows
ELLIPSIS = "…"


@functools.lru_cache(maxsize=1)
def _metrics() -> tuple[int, dict[int, int], dict[int, int]]:
    data = json.loads(resource_path("fonts", "dejavu-sans-metrics.json").read_text())
    regular = {int(k): v for k, v in data["regular"].items()}
    bold = {int(k): v for k, v in data["bold"].items()}
    return data["units_per_em"], regular, bold


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` at `size` points."""
    units, regular, heavy = _metrics()
    table = heavy if bold else regular
    fallback = table[ord("M")]  # unknown characters count as wide ones
    return sum(table.get(ord(c), fallback) for c in text) * size / units


def line_height(size: float) -> float:
    """Height in points of one line at `size` points."""
    return size * LINE_HEIGHT


BREAKS = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")  # where a line may break


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than `width`; over-long words are split.

    Linear in the length of `text`: every character's width is looked up once, and a
    line's width is kept as a running sum rather than measured again per word.
    """
    units, regular, heavy = _metrics()
    table = heavy if bold else regular
    fallback = table[ord("M")]
    space = table.get(ord(" "), fallback)

    def fits(width_in_units: float) -> bool:  # the same arithmetic as text_width()
        return width_in_units * size / units <= width

    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        current_units = 0
        for word in BREAKS.split(paragraph):  # not at a no-break space ("3,600 km")
            if not word:
                continue
            word_units = _word_units(word, bold)
            if current and fits(current_units + space + word_units):
                current.append(word)
                current_units += space + word_units
                continue
            if current:
                lines.append(" ".join(current))
            if not fits(word_units):  # break a word too long for a line
                start, run = 0, 0
                advances = [table.get(ord(c), fallback) for c in word]
                for i, advance in enumerate(advances):
                    if i > start and not fits(run + advance):
                        lines.append(word[start:i])
                        start, run = i, 0
                    run += advance
                word, word_units = word[start:], run
            current, current_units = [word], word_units
        lines.append(" ".join(current))
    return lines


@functools.lru_cache(maxsize=16384)  # a deck fits the same words at several sizes
def _word_units(word: str, bold: bool) -> int:
    """The sum of `word`'s advance widths, in font units."""
    _, regular, heavy = _metrics()
    table = heavy if bold else regular
    fallback = table[ord("M")]
    return sum(table.get(ord(c), fallback) for c in word)


def word_size(text: str, width: float, size: float, bold: bool = False,
              floor: float = 8.0) -> float:
    """`size`, or the largest smaller size (not below `floor`) at which the widest
    word of `text` fits in `width`: a word is shrunk before it is broken."""
    widest = max((text_width(word, size, bold) for word in BREAKS.split(text) if word),
                 default=0.0)  # the words `wrap` keeps whole (no-break spaces join them)
    if widest <= width or widest == 0:
        return size
    return max(floor, min(size, size * width / widest))


def clamp_lines(lines: list[str], limit: int, width: float, size: float,
                bold: bool = False) -> list[str]:
    """At most `limit` lines; the last one ends in an ellipsis when text was cut."""
    if len(lines) <= limit:
        return lines
    kept = lines[:limit]
    last = kept[-1]
    while last and text_width(last + ELLIPSIS, size, bold) > width:
        last = last[:-1].rstrip()
    kept[-1] = last + ELLIPSIS
    return kept
