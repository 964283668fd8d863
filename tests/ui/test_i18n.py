"""Chinese by default; English is one switch away. In English every visible string is English except
the report's own words (the original text, agency names, file names and the quotes inside messages);
Qt's own dialogs follow the language too."""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from core.messages import Joined, Message
from core.template import CellKey
from tests.ui.conftest import sample
from ui import i18n
from ui.main_window import MainWindow

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


@pytest.fixture
def english(qapp):
    translators = i18n.install(qapp, "en")
    assert translators, "the English .ts must compile with lrelease and load"
    yield
    i18n.uninstall(qapp, translators)


def test_chinese_by_default(qtbot, settings, dialogs):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert menu_titles(window)[0] == "文件(&F)"
    assert window.tabs.tabText(1).startswith("表B 收到和处理")


def test_english_translation_compiles_and_applies(qtbot, settings, dialogs, english):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert menu_titles(window)[:4] == ["&File", "&Edit", "&View", "&Help"]
    assert window.find_box.placeholderText().startswith("Find in the original")
    assert window.tabs.tabText(1) == "Table B Applications for government information received and handled"


def data_strings(value) -> Iterator[str]:
    """The report's own words inside a finding's parameters."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Message):
        for _, v in value.params:
            yield from data_strings(v)
    elif isinstance(value, (tuple, Joined)):
        for v in (value.items if isinstance(value, Joined) else value):
            yield from data_strings(v)


def model_strings(model, roles=(Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)) -> Iterator[str]:
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            for role in roles:
                value = model.index(r, c, QModelIndex()).data(role)
                if isinstance(value, str):
                    yield value
    for c in range(model.columnCount()):
        value = model.headerData(c, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            yield value


def widget_strings(root: QWidget) -> Iterator[str]:
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        yield w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield w.text()
        if isinstance(w, QLineEdit):
            yield w.placeholderText()
        if isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            yield from (header.text(c) for c in range(w.columnCount()))


def menu_strings(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from menu_strings(action.menu())


def test_every_visible_string_is_english(qtbot, settings, dialogs, english, samples, tmp_path):
    (samples / "copy.txt").write_bytes(next(samples.glob("002_*.txt")).read_bytes())  # an X08 duplicate
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_paths([str(samples)], wait=True)
    path = sample(samples, "002")
    window.select_report(path)
    key = CellKey("applications", "本年新收", 0)
    window.models["applications"].setData(window.models["applications"].index_of(key), "52")
    b01 = next(f for f in window.current.findings if f.rule == "B01")
    window.request_verdict(b01.key, "确认", "checked against the paper copy")
    window.models["applications"].setData(window.models["applications"].index_of(key), "53")  # → stale
    assert window.current.verdict_stale(next(f for f in window.current.findings if f.rule == "B01"))

    allowed: set[str] = set()  # the report's own words
    for entry in window.entries.values():
        allowed.add(entry.path)
        if entry.review is not None:
            allowed.add(entry.review.report.agency or "")
            for f in entry.review.findings:
                allowed.update(data_strings(Message(f.template, f.params)))
            # a verdict's record of what the finding said is kept verbatim (as in the workbook)
            allowed.update(v.message for v in entry.review.verdicts.values())
    assert all(f.template for e in window.entries.values() if e.review for f in e.review.findings)

    def english_only(text: str, where: str) -> None:
        for part in sorted((a for a in allowed if a), key=len, reverse=True):
            text = text.replace(part, "")
        assert not CJK.search(text), f"{where}: {text!r}"

    seen = 0
    for path_ in list(window.entries):
        window.select_report(path_)
        for t, page in window.pages.items():
            window.tabs.setCurrentWidget(page)
            for s in model_strings(window.models[t]):
                english_only(s, f"table {t}")
                seen += 1
        for s in widget_strings(window):
            english_only(s, "widget")
            seen += 1
        tree = window.findings.tree
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            for c in range(tree.columnCount()):
                english_only(item.text(c), "finding")
                english_only(item.toolTip(c), "finding tooltip")
                seen += 2
        for i in range(window.outline.count()):
            english_only(window.outline.item(i).text(), "outline")
            english_only(window.outline.item(i).toolTip(), "outline tooltip")
        for s in model_strings(window.list_model):
            english_only(s, "report list")
        english_only(window.status_label.text(), "status")
        english_only(window.windowTitle(), "title")
    for action in window.menuBar().actions():
        for s in menu_strings(action.menu()):
            if s not in i18n.LANGUAGES.values():  # each language is offered in its own name
                english_only(s, "menu")
    assert seen > 1000
    window.select_report(path)
    tree = window.findings.tree
    b01_row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(1) == "B01")
    assert b01_row.text(3) == "Confirmed: checked against the paper copy (confirm again)"
    assert b01_row.text(2).startswith("Natural persons column: new 53 + carried over 1 = 54")


def dialog_strings(dialog: QWidget) -> list[str]:
    dialog.show()
    QApplication.processEvents()
    try:
        return [s for s in widget_strings(dialog) if s]
    finally:
        dialog.close()


def qt_dialogs() -> list[QWidget]:
    files = QFileDialog(None, "x")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)  # the widget dialog: Linux without a desktop theme
    box = QMessageBox(QMessageBox.Icon.Question, "x", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel)
    return [files, box, QInputDialog()]


def test_qt_dialogs_speak_chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    try:
        for dialog in qt_dialogs():
            strings = [s for s in dialog_strings(dialog) if s != "x" and not s.startswith("/")]
            assert strings and not [s for s in strings if LATIN_WORD.search(s)], strings
    finally:
        i18n.uninstall(qapp, translators)


def test_qt_dialogs_speak_english(qapp, english):
    for dialog in qt_dialogs():
        strings = dialog_strings(dialog)
        assert not [s for s in strings if CJK.search(s)], strings


def test_every_conclusion_word_is_where_lupdate_finds_it():
    """Conclusions are translated when shown (tr of a value): lupdate only keeps what it sees literally."""
    from core.review.conclusion import Conclusion
    from ui.findings_panel import CONCLUSION_WORDS

    assert {c.value for c in Conclusion} == set(CONCLUSION_WORDS)
