"""汇总.xlsx: one row per report for a supervising office — its conclusions in the words every workbook
uses, its counts and failed rules, linked to its workbook — with the batch's totals and counts per
conclusion, and how often each rule failed across the batch (which errors are common). A file whose
text repeats an earlier one is listed but counted once."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl.utils import get_column_letter

from core.checks import RULES
from core.checks.duplicates import first_copies
from core.export.facts import level_name, source_evidence
from core.export.workbook import WRITER, save_atomically
from core.export.workbook.frame import summary_frame
from core.export.workbook.styles import Book, Sheet, local_zone, page_setup
from core.model import Severity, text_hash
from core.review import Conclusion, Review
from core.review.session import Entry
from core.version import APP_NAME, version

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
COLUMNS = ("序号", "机关", "层级", "年度", "文件", "格式", "版式", "自动结论", "审阅结论", "错误", "警告", "提示",
           "待定", "人工修正", "未通过的规则", "来源证据", "审阅底稿")
WIDTHS = dict(enumerate((4, 16, 8, 5, 16, 5, 5, 7, 7, 5, 5, 5, 5, 5, 14, 8, 16), start=1))
COUNTED = range(10, 15)  # 错误 … 人工修正: summed in the totals row
RULE_COLUMNS = ("规则", "级别", "检查内容", "依据", "涉及报告数", "占比", "问题条数")
RULE_WIDTHS = {1: 6, 2: 6, 3: 50, 4: 26, 5: 10, 6: 8, 7: 10}


@dataclass(frozen=True)
class ReportSummary:
    """What 汇总.xlsx says of one report: all a batch keeps of it once its workbook is written."""

    agency: str | None
    year: int | None
    file: str
    format: str
    layout: str | None
    counts: tuple[int, int, int]  # errors, warnings, notes
    rules: tuple[tuple[str, int], ...]  # (rule, findings) in order of first appearance
    failed: str  # the rules with an error or a warning, sorted
    automatic: Conclusion
    conclusion: Conclusion
    open: int  # errors and warnings without a verdict
    corrections: int
    evidence: str  # 来源证据, when it came from an evidence folder
    text_hash: str  # its content: a second file with the same text is listed, not counted again

    @classmethod
    def of(cls, review: Review) -> ReportSummary:
        rep, findings = review.report, review.findings
        by_severity = Counter(f.severity for f in findings)
        return cls(rep.agency, rep.year, rep.source.path, rep.source.format, rep.layout,
                   (by_severity[Severity.ERROR], by_severity[Severity.WARNING], by_severity[Severity.INFO]),
                   tuple(Counter(f.rule for f in findings).items()),
                   "、".join(sorted({f.rule for f in findings if f.severity is not Severity.INFO})),
                   review.automatic_conclusion, review.conclusion, len(review.open_findings), len(review.corrections),
                   source_evidence(review, "；"), text_hash(rep.source.text))


@dataclass
class WorkbookResult:
    """One agency's workbook as the batch wrote it (``path`` None when it could not be written)."""

    path: Path | None
    reports: list[ReportSummary]
    error: str | None = None


