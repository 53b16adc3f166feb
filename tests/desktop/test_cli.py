"""`briefdesk validate` and `dump`: documented output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from slides.recipe import OPTIONS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_validate_is_clean_on_the_embedded_pack() -> None:
    result = run("validate")
    assert result.returncode == 0
    from content.loader import load_pack

    pack = load_pack()
    assert result.stdout.startswith(f"ok: Azerbaijan and NATO: {len(pack.sections)} sections, "
                                    f"{len(pack.events)} events")


def test_dump_gives_the_documented_json() -> None:
    result = run("dump")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert set(data) >= {"pack", "sections", "events", "places", "actors", "sources"}
    event = next(e for e in data["events"] if e["id"] == "afghanistan-contribution")
    assert {"id", "date", "end", "title", "summary", "sections", "places", "actors",
            "sources"} <= set(event)
    assert (event["date"], event["end"]) == ("2002", "2021-08")
    place = data["places"][0]
    assert {"id", "name", "lat", "lon", "kind"} <= set(place)
    assert {"id", "title"} <= set(data["sections"][0])
    assert {"id", "title", "outlet", "date", "url"} <= set(data["sources"][0])
    assert {"id", "name", "role"} <= set(data["actors"][0])


def test_problems_are_lines_on_stderr_and_exit_1(pack_copy: Path) -> None:
    events = pack_copy / "events.yaml"
    text = events.read_text(encoding="utf-8").replace("date: 2023-03", "date: 2023-02-30")
    events.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    date: 2023-02-30") + 1
    (pack_copy / "actors.yaml").write_text("actors:\n  - id: x\n    id: y\n")
    result = run("validate", "--content", str(pack_copy))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{pack_copy / 'actors.yaml'}:3:5: duplicate key 'id' (first at line 2)",
        f"{pack_copy / 'events.yaml'}:{line}:11: '2023-02-30' does not exist: "
        "February 2023 has 28 days"]
    assert "Traceback" not in result.stderr


def test_content_option_before_the_command_works_too(pack_copy: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(pack_copy), "validate"]) == 0
    assert main(["validate", "--content", str(pack_copy / "missing")]) == 1
    assert "pack folder not found" in capsys.readouterr().err


def test_without_a_display_the_app_says_so_in_one_line() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = run(env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr
    assert "briefdesk export" in result.stderr and "briefdesk snapshot" in result.stderr


def test_deck_option_flags_reach_the_exported_deck(tmp_path: Path, capsys) -> None:
    """`--no-agenda --no-sources-slide --changed-since 2024` exports a deck without an
    agenda and sources slide and with a "what changed" slide."""
    from pptx import Presentation

    out = tmp_path / "deck.pptx"
    assert main(["export", "--out", str(out), "--sections", "history,dialogue",
                 "--no-agenda", "--no-sources-slide", "--changed-since", "2024"]) == 0
    titles = [s.shapes.title.text_frame.text if s.shapes.title else ""
              for s in Presentation(str(out)).slides]
    assert not any(t.startswith(("Agenda", "Sources")) for t in titles), titles
    assert any(t.startswith("What changed since 2024") for t in titles), titles
    with pytest.raises(SystemExit) as usage:
        main(["export", "--out", str(out), "--changed-since", "2024-13"])
    assert usage.value.code == 2
    assert "month 13 does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("spec", [s for s in OPTIONS if s.kind == "switch"],
                         ids=lambda s: s.name)
def test_every_deck_option_has_a_flag_that_wins_over_the_recipe(spec) -> None:
    """`--X` turns option X on and `--no-X` off, whatever the recipe says."""
    from content.loader import load_pack
    from desktop.cli import _parser, _recipe

    pack = load_pack()
    on = _recipe(_parser().parse_args(["export", "--out", "x.pptx", spec.flag]), pack)
    off = _recipe(_parser().parse_args(["export", "--out", "x.pptx",
                                        "--no-" + spec.flag[2:]]), pack)
    assert getattr(on.options, spec.name) is True and getattr(off.options, spec.name) is False
