"""Every YAML hazard ends in one clear `FILE:LINE:COL` problem, never a crash."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from content.errors import ContentError
from content.yamlread import MAX_FILE_BYTES, read_yaml_file, read_yaml_text
from tests.childproc import HANG_GUARD_S

ROOT = Path(__file__).resolve().parents[2]

HAZARDS = [
    # (name, raw bytes, line, column, words the message must contain)
    ("syntax", b"a: [1, 2\nb: 3\n", 2, 2, "syntax error"),
    ("bad indent", b"a:\n  b: c\n d: e\n", 3, 2, "syntax error"),
    ("tab indent", b"a:\n\tb: 1\n", 2, 1, "tab"),
    ("invalid utf-8", b"title: caf\xe9\n", 1, 11, "invalid UTF-8"),
    ("nul byte", b"a: 1\nb: x\x00y\n", 2, 5, "NUL"),
    ("duplicate key", b"id: a\ntitle: x\nid: b\n", 3, 1, "duplicate key 'id' (first at line 1)"),
    ("anchor", b"a: &anchor 1\n", 1, 4, "anchors"),
    ("alias", b"a: [1]\nb: *x\n", 2, 4, "alias"),
    ("python tag", b"a: !!python/object/apply:os.system ['ls']\n", 1, 4, "tags are not allowed"),
    ("local tag", b"a: !secret x\n", 1, 4, "tags are not allowed"),
    ("several documents", b"a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
    ("empty", b"", 1, 1, "empty"),
    ("only comments", b"# nothing\n\n", 1, 1, "empty"),
    ("mapping as key", b"? {a: 1}\n: 2\n", 1, 3, "key must be plain text"),
    ("list as key", b"[1, 2]: x\n", 1, 1, "key must be plain text"),
    ("nesting 100 deep", b"[" * 100 + b"]" * 100, 1, 33, "nesting deeper"),
]


@pytest.mark.parametrize(("name", "raw", "line", "column", "words"), HAZARDS,
                         ids=[h[0] for h in HAZARDS])
def test_hazard_gives_one_located_problem(tmp_path: Path, name: str, raw: bytes, line: int,
                                          column: int, words: str) -> None:
    path = tmp_path / "events.yaml"
    path.write_bytes(raw)
    # On a worker so that a hazard that hangs the reader fails here (after a guard far
    # beyond any real read) instead of hanging the suite; its time is not asserted.
    with ThreadPoolExecutor(1) as pool, pytest.raises(ContentError) as caught:
        pool.submit(read_yaml_file, path, "events.yaml").result(timeout=HANG_GUARD_S)
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.column) == ("events.yaml", line, column)
    assert words in problem.message
    assert str(problem).startswith(f"events.yaml:{line}:{column}: ")


def test_yaml_12_scalars_keep_text_as_text() -> None:
    value = read_yaml_text("a: NO\nb: yes\nc: 2021-12-14\nd: '1'\ne: 1\nf: 1.5\ng: null\n"
                           "h: true\ni: 0o17\nj: 012\n", "x")
    assert value == {"a": "NO", "b": "yes", "c": "2021-12-14", "d": "1", "e": 1, "f": 1.5,
                     "g": None, "h": True, "i": 15, "j": 12}


def test_positions_are_remembered() -> None:
    value = read_yaml_text("- id: a\n  title: x\n- id: b\n", "x")
    assert value.item_marks == [(1, 3), (3, 3)]
    assert value[0].where("title") == (2, 10)


def test_bom_and_crlf_are_accepted() -> None:
    from content.yamlread import decode

    assert read_yaml_text(decode(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "x"), "x") == {"a": 1, "b": 2}


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ContentError, match="the limit is"):
        read_yaml_file(path)


def test_alias_bomb_is_refused_at_the_first_alias() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    with pytest.raises(ContentError, match="anchors"):
        read_yaml_text(bomb, "bomb.yaml")


def test_huge_scalar_is_refused() -> None:
    with pytest.raises(ContentError, match="characters; the limit"):
        read_yaml_text("a: " + "x" * 100_000 + "\n", "x")


@pytest.mark.parametrize("depth", [100, 50_000])
@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_in_a_child_process_does_not_crash(depth: int, opener: str) -> None:
    code = (
        "import sys\n"
        "from content.yamlread import read_yaml_text\n"
        "from content.errors import ContentError\n"
        f"text = {opener!r} * {depth}\n"
        "try:\n    read_yaml_text(text, 'deep.yaml')\n"
        "except ContentError as e:\n    print(e)\n    sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=HANG_GUARD_S)
    # A located ContentError whichever layer stops it (ours, or libyaml's own depth limit
    # in newer PyYAML releases): exit 1 from the handler, not a signal or a traceback.
    assert result.returncode == 1, result.stderr
    assert re.match(r"deep\.yaml:1:\d+: \S", result.stdout), result.stdout
    assert "Traceback" not in result.stderr
