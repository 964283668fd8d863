"""检查结果: one row per finding, as an audit working paper has them. For cross totals the left and
right sides are live formulas over the table sheets, so an auditor who edits a number in Excel sees
the check recompute; the reviewer's verdict is a drop-down."""
from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from core.checks import RULES
from core.export.workbook.styles import (
    BODY,
    BOX,
    LINK,
    WRAP,
    fill,
    fit_row_heights,
    landscape,
    set_widths,
    write_header,
)
from core.model import Finding
from core.review import STALE, VERDICTS, Review, value_text
from core.template import CellKey, cell_label

COLUMNS = ("序号", "报告", "规则", "级别", "检查内容", "问题说明", "等式", "左边", "右边", "差额", "涉及单元格",
           "原文摘录", "自动结论", "复核结论", "复核说明", "复核状态")
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
EVIDENCE_CHARS = 120


def _side_formula(keys: tuple[CellKey, ...], addresses: dict[CellKey, str], difference: bool) -> str | None:
    if not keys or any(k not in addresses for k in keys):
        return None
    refs = [addresses[k] for k in keys]
    return "=" + ("-".join(refs) if difference else "+".join(refs))


def evidence(review: Review, f: Finding) -> str:
    text = review.report.source.text
    # a table cell's line is often just its number ("51 |"): name the cell in front of it
    of_cell = {s: cell_label(k) + "：" for k in f.cells if (s := review.parsed(k).span)}
    spans = list(f.spans) or list(of_cell)
    quotes = []
    for start, end in spans[:3]:
        prefix = of_cell.get((start, end), "")
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        line = prefix + text[lo: hi if hi >= 0 else len(text)].strip()
        quotes.append(line if len(line) <= EVIDENCE_CHARS else line[:EVIDENCE_CHARS] + "…")
    return "\n".join(dict.fromkeys(q for q in quotes if q))


def write_findings(ws: Worksheet, items: list[tuple[str, Review, dict[CellKey, str]]]) -> int:
    """``items``: (report label, review, cell addresses). Returns the number of rows written."""
    write_header(ws, COLUMNS)
    row = 1
    for label, review, addresses in items:
        for f in review.findings:
            row += 1
            eq = f.equation
            verdict = review.verdict(f)
            cells_text = "、".join(addresses.get(k, k.id).split("!")[-1].replace("$", "") for k in f.cells[:12])
            if f.cells and f.cells[0] in addresses:
                sheet = addresses[f.cells[0]].split("!")[0].strip("'")
                cells_text = f"{sheet}：{cells_text}"
            values = [row - 1, label, f.rule, SEVERITY[f.severity.value], RULES[f.rule].title if f.rule in RULES else "",
                      f.message, _equation_text(f), None, None, None, cells_text, evidence(review, f),
                      f.verdict.value if f.verdict else "", verdict.verdict if verdict else "待定",
                      verdict.comment if verdict else "", STALE if review.verdict_stale(f) else ""]
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row, c, v)
                cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
            ws.cell(row, 4).fill = fill(f.severity.name)
            if review.verdict_stale(f):
                ws.cell(row, 16).fill = fill("WARNING")
            lhs_cell, rhs_cell, diff_cell = ws.cell(row, 8), ws.cell(row, 9), ws.cell(row, 10)
            if eq is not None:
                lhs = _side_formula(eq.lhs, addresses, False)
                rhs = _side_formula(eq.rhs, addresses, eq.relation == ">=")
                if lhs and rhs and f.lhs_value is not None and f.rhs_value is not None:
                    lhs_cell.value, rhs_cell.value = lhs, rhs
                    diff_cell.value = f"=H{row}-I{row}"
                    test = f"H{row}>=I{row}" if eq.relation == ">=" else f"H{row}=I{row}"
                    ws.cell(row, 13).value = f'=IF({test},"通过","不通过")'
                else:
                    lhs_cell.value = value_text(f.lhs_value) or None
                    rhs_cell.value = value_text(f.rhs_value) or None
            if f.cells and f.cells[0] in addresses:
                ws.cell(row, 11).hyperlink = Hyperlink(ref="", location=addresses[f.cells[0]].replace("$", ""))
                ws.cell(row, 11).font = LINK
    if row > 1:
        dv = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"', allow_blank=False,
                            showErrorMessage=True, errorTitle="复核结论", error="请选择：" + "/".join(VERDICTS))
        ws.add_data_validation(dv)
        dv.add(f"N2:N{row}")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:P{max(row, 1)}"
    set_widths(ws, {1: 5, 2: 8, 3: 6, 4: 6, 5: 20, 6: 44, 7: 30, 8: 8, 9: 8, 10: 7, 11: 22, 12: 30, 13: 9,
                    14: 9, 15: 18, 16: 11})
    fit_row_heights(ws)
    landscape(ws, "1:1")
    return row - 1


def _equation_text(f: Finding) -> str:
    eq = f.equation
    if eq is None:
        return ""

    def side(keys, minus):
        return (" − " if minus else " + ").join(cell_label(k) for k in keys)

    rel = " ≥ " if eq.relation == ">=" else " = "
    return side(eq.lhs, False) + rel + side(eq.rhs, eq.relation == ">=")
