"""An unexpected exception is logged to a file and shown in a dialog, never a silent exit."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from ui import crash


def test_excepthook_writes_a_log_and_shows_a_dialog(qapp, settings, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(crash, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())))
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    try:
        raise ValueError("测试用的意外错误")
    except ValueError:
        crash.excepthook(*sys.exc_info())
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "测试用的意外错误" in logs[0].read_text(encoding="utf-8")
    assert "测试用的意外错误" in shown[0][0] and str(logs[0]) in shown[0][1]
