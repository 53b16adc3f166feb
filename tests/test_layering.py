"""The architecture's import rules: the import-linter contracts in pyproject.toml, and
the non-Qt tests run again with PySide6 unimportable.

Layers point down (desktop, slides, content, resources); only `desktop/` imports Qt;
only `slides/pptx/` imports python-pptx; inside `desktop/` the shell composes the
rooms and the views never import each other.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the project (with `config` instead of pyproject.toml if given)."""
    command = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"]
    if config is not None:
        command += ["--config", str(config)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_layer_contracts_hold() -> None:
    """pyproject.toml's import-linter contracts: layers, Qt only in desktop, pptx only
    in slides.pptx, and the rooms of desktop in their order."""
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout and "Only desktop imports Qt KEPT" in result.stdout


def test_the_contracts_can_break(tmp_path: Path) -> None:
    """Control: a contract the code breaks (desktop may not import content) is reported,
    so a kept contract means something."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["content", "desktop"]\n'
        '[[tool.importlinter.contracts]]\nname = "no content in desktop"\n'
        'type = "forbidden"\nsource_modules = ["desktop"]\nforbidden_modules = ["content"]\n')
    result = lint_imports(config)
    assert result.returncode != 0 and "BROKEN" in result.stdout


def test_cli_without_window_never_imports_qt() -> None:
    code = ("import sys; from desktop.cli import main; rc = main(['validate']); "
            "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_non_qt_suite_passes_with_pyside6_absent() -> None:
    """Run every non-Qt test (content, slides, and the top-level ones) in a child pytest
    where importing PySide6 fails."""
    if os.environ.get("BRIEFDESK_NO_QT") == "1":
        pytest.skip("already inside the Qt-less run")
    env = dict(os.environ, BRIEFDESK_NO_QT="1")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
         "tests/content", "tests/slides", "tests/test_layering.py", "tests/test_lock.py",
         "tests/test_hostile_inputs.py", "-m", "not slow"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
