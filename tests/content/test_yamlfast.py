"""The fast reader either reads a file exactly as the careful one does, or declines.

Every case here is put to both readers: where the fast one gives values, the careful
one must accept the file and give the same values; where the careful one refuses,
the fast one must decline (so the careful message is the one shown). Cases are YAML
people write by hand in every style, the hazards the careful reader refuses, and
generated documents built from the tokens the two parsers resolve differently.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.errors import YamlError
from content.loader import default_pack_folder
from content.yamlfast import read_fast
from content.yamlread import MAX_DEPTH, MAX_SCALAR_CHARS, decode, read_yaml_text


def careful(text: str) -> tuple[bool, Any]:
    try:
        return True, read_yaml_text(text, "case.yaml")
    except YamlError as exc:
        return False, str(exc)


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (1 is not True, NaN is NaN)."""
    if type(a) is not type(b) and not (isinstance(a, dict) and isinstance(b, dict)) \
            and not (isinstance(a, list) and isinstance(b, list)):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def agrees(text: str) -> Any:
    """Assert the fast reading of `text` is the careful one, or declined; return it."""
    fast = read_fast(text)
    accepted, value = careful(text)
    if fast is not None:
        assert accepted, f"fast read what the careful reader refuses ({value}): {text!r}"
        assert same(fast, value), f"{text!r}: fast {fast!r} != careful {value!r}"
    return fast


HAND_WRITTEN = [
    "title: Azerbaijan and NATO\nas_of: 2026-01-01\n",
    "events:\n  - id: e1\n    date: 2021-12-14\n    title: \"Visit: Baku\"\n",
    "events:\n- id: e1\n  date: 1994\n  sections: [history, outlook]\n",
    "places:\n  - {id: baku, name: Baku, lat: 40.4093, lon: 49.8671, kind: city}\n",
    "a: 'it''s'\nb: \"tab\\there\"\nc: \"\\u263a \\x41\"\n",
    "a:\n  - one\n  -   two\n  - \"three\"\n",
    "# a comment\na: 1  # trailing\nb: x#not a comment\n",
    "a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\n",
    "a: 0o17\nb: 017\nc: 0x1F\nd: 1e3\ne: -1.5e-3\nf: .5\ng: +1\nh: -0\n",
    "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: ''\n",
    "a: true\nb: True\nc: TRUE\nd: tRUE\ne: false\n",
    "a: .inf\nb: -.inf\nc: .Inf\nd: .nan\ne: .NaN\n",
    "a: 12:30\nb: 1:20:30\nc: 2021-12-14 10:00:00\n",
    "id: r&d\nnote: 'A & B'\ntitle: Who? Why!\nx: 5*3\n",
    "text: \"multi\n  line\n  quoted\"\n", "text: plain\n  continued\n  lines\n",
    "key with spaces: 1\n\"quoted key\": 2\n'single': 3\n",
    "nested:\n  map:\n    deeper:\n      - [1, 2]\n      - {a: b}\n",
    "list: [a, 'b', \"c\", 1, 2.5, null, true]\nmap: {a: 1, b: [x, y]}\n",
    "a: [x,]\n", "a: {x: }\n", "a: -\n", "- - x\n", "- -5\n- - a\n",
    "unicode: Gəncə, Ağdam, Şuşa\nemoji: \"\U0001f600\"\n",
    "url: https://example.org/a?b=c&d=e#frag\n",
    "a: 'quoted # not comment'\nb: \"also: not a key\"\n",
    "a: 1_000\n", "a: 0b101\n", "a: 0X1F\n", "a: 0O17\n", "a: +0x1\n", "a: -0o7\n",
    "a: .NAN\n", "a: +.INF\n", "a: -.Inf\n", "a: 1_2.5\n", "id: event_2020_01\n",
    "a: " + "9" * 150 + "\n", "a: 0." + "0" * 120 + "1\n", "a: '" + "9" * 150 + "'\n",
]

HAZARDS = [
    "summary: >\n  Folded text\n  over lines.\n\n  Second paragraph.\nnext: 1\n",
    "summary: |\n  Literal\n    indented\n  text\n", "title: |\na b:\n title: |\n",
    "summary: |-\n  no final newline\nx: 1\n", "summary: |+\n  kept\n\n\nx: 1\n",
    "summary: >2\n   explicit indent\n", "|\n", "|\nnull\n.nan\n- 12:30\n",
    "a: &anchor 1\nb: *anchor\n", "a: !!str 1\n", "a: !custom x\n", "? [a, b]\n: c\n",
    "[a, b]: c\n", "1: x\n", "true: x\n", "null: x\n", "~: x\n", "1.5: x\n",
    "---\na: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "%TAG ! x\n---\na: 1\n",
    "a: 1\na: 2\n", "m: {x: 1, x: 2}\n", "\ta: 1\n", "a:\n\t- b\n", "a: b\tc\n",
    "a: \x07\n", "a: \x1b[31m\n", "a: \x7f\n", "a: \x85x\n", "a: x\u2028y\n", "a: x\u2029y\n",
    "a: x\ufeffy\n", "a: \ufffe\n", "a: 1\rb: 2\n", "", "# only a comment\n", "\n\n",
    "a: [1, 2\n", "a: b: c\n", "a: 'x' y\n", "a:\n  b: 1\n c: 2\n", "- a\nb: c\n",
    "a: |\n x\n  y",  # a block scalar at the very end, without a line break
    "a: 1",  # no final line break at all
    "a: \"" + "x" * (MAX_SCALAR_CHARS + 1) + "\"\n",
    "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
    "".join(" " * n + "k:\n" for n in range(MAX_DEPTH + 2)) + " " * (MAX_DEPTH + 2) + "v\n",
    "a: [" * 5000 + "\n", "- " * 30000 + "x\n",  # nesting yaml-rs would follow to a crash
    "-  " * 30000 + "x\n", "a:\n" + "".join(" " * n + "- \n" for n in range(1, 600)),
    # a surrogate pair as escapes (as JSON writes an emoji): yaml-rs joins it, the
    # careful reader refuses it
    'title: "Launch \\ud83d\\ude80 of the programme"\n', 'a: ["\\uD83D\\uDE00"]\n',
    '"\\ud800\\udc00": x\n', 'a: "\\U0000dc00"\n',
]


