"""The fast writer (``core.export.workbook.writer``) writes every sheet and the style sheet as openpyxl's own
writer does: each sheet of the batch's workbooks and of its 汇总, byte for byte, but the cells
(``<sheetData>``, which openpyxl would write through its row and column dimension objects, not made here)."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import Workbook
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.utils import get_column_letter
from openpyxl.workbook._writer import WorkbookWriter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.functions import tostring

import core.export.summary as summary
from core.export.workbook import build_workbook, writer
from core.export.workbook.styles import COLUMN_WIDTHS
from tests.workbook.conftest import Batch

_CELLS = re.compile(rb"<sheetData>.*</sheetData>|<sheetData/>", re.S)


def _openpyxl_xml(ws) -> bytes:
    for col, width in getattr(ws, COLUMN_WIDTHS).items():
        ws.column_dimensions[get_column_letter(col)].width = width
    out = io.BytesIO()
    w = WorksheetWriter(ws, out)
    w.write()
    return out.getvalue()


def _assert_same_sheets(wb) -> None:
    dxf_ids: dict = {}  # one per workbook, as the writer keeps it
    for ws in wb.worksheets:
        ours = writer._SheetXml(ws, dxf_ids).write()
        comments = len(ws._comments)
        theirs = _openpyxl_xml(ws)
        assert len(ws._comments) == comments
        assert _CELLS.sub(b"", ours) == _CELLS.sub(b"", theirs), ws.title
    assert writer._stylesheet(wb) == tostring(write_stylesheet(wb))  # the cells' styles are known by now
    _assert_same_workbook_part(wb)


def _assert_same_workbook_part(wb) -> None:
    book, rels = writer._workbook_xml(wb)
    theirs = WorkbookWriter(wb)
    assert book == theirs.write()
    assert rels == theirs.write_rels()
    assert writer._root_rels() == theirs.write_root_rels()


def test_workbook_sheets_as_openpyxl_writes_them(batch: Batch) -> None:
    for wb in batch.result.workbooks:
        _assert_same_sheets(build_workbook(batch.reviews_in(wb), "张审计"))


def test_summary_sheets_as_openpyxl_writes_them(batch: Batch, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    books = []
    monkeypatch.setattr(summary, "save_atomically", lambda wb, path: books.append(wb))
    summary.write_summary(batch.result.workbooks, batch.result.unreadable, tmp_path / "汇总.xlsx", "张审计")
    assert len(books) == 1
    _assert_same_sheets(books[0])


def test_default_stylesheet_as_openpyxl_writes_it() -> None:
    wb = Workbook()
    assert writer._stylesheet(wb) == tostring(write_stylesheet(wb))


def test_workbook_part_as_openpyxl_writes_it() -> None:
    """A workbook without defined names, and one with every name this writer writes."""
    wb = Workbook()
    _assert_same_workbook_part(wb)
    second = wb.create_sheet("A&B 'x'")
    second.print_area = "A1:C9"
    second.print_title_rows = "1:2"
    second.auto_filter.ref = "A2:C9"
    wb.active = 1
    _assert_same_workbook_part(wb)


def test_memo_tells_states_apart() -> None:
    """Two page set-ups that differ in one attribute are not taken for one another."""
    from openpyxl.worksheet.page import PrintPageSetup

    a, b = PrintPageSetup(orientation="landscape"), PrintPageSetup(orientation="portrait")
    assert writer._memo_xml(a) != writer._memo_xml(b)
    assert writer._memo_xml(PrintPageSetup()) == b""  # an empty one is not written, as openpyxl skips it


def test_header_footer_items_packed_as_openpyxl_packs_them() -> None:
    """Every combination of parts, fonts, sizes, colours, page codes and control characters."""
    import itertools
    import random

    from openpyxl.worksheet.header_footer import HeaderFooterItem

    rng = random.Random(7)
    texts = [None, "", "被审阅单位：A&&B", "第 &[Page] 页 共 &[Pages] 页", "x\x01<y>&[Tab]", "&P/&N"]
    for _ in range(300):
        item = HeaderFooterItem()
        for part in (item.left, item.center, item.right):
            part.text = rng.choice(texts)
            part.font, part.size, part.color = rng.choice([None, "宋体,Bold"]), rng.choice([None, 9]), \
                rng.choice([None, "FF0000"])
        assert writer._packed(item) == str(item)
    for parts in itertools.product(texts[:3], repeat=3):
        item = HeaderFooterItem()
        item.left.text, item.center.text, item.right.text = parts
        assert writer._packed(item) == str(item)


def test_cells_made_as_openpyxl_makes_them() -> None:
    """``styles._cell`` sets every slot ``Cell(ws, row, col)`` sets, to the same values, and shares the array."""
    from openpyxl.cell.cell import Cell
    from openpyxl.styles.cell_style import StyleArray

    from core.export.workbook.styles import _cell

    ws = Workbook().active
    array = StyleArray([1, 2, 3, 0, 0, 0, 0, 0, 0])
    ours, theirs = _cell(ws, 3, 4, array), Cell(ws, 3, 4)
    slots = [s for k in Cell.__mro__ for s in getattr(k, "__slots__", ())]
    assert {s for s in slots if s != "_style"} == {"row", "column", "_value", "data_type", "parent", "_hyperlink",
                                                   "_comment"}
    for s in slots:
        if s != "_style":
            assert getattr(ours, s) == getattr(theirs, s), s
    assert ours._style is array and theirs._style is None
