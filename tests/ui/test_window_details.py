"""What an auditor tripped over, each checked: paths that survive another working folder, drawn status
icons, a report list that shows 机关 · 年度 · 文件 and stays put, verdicts that need confirming again,
damaged files, duplicate files."""
from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from core.template import CellKey
from tests.ui.conftest import sample
from ui import journal
from ui.icons import STATUSES, status_icon
from ui.main_window import MainWindow
from ui.report_list import BadgeRole

NEW_NATURAL = CellKey("applications", "本年新收", 0)
GLYPHS = re.compile("[✔✖⚠⛔ℹ✓✗]")


def fresh(qtbot, settings) -> MainWindow:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_recovery_works_from_another_folder(window, samples, qtbot, settings, dialogs, tmp_path, monkeypatch):
    seen, answers = dialogs
    monkeypatch.chdir(samples)
    names = sorted(p.name for p in samples.glob("*.txt"))
    window.open_paths(names, wait=True)  # relative paths, as typed on a command line
    assert all(os.path.isabs(p) for p in window.entries)
    window.select_report(str(samples / names[2]))
    window.models["applications"].setData(window.models["applications"].index_of(NEW_NATURAL), "50")
    assert all(os.path.isabs(p) for p in settings.recent_files)
    data = journal.read()
    assert data["current"] == str(samples / names[2]) and all(os.path.isabs(p) for p in data["open"])
    other_folder = tmp_path / "elsewhere"
    other_folder.mkdir()
    monkeypatch.chdir(other_folder)  # the app "crashes" and is started again from another folder
    again = fresh(qtbot, settings)
    answers.append(QMessageBox.StandardButton.Yes)
    again.offer_recovery()
    qtbot.waitUntil(lambda: len(again.entries) == len(names) and not again._tasks, timeout=20000)
    assert seen[-1][0] == "question" and "5 份报告" in seen[-1][1]
    assert again.current_path == str(samples / names[2])  # the report that was current
    assert again.models["applications"].index_of(NEW_NATURAL).data() == "50"
    assert journal.read() is not None  # kept: the recovered session is the current one now


def test_status_marks_are_drawn_icons(window, samples):
    for name in STATUSES:
        icon = status_icon(name)
        assert not icon.isNull() and not icon.pixmap(16, 16).isNull(), name
        image = icon.pixmap(16, 16).toImage()
        assert len({image.pixel(x, y) for x in range(16) for y in range(16)}) > 3, name  # drawn, not blank
    (samples / "broken.pdf").write_bytes(os.urandom(3000))
    window.open_paths([str(samples)], wait=True)
    badges = [window.list_model.item(r, 0).data(BadgeRole) for r in range(window.list_model.rowCount())]
    assert {name for badge in badges for name, _ in badge} >= {"ok", "error", "warning", "unreadable"}
    texts = [window.list_model.item(r, c).text() for r in range(window.list_model.rowCount()) for c in range(4)]
    texts += [window.outline.item(i).text() for i in range(window.outline.count())]
    texts += [window.findings.tree.topLevelItem(i).text(c) for i in range(window.findings.tree.topLevelItemCount())
              for c in range(4)]
    assert not [t for t in texts if GLYPHS.search(t)]
    assert all(not window.outline.item(i).icon().isNull() for i in range(window.outline.count()))


def test_no_banner_before_a_report_is_open(window):
    assert all(page.banner.isHidden() for page in window.pages.values())
    assert not [w for w in window.findChildren(QLabel) if w.isVisible() and not w.text() and w.styleSheet()]


def test_the_list_shows_agency_year_and_file(window, samples):
    for i in range(12):  # one agency, many years: only 年度 and 文件 tell them apart
        (samples / f"兴义_{2012 + i}.txt").write_text(
            Path(sample(samples, "002")).read_text(encoding="utf-8").replace("2024", str(2012 + i)), encoding="utf-8")
    window.open_paths([str(samples)], wait=True)
    view = window.list_view
    QApplication.processEvents()
    fm = QFontMetrics(view.font())
    header = view.horizontalHeader()
    assert header.sectionPosition(3) + header.sectionSize(3) <= view.viewport().width() + 1  # all four visible
    for row in range(window.list_filter.rowCount()):
        for col in (2, 3):
            text = window.list_filter.index(row, col).data()
            assert fm.horizontalAdvance(text) + 6 <= header.sectionSize(col) or col == 3 and len(text) > 20, text
    assert header.sectionSize(1) >= fm.horizontalAdvance("兴义市人民政府办")  # 8 characters of the agency