@pytest.mark.parametrize("text", HAND_WRITTEN)
def test_yaml_people_write_is_read_alike_or_left_to_the_careful_reader(text: str) -> None:
    agrees(text)


@pytest.mark.parametrize("text", HAZARDS)
def test_what_the_careful_reader_refuses_or_reads_otherwise_is_declined(text: str) -> None:
    assert read_fast(text) is None
    agrees(text)


def test_the_common_styles_are_read_fast() -> None:
    """Declining is safe, but a fast reader that declines everything is no reader."""
    for text in HAND_WRITTEN[:7]:
        assert read_fast(text) is not None, text


def test_every_file_of_the_embedded_pack_is_read_alike_or_declined() -> None:
    """Its summaries are folded block scalars (`>-`), which go to the careful reader;
    the files without them are read fast."""
    fast = set()
    for path in sorted(default_pack_folder().glob("*.yaml")):
        if agrees(decode(path.read_bytes(), path.name)) is not None:
            fast.add(path.name)
    assert {"places.yaml", "actors.yaml", "sources.yaml", "sections.yaml"} <= fast


def test_a_synthetic_import_sized_pack_is_read_fast(tmp_path: Path) -> None:
    from benchmarks.synthetic import write_pack

    folder = write_pack(tmp_path / "pack", 300)
    for path in sorted(folder.glob("*.yaml")):
        assert agrees(decode(path.read_bytes(), path.name)) is not None, path.name


# -- generated documents ---------------------------------------------------------------
# Tokens on both sides of every line the two parsers draw differently.
TOKENS = ["a", "b c", "yes", "No", "~", "null", "Null", "true", "FALSE", "1", "-1", "+1",
          "0", "017", "0o17", "0x1F", "0X1F", "0b1", "1_0", "1e3", "1.5", ".5", "-.5", "5.",
          ".inf", "-.Inf", "+.INF", ".nan", ".NAN", "2021-12-14", "12:30", "x#y", "x # c",
          "r&d", "&a x", "*a", "!t x", "? k", "-", "- x", "'q'", "\"d\"", "'it''s'", "\"\\t\"",
          "a: b", "[x, y]", "{k: v}", "[]", "{}", "Gəncə", "|", ">", "%", "@x", "`x", "",
          "'a\n b'", "\"a\n\n  b\"", "[a,\n b]", "{a: 1,\n  b: [2]}", "a:b", "a :b",
          "- - y", "x\n  y", "[a, [b, {c: d}]]", "{? a}", "[a: b]", "\"\\u263a\"", "'#'",
          "x # c\n# full line", "- [a, b]\n- c", ":x", "x:", "-x", "--x", "0x1f", "+.5"]
KEYS = ["id", "date", "title", "k", "a b", "1", "true", "'q'", "\"d\"", "x_y", "-k"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    indent = 0
    for _ in range(draw(st.integers(1, 8))):
        shape = draw(st.sampled_from(["pair", "item", "pair-open", "item-pair", "text"]))
        token = draw(st.sampled_from(TOKENS))
        key = draw(st.sampled_from(KEYS))
        pad = " " * indent
        if shape == "pair":
            lines.append(f"{pad}{key}: {token}")
        elif shape == "item":
            lines.append(f"{pad}- {token}")
        elif shape == "item-pair":
            lines.append(f"{pad}- {key}: {token}")
        elif shape == "pair-open":
            lines.append(f"{pad}{key}:")
            indent += draw(st.sampled_from([0, 1, 2, 4]))
            continue
        else:
            lines.append(f"{pad}{token}")
        indent = draw(st.sampled_from([0, indent, max(0, indent - 2)]))
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_are_read_alike_or_declined(text: str) -> None:
    agrees(text)


def test_every_file_of_the_hostile_corpus_is_read_alike_or_declined() -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "content"
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".yaml", ".yml"))
    assert len(files) >= 30
    for path in files:
        try:
            text = decode(path.read_bytes(), path.name)
        except YamlError:
            continue  # refused before either reader sees it
        agrees(text)


def test_worker_threads_read_fast_only_once_the_main_thread_has_the_parser() -> None:
    """yaml-rs 0.1.6 crashes the process when used after the thread that first
    imported it ended (a pack loaded on one worker thread, then on another). So a
    worker reads carefully until the main thread has imported it (`prepare`); then
    every worker reads fast, one after another, and nothing crashes."""
    import subprocess
    import sys

    code = """
import threading
from content import yamlfast
data = b"events:\\n" + b"".join(b"  - {id: e-%d, title: T}\\n" % n for n in range(2000))
got = []
def read():
    got.append(yamlfast.read_fast_bytes(data) is not None)
for _ in range(2):
    worker = threading.Thread(target=read); worker.start(); worker.join()
yamlfast.prepare()
for _ in range(3):
    worker = threading.Thread(target=read); worker.start(); worker.join()
print(got)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[False, False, True, True, True]"
