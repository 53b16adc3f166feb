"""Qt fixtures: a state over the embedded pack; no modal dialog may hang a test.

Without Qt (`BRIEFDESK_NO_QT=1`) there are none: only the Qt-free desktop tests run.
"""

from __future__ import annotations

import pytest

from tests.conftest import NO_QT

HANG_GUARD_MS = 60_000  # the longest any test waits for what it expects

if not NO_QT:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from content.loader import load_pack
    from desktop.state import BriefingState

    @pytest.fixture
    def state(qapp) -> BriefingState:
        return BriefingState(load_pack())

    @pytest.fixture
    def window(qtbot, state):
        """The main window on the embedded pack at a laptop's 1280 x 720, fully
        built, its layout not remembered (a test file may define its own)."""
        from desktop.shell.main_window import MainWindow

        win = MainWindow(state.pack, watch=False, remember_layout=False)
        qtbot.addWidget(win)
        win.resize(1280, 720)
        win.show()
        qtbot.waitExposed(win)
        win.finish_loading()
        return win

    @pytest.fixture(autouse=True)
    def _own_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
        """Each test its own settings file. Qt reads XDG_CONFIG_HOME once per process,
        so without this every test would share the first test's settings: a layout,
        a tab or a recipe one test saved would greet the next."""
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(tmp_path_factory.mktemp("settings")))

    @pytest.fixture(autouse=True)
    def _generous_waits(monkeypatch: pytest.MonkeyPatch) -> None:
        """Every qtbot wait is a hang guard, never a deadline: a busy machine may take
        many times longer than an idle one to deliver what a test waits for, so each
        wait gets at least HANG_GUARD_MS whatever timeout the test names."""
        from pytestqt.qtbot import QtBot

        for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed",
                     "waitActive", "waitCallback"):
            original = getattr(QtBot, name)

            def generous(self, *args, _original=original, **kwargs):
                timeout = kwargs.get("timeout", 5000)
                if timeout is not None and timeout > 0:  # 0: look once; -1: forever
                    kwargs["timeout"] = max(timeout, HANG_GUARD_MS)
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(QtBot, name, generous)

    @pytest.fixture(autouse=True)
    def _no_modal_hangs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
        """A modal dialog nobody answers would hang the suite offscreen: every
        dialog's exec() returns at once (rejected) and is recorded. A test that
        expects a dialog patches exec() itself or reads this fixture."""
        opened: list[QDialog] = []

        def record(dialog: QDialog) -> int:
            opened.append(dialog)
            return 0

        monkeypatch.setattr(QMessageBox, "exec", record)
        monkeypatch.setattr(QDialog, "exec", record)
        return opened
