"""The tables as the printed form: header groups spanning their columns, group labels spanning their
rows, table C one row of 15, labels wrapped with the full text in the tooltip, rows as tall as their
text, no empty area under a table, the header band kept in place while scrolling, and the keyboard
moving between value cells only."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication

from core.export.form_grid import form_layout
from core.template import TABLES, CellKey
from tests.ui.conftest import sample
from ui.form_view import text_area, text_height
from ui.table_model import KeyRole

B = "applications"


def open_002(window, samples):
    path = sample(samples, "002")
    window.open_paths([path], wait=True)
    window.select_report(path)


def block(table: str, text: str):
    return next(b for b in form_layout(table).blocks if b.text == text)


def test_the_layouts_are_the_printed_form():
    b = form_layout(B)
    assert b.header_rows == 3 and b.label_cols == 3 and b.shape == (28, 10)
    applicants, legal = block(B, "申请人情况"), block(B, "法人或其他组织")
    assert (applicants.row, applicants.col, applicants.rows, applicants.cols) == (0, 3, 1, 7)
    assert (legal.row, legal.col, legal.rows, legal.cols) == (1, 4, 1, 5)
    for name in ("自然人", "总计"):
        assert (block(B, name).row, block(B, name).rows) == (1, 2)  # under 申请人情况, down to the leaves
    assert [x.text for x in b.blocks if x.header and x.row == 2] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                                                     "其他"]
    results = block(B, "三、本年度办理结果")
    assert (results.col, results.rows) == (0, 22)  # （一）（二）, 19 items of （三）–（六）, （七）总计
    assert (block(B, "（三）不予公开").col, block(B, "（三）不予公开").rows) == (1, 8)
    assert block(B, "一、本年新收政府信息公开申请数量").cols == 3 and block(B, "（一）予以公开").cols == 2

    c = form_layout("review_litigation")
    assert c.shape == (4, 15) and c.header_rows == 3 and c.label_cols == 0
    assert [x.key.col for x in c.blocks if x.key] == list(range(15)) and {x.row for x in c.blocks if x.key} == {3}
    review = block("review_litigation", "行政复议")
    assert (review.rows, review.cols) == (2, 5) and block("review_litigation", "行政诉讼").cols == 10
    assert block("review_litigation", "未经复议直接起诉").col == 5 and block("review_litigation", "复议后起诉").col == 10

    a = form_layout("active")
    bands = [x for x in a.blocks if x.header and x.cols == 4]
    assert [x.text for x in bands] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert sum(1 for x in a.blocks if x.text == "信息内容") == 4
    for layout in (a, b, c):  # every position covered exactly once
        covered = [(r, col) for x in layout.blocks for r in range(x.row, x.row + x.rows)
                   for col in range(x.col, x.col + x.cols)]
        assert sorted(covered) == [(r, col) for r in range(layout.shape[0]) for col in range(layout.shape[1])]
        assert {x.key for x in layout.blocks if x.key} == {k for k in layout.positions}
        assert len(layout.positions) == TABLES[layout.table].cell_count


def test_the_view_spans_wraps_and_sizes_like_the_form(window, samples):
    open_002(window, samples)
    for t, page in window.pages.items():
        window.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        QAbstractItemModelTester(window.models[t], QAbstractItemModelTester.FailureReportingMode.Fatal)
        view = page.view
        layout = form_layout(t)
        for b in layout.blocks:
            assert (view.rowSpan(b.row, b.col), view.columnSpan(b.row, b.col)) == (b.rows, b.cols), (t, b)
            if b.key is not None:
                continue
            index = window.models[t].index(b.row, b.col)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == b.text  # the full label
            assert not index.flags() & Qt.ItemFlag.ItemIsSelectable
            width = text_area(sum(view.columnWidth(c) for c in range(b.col, b.col + b.cols)))
            height = sum(view.rowHeight(r) for r in range(b.row, b.row + b.rows))
            font = index.data(Qt.ItemDataRole.FontRole) or view.font()
            need = text_height(b.text, QFontMetrics(font), width)
            assert need <= height, (t, b.text, need, height)  # wrapped, never cut
        total = sum(view.rowHeight(r) for r in range(layout.shape[0]))
        assert view.sizeHint().height() >= total and view.maximumHeight() >= view.height()
        assert sum(view.columnWidth(c) for c in range(layout.shape[1])) <= view.viewport().width() + 1
        assert view.height() <= total + 2 * view.frameWidth() + view.horizontalScrollBar().height() + 1  # no dead space
    window.tabs.setCurrentWidget(window.pages["review_litigation"])
    c_height = window.tables_box.maximumHeight()
    window.tabs.setCurrentWidget(window.pages[B])
    assert c_height < window.tables_box.maximumHeight()  # table C leaves the room to the findings


def test_the_header_band_stays_while_rows_scroll(window, samples):
    open_002(window, samples)
    view = window.pages[B].view
    window.tabs.setCurrentWidget(window.pages[B])
    view.resize(view.width(), 320)  # shorter than the table
    last = window.models[B].index_of(CellKey(B, "结转下年度", 6))
    view.scrollTo(last)
    assert view.verticalScrollBar().value() > 0
    assert view.band.isVisible() and view.band.geometry().height() == view.band_height() > 0
    assert view.visualRect(last).top() >= view.band_height()  # the cell is not under the band
    assert view.band.verticalScrollBar().value() == 0  # the band still shows the header rows
    first = window.models[B].index_of(CellKey(B, "本年新收", 0))
    view.scrollTo(first)
    assert view.visualRect(first).top() >= view.band_height()


def test_the_keyboard_moves_between_value_cells_and_edits(window, samples):
    open_002(window, samples)
    page = window.pages[B]
    window.tabs.setCurrentWidget(page)
    view = page.view
    model = window.models[B]
    view.setCurrentIndex(model.index_of(CellKey(B, "本年新收", 0)))
    view.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
        QTest.keyClick(view, key)
        assert view.currentIndex().data(KeyRole) == CellKey(B, "本年新收", 0)  # not into the labels or headers
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().data(KeyRole) == CellKey(B, "上年结转", 0)
    view.setCurrentIndex(model.index_of(CellKey(B, "本年新收", 6)))
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().data(KeyRole) == CellKey(B, "上年结转", 0)  # Tab wraps past the row labels
    QTest.keyClicks(view, "7")
    editor = QApplication.focusWidget()
    assert editor.text() == "7"
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.current.cell(CellKey(B, "上年结转", 0)).value == 7
    assert model.index_of(CellKey(B, "上年结转", 0)).data(Qt.ItemDataRole.FontRole).bold()
    a = window.pages["active"]
    window.tabs.setCurrentWidget(a)
    a.view.setCurrentIndex(window.models["active"].index_of(CellKey("active", "行政规范性文件", 2)))
    a.view.setFocus()
    QTest.keyClick(a.view, Qt.Key.Key_Tab)
    assert a.view.currentIndex().data(KeyRole) == CellKey("active", "行政许可", 0)  # over the next block's band
