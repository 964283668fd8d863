"""A table laid out like the printed form (from ``core.export.form_grid``), filled and annotated from the
same cell statuses the window paints with. Returns where each cell went, for formulas and links."""
from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from core.export.cell_status import cell_statuses
from core.export.form_grid import form_grid
from core.export.workbook.styles import (
    BODY,
    BOLD,
    BOX,
    CENTER,
    HEADER_FILL,
    RIGHT,
    TITLE,
    WRAP,
    fill,
    landscape,
    set_widths,
    text_width,
)
from core.model import CellKind
from core.review import Review
from core.template import TABLES, CellKey

FIRST_VALUE_COL = 3  # A: group, B: row label, values from C
LABEL_WIDTH = {True: 46, False: 34}  # table B's labels are long
GROUP_MAX_WIDTH = 24  # longer group labels (table B) wrap inside their merged cells


def write_form_sheet(ws: Worksheet, review: Review, table: str, heading: str) -> dict[CellKey, str]:
    grid = form_grid(table)
    spec = TABLES[table]
    nrows, ncols = grid.shape
    last_col = FIRST_VALUE_COL + ncols - 1
    ws.cell(1, 1, f"表{spec.letter} {spec.title}").font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.cell(2, 1, heading).font = BODY
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    header_top, header_row = 3, 4
    for col, label in enumerate(("", "项目"), start=1):
        ws.cell(header_top, col, label)
        ws.merge_cells(start_row=header_top, start_column=col, end_row=header_row, end_column=col)
    for label, first, last in grid.column_groups:
        if last - first >= ncols - 1:
            continue  # a group over all columns (申请人情况) adds nothing in a sheet titled with the table
        ws.cell(header_top, FIRST_VALUE_COL + first, label)
        ws.merge_cells(start_row=header_top, start_column=FIRST_VALUE_COL + first, end_row=header_top,
                       end_column=FIRST_VALUE_COL + last)
    for c, label in enumerate(grid.column_labels):
        ws.cell(header_row, FIRST_VALUE_COL + c, label)
        grouped = any(a <= c <= b and b - a < ncols - 1 for _, a, b in grid.column_groups)
        if not grouped:
            ws.merge_cells(start_row=header_top, start_column=FIRST_VALUE_COL + c, end_row=header_row,
                           end_column=FIRST_VALUE_COL + c)
            ws.cell(header_top, FIRST_VALUE_COL + c, label)
    for r in range(header_top, header_row + 1):
        for c in range(1, last_col + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTER

    statuses = cell_statuses(review, [k for row in grid.cells for k in row if k])
    addresses: dict[CellKey, str] = {}
    first_data = header_row + 1
    group_col_width = min(GROUP_MAX_WIDTH, max(4, max((text_width(g) for g in grid.row_groups), default=0) + 2))
    label_width = LABEL_WIDTH[table == "applications"]
    for r in range(nrows):
        xr = first_data + r
        ws.cell(xr, 1, grid.row_groups[r])
        ws.cell(xr, 2, grid.row_labels[r])
        for c in (1, 2):
            cell = ws.cell(xr, c)
            cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
        lines = _lines(grid.row_labels[r], label_width)
        if not _in_merged_group(grid.row_groups, r):  # a merged group's text spreads over its rows
            lines = max(lines, _lines(grid.row_groups[r], group_col_width))
        ws.row_dimensions[xr].height = max(15, 14 * lines)
        span = grid.span_of(r)
        for c, key in enumerate(grid.cells[r]):
            cell = ws.cell(xr, FIRST_VALUE_COL + c)
            cell.border, cell.font, cell.alignment = BOX, BODY, RIGHT
            if key is None:
                continue
            st = statuses[key]
            value = review.cell(key)
            cell.value = value.value if value.is_number else (st.text or None)
            if value.is_number and TABLES[table].row(key.row).decimal:
                places = len(value.raw.partition(".")[2]) if "." in value.raw else 0
                cell.number_format = "0." + "0" * places if places else "0"
            if st.colour_role:
                cell.fill = fill(st.colour_role)
            notes = list(st.notes)
            if st.corrected:
                c_ = review.corrections[key]
                notes.insert(0, f"原值 {st.original} → {c_.value}（{c_.time}{'，' + c_.reason if c_.reason else ''}）")
            elif st.kind is CellKind.MISSING:
                notes.insert(0, "报告中未读到此数值")
            if notes:
                cell.comment = Comment("\n".join(notes), "年报审阅", width=320, height=40 + 18 * len(notes))
            addresses[key] = f"{quote_sheetname(ws.title)}!${get_column_letter(FIRST_VALUE_COL + c)}${xr}"
        if span > 1:
            ws.merge_cells(start_row=xr, start_column=FIRST_VALUE_COL, end_row=xr,
                           end_column=FIRST_VALUE_COL + span - 1)
    _merge_groups(ws, grid.row_groups, first_data)
    set_widths(ws, {1: group_col_width, 2: label_width,
                    **{FIRST_VALUE_COL + c: max(11, min(16, text_width(lbl) / 2 + 3))
                       for c, lbl in enumerate(grid.column_labels)}})
    ws.freeze_panes = ws.cell(first_data, FIRST_VALUE_COL)
    landscape(ws, f"{header_top}:{header_row}")
    return addresses


def _lines(text: str, width: float) -> int:
    return max(-(-int(text_width(text)) // int(width - 2)), 1)


def _in_merged_group(groups: tuple[str, ...], r: int) -> bool:
    return bool(groups[r]) and ((r > 0 and groups[r - 1] == groups[r])
                                or (r + 1 < len(groups) and groups[r + 1] == groups[r]))


def _merge_groups(ws: Worksheet, groups: tuple[str, ...], first: int) -> None:
    start = 0
    for i in range(1, len(groups) + 1):
        if i == len(groups) or groups[i] != groups[start]:
            if groups[start] and i - start > 1:
                ws.merge_cells(start_row=first + start, start_column=1, end_row=first + i - 1, end_column=1)
            start = i
