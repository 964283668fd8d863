"""The version lives in pyproject.toml only; the About box and the workbook properties read it here."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

APP_NAME = "年报审阅"
APP_NAME_EN = "Annual Report Reviewer"
ORG_NAME = "NianbaoReview"


@lru_cache(maxsize=1)
def version() -> str:
    """Read from pyproject.toml beside the package (also bundled by the PyInstaller spec)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    try:
        text = (base / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return "0+unknown"
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else "0+unknown"
