"""The reviewer window driven as an auditor would: open, read, correct, judge, undo, reopen."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from core.export import style
from core.template import TABLE_IDS, CellKey
from tests.ui.conftest import sample
from ui.main_window import MainWindow
from ui.report_list import BadgeRole
from ui.source_view import OffsetMap, display_text

NEW_NATURAL = CellKey("applications", "本年新收", 0)


def open_one(window: MainWindow, path: str) -> None:
    window.open_paths([path], wait=True)
    window.select_report(path)


def cell(window: MainWindow, key: CellKey):
    return window.models[key.table].index_of(key)


def background(window: MainWindow, key: CellKey) -> str | None:
    brush = cell(window, key).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color().name().upper() if brush is not None else None


def test_sample_002_shows_its_tables(window, samples):
    open_one(window, sample(samples, "002"))
    for t in TABLE_IDS:
        QAbstractItemModelTester(window.models[t], QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert cell(window, NEW_NATURAL).data() == "51"
    assert cell(window, CellKey("applications", "总计", 6)).data() == "49"
    assert cell(window, CellKey("review_litigation", "", 2)).data() == "1"  # 行政复议 · 其他结果
    assert cell(window, CellKey("active", "行政规范性文件", 2)).data() == "3"
    assert "兴义市人民政府办公室" in window.windowTitle()
    assert window.source.toPlainText() == display_text(window.current.report.source.text)
    assert all(p.banner.isHidden() for p in window.pages.values())
    assert window.findings.tree.topLevelItemCount() == len(window.current.findings)


def test_correction_breaks_and_restores_balance(window, samples, qtbot):
    open_one(window, sample(samples, "002"))
    model = window.models["applications"]
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column())))
    assert model.setData(cell(window, NEW_NATURAL), "50")
    assert background(window, NEW_NATURAL) == QColor(style.ERROR).name().upper()
    assert any(f.rule == "B01" and NEW_NATURAL in f.cells for f in window.current.findings)
    assert "原值 51" in cell(window, NEW_NATURAL).data(Qt.ItemDataRole.ToolTipRole)
    assert window.isWindowModified()
    assert 0 < len(changed) < 30  # only the cells whose look changed, not a reset of 175
    window.undo_action.trigger()
    assert cell(window, NEW_NATURAL).data() == "51" and background(window, NEW_NATURAL) is None
    assert not any(f.rule == "B01" for f in window.current.findings)
    window.redo_action.trigger()
    assert cell(window, NEW_NATURAL).data() == "50"
    # fixing it by typing the parsed value again withdraws the correction
    model.setData(cell(window, NEW_NATURAL), "51")
    assert not window.current.corrections and background(window, NEW_NATURAL) is None


def test_invalid_input_is_refused_with_a_message(window, samples, dialogs):
    open_one(window, sample(samples, "002"))
    window.models["applications"].setData(cell(window, NEW_NATURAL), "-3")
    assert not window.current.corrections
    assert dialogs[0][-1][0] == "warning" and "非负整数" in dialogs[0][-1][1]
    fee = CellKey("active", "行政事业性收费", 0)
    window.models["active"].setData(cell(window, fee), "1.25")
    assert window.current.cell(fee).raw == "1.25"


def test_corrections_survive_reopening(window, samples, qtbot, settings, dialogs):
    path = sample(samples, "002")
    open_one(window, path)
    window.reason_box.setText("原文扫描错误")
    window.models["applications"].setData(cell(window, NEW_NATURAL), "50")
    sidecar = Path(path + ".review.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["corrections"][0]["value"] == "50" and data["corrections"][0]["reason"] == "原文扫描错误"
    # a new window (as after a crash) restores it and says so
    other = MainWindow(settings)
    qtbot.addWidget(other)
    open_one(other, path)
    assert other.current.restored and cell(other, NEW_NATURAL).data() == "50"
    assert "已恢复" in other.statusBar().currentMessage() and "已恢复" in other.status_label.text()


def test_folder_with_a_broken_file(window, samples):
    (samples / "broken.txt").write_bytes(bytes(range(256)) * 20)
    window.open_paths([str(samples)], wait=True)
    assert len(window.entries) == 6
    broken = window.entries[str(samples / "broken.txt")]
    assert broken.review is None and "二进制" in broken.error
    row = window.list_model.row_of(broken.path)
    badge = window.list_model.item(row, 0)
    assert badge.data(BadgeRole) == [("unreadable", None)] and "无法读取" in badge.toolTip()
    window.select_report(broken.path)
    assert "二进制" in window.source.toPlainText()
    window.filter_combo.setCurrentIndex(window.filter_combo.findData("unreadable"))
    assert window.list_filter.rowCount() == 1


def test_clicking_a_cell_and_a_finding_shows_the_source(window, samples):
    open_one(window, sample(samples, "002"))
    report = window.current.report
    window._cell_clicked(cell(window, NEW_NATURAL))
    start, end = report.cell(NEW_NATURAL).span
    assert window.source.cursor_index() == start
    assert report.source.text[start:end] == "51"
    window.models["applications"].setData(cell(window, NEW_NATURAL), "50")
    b01 = next(i for i, f in enumerate(window.current.findings) if f.rule == "B01")
    window.findings.select_row(b01)
    finding = window.current.findings[b01]
    selected = {i.data(Qt.ItemDataRole.UserRole + 1) for i in window.pages["applications"].view.selectedIndexes()}
    assert selected == set(finding.cells)
    assert window.tabs.currentWidget() is window.pages["applications"]
    first = finding.spans[0][0] if finding.spans else report.cell(finding.cells[0]).span[0]
    assert window.source.cursor_index() == first


def test_verdicts_undo_and_persist(window, samples, qtbot, settings):
    path = sample(samples, "002")
    open_one(window, path)
    finding = window.current.findings[0]
    window.request_verdict(finding.key, "确认", "已与原文核对")
    assert window.current.verdict(finding).verdict == "确认"
    assert "确认：已与原文核对" in window.findings.tree.topLevelItem(0).text(3)
    window.undo_action.trigger()
    assert window.current.verdict(finding) is None
    window.redo_action.trigger()
    other = MainWindow(settings)
    qtbot.addWidget(other)
    open_one(other, path)
    assert other.current.verdict(finding).comment == "已与原文核对"


def test_missing_tables_have_a_banner_and_can_be_filled(window, samples):
    open_one(window, sample(samples, "001"))
    page = window.pages["applications"]
    assert not page.banner.isHidden() and "未找到表B" in page.banner.text()
    states = [window.outline.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(6)]
    assert states == ["ok", "no-table", "no-table", "no-table", "ok", "ok"]
    assert "表格缺失" in window.outline.item(2).text() and not window.outline.item(2).icon().isNull()
    window.models["applications"].setData(cell(window, NEW_NATURAL), "3")
    assert window.current.report.tables["applications"] is not None
    assert cell(window, NEW_NATURAL).data() == "3"
    assert page.banner.isHidden()


def test_close_prompt(window, samples, dialogs):
    seen, answers = dialogs
    open_one(window, sample(samples, "002"))
    window.models["applications"].setData(cell(window, NEW_NATURAL), "50")
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert seen[-1][0] == "question"
    answers.append(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_recovery_journal_reopens_the_session(window, samples, qtbot, settings, dialogs):
    from ui import journal

    seen, answers = dialogs
    open_one(window, sample(samples, "002"))
    window.models["applications"].setData(cell(window, NEW_NATURAL), "50")
    data = journal.read()
    assert data and sample(samples, "002") in data["open"] and data["dirty"]
    # the app "crashes": no closeEvent. The next start offers the session back.
    other = MainWindow(settings)
    qtbot.addWidget(other)
    answers.append(QMessageBox.StandardButton.Yes)
    other.offer_recovery()
    other.pool.waitForDone()
    qtbot.waitUntil(lambda: other.current is not None)
    assert cell(other, NEW_NATURAL).data() == "50"


def test_find_and_zoom(window, samples):
    open_one(window, sample(samples, "002"))
    window.find_box.setText("结转下年度")
    assert window.find_next()
    assert window.source.textCursor().selectedText() == "结转下年度"
    before = window.source.font().pointSize()
    window._zoom(2)
    assert window.source.font().pointSize() > before


def test_offsets_outside_the_bmp():
    text = "a\U0001F600b\r\nc"
    shown = display_text(text)
    assert len(shown) == len(text)
    mapping = OffsetMap(text)
    assert [mapping(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6, 7]


def test_whole_review_path(window, samples, qtbot, settings, monkeypatch, tmp_path):
    """Open a sample, correct a cell, confirm a finding, save the workbook, reopen: all is back."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    path = sample(samples, "002")
    open_one(window, path)
    window.reason_box.setText("与纸质件核对")
    window.models["applications"].setData(cell(window, NEW_NATURAL), "50")
    b01 = next(f for f in window.current.findings if f.rule == "B01")
    window.request_verdict(b01.key, "确认", "确有差错")
    target = tmp_path / "out" / "底稿.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.isWindowModified()
    assert window.save_workbook_dialog()
    assert not window.isWindowModified()
    from core.export.workbook.findings_sheet import COLUMNS, HEADER_ROW
    from core.export.workbook.other_sheets import TRAIL_COLUMNS

    wb = load_workbook(target)
    findings = wb["检查结果"]
    row = next(r for r in range(HEADER_ROW + 1, findings.max_row + 1)
               if str(findings.cell(r, 2).value).startswith("B01") and findings.cell(r, 1).value)
    assert findings.cell(row, COLUMNS.index("审核意见") + 1).value == "确认"
    assert findings.cell(row, COLUMNS.index("说明") + 1).value.startswith("确有差错")
    assert wb["修改记录"].cell(2, TRAIL_COLUMNS.index("说明") + 1).value == "与纸质件核对"
    assert window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    open_one(again, path)
    assert cell(again, NEW_NATURAL).data() == "50"
    assert again.current.verdict(b01).verdict == "确认"


