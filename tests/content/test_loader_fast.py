"""The loader reads fast where it can and reports from the careful reading.

The fast reader's values carry no positions, so a pack is built from them only when
nothing is wrong; any problem sends every file through the careful reader, whose
messages (with their lines and columns) are the ones reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import content.loader as loader
import content.yamlfast as yamlfast
from content.errors import ContentError
from content.loader import load_pack


def careful_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfast, "read_fast_bytes", lambda data, *_: None)
    monkeypatch.setattr(loader, "read_fast_bytes", lambda data, *_: None)  # a cut's part


def count_careful_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = loader.read_yaml_text  # the careful re-reading

    def counting(text: str, name: str):  # type: ignore[no-untyped-def]
        seen.append(Path(name).name)
        return real(text, name)

    monkeypatch.setattr(loader, "read_yaml_text", counting)  # the careful re-reading
    monkeypatch.setattr(yamlfast, "read_yaml_text", counting)  # what the fast one declines
    return seen


def test_a_pack_read_fast_is_the_pack_read_carefully(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.synthetic import write_pack

    synthetic = write_pack(tmp_path / "synthetic", 400)
    fast = [load_pack(None, use_cache=False), load_pack(synthetic, use_cache=False)]
    careful_only(monkeypatch)
    assert fast == [load_pack(None, use_cache=False), load_pack(synthetic, use_cache=False)]


def test_a_clean_import_sized_pack_never_needs_the_careful_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files as the pack writer and importer write them (the embedded pack's folded
    summaries are hand-written block scalars, read carefully)."""
    from benchmarks.synthetic import write_pack

    folder = write_pack(tmp_path / "synthetic", 300)
    seen = count_careful_reads(monkeypatch)
    load_pack(folder, use_cache=False)
    assert seen == []
    load_pack(None, use_cache=False)
    assert sorted(seen) == ["events.yaml", "pack.yaml"]


def test_a_problem_sends_every_file_to_the_careful_reader(
        pack_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = pack_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "places: [lachin-road]", "places: [lachin-raod]", 1), encoding="utf-8")
    seen = count_careful_reads(monkeypatch)
    with pytest.raises(ContentError) as fast:
        load_pack(pack_copy, use_cache=False)
    assert "events.yaml" in seen and len(seen) == len(set(seen)) >= 6
    careful_only(monkeypatch)
    with pytest.raises(ContentError) as careful:
        load_pack(pack_copy, use_cache=False)
    assert [str(p) for p in fast.value.problems] == [str(p) for p in careful.value.problems]
    (problem,) = fast.value.problems
    assert problem.line > 0 and problem.column > 0 and "lachin-raod" in problem.message


def test_a_file_the_fast_reader_declines_is_read_carefully_and_reported(
        pack_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actors = pack_copy / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "# see &ref above\n"
                      "extra: &anchor 1\n", encoding="utf-8")
    seen = count_careful_reads(monkeypatch)
    with pytest.raises(ContentError) as caught:
        load_pack(pack_copy, use_cache=False)
    (problem,) = caught.value.problems
    assert "anchors (&) are not allowed" in problem.message and problem.line > 1
    assert "actors.yaml" in seen and "places.yaml" not in seen[:seen.index("actors.yaml")]
