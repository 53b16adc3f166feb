"""The architecture's import rules: the import-linter contracts in pyproject.toml, and
the non-Qt modules importing with PySide6 unimportable.

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


NON_QT_PACKAGES = ("content", "slides", "resources")


def test_every_non_qt_module_imports_with_pyside6_absent() -> None:
    """Every module of content, slides and resources imports in a child where PySide6
    cannot be imported. (Their tests pass there too: scripts/test runs the Qt-free half
    of the suite with PySide6 made unimportable, see tests/conftest.py.)"""
    code = (
        "import importlib, pkgutil, sys\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {NON_QT_PACKAGES!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "        print(info.name)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    imported = result.stdout.split()
    assert "slides.pptx.writer" in imported and "content.loader" in imported


def test_the_test_command_runs_the_qt_free_half_without_qt() -> None:
    """scripts/test runs the suite in two halves, the first with PySide6 unimportable:
    that run is what proves the non-Qt tests pass with Qt absent."""
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "BRIEFDESK_NO_QT=1 .venv/bin/python -m pytest" in script
    assert "BRIEFDESK_ONLY_QT=1 .venv/bin/python -m pytest" in script


def _tree_with(tmp_path: Path, module: str, line: str) -> Path:
    """The project's Python files and contracts in `tmp_path`, `line` added to `module`
    (a new module if it does not exist)."""
    import shutil

    for package in ("content", "slides", "desktop", "resources"):
        for source in (ROOT / package).rglob("*.py"):
            target = tmp_path / source.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / (module.replace(".", "/") + ".py")
    with path.open("a", encoding="utf-8") as out:
        out.write(f"\n{line}\n")
    return tmp_path


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("slides.wording", "import pptx", "Only slides.pptx imports python-pptx"),
    ("slides.brand_new", "from pptx.util import Pt", "Only slides.pptx imports python-pptx"),
    ("desktop.briefing", "import PySide6", "The briefing model runs without Qt"),
    ("content.model", "import pptx", "Only slides.pptx imports python-pptx"),
])
def test_a_forbidden_import_anywhere_breaks_its_contract(tmp_path: Path, module: str,
                                                          line: str, contract: str) -> None:
    """python-pptx anywhere but slides.pptx (in a module written tomorrow too), or Qt
    in the briefing model, is caught: the contracts are "all but", not allow-lists."""
    tree = _tree_with(tmp_path, module, line)
    command = [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"]
    result = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(tree)})
    assert result.returncode != 0, result.stdout[-2000:]
    assert f"{contract} BROKEN" in result.stdout.replace("\n", " "), result.stdout[-2000:]


def test_the_type_checker_runs_in_the_test_command_and_catches_a_type_error(
        tmp_path: Path) -> None:
    """scripts/test runs mypy over the packages; the tree passes it, and a module
    that passes a date where text goes is refused, naming file and line."""
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert ".venv/bin/mypy" in script
    tree = _tree_with(tmp_path / "tree", "content.newpack",
                      "import datetime as _dt\n\n\ndef _wrong() -> str:\n"
                      "    return _dt.date(2020, 1, 1)\n")
    command = [str(Path(sys.executable).with_name("mypy")), "--cache-dir",
               str(tmp_path / "cache"), "--no-error-summary"]
    result = subprocess.run(command, cwd=tree, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "content/newpack.py:" in result.stdout and "return-value" in result.stdout
