"""概览, 修改记录 and 原文: what was reviewed and concluded (with the 复核 block a second reviewer signs),
what the auditor changed and decided, and the evidence itself with the line numbers findings cite."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from core.checks.dates import deadline
from core.export.facts import level_name, source_evidence
from core.export.workbook.frame import Frame
from core.export.workbook.parts import SOURCE_CHUNK, SOURCE_FIRST_ROW, ReportPart
from core.export.workbook.styles import Sheet, local_time, local_zone
from core.extraction.narrative.dates import publication_date
from core.model import Severity
from core.review import Conclusion
from core.review.conclusion import worst
from core.review.overlay import SIGN_OFF, VERDICT_PREFIX
from core.template import SECTIONS, TABLES, CellKey

OVERVIEW_WIDTHS = {1: 20, 2: 14, 3: 14, 4: 12, 5: 12, 6: 12, 7: 12, 8: 12}
TRAIL_COLUMNS = ("序号", "报告", "类别", "对象", "位置", "原值", "新值", "时间", "说明", "人员")
TRAIL_WIDTHS = {1: 4, 2: 9, 3: 7, 4: 28, 5: 13, 6: 8, 7: 8, 8: 17, 9: 24, 10: 8}
SOURCE_WIDTHS = {1: 6, 2: 128}
SOURCE_ROW_HEIGHT = 15  # one line of 10-point text
_NUMBER = re.compile(r"\d+(\.\d+)?")


def _pairs(sheet: Sheet, row: int, pairs: Sequence[tuple[str, object]], look: str = "text", **variant) -> int:
    """Label/value rows, the value spread over the rest of the width; returns the next free row."""
    for label, value in pairs:
        sheet.put(row, 1, label, "label_text")
        cell_look = "date" if isinstance(value, date) else look
        sheet.put(row, 2, value, cell_look, across=len(OVERVIEW_WIDTHS) - 1, horizontal="left", **variant)
        row += 1
    return row


def _heading(sheet: Sheet, row: int, text: str) -> int:
    sheet.put(row, 1, text, "heading", across=len(OVERVIEW_WIDTHS))
    sheet.grow(row, 20)
    return row + 1


def write_overview(sheet: Sheet, parts: Sequence[ReportPart], frame: Frame, index: str) -> None:
    last = len(OVERVIEW_WIDTHS)
    reviews = [p.review for p in parts]
    first = reviews[0].report
    sheet.put(1, 1, "政府信息公开工作年度报告审阅底稿", "title", across=last)
    sheet.grow(1, 22)
    years = [r.report.year for r in reviews if r.report.year]
    overall = worst(r.conclusion for r in reviews)
    row = _heading(sheet, 3, "一、基本情况")
    row = _pairs(sheet, row, [
        ("被审阅单位", frame.agency), ("机关层级", level_name(first.agency) or "未识别"),
        ("报告年度", years[0] if len(set(years)) == 1 else "、".join(map(str, sorted(set(years)))) or "未识别"),
        ("索引号", index), ("编制人（审阅人）", frame.preparer or None), ("编制日期", frame.prepared)])
    sheet.put(row, 1, "审阅结论", "label_text")
    sheet.put(row, 2, overall.value, "text", across=last - 1, horizontal="left", bold=True, fill=overall.colour_role)
    row += 2

    row = _heading(sheet, row, "二、各年度报告的结论")
    for c, name in enumerate(("报告", "自动结论", "审阅结论", "错误", "警告", "提示", "待定问题", "人工修正"), start=1):
        sheet.put(row, c, name, "header")
    for part in parts:
        row += 1
        r = part.review
        counts = [sum(f.severity is s for f in r.findings) for s in Severity]
        auto, final = r.automatic_conclusion, r.conclusion
        sheet.put(row, 1, part.title, "text")
        sheet.put(row, 2, auto.value, "centre", fill=auto.colour_role)
        sheet.put(row, 3, final.value, "centre", bold=True, fill=final.colour_role)
        for c, n in enumerate(counts + [len(r.open_findings), len(r.corrections)], start=4):
            sheet.put(row, c, n, "number")
    row += 2

    row = _heading(sheet, row, "三、报告情况")
    for part in parts:
        rep = part.review.report
        sheet.put(row, 1, part.title, "label_text", across=last)
        row += 1
        published = publication_date(rep.source.text)
        due = deadline(rep.year, rep.agency) if rep.year else None
        row = _pairs(sheet, row, [
            ("源文件", rep.source.path), ("标题（原文）", rep.title or "（未识别）"),
            ("编码 / 格式 / 版式", f"{rep.source.encoding} / {rep.source.format} / {rep.layout or '未识别'}"),
            ("发布日期", published[0] if published else "未找到"), ("发布期限", due or "—"),
            ("找到的部分", "、".join(s.heading.split("、")[0] for s in SECTIONS if s.number in rep.sections) or "无"),
            ("找到的表格", "、".join(f"表{t.letter}" for t in TABLES.values() if rep.tables.get(t.id) is not None)
             or "无"),
            ("来源证据", source_evidence(part.review) or None)])
    row += 1

    row = _heading(sheet, row, "四、复核")
    signed = frame.sign_off
    when = local_time(signed.time) if signed else None
    row = _pairs(sheet, row, [("复核人", signed.reviewer if signed else None),
                              ("复核日期", when.date() if when else None)])
    sheet.put(row, 1, "复核意见", "label_text")
    sheet.put(row, 2, signed.opinion if signed and signed.opinion else None, "text", across=last - 1)
    sheet.grow(row, 60)  # room to sign by hand when nobody has signed in the app
    row += 2

    row = _heading(sheet, row, "五、结论用语")
    for c in Conclusion:
        sheet.put(row, 1, c.value, "centre", fill=c.colour_role)
        sheet.put(row, 2, c.meaning, "text", across=last - 1)
        row += 1
    sheet.finish()


def _value(text: str | None):
    """A trail value as a number when it is one (原值/修正值 are numbers, not text)."""
    if text is None or not _NUMBER.fullmatch(text):
        return text
    return Decimal(text) if "." in text else int(text)


def write_corrections(sheet: Sheet, parts: Sequence[ReportPart]) -> int:
    zone = local_zone()
    for c, name in enumerate(TRAIL_COLUMNS, start=1):
        sheet.put(1, c, f"时间（{zone}）" if name == "时间" else name, "header")
    row = 1
    for part in parts:
        review = part.review
        by_key = {f.key: f for f in review.findings}
        for t in review.trail:
            row += 1
            where = ""
            before, after = _value(t.before), _value(t.value)
            if t.cell.startswith(VERDICT_PREFIX):
                kind = "审核意见"
                f = by_key.get(t.cell.removeprefix(VERDICT_PREFIX))
                n = part.number_of(f) if f else None
                what = f"[{n}] {f.rule} {f.message}" if f else t.cell.removeprefix(VERDICT_PREFIX) + "（问题已不存在）"
            elif t.cell == SIGN_OFF:
                kind, what = "复核", "复核意见"
            elif t.cell == "agency":
                kind, what = "机关名称", "机关名称"
            else:
                kind = "修正"
                try:
                    key = CellKey.parse(t.cell)
                    what, where = review.describe(key), part.addresses.get(key, "")
                except ValueError:
                    what = t.cell
                before = "（空）" if t.before is None else before
                after = "（撤销修正）" if t.value is None else after
            label = part.label or (f"{review.report.year}年" if review.report.year else "")
            sheet.put(row, 1, row - 1, "number", horizontal="center")
            sheet.put(row, 2, label)
            sheet.put(row, 3, kind, "centre")
            sheet.put(row, 4, what)
            plain = where.replace("$", "")
            if where:
                sheet.link(row, 5, plain.replace("'", ""), "#" + plain)
            else:
                sheet.put(row, 5, None)
            for c, v in ((6, before), (7, after)):
                places = -v.as_tuple().exponent if isinstance(v, Decimal) else 0
                sheet.put(row, c, v, "number" if isinstance(v, (int, Decimal)) else "body",
                          number_format="0." + "0" * places if places else None)
            sheet.put(row, 8, local_time(t.time), "time")
            sheet.put(row, 9, t.reason or None)
            sheet.put(row, 10, t.reviewer or None)
    if row == 1:
        row += 1
        sheet.put(row, 1, "（无人工修正、审核意见或复核记录）", "body", across=len(TRAIL_COLUMNS))
    sheet.ws.freeze_panes = "A2"
    sheet.ws.auto_filter.ref = f"A1:J{row}"
    sheet.ws.print_title_rows = "1:1"
    sheet.finish()
    return row - 1


def write_source(sheet: Sheet, part: ReportPart) -> None:
    doc = part.review.report.source
    sheet.put(1, 1, f"原文：{doc.path}（{doc.encoding}，{doc.format}）", "heading", across=2)
    sheet.put(2, 1, "行号", "header")
    sheet.put(2, 2, "原文（行号即检查结果“原文摘录”所引）", "header")
    for number, line in enumerate(part.lines.lines, start=1):
        if not line.strip():
            continue  # a blank line needs no cells; its row stays, so the numbering holds
        row = part.lines.row(number)
        sheet.put(row, 1, number, "line_no")
        for i, start in enumerate(range(0, len(line), SOURCE_CHUNK)):
            sheet.put(row + i, 2, line[start:start + SOURCE_CHUNK], "source")
    sheet.ws.freeze_panes = f"A{SOURCE_FIRST_ROW}"
    sheet.ws.print_title_rows = "2:2"
    sheet.finish()
