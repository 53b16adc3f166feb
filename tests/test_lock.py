"""The lock files: in step with pyproject.toml, hashed, and exactly what .venv holds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lockfile", ROOT / "scripts" / "lockfile.py")
assert _spec and _spec.loader
lockfile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lockfile)

APP_LOCK = ROOT / "requirements" / "app.lock"
TEST_LOCK = ROOT / "requirements" / "test.lock"


@pytest.mark.parametrize("lock", [APP_LOCK, TEST_LOCK], ids=["app", "test"])
def test_lock_was_compiled_from_todays_pyproject(lock: Path) -> None:
    assert lockfile.recorded_digest(lock) == lockfile.digest(), (
        f"{lock.name} is stale: dependencies in pyproject.toml changed; run scripts/lock")


@pytest.mark.parametrize(("lock", "extra"), [(APP_LOCK, None), (TEST_LOCK, "test")],
                         ids=["app", "test"])
def test_every_declared_dependency_is_pinned_within_its_range(lock: Path,
                                                              extra: str | None) -> None:
    inputs = lockfile.lock_inputs()
    wanted = [*inputs["dependencies"], *inputs["build-system"]]
    if extra:
        wanted += inputs["optional-dependencies"][extra]
    pins = lockfile.pins(lock)
    for text in wanted:
        requirement = Requirement(text)
        name = lockfile.normalise(requirement.name)
        assert name in pins, f"{requirement.name} is declared but not locked in {lock.name}"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{lock.name} pins {name}=={pins[name]}, outside {requirement.specifier}")


@pytest.mark.parametrize("lock", [APP_LOCK, TEST_LOCK], ids=["app", "test"])
def test_every_pin_carries_hashes(lock: Path) -> None:
    entries = lock.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(entries) if lockfile.PIN.match(line)]
    assert starts
    for begin, end in zip(starts, [*starts[1:], len(entries)], strict=True):
        block = "\n".join(entries[begin:end])
        assert "--hash=sha256:" in block, f"{entries[begin]} has no hash"
        assert "==" in entries[begin]


def test_the_app_lock_agrees_with_the_test_lock() -> None:
    """A test install serves the app (setup.sh relies on it): same versions throughout."""
    app, test = lockfile.pins(APP_LOCK), lockfile.pins(TEST_LOCK)
    assert {name: test.get(name) for name in app} == app


def test_pins_parse_as_the_installer_reads_them(tmp_path: Path) -> None:
    sample = tmp_path / "x.lock"
    sample.write_text("# inputs: abc\nfoo-bar==1.2.3 \\\n    --hash=sha256:00\n"
                      "Baz_Q==2.0 ; python_version >= '3'\n    # via foo\n")
    assert lockfile.pins(sample) == {"foo-bar": "1.2.3", "baz-q": "2.0"}
    assert lockfile.recorded_digest(sample) == "abc"


def test_the_digest_changes_with_a_dependency(tmp_path: Path) -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(text.replace('"PyYAML>=6.0"', '"PyYAML>=6.0", "requests"'))
    assert changed.read_text() != text
    assert lockfile.digest(changed) != lockfile.digest()


@pytest.mark.skipif(Path(sys.prefix).resolve() != (ROOT / ".venv").resolve(),
                    reason="checks the project's own .venv, which scripts/test runs in")
def test_the_venv_holds_exactly_the_test_lock() -> None:
    installed = lockfile.installed()
    pins = lockfile.pins(TEST_LOCK)
    assert {k: v for k, v in installed.items() if k not in lockfile.NOT_LOCKED} == pins
