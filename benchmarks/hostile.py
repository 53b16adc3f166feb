"""Hostile inputs end quickly: every case of the three red-team corpora, timed.

The corpora's tests (tests/content/test_hostile_corpus.py, tests/test_hostile_inputs.py,
tests/slides/pptx/test_template.py) check each case's message, exit code, memory and
files; their time is measured here, where a figure can be held against a floor
taken in the same run instead of a fixed number of seconds that a busy machine
misses. The floor is the same command on good input in the same kind of child
process: `validate` of the embedded pack for content, an export of one section for
recipes, templates and output paths. A case is budgeted at a multiple of its floor:
a refusal may cost a little more than a good run (it reads, then explains), never
a pathological amount more.

    .venv/bin/python -m benchmarks.hostile      (scripts/bench runs it among the rest)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.childproc import run_cli

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "content" / "packs" / "azerbaijan-nato"
FLOOR_RUNS = 3


def _env(folder: Path) -> dict[str, str]:
    return dict(os.environ, BRIEFDESK_CACHE_DIR=str(folder / "cache"),
                QT_QPA_PLATFORM="offscreen")


def _timed(setup: Callable[[Path], list[str]]) -> float:
    """Seconds of one `briefdesk` child on the input `setup` builds in a fresh folder."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args = setup(folder)
        return run_cli(*args, env=_env(folder))[2]


def _floor(setup: Callable[[Path], list[str]]) -> float:
    return min(_timed(setup) for _ in range(FLOOR_RUNS))


def _validate_good(folder: Path) -> list[str]:
    copy = folder / "pack"
    shutil.copytree(PACK, copy)
    return ["validate", "--content", str(copy)]


def _export_good(folder: Path) -> list[str]:
    return ["export", "--out", str(folder / "deck.pptx"), "--sections", "history"]


def content_cases() -> dict[str, Callable[[Path], list[str]]]:
    """The hostile content corpus, as setups of a pack folder to validate."""
    from tests.content.test_hostile_corpus import CORPUS, manifest

    def setup_for(case: str, target: str) -> Callable[[Path], list[str]]:
        def setup(folder: Path) -> list[str]:
            copy = folder / "pack"
            shutil.copytree(PACK, copy)
            shutil.copyfile(CORPUS / case, copy / target)
            return ["validate", "--content", str(copy)]
        return setup

    return {f"content {case}": setup_for(case, target) for case, target, _ in manifest()}


def input_cases() -> dict[str, Callable[[Path], list[str]]]:
    """Recipes, templates and output paths: tests/test_hostile_inputs.py's cases."""
    from tests.test_hostile_inputs import CASES

    return {f"input {name}": case.setup for name, case in CASES.items()}


def template_cases() -> dict[str, Callable[[Path], list[str]]]:
    """The hostile templates of tests/slides/pptx/test_template.py, exported through."""
    from tests.slides.pptx.test_template import CASES, make

    def setup_for(kind: str) -> Callable[[Path], list[str]]:
        def setup(folder: Path) -> list[str]:
            template = make(kind, folder)
            return ["export", "--out", str(folder / "deck.pptx"), "--sections", "energy",
                    "--template", str(template)]
        return setup

    return {f"template {kind}": setup_for(kind) for kind, _ in CASES}


RETIME = 5  # the slowest cases of a sweep, timed again (best of FLOOR_RUNS)


def _slowest(cases: dict[str, Callable[[Path], list[str]]]) -> tuple[str, float]:
    """The slowest case and its seconds: one sweep over every case, then the few
    slowest timed again as the floor is, so one busy moment does not make a case."""
    swept = {name: _timed(setup) for name, setup in cases.items()}
    suspects = sorted(swept, key=swept.__getitem__, reverse=True)[:RETIME]
    again = {name: _floor(cases[name]) for name in suspects}
    worst = max(again, key=again.__getitem__)
    return worst, again[worst]


Slowest = tuple[str, float, float, int]  # case, its seconds, the floor's, cases timed


def measure() -> tuple[Slowest, Slowest]:
    """(the slowest content case against `validate` of the embedded pack, the slowest
    input or template case against an export of one section)."""
    validate_floor = _floor(_validate_good)
    export_floor = _floor(_export_good)
    content = content_cases()
    others = {**input_cases(), **template_cases()}
    return ((*_slowest(content), validate_floor, len(content)),
            (*_slowest(others), export_floor, len(others)))


if __name__ == "__main__":
    for name, seconds, floor, count in measure():
        print(f"slowest of {count}: {name}, {seconds:.2f} s against a floor of {floor:.2f} s "
              f"({seconds / floor:.2f} x)")
