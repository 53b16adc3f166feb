"""Fuzzing the loader: whatever the bytes, only ContentError ever escapes."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.errors import ContentError
from content.loader import load_pack
from content.yamlread import decode, read_yaml_text

PACK = Path(__file__).resolve().parents[2] / "content" / "packs" / "azerbaijan-nato"
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

YAML_BITS = st.sampled_from(["- ", ": ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a",
                             "!!str ", "'", '"', "#", "---\n", "? ", "|\n", ">\n", "%",
                             "\t", "id", "title", "2021-02-30", "NO", "~", "1e9", "\\u0000"])


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    try:
        read_yaml_text(decode(data, "f.yaml"), "f.yaml")
    except ContentError as exc:
        assert exc.problems and str(exc.problems[0]).startswith("f.yaml:")


@FUZZ
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=8)), max_size=60).map("".join))
def test_yaml_like_text(text: str) -> None:
    with contextlib.suppress(ContentError):
        read_yaml_text(text, "f.yaml")


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["2021", "2021-08", "2024-02-30",
                                                           "history", "baku", "jamestown-2023"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)
FIELDS = st.sampled_from(["id", "date", "end", "approximate", "title", "summary", "sections",
                          "places", "actors", "sources", "extra"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(FIELDS, VALUES, max_size=8), max_size=6))
def test_random_event_records_through_the_whole_validator(records: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pack"
        shutil.copytree(PACK, folder)
        (folder / "events.yaml").write_text(yaml.safe_dump({"events": records}),
                                            encoding="utf-8")
        with contextlib.suppress(ContentError):
            load_pack(folder, use_cache=False)
