"""A table laid out as the official form prints it (``core.export.form_grid.form_layout``, the layout the
window shows too), filled and painted from the same cell statuses the window uses. On paper colours may
not survive and comments do not print, so a cell named by a finding also carries the finding's 序号
("51 [3]") and a corrected cell says so ("50 改"), through its number format: the value stays a number.
A table the report lacks prints a banner. Returns where each cell went, for formulas and links."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname

from core.export.cell_status import cell_statuses
from core.export.form_grid import Block, form_layout
from core.export.workbook.styles import Sheet, line_count, line_height
from core.model import CellKind
from core.review import Review
from core.template import SECTIONS, TABLES, CellKey

# column widths (units) of each table as printed: its label columns, then its value columns
WIDTHS = {"active": (34, 22, 22, 22), "applications": (6, 10, 40) + (11,) * 7, "review_litigation": (9,) * 15}
MAX_MARKED = 3  # finding numbers shown on one cell; more are "…"
LEGEND = ("图例：红＝检查不通过，[n]＝“检查结果”序号；黄＝人工修正，标“改”（原值见批注和“修改记录”），"
          "修正后仍不通过者为红并标“改”；浅黄＝空白或占位符；灰＝未读到。")


def marker(numbers: Sequence[int], corrected: bool) -> str:
    shown = ",".join(map(str, numbers[:MAX_MARKED])) + ("…" if len(numbers) > MAX_MARKED else "")
    return ("改" if corrected else "") + (f"[{shown}]" if numbers else "")


def marked_format(base: str, mark: str) -> str:
    """A number format that prints ``mark`` after the value, for numbers and text alike."""
    tail = f'" {mark}"'
    return f"{base}{tail};-{base}{tail};{base}{tail};@{tail}"


def write_form_sheet(sheet: Sheet, review: Review, table: str, label: str,
                     numbers: Mapping[CellKey, Sequence[int]]) -> dict[CellKey, str]:
    layout = form_layout(table)
    spec = TABLES[table]
    last_col = layout.shape[1]
    sheet.put(1, 1, f"表{spec.letter} {spec.title}" + (f"　{label}" if label else ""), "title", across=last_col)
    sheet.put(2, 1, LEGEND, "note", across=last_col)
    top = 3
    if review.report.tables.get(table) is None:
        part = SECTIONS[spec.section - 1].heading
        why = "该部分有标题，但未附表格" if spec.section in review.report.sections else "报告缺少该部分"
        sheet.put(top, 1, f"报告未附本表（{part}：{why}）", "banner", across=last_col)
        top += 1
    statuses = cell_statuses(review, list(layout.positions))
    addresses: dict[CellKey, str] = {}
    quoted = quote_sheetname(sheet.title)
    for b in layout.blocks:
        row, col = top + b.row, 1 + b.col
        if b.key is None:
            _label(sheet, b, row, col)
            continue
        key = b.key
        st = statuses[key]
        value = review.cell(key)
        variant = {}
        if st.colour_role:
            variant["fill"] = st.colour_role
        if st.corrected:
            variant.update(bold=True, italic=True)
        base = "0"
        if value.is_number and spec.row(key.row).decimal:
            places = len(value.raw.partition(".")[2]) if "." in value.raw else 0
            base = "0." + "0" * places if places else "0"
        mark = marker(numbers.get(key, ()), st.corrected)
        cell = sheet.put(row, col, value.value if value.is_number else (st.text or None), "number", across=b.cols,
                         number_format=marked_format(base, mark) if mark else (base if base != "0" else None),
                         **variant)
        notes = list(st.notes)
        if st.corrected:
            c_ = review.corrections[key]
            notes.insert(0, f"原值 {st.original} → {c_.value}（{c_.time}{'，' + c_.reason if c_.reason else ''}）")
        elif st.kind is CellKind.MISSING and review.report.tables.get(table) is not None:
            notes.insert(0, "报告中未读到此数值")
        if notes:
            cell.comment = Comment("\n".join(notes), "年报审阅", width=320, height=40 + 18 * len(notes))
        addresses[key] = f"{quoted}!${get_column_letter(col)}${row}"
    if layout.header_rows:
        sheet.ws.print_title_rows = f"{top}:{top + layout.header_rows - 1}"
    sheet.ws.freeze_panes = sheet.ws.cell(top + layout.header_rows, layout.label_cols + 1)
    sheet.finish()
    return addresses


def _label(sheet: Sheet, b: Block, row: int, col: int) -> None:
    """A header or a row label, merged over the rows and columns the form gives it. Text spread over
    several rows sets no single row's height: each row takes its share."""
    look = "header" if b.header else ("group" if b.rows > 1 else "body")
    sheet.put(row, col, b.text or None, look, across=b.cols, fit=b.rows == 1)
    if b.rows > 1:
        sheet.merge(row, col, row + b.rows - 1, col + b.cols - 1, look)
        if b.header:
            width = sum(sheet.widths.get(c, 9) for c in range(col, col + b.cols))
            share = line_count(b.text, width) * line_height(9) / b.rows
            for r in range(row, row + b.rows):
                sheet.grow(r, share)