def test_the_list_keeps_its_order_and_selection_after_an_edit(window, samples):
    window.open_paths([str(samples)], wait=True)
    window.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # worst first
    order = [window.list_filter.index(r, 3).data() for r in range(window.list_filter.rowCount())]
    path = sample(samples, "002")
    window.select_report(path)
    row = window.list_view.currentIndex().row()
    model = window.models["applications"]
    model.setData(model.index_of(NEW_NATURAL), "51")  # unchanged: no-op
    for value in ("50", "200", "51"):  # errors come and go, the status changes
        model.setData(model.index_of(NEW_NATURAL), value)
        assert [window.list_filter.index(r, 3).data() for r in range(window.list_filter.rowCount())] == order
        assert window.list_view.currentIndex().row() == row and window.current_path == path
    window.list_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # sorting again is the auditor's choice
    assert window.current_path == path


def test_a_changed_verdict_needs_confirming_again(window, samples):
    path = sample(samples, "002")
    window.open_paths([path], wait=True)
    window.select_report(path)
    model = window.models["applications"]
    model.setData(model.index_of(NEW_NATURAL), "52")
    b01 = next(f for f in window.current.findings if f.rule == "B01")
    window.request_verdict(b01.key, "确认", "差 1 件")
    row = next(i for i in range(window.findings.tree.topLevelItemCount())
               if window.findings.tree.topLevelItem(i).text(1) == "B01")
    assert window.findings.tree.topLevelItem(row).text(3) == "确认：差 1 件"
    model.setData(model.index_of(NEW_NATURAL), "53")
    item = window.findings.tree.topLevelItem(row)
    assert item.text(3) == "确认：差 1 件（需重新确认）" and not item.icon(3).isNull()
    assert b01.message in item.toolTip(3)
    assert window.current.verdicts[b01.key].verdict == "确认"  # kept, not deleted
    window.request_verdict(b01.key, "确认", "差 2 件")
    assert window.findings.tree.topLevelItem(row).text(3) == "确认：差 2 件"
    window.undo_action.trigger()
    assert "需重新确认" in window.findings.tree.topLevelItem(row).text(3)


def test_a_damaged_file_shows_its_reason(window, samples):
    (samples / "损坏.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (samples / "empty.html").write_bytes(b"<!DOCTYPE html><!-- nothing -->")
    window.open_paths([str(samples)], wait=True)
    docx = window.entries[str(samples / "损坏.docx")]
    assert docx.error == "Word 文件已损坏：压缩包不完整或无法解压（可能下载中断）"
    window.select_report(docx.path)
    assert docx.error in window.source.toPlainText() and docx.path in window.source.toPlainText()
    row = window.list_model.row_of(docx.path)
    assert docx.error in window.list_model.item(row, 0).toolTip()
    assert "网页中没有可读的文字" in window.entries[str(samples / "empty.html")].error


def test_duplicate_files_are_noted_in_the_window(window, samples):
    original = Path(sample(samples, "002"))
    for name in ("copy-a.txt", "copy-b.txt"):
        (samples / name).write_bytes(original.read_bytes())
    window.open_paths([str(samples)], wait=True)
    for path in (str(original), str(samples / "copy-a.txt"), str(samples / "copy-b.txt")):
        x08 = [f for f in window.entries[path].review.findings if f.rule == "X08"]
        assert len(x08) == 1 and "其他 2 个文件" in x08[0].message
    window.select_report(str(samples / "copy-a.txt"))
    messages = [window.findings.tree.topLevelItem(i).text(2) for i in range(window.findings.tree.topLevelItemCount())]
    assert any(original.name in m and "copy-b.txt" in m for m in messages)
