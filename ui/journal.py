"""Crash recovery journal (the Orange canvas swap-file pattern): after every command the open
session is written atomically; a clean exit deletes it, so finding it at start-up means the last
session ended abnormally and can be reopened. Corrections themselves live in the sidecars."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from core.review import atomic_write_text


def journal_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "session-journal.json"


def write(paths: list[str], current: str | None, dirty: list[str]) -> None:
    atomic_write_text(journal_path(), json.dumps({"open": paths, "current": current, "dirty": dirty},
                                                 ensure_ascii=False, indent=1))


def read() -> dict | None:
    try:
        data = json.loads(journal_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("open") else None


def clear() -> None:
    try:
        journal_path().unlink()
    except OSError:
        pass
