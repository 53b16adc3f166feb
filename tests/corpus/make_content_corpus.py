#!/usr/bin/env python3
"""Regenerate tests/corpus/content/: malformed and hostile content-pack files.

Each case is one file that replaces one file of a valid pack; MANIFEST.tsv names the
file it replaces and words its error must contain. Large or environment-dependent
cases (10 MB scalars, oversized files, symlinks, unreadable files) are made by the
test itself instead of being committed.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent / "content"
EVENT = ("events:\n  - id: e1\n    date: 2021-08\n    title: {title}\n    summary: A summary.\n"
         "    sections: [history]\n    sources: [jamestown-2023]\n")


def event(**fields: str) -> str:
    base = {"id": "e1", "date": "2021-08", "title": "A title", "summary": "A summary.",
            "sections": "[history]", "sources": "[jamestown-2023]"}
    base.update(fields)
    body = "".join(f"    {k}: {v}\n" for k, v in base.items() if v is not None)
    return "events:\n  - " + body[4:]


rng = random.Random(60)
CASES: list[tuple[str, str, bytes | str, str]] = [
    ("syntax-unclosed-bracket", "events.yaml", "events: [a, b\n", "syntax error"),
    ("syntax-bad-indent", "events.yaml", "events:\n  - id: a\n   date: 2021\n", "syntax error"),
    ("tab-indent", "events.yaml", "events:\n\t- id: a\n", "tab used for indentation"),
    ("invalid-utf8", "events.yaml", b"events:\n  - title: caf\xe9\n", "invalid UTF-8"),
    ("nul-byte", "events.yaml", b"events: []\x00\n", "NUL byte"),
    ("duplicate-key", "events.yaml", event() + "    title: again\n", "duplicate key 'title'"),
    ("anchor", "events.yaml", "events: &list []\n", "anchors"),
    ("alias", "events.yaml", "a: &x 1\nevents: *x\n", "anchors"),
    ("alias-bomb", "events.yaml",
     "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
               for p, c in zip("abcdefgh", "bcdefghi", strict=True)), "anchors"),
    ("merge-key", "events.yaml", "base: &b {x: 1}\nevents:\n  - <<: *b\n", "anchors"),
    ("python-object-tag", "events.yaml", "events: !!python/object:os.system [ls]\n",
     "tags are not allowed"),
    ("python-apply-tag", "events.yaml",
     "events: !!python/object/apply:subprocess.check_output [[id]]\n", "tags are not allowed"),
    ("python-name-tag", "events.yaml", "events: !!python/name:os.system\n",
     "tags are not allowed"),
    ("custom-tag", "events.yaml", "events: !include /etc/passwd\n", "tags are not allowed"),
    ("set-tag", "events.yaml", "events: !!set {a, b}\n", "tags are not allowed"),
    ("tag-directive", "events.yaml", "%TAG !x! tag:example.com,2000:\n---\nevents: []\n",
     "%TAG"),
    ("several-documents", "events.yaml", "events: []\n---\nevents: []\n",
     "more than one YAML document"),
    ("empty", "events.yaml", "", "file is empty"),
    ("only-comments", "events.yaml", "# nothing here\n\n", "file is empty"),
    ("whitespace-only", "events.yaml", "   \n\n  \n", "file is empty"),
    ("deep-nesting-100", "events.yaml", "events: " + "[" * 100 + "]" * 100 + "\n",
     "nesting deeper than"),
    ("deep-mapping-40", "events.yaml", "events:" + "".join(f"\n{'  ' * i}k{i}:"
                                                          for i in range(1, 41)) + " x\n",
     "nesting deeper than"),
    ("mapping-as-key", "events.yaml", "? {a: 1}\n: x\n", "key must be plain text"),
    ("list-as-key", "events.yaml", "[1, 2]: x\n", "key must be plain text"),
    ("bom-with-error", "events.yaml", "\ufeff" + event() + "    title: again\n",
     "duplicate key 'title'"),
    ("crlf-with-error", "events.yaml", event(date="2024-02-30").replace("\n", "\r\n"),
     "does not exist"),
    ("very-long-line", "events.yaml", event(title="x" * 70_000), "the limit is 65,536"),
    ("binary-garbage", "events.yaml", bytes(rng.randrange(256) for _ in range(4096)),
     "NUL byte"),
    ("binary-high-bytes", "events.yaml", bytes(rng.randrange(128, 256) for _ in range(4096)),
     "invalid UTF-8"),
    ("control-character", "events.yaml", b"events: \"\x07bell\"\n",
     ":1:10: character U+0007 is not allowed"),
    ("number-as-title", "events.yaml", event(title="42"), "'title' must be text, not a number"),
    ("bool-as-title", "events.yaml", event(title="true"), "'title' must be text, not true/false"),
    ("list-as-title", "events.yaml", event(title="[a, b]"), "'title' must be text, not a list"),
    ("mapping-as-title", "events.yaml", event(title="{a: b}"),
     "'title' must be text, not a mapping"),
    ("null-title", "events.yaml", event(title="~"), "missing required field 'title'"),
    ("empty-title", "events.yaml", event(title="''"), "the title is empty: write one"),
    ("missing-title", "events.yaml", event(title=None), "missing required field 'title'"),
    ("date-feb-30", "events.yaml", event(date="2024-02-30"), "February 2024 has 29 days"),
    ("date-month-13", "events.yaml", event(date="2023-13"), "month 13 does not exist"),
    ("date-words", "events.yaml", event(date="March 2023"), "is not YYYY, YYYY-MM"),
    ("date-float", "events.yaml", event(date="2023.5"), "must be a date like"),
    ("date-year-zero", "events.yaml", event(date="'0000'"), "year 0 is out of range"),
    ("end-before-start", "events.yaml", event(date="2023-05") + "    end: 2023-01\n",
     "before it starts"),
    ("unknown-section", "events.yaml", event(sections="[history, nowhere]"),
     "unknown section 'nowhere'"),
    ("unknown-place", "events.yaml", event() + "    places: [atlantis]\n",
     "unknown place 'atlantis'"),
    ("unknown-actor", "events.yaml", event() + "    actors: [nobody]\n",
     "unknown actor 'nobody'"),
    ("unknown-source", "events.yaml", event(sources="[rumour]"), "unknown source 'rumour'"),
    ("no-sources", "events.yaml", event(sources="[]"), "must cite at least one source"),
    ("bad-grade", "events.yaml", event(sources="[jamestown-2023 G7]"), "Admiralty grade 'G7'"),
    ("bad-citation-shape", "events.yaml", event(sources="[[nested]]"),
     "a citation must be a source id"),
    ("bad-id", "events.yaml", event(id="'Has Spaces'"), "must be lower-case letters"),
    ("huge-id", "events.yaml", event(id="a" * 80), "at most 64 characters"),
    ("duplicate-id", "events.yaml", event() + event()[len("events:\n"):], "duplicate id 'e1'"),
    ("unknown-field", "events.yaml", event() + "    titel: typo\n", "unknown field 'titel'"),
    ("sections-number", "events.yaml", event(sections="5"), "'sections' must be a list of ids"),
    ("events-mapping", "events.yaml", "events: {a: 1}\n", "expected a list of events"),
    ("event-scalar", "events.yaml", "events:\n  - just text\n", "must be a mapping of fields"),
    ("top-level-scalar", "events.yaml", "hello\n", "expected a list of events"),
    ("lat-out-of-range", "places.yaml",
     "places:\n  - {id: p, name: P, lat: 91, lon: 0, kind: city}\n", "between -90 and 90"),
    ("lat-nan", "places.yaml", "places:\n  - {id: p, name: P, lat: .nan, lon: 0, kind: city}\n",
     "'lat' is nan"),
    ("lat-inf", "places.yaml", "places:\n  - {id: p, name: P, lat: .inf, lon: 0, kind: city}\n",
     "'lat' is inf"),
    ("lon-text", "places.yaml", "places:\n  - {id: p, name: P, lat: 1, lon: east, kind: city}\n",
     "'lon' must be a number, not text"),
    ("url-javascript", "sources.yaml",
     "sources:\n  - {id: jamestown-2023, title: T, outlet: O, url: 'javascript:alert(1)'}\n",
     "must start with http:// or https://"),
    ("url-file", "sources.yaml",
     "sources:\n  - {id: jamestown-2023, title: T, outlet: O, url: 'file:///etc/passwd'}\n",
     "must start with http:// or https://"),
    ("via-unknown", "sources.yaml",
     "sources:\n  - {id: jamestown-2023, title: T, outlet: O, via: nowhere}\n",
     "'via' names unknown source 'nowhere'"),
    ("pack-no-marking", "pack.yaml", "title: T\nas_of: 2025-12-15\n",
     "missing required field 'marking'"),
    ("pack-view-inverted", "pack.yaml", "title: T\nas_of: 2025\nmarking: U\n"
     "map_view: {west: 50, south: 40, east: 40, north: 45}\n", "west < east"),
    ("pack-as-list", "pack.yaml", "- title\n", "must be a mapping"),
    ("section-bad-colour", "sections.yaml",
     "sections:\n  - {id: history, title: H, summary: S, colour: red}\n", "must be #rrggbb"),
    ("key-point-uncited", "sections.yaml",
     "sections:\n  - id: history\n    title: H\n    summary: S\n    key_points:\n"
     "      - text: unsupported claim\n", "must cite at least one source"),
]


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for old in HERE.glob("*"):
        old.unlink()
    rows = ["case\treplaces\texpect"]
    for n, (name, target, body, expect) in enumerate(CASES, 1):
        file = HERE / f"{n:02d}-{name}.yaml"
        file.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        rows.append(f"{file.name}\t{target}\t{expect}")
    (HERE / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {HERE}")


if __name__ == "__main__":
    main()
