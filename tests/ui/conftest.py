"""GUI tests run offscreen with settings, app data and sidecars in temporary folders."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path, qapp):
    from ui.settings import Settings

    QStandardPaths.setTestModeEnabled(True)
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of blocking on them; ``answers`` feeds question()."""
    seen: list[tuple[str, str]] = []
    answers: list[QMessageBox.StandardButton] = []

    def record(kind):
        def box(_parent, _title, text, *args, **kwargs):
            seen.append((kind, text))
            if kind == "question":
                return answers.pop(0) if answers else QMessageBox.StandardButton.Cancel
            return QMessageBox.StandardButton.Ok
        return box

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: seen.append(("about", a[2]))))
    return seen, answers


@pytest.fixture
def window(qtbot, settings, dialogs):
    from ui import journal
    from ui.main_window import MainWindow

    journal.clear()
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    for s in w.stacks.values():
        s.setClean()
    journal.clear()


def sample(folder: Path, prefix: str) -> str:
    return str(next(folder.glob(f"{prefix}_*.txt")))