def test_export_all_runs_off_the_gui_thread(window, samples, tmp_path):
    window.open_paths([str(samples)], wait=True)
    window.export_all(str(tmp_path / "all"), wait=True)
    assert "已导出" in window.statusBar().currentMessage()
    assert (tmp_path / "all" / "汇总.xlsx").exists()
    assert len(list((tmp_path / "all").glob("*审阅底稿.xlsx"))) == 5


def test_renaming_the_agency_links_two_years(window, samples, qtbot, settings):
    later = sample(samples, "002")
    text = Path(later).read_text(encoding="utf-8").replace("2024", "2023").replace("兴义市人民政府办公室", "兴义市政府办")
    earlier = samples / "earlier.txt"
    earlier.write_text(text, encoding="utf-8")
    window.open_paths([later, str(earlier)], wait=True)
    window.select_report(str(earlier))
    window.rename_agency("兴义市人民政府办公室")
    assert window.current.report.agency == "兴义市人民政府办公室"
    later_review = window.entries[later].review
    assert any(f.rule == "X01" for f in later_review.findings)  # 2024 上年结转 1 vs 2023 结转 3
    window.undo_action.trigger()
    assert window.current.report.agency == "兴义市政府办"
    assert not any(f.rule == "X01" for f in later_review.findings)
    other = MainWindow(settings)
    qtbot.addWidget(other)
    window.redo_action.trigger()
    open_one(other, str(earlier))
    assert other.current.report.agency == "兴义市人民政府办公室"
