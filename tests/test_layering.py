"""The architecture's two import rules, enforced on the source text.

Only `desktop/` imports Qt; only `slides/pptx/writer.py` imports python-pptx; and
`content/` imports neither `slides` nor `desktop` (dependencies point down).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy")


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)):
            names.add(str(node.args[0].value).split(".")[0])
    return names


def python_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["content", "slides", "resources"])
def test_no_qt_outside_desktop(package: str) -> None:
    offenders = {str(p.relative_to(ROOT)): sorted(imported_modules(p) & set(QT_MODULES))
                 for p in python_files(package)}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_content_depends_on_nothing_above_it() -> None:
    offenders = {str(p.relative_to(ROOT)) for p in python_files("content")
                 if imported_modules(p) & {"slides", "desktop", "pptx"}}
    assert offenders == set()


def test_only_the_writer_imports_pptx() -> None:
    users = {str(p.relative_to(ROOT)) for pkg in ("content", "slides", "desktop")
             for p in python_files(pkg) if "pptx" in imported_modules(p)}
    assert users <= {"slides/pptx/writer.py", "slides/pptx/template.py"}


def test_lint_itself_sees_imports(tmp_path: Path) -> None:
    """The checker must catch a nested, aliased import, or the rules above prove nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6 import QtCore as q\n    import pptx.util\n")
    assert imported_modules(sample) == {"PySide6", "pptx"}


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
