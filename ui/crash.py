"""Unexpected exceptions: logged to a file and shown in a dialog, never a silent exit."""
from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.i18n import tr


def log_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".nianbao") / "logs"


def write_log(exc_type, exc, tb) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{datetime.now().isoformat()}\n")
        fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
    return path


def excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        path = write_log(exc_type, exc, tb)
    except OSError:
        path = None
    sys.__excepthook__(exc_type, exc, tb)
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, tr("程序出错"),
                      tr("发生了意外错误：{0}\n\n您的修正已自动保存。").format(exc))
    if path is not None:
        box.setInformativeText(tr("错误详情已写入日志文件：\n{0}").format(path))
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def install() -> None:
    sys.excepthook = excepthook
