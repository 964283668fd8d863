"""A table laid out like the printed form (``core.export.form_grid``, as printed), filled and painted
from the same cell statuses the window uses. On paper colours may not survive and comments do not print,
so a cell named by a finding also carries the finding's 序号 ("51 [3]") and a corrected cell says so
("50 改"), through its number format: the value stays a number. A table the report lacks prints a banner.
Returns where each cell went, for formulas and links."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname

from core.export.cell_status import cell_statuses
from core.export.form_grid import FormGrid, form_grid
from core.export.workbook.styles import Sheet, line_count, line_height
from core.model import CellKind
from core.review import Review
from core.template import B_RESULTS_GROUP, SECTIONS, TABLES, CellKey

VALUE_WIDTH = {"active": 16, "applications": 11, "review_litigation": 9}
LABEL_WIDTHS = {"active": (15, 40), "applications": (6, 10, 40), "review_litigation": ()}
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


def _levels(grid: FormGrid) -> list[tuple[str, str]]:
    """(group, sub-group) of each row: table B's 三、本年度办理结果 holds （三）不予公开 and the like."""
    out = []
    for g in grid.row_groups:
        if g.startswith(B_RESULTS_GROUP) and g != B_RESULTS_GROUP:
            out.append((B_RESULTS_GROUP, g.removeprefix(B_RESULTS_GROUP)))
        else:
            out.append((g, ""))
    return out


def _runs(values: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) index of each run of equal non-empty values."""
    runs, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if values[start]:
                runs.append((start, i - 1))
            start = i
    return runs


def write_form_sheet(sheet: Sheet, review: Review, table: str, label: str,
                     numbers: Mapping[CellKey, Sequence[int]]) -> dict[CellKey, str]:
    grid = form_grid(table, as_printed=True)
    spec = TABLES[table]
    nrows, ncols = grid.shape
    label_cols = len(LABEL_WIDTHS[table])
    first_value = label_cols + 1
    last_col = label_cols + ncols
    sheet.put(1, 1, f"表{spec.letter} {spec.title}" + (f"　{label}" if label else ""), "title", across=last_col)
    sheet.put(2, 1, LEGEND, "note", across=last_col)
    row = 3
    if review.report.tables.get(table) is None:
        part = SECTIONS[spec.section - 1].heading
        why = "该部分有标题，但未附表格" if spec.section in review.report.sections else "报告缺少该部分"
        sheet.put(row, 1, f"报告未附本表（{part}：{why}）", "banner", across=last_col)
        row += 1
    header_top = row
    header_rows = _header(sheet, grid, header_top, label_cols)
    first_data = header_top + header_rows

    statuses = cell_statuses(review, [k for r in grid.cells for k in r if k])
    levels = _levels(grid)
    has_sub = label_cols == 3
    # a group label merged over several rows spreads its lines over them: it sets no row's height
    merged_groups = {i for a, b in _runs([g for g, _ in levels]) if b > a for i in range(a, b + 1)}
    merged_subs = {i for a, b in _runs([s for _, s in levels]) if b > a for i in range(a, b + 1)}
    addresses: dict[CellKey, str] = {}
    quoted = quote_sheetname(sheet.title)
    for r in range(nrows):
        xr = first_data + r
        group, sub = levels[r]
        if label_cols:
            label = grid.row_labels[r]
            if not group:
                sheet.put(xr, 1, label, "body", across=label_cols)
            else:
                sheet.put(xr, 1, group, "group" if r in merged_groups else "body", fit=r not in merged_groups)
                if not has_sub:
                    sheet.put(xr, 2, label, "body")
                elif sub:
                    sheet.put(xr, 2, sub, "group" if r in merged_subs else "body", fit=r not in merged_subs)
                    sheet.put(xr, 3, label, "body")
                else:
                    sheet.put(xr, 2, label, "body", across=2)
        span = grid.span_of(r)
        for c, key in enumerate(grid.cells[r]):
            col = first_value + c
            if key is None:
                continue
            st = statuses[key]
            value = review.cell(key)
            found = numbers.get(key, ())
            variant = {}
            if st.colour_role:
                variant["fill"] = st.colour_role
            if st.corrected:
                variant.update(bold=True, italic=True)
            base = "0"
            if value.is_number and spec.row(key.row).decimal:
                places = len(value.raw.partition(".")[2]) if "." in value.raw else 0
                base = "0." + "0" * places if places else "0"
            mark = marker(found, st.corrected)
            cell = sheet.put(xr, col, value.value if value.is_number else (st.text or None), "number",
                             across=span, number_format=marked_format(base, mark) if mark else
                             (base if base != "0" else None), **variant)
            notes = list(st.notes)
            if st.corrected:
                c_ = review.corrections[key]
                notes.insert(0, f"原值 {st.original} → {c_.value}（{c_.time}{'，' + c_.reason if c_.reason else ''}）")
            elif st.kind is CellKind.MISSING and review.report.tables.get(table) is not None:
                notes.insert(0, "报告中未读到此数值")
            if notes:
                cell.comment = Comment("\n".join(notes), "年报审阅", width=320, height=40 + 18 * len(notes))
            addresses[key] = f"{quoted}!${get_column_letter(col)}${xr}"
    if label_cols:
        _merge_labels(sheet, levels, first_data, has_sub)
    sheet.ws.freeze_panes = sheet.ws.cell(first_data, first_value)
    sheet.finish()
    return addresses


def _header(sheet: Sheet, grid: FormGrid, top: int, label_cols: int) -> int:
    """The form's column headings: groups above their columns, nested as the form nests them; returns the
    number of header rows."""
    groups = grid.column_groups
    level = {g: sum(1 for o in groups if o is not g and o[1] <= g[1] and g[2] <= o[2]) for g in groups}
    rows = (max(level.values()) + 2) if groups else 1
    bottom = top + rows - 1
    first_value = label_cols + 1
    if label_cols:
        sheet.put(top, 1, "项目", "header", across=label_cols)
        sheet.merge(top, 1, bottom, label_cols, "header")
    for g in groups:
        label, a, b = g
        r = top + level[g]
        sheet.put(r, first_value + a, label, "header", across=b - a + 1)
    for c, label in enumerate(grid.column_labels):
        depth = max((level[g] + 1 for g in groups if g[1] <= c <= g[2]), default=0)
        col = first_value + c
        spans = bottom - top - depth + 1
        sheet.put(top + depth, col, label, "header", fit=spans == 1)
        if spans > 1:
            sheet.merge(top + depth, col, bottom, col, "header")
            share = line_count(label, sheet.widths.get(col, 9)) * line_height(9) / spans
            for r in range(top + depth, bottom + 1):
                sheet.grow(r, share)
    sheet.ws.print_title_rows = f"{top}:{bottom}"
    return rows


def _merge_labels(sheet: Sheet, levels: list[tuple[str, str]], first: int, has_sub: bool) -> None:
    for a, b in _runs([g for g, _ in levels]):
        if b > a:
            sheet.merge(first + a, 1, first + b, 1, "group")
    if has_sub:
        for a, b in _runs([s for _, s in levels]):
            if b > a:
                sheet.merge(first + a, 2, first + b, 2, "group")
