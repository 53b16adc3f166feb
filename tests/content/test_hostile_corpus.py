"""The hostile content corpus: each file ends in its clear FILE:LINE:COL error, in a
child process, within 300 MB, never a crash, a hang or a traceback. (Their time is a
budget in benchmarks/hostile.py: a test that timed them failed on busy machines.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from content.yamlread import MAX_FILE_BYTES
from tests.childproc import run_cli

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "content"
PACK = ROOT / "content" / "packs" / "azerbaijan-nato"
PROBLEM = re.compile(r"^\S.*:\d+:\d+: .+", re.M)
MAX_MB = 300


def manifest() -> list[tuple[str, str, str]]:
    lines = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [tuple(line.split("\t")) for line in lines]  # type: ignore[misc]


def validate(folder: Path, prefix: Sequence[str] = ()) -> tuple[int, str, float, float]:
    """(exit code, stderr, seconds, peak MB) of `briefdesk validate` in a child."""
    env = dict(os.environ, BRIEFDESK_CACHE_DIR=str(folder.parent / "cache"))
    return run_cli("validate", "--content", str(folder), env=env, prefix=prefix)


def pack_with(tmp_path: Path, target: str) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(PACK, folder)
    (folder / target).unlink()
    return folder


def check(code: int, err: str, _seconds: float, mb: float, expect: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err
    assert PROBLEM.search(err), err
    assert expect in err, err
    assert mb < MAX_MB, mb  # the time is benchmarks/hostile.py's


def test_the_corpus_is_large_enough() -> None:
    assert len(manifest()) >= 60


@pytest.mark.parametrize(("case", "target", "expect"), manifest(), ids=lambda v: str(v)[:40])
def test_corpus_file(tmp_path: Path, case: str, target: str, expect: str) -> None:
    folder = pack_with(tmp_path, target)
    shutil.copyfile(CORPUS / case, folder / target)
    check(*validate(folder), expect)


def test_ten_megabyte_scalar(tmp_path: Path) -> None:
    folder = pack_with(tmp_path, "events.yaml")
    (folder / "events.yaml").write_text("events:\n  - title: " + "x" * 10_000_000 + "\n")
    check(*validate(folder), "the limit is 65,536")


def test_oversized_file(tmp_path: Path) -> None:
    folder = pack_with(tmp_path, "events.yaml")
    with (folder / "events.yaml").open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk is spent on it
    check(*validate(folder), "the limit is")


def test_symlink_out_of_the_pack(tmp_path: Path) -> None:
    folder = pack_with(tmp_path, "places.yaml")
    secret = tmp_path / "secret.yaml"
    secret.write_text("places: []\n")
    os.symlink(secret, folder / "places.yaml")
    check(*validate(folder), "links outside the pack folder")


def test_a_folder_or_fifo_in_place_of_a_file(tmp_path: Path) -> None:
    folder = pack_with(tmp_path, "actors.yaml")
    (folder / "actors.yaml").mkdir()
    os.mkfifo(folder / "sources.yaml.fifo")
    (folder / "sources.yaml").unlink()
    os.rename(folder / "sources.yaml.fifo", folder / "sources.yaml")
    code, err, seconds, mb = validate(folder)
    check(code, err, seconds, mb, "is not a regular file")
    assert err.count("is not a regular file") == 2  # the FIFO is never opened (it would block)


def without_read_override() -> list[str]:
    """A command prefix under which even root obeys file modes: the child starts
    without the capabilities that let root read any file. Empty when not root."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if shutil.which("setpriv") is None or probe.returncode != 0:
        pytest.skip("root reads files whatever their mode, and setpriv cannot drop that "
                    f"here: {probe.stderr.strip()}")
    return prefix


def test_unreadable_file(tmp_path: Path) -> None:
    prefix = without_read_override()
    folder = pack_with(tmp_path, "events.yaml")
    shutil.copyfile(PACK / "events.yaml", folder / "events.yaml")
    (folder / "events.yaml").chmod(0)
    check(*validate(folder, prefix), "cannot read")
