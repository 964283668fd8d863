"""Status marks drawn as SVG (resources/icons/status-*.svg): a font may lack ✔ ⚠ ✖ ⛔, a drawing
never does. Loaded once each."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

STATUSES = ("ok", "warning", "error", "info", "unreadable", "stale")


def icon_dir() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "resources" / "icons"


@lru_cache(maxsize=None)
def status_icon(name: str) -> QIcon:
    """``name``: one of STATUSES, or a severity value ("error", "warning", "info")."""
    if name not in STATUSES:
        raise KeyError(name)
    return QIcon(str(icon_dir() / f"status-{name}.svg"))
