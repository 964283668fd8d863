"""Start the window: application identity (for QSettings), translations, crash handling."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from core.version import APP_NAME, ORG_NAME, version
from ui import crash, display, i18n
from ui.main_window import MainWindow, show_later
from ui.settings import Settings


def app_icon() -> QIcon:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "resources" / "icons"
    icon = QIcon()
    for png in sorted(base.glob("app-*.png")):
        icon.addFile(str(png))
    return icon


def create_app(argv: list[str]) -> QApplication:
    with display.fatal_handler():
        app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(version())
    app.setWindowIcon(app_icon())
    return app


def run_app(argv: list[str]) -> int:
    app = create_app(argv)
    crash.install()
    settings = Settings()
    app._translators = i18n.install(app, settings.language)  # kept alive with the app
    window = MainWindow(settings)
    window.show()
    show_later(window, [a for a in argv if not a.startswith("-")])
    return app.exec()
