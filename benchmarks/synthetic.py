"""Synthetic content packs of N events, valid under the real loader.

Realistic shapes: titles of 5–12 words, summaries of 30–70 words, dates spread over
1990–2026 at year, month and day precision (some approximate), one event in ten a
span, places spread over Europe, the Caucasus and Central Asia, 1–3 sections,
places, actors and graded citations each. Deterministic for a given seed.

    python -m benchmarks.synthetic OUT_DIR N
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = (
    "alliance", "partnership", "defence", "security", "exercise", "visit", "meeting",
    "ministry", "forces", "cooperation", "training", "energy", "pipeline", "border", "region",
    "capital", "delegation", "summit", "review", "planning", "interoperability", "mission",
    "programme", "dialogue", "staff", "officers", "liaison", "embassy", "statement",
    "agreement", "corridor", "reform", "cyber", "logistics", "transit", "airport", "command",
    "envoy", "council", "framework", "standards", "readiness", "outreach",
)
SECTION_IDS = ("history", "operations", "turkey", "dialogue", "partnership-tools", "russia",
               "concerns", "energy", "outreach", "peace", "outlook")


def _text(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize()


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_pack(folder: Path, events: int, seed: int = 1, places: int = 150,
               actors: int = 200, sources: int = 400, in_date_order: bool = False) -> Path:
    """Write a pack of `events` events into `folder` (created); returns the folder.
    Its events are in random order, or `in_date_order` as the editor and the importer
    keep a curated pack's (each placed before the first that starts later)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        f"title: Synthetic pack of {events} events\nsubtitle: Generated for benchmarks\n"
        "as_of: 2026-01-01\nmarking: UNCLASSIFIED\n"
        "map_view: {west: 0.0, south: 30.0, east: 75.0, north: 58.0}\n"
        'focus_countries: ["031"]\n', encoding="utf-8")
    lines = ["sections:"]
    for n, sid in enumerate(SECTION_IDS):
        lines += [f"  - id: {sid}", f"    order: {n}", f"    title: {_q(sid.title())}",
                  f"    summary: {_q(_text(rng, 6, 12))}", "    key_points:"]
        for _ in range(4):
            lines += [f"      - text: {_q(_text(rng, 10, 24))}",
                      f"        sources: [src-{rng.randrange(sources)}]"]
    (folder / "sections.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["places:"]
    for n in range(places):
        lines.append(f"  - {{id: place-{n}, name: {_q('Place ' + str(n))}, "
                     f"lat: {rng.uniform(30, 58):.4f}, lon: {rng.uniform(0, 75):.4f}, "
                     "kind: city}")
    (folder / "places.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["actors:"]
    for n in range(actors):
        lines.append(f"  - {{id: actor-{n}, name: {_q('Actor ' + str(n))}, "
                     f"role: {_q(_text(rng, 3, 6))}}}")
    (folder / "actors.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["sources:"]
    for n in range(sources):
        year, month, day = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
        lines.append(f"  - {{id: src-{n}, title: {_q(_text(rng, 4, 9))}, "
                     f"outlet: {_q('Outlet ' + str(n % 40))}, "
                     f"date: {year}-{month:02d}-{day:02d}, "
                     f"url: 'https://example.org/{n}'}}")
    (folder / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records: list[tuple[str, list[str]]] = []
    for n in range(events):
        year = rng.randint(1990, 2025)
        precision = rng.random()
        if precision < 0.15:
            date = f"{year}"
        elif precision < 0.45:
            date = f"{year}-{rng.randint(1, 12):02d}"
        else:
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines = [f"  - id: event-{n}", f"    date: {date}"]
        if rng.random() < 0.1:
            lines.append(f"    end: {min(2026, year + rng.randint(1, 8))}")
        if rng.random() < 0.08:
            lines.append("    approximate: true")
        grade = rng.choice("ABCDEF") + rng.choice("123456")
        lines += [
            f"    title: {_q(_text(rng, 5, 12))}",
            f"    summary: {_q(_text(rng, 30, 70) + '.')}",
            f"    sections: [{', '.join(rng.sample(SECTION_IDS, rng.randint(1, 3)))}]",
            f"    places: [{', '.join(f'place-{rng.randrange(places)}' for _ in range(rng.randint(1, 3)))}]",  # noqa: E501
            f"    actors: [{', '.join(f'actor-{rng.randrange(actors)}' for _ in range(rng.randint(0, 3)))}]",  # noqa: E501
            f"    sources: [src-{rng.randrange(sources)} {grade}, src-{rng.randrange(sources)}]",
        ]
        records.append((date, lines))
    if in_date_order:  # "1997" < "1997-03" < "1997-03-02": by first day, as placed
        records.sort(key=lambda record: record[0])
    lines = ["events:", *(line for _, record in records for line in record)]
    (folder / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_pack(Path(sys.argv[1]), int(sys.argv[2]))
