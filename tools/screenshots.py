"""Take the README's screenshots of the window (run under a real X server, e.g. Xvfb):

    Xvfb :7 -screen 0 1600x1000x24 & DISPLAY=:7 python3 tools/screenshots.py [zh_CN|en] ...

Settings, sidecars and app data go to a temporary folder; the samples are copied there first."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.template import CellKey  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import create_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(5):
        app.processEvents()
    window.repaint()
    app.processEvents()


def shoot(app: QApplication, language: str, tmp: Path) -> list[Path]:
    suffix = "" if language == "zh_CN" else "-en"
    translators = i18n.install(app, language)
    folder = tmp / f"samples{suffix}"
    shutil.copytree(ROOT / "resources" / "samples", folder)
    settings = Settings(QSettings(str(tmp / f"s{suffix}.ini"), QSettings.Format.IniFormat))
    settings.language = language
    window = MainWindow(settings)
    window.resize(1600, 950)
    window.show()
    window.open_paths([str(folder)], wait=True)
    shots = []
    path = str(next(folder.glob("002_*.txt")))
    window.select_report(path)
    window.models["applications"].setData(window.models["applications"].index_of(CellKey("applications", "本年新收", 0)),
                                          "50")
    b01 = next(i for i, f in enumerate(window.current.findings) if f.rule == "B01")
    window.findings.select_row(b01)
    settle(app, window)
    shots.append(OUT / f"window-002-correction{suffix}.png")
    window.grab().save(str(shots[-1]))
    for table, name in (("active", "table-a"), ("review_litigation", "table-c")):
        window.tabs.setCurrentWidget(window.pages[table])
        settle(app, window)
        shots.append(OUT / f"window-002-{name}{suffix}.png")
        window.grab().save(str(shots[-1]))
    window.select_report(str(next(folder.glob("001_*.txt"))))
    window.tabs.setCurrentWidget(window.pages["applications"])
    settle(app, window)
    shots.append(OUT / f"window-001-missing-tables{suffix}.png")
    window.grab().save(str(shots[-1]))
    for s in window.stacks.values():
        s.setClean()
    window.close()
    i18n.uninstall(app, translators)
    return shots


def main(languages: list[str]) -> None:
    app = create_app([])
    QStandardPaths.setTestModeEnabled(True)
    with tempfile.TemporaryDirectory() as tmp:
        for language in languages or ["zh_CN", "en"]:
            for shot in shoot(app, language, Path(tmp)):
                print(shot.relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