def write_summary(workbooks: Sequence[WorkbookResult], unreadable: Sequence[Entry], path: Path,
                  reviewer: str = "", when: datetime | None = None) -> Path:
    when = when or datetime.now().astimezone().replace(tzinfo=None, microsecond=0)
    book = Book()
    reports = book.sheet("报告汇总", WIDTHS)
    rules = book.sheet("规则统计", RULE_WIDTHS)
    rule_reports: Counter = Counter()
    rule_findings: Counter = Counter()
    last = len(COLUMNS)
    reports.put(1, 1, "政府信息公开工作年度报告审阅汇总", "title", across=last)
    reports.put(2, 1, f"批次日期：{when:%Y-%m-%d %H:%M}（{local_zone()}）　审阅人：{reviewer or '（未填写）'}　"
                      f"报告 {sum(len(w.reports) for w in workbooks) + len(unreadable)} 份，"
                      f"审阅底稿 {sum(1 for w in workbooks if w.path)} 个", "note", across=last)
    reports.put(3, 1, "审阅结论统计", "heading", across=last)
    conclusions = list(Conclusion)
    count_rows = {c: 4 + i for i, c in enumerate(conclusions)}  # COUNTIF formulas once the table's extent is known
    open_row = 4 + len(conclusions)
    for c, r_ in count_rows.items():
        reports.put(r_, 1, c.value, "centre", across=3, fill=c.colour_role)
        reports.put(r_, 6, c.meaning, "body", across=last - 5)
    reports.put(open_row, 1, "待定问题（条）", "label", across=3)
    reports.put(open_row, 6, "尚未审核（待定或需重新确认）的错误和警告条数", "body", across=last - 5)
    copies_row = open_row + 1
    reports.put(copies_row, 1, "重复文件（份）", "label", across=3)
    reports.put(copies_row, 6, "与前面某份报告文字完全相同的文件：列出但不计入以上各数和规则统计", "body",
                across=last - 5)
    header = copies_row + 2
    for c, name in enumerate(COLUMNS, start=1):
        reports.put(header, c, name, "header")
    row = header
    serial = 0
    in_order = [(wb, r) for wb in workbooks for r in wb.reports]
    copy_of = first_copies([r.text_hash for _, r in in_order])  # a duplicate file is listed, not counted again
    for i, (wb, r) in enumerate(in_order):
        row += 1
        serial += 1
        values = (r.agency or "（未识别）", level_name(r.agency), r.year, r.file, r.format, r.layout or "未识别")
        _row(reports, row, serial, values)
        if i in copy_of:
            same = Path(in_order[copy_of[i]][1].file).name
            reports.put(row, 8, f"重复（同{same}）", "centre", across=2, fill="MISSING")
            reports.box(row, 10, 14)
            reports.put(row, 15, None)
        else:
            for rule, n in r.rules:
                rule_reports[rule] += 1
                rule_findings[rule] += n
            reports.put(row, 8, r.automatic.value, "centre", fill=r.automatic.colour_role)
            reports.put(row, 9, r.conclusion.value, "centre", bold=True, fill=r.conclusion.colour_role)
            for c, n in zip(COUNTED, (*r.counts, r.open, r.corrections)):
                reports.put(row, c, n, "number")
            reports.put(row, 15, r.failed or None)
        reports.put(row, 16, r.evidence or None)
        if wb.path:
            reports.link(row, 17, wb.path.name, wb.path.name)
        else:
            reports.put(row, 17, f"未生成：{wb.error}")
    for e in unreadable:
        row += 1
        serial += 1
        _row(reports, row, serial, ("", "", None, e.path, "", ""))
        reports.put(row, 8, Conclusion.UNREADABLE.value, "centre", fill=Conclusion.UNREADABLE.colour_role)
        reports.put(row, 9, Conclusion.UNREADABLE.value, "centre", fill=Conclusion.UNREADABLE.colour_role)
        reports.box(row, 10, 14)
        reports.put(row, 15, e.error)
        reports.box(row, 16, 17)
    first, body_last = header + 1, max(row, header + 1)
    total = row + 1
    reports.put(total, 1, "合计", "label", across=7)
    reports.put(total, 8, f'=COUNTA(H{first}:H{body_last})&" 份"', "label", formula=True, across=2)
    for c in COUNTED:
        col = get_column_letter(c)
        reports.put(total, c, f"=SUM({col}{first}:{col}{body_last})", "number", formula=True, bold=True)
    reports.box(total, 15, last, "label")
    for c, r_ in count_rows.items():
        reports.put(r_, 4, f'=COUNTIF(I{first}:I{body_last},"{c.value}")', "number", formula=True, across=2)
    reports.put(open_row, 4, f"=SUM(M{first}:M{body_last})", "number", formula=True, across=2, bold=True)
    reports.put(copies_row, 4, len(copy_of), "number", across=2)
    summary_frame(reports.ws, f"{when:%Y-%m-%d}", reviewer)
    reports.ws.freeze_panes = f"C{first}"
    reports.ws.auto_filter.ref = f"A{header}:{get_column_letter(last)}{body_last}"
    page_setup(reports.ws, f"{header}:{header}")
    reports.finish()

    _rule_sheet(rules, rule_reports, rule_findings, max(1, len(in_order) - len(copy_of)))
    summary_frame(rules.ws, f"{when:%Y-%m-%d}", reviewer)
    props = book.wb.properties
    props.title, props.subject = "政府信息公开工作年度报告审阅汇总", "政府信息公开工作年度报告审阅"
    props.creator = reviewer or APP_NAME
    props.lastModifiedBy = WRITER
    props.description = f"{APP_NAME} {version()}"
    save_atomically(book.wb, path)
    return path


def _row(sheet: Sheet, row: int, serial: int, values: Sequence) -> None:
    sheet.put(row, 1, serial, "number")
    for c, v in enumerate(values, start=2):
        sheet.put(row, c, v, "number" if isinstance(v, int) else "body")


def _rule_sheet(sheet: Sheet, reports: Counter, findings: Counter, total: int) -> None:
    sheet.put(1, 1, "规则统计：各规则发现问题的报告数", "title", across=len(RULE_COLUMNS))
    for c, name in enumerate(RULE_COLUMNS, start=1):
        sheet.put(2, c, name, "header")
    row = 2
    for rid in sorted(reports, key=lambda k: (-reports[k], k)):
        row += 1
        rule = RULES.get(rid)
        sheet.put(row, 1, rid, "centre")
        sheet.put(row, 2, SEVERITY_ZH[rule.severity.value] if rule else None, "centre")
        sheet.put(row, 3, rule.title if rule else None)
        sheet.put(row, 4, rule.basis if rule else None)
        sheet.put(row, 5, reports[rid], "number")
        sheet.put(row, 6, reports[rid] / total, "percent")
        sheet.put(row, 7, findings[rid], "number")
    sheet.ws.freeze_panes = "A3"
    sheet.ws.auto_filter.ref = f"A2:G{max(row, 3)}"
    page_setup(sheet.ws, "2:2")
    sheet.finish()
