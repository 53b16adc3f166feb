"""Export grows linearly with content: twice the text, at most 2.2x the time and memory.

The embedded pack's key points, event summaries and titles are made `factor` times
longer (ordinary words plus one unbroken 400-character word each, the case that was
cubic), then the deck is built and written. Time is the best of a few runs; memory is
the peak Python allocation (tracemalloc) of one build and write. The floor is the
same at factor 1: the budget is the ratio, factor 2 over factor 1.
"""

from __future__ import annotations

import dataclasses
import io
import tracemalloc

from benchmarks.timing import best
from content.loader import load_pack
from content.model import Pack
from slides.build import build_deck
from slides.pptx.writer import render_presentation
from slides.recipe import Options, default_recipe

FILLER = "briefing text " * 40 + "x" * 400 + " "


def longer(pack: Pack, factor: int) -> Pack:
    """`pack` with every long text field `factor` times as long."""
    def grow(text: str) -> str:
        return text + " " + FILLER * factor

    sections = tuple(dataclasses.replace(
        s, key_points=tuple(dataclasses.replace(k, text=grow(k.text)) for k in s.key_points))
        for s in pack.sections)
    events = tuple(dataclasses.replace(e, summary=grow(e.summary), title=grow(e.title))
                   for e in pack.events)
    return dataclasses.replace(pack, sections=sections, events=events, _section_index={},
                               _event_index={})


def export(pack: Pack) -> None:
    recipe = default_recipe(pack).with_(options=Options(event_slides=True))
    render_presentation(build_deck(pack, recipe)).save(io.BytesIO())


def peak_memory(pack: Pack) -> float:
    """Peak MB Python allocates while building and writing `pack`'s deck."""
    tracemalloc.start()
    try:
        export(pack)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure() -> tuple[tuple[float, float], tuple[float, float]]:
    """((seconds at 2x, at 1x), (MB at 2x, at 1x))."""
    base = load_pack()
    once, twice = longer(base, 1), longer(base, 2)
    export(once)  # warm caches (font metrics, template)
    seconds = (best(lambda: export(twice)), best(lambda: export(once)))
    memory = (peak_memory(twice), peak_memory(once))
    return seconds, memory


def wrap_times() -> tuple[float, float]:
    """(seconds to wrap a 40,000-character word, a 20,000-character one): was cubic."""
    from slides.text import wrap

    return (best(lambda: wrap("x" * 40_000, 300, 20)),
            best(lambda: wrap("x" * 20_000, 300, 20)))
