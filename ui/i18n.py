"""Translations. Source strings are Chinese (our users' language); English comes from
resources/i18n/nianbao_en.ts, compiled to .qm on first use (generated files are never committed)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    QTranslator,
)

LANGUAGES = {"zh_CN": "中文", "en": "English"}
_current = {"language": "zh_CN"}


def tr(text: str) -> str:
    """All our strings share one (empty) context, which is what lupdate gives module-level tr()."""
    return QCoreApplication.translate("", text)


def app_name() -> str:
    """The application's name as shown (titles, dialogs); core.version.APP_NAME stays the settings key."""
    return tr("年报审阅")


def language() -> str:
    """The installed interface language as core names it ("zh" or "en"): findings, rule titles and
    the form's labels come from core in this language."""
    return "en" if _current["language"] == "en" else "zh"


def _resources() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / "i18n"


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")


def compiled_translation(language: str) -> Path | None:
    """The .qm for ``language``: shipped beside the .ts (frozen builds) or compiled into the cache."""
    ts = _resources() / f"nianbao_{language}.ts"
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "i18n"
    # named by the content it was compiled from: a cache shared by several versions of the app (or
    # checkouts whose files' times say nothing) never hands one of them another's translation
    digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:16]
    qm = cache / f"{ts.stem}-{digest}.qm"
    if qm.exists():
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    cache.mkdir(parents=True, exist_ok=True)
    part = qm.with_name(f".{qm.name}.{os.getpid()}")  # compiled aside, then renamed: never read half-written
    try:
        subprocess.run([tool, str(ts), "-qm", str(part)], check=True, capture_output=True, timeout=60)
        os.replace(part, qm)
    except (OSError, subprocess.SubprocessError):
        return None
    return qm


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own translation (standard dialogs and buttons) and ours on top of it, and make
    the language the default locale. Ours for zh_CN holds only what Qt's lacks (strings Qt renamed
    since its Chinese file was made, e.g. the file dialog's "&Look in:"). Returns the translators so
    the caller keeps them alive."""
    _current["language"] = language
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if language != "en" and qt.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    qm = compiled_translation(language)
    if qm is not None:
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)  # installed last: searched first
            installed.append(ours)
    return installed


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
    _current["language"] = "zh_CN"
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
