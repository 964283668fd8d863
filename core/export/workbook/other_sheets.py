"""概览, 修改记录 and 原文: what was reviewed, what the auditor changed, and the evidence itself."""
from __future__ import annotations

from datetime import date

from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from core.export.workbook.styles import (
    BODY,
    BOLD,
    BOX,
    LINK,
    TITLE,
    WRAP,
    fill,
    fit_row_heights,
    landscape,
    set_widths,
    write_header,
)
from core.model import Severity
from core.review import Review
from core.template import SECTIONS, TABLES, CellKey

EXCEL_CELL_LIMIT = 32000
SOURCE_MAX_LINES = 30  # 30 lines × 13.5 pt is just under Excel's 409 pt row limit


def overall_verdict(reviews: list[Review]) -> str:
    sev = {f.severity for r in reviews for f in r.findings}
    if Severity.ERROR in sev:
        return "不通过（存在错误）"
    if Severity.WARNING in sev:
        return "基本符合（存在需核实的问题）"
    return "通过"


def write_overview(ws: Worksheet, reviews: list[Review], reviewer: str) -> None:
    ws.cell(1, 1, "政府信息公开工作年度报告审阅底稿").font = TITLE
    ws.merge_cells("A1:D1")
    first = reviews[0].report
    rows: list[tuple[str, str]] = [
        ("机关", first.agency or "（未识别）"),
        ("年度", "、".join(str(r.report.year or "未识别") for r in reviews)),
        ("审阅日期", date.today().isoformat()),
        ("审阅人", reviewer or "（未填写）"),
        ("总体结论", overall_verdict(reviews)),
    ]
    for r in reviews:
        rep = r.report
        label = f"{rep.year or ''}年度报告".strip()
        counts = {s: sum(f.severity is s for f in r.findings) for s in Severity}
        found_sections = "、".join(s.heading.split("、")[0] for s in SECTIONS if s.number in rep.sections) or "无"
        found_tables = "、".join(f"表{t.letter}" for t in TABLES.values() if rep.tables.get(t.id) is not None) or "无"
        rows += [
            (f"{label}：源文件", rep.source.path),
            (f"{label}：编码 / 格式 / 版式", f"{rep.source.encoding} / {rep.source.format} / {rep.layout or '未识别'}"),
            (f"{label}：错误 / 警告 / 提示", f"{counts[Severity.ERROR]} / {counts[Severity.WARNING]} / {counts[Severity.INFO]}"),
            (f"{label}：人工修正", f"{len(r.corrections)} 处"),
            (f"{label}：找到的部分", found_sections),
            (f"{label}：找到的表格", found_tables),
        ]
        if rep.evidence is not None:
            rows.append((f"{label}：网上来源（证据）", rep.evidence.citation()))
    for i, (k, v) in enumerate(rows, start=3):
        a, b = ws.cell(i, 1, k), ws.cell(i, 2, v)
        a.font, b.font = BOLD, BODY
        a.fill = fill("HEADING")
        a.border = b.border = BOX
        a.alignment = b.alignment = WRAP
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=4)
    verdict_cell = ws.cell(7, 2)
    verdict_cell.fill = fill("OK" if rows[4][1] == "通过" else "ERROR" if rows[4][1].startswith("不通过") else "WARNING")
    set_widths(ws, {1: 28, 2: 40, 3: 20, 4: 20})
    landscape(ws)


def write_corrections(ws: Worksheet, items: list[tuple[str, Review, dict[CellKey, str]]]) -> int:
    write_header(ws, ("报告", "单元格", "位置", "原值", "修正值", "时间", "原因", "审阅人"))
    row = 1
    for label, review, addresses in items:
        for t in review.trail:
            row += 1
            try:
                key = CellKey.parse(t.cell)
                name, where = review.describe(key), addresses.get(key, "").replace("$", "")
            except ValueError:
                name, where = ("机关名称" if t.cell == "agency" else t.cell), ""
            values = (label, name, where.replace("'", ""), t.before if t.before is not None else "（空）",
                      t.value if t.value is not None else "（撤销修正）", t.time, t.reason, t.reviewer)
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row, c, v)
                cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
            if where:
                ws.cell(row, 3).hyperlink = Hyperlink(ref="", location=where)
                ws.cell(row, 3).font = LINK
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(row, 1)}"
    set_widths(ws, {1: 12, 2: 40, 3: 16, 4: 10, 5: 10, 6: 24, 7: 30, 8: 10})
    fit_row_heights(ws)
    landscape(ws, "1:1")
    return row - 1


def write_source(ws: Worksheet, review: Review) -> None:
    ws.cell(1, 1, f"原文：{review.report.source.path}（{review.report.source.encoding}）").font = BOLD
    row = 1
    for line in review.report.source.text.splitlines():
        for start in range(0, max(len(line), 1), EXCEL_CELL_LIMIT):
            row += 1
            ws.cell(row, 1, line[start:start + EXCEL_CELL_LIMIT] or None).alignment = WRAP
    ws.column_dimensions["A"].width = 120
    fit_row_heights(ws, max_lines=SOURCE_MAX_LINES)
    landscape(ws)
