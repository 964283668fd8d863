"""Chinese by default; English is one switch away through Qt's translation system."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.main_window import MainWindow


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_chinese_by_default(qtbot, settings, dialogs):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert menu_titles(window)[0] == "文件(&F)"


def test_english_translation_compiles_and_applies(qtbot, settings, dialogs):
    app = QApplication.instance()
    translators = i18n.install(app, "en")
    try:
        assert translators, "the English .ts must compile with lrelease and load"
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert menu_titles(window)[:4] == ["&File", "&Edit", "&View", "&Help"]
        assert window.find_box.placeholderText().startswith("Find in the original")
    finally:
        i18n.uninstall(app, translators)
