"""汇总.xlsx: one row per report for a supervising office, and how often each rule failed across
the batch (which errors are common). Tabular output, so pandas builds it."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from core.checks import RULES
from core.checks.duplicates import first_copies
from core.export.workbook import WRITER
from core.export.workbook.styles import (
    BOLD,
    HEADER_FILL,
    LINK,
    fill,
    fit_width,
    landscape,
    set_widths,
)
from core.extraction.meta import agency_level
from core.model import Severity
from core.review import Review
from core.review.session import Entry
from core.version import APP_NAME, version

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _verdict(counts: Counter) -> str:
    return "不通过" if counts[Severity.ERROR] else "需核实" if counts[Severity.WARNING] else "通过"


LEVEL_ZH = {"township": "乡镇/街道", "government": "人民政府", "department": "部门"}


@dataclass
class WorkbookResult:
    """One agency's workbook as the batch wrote it (``path`` None when it could not be written)."""

    path: Path | None
    reviews: list[Review]
    error: str | None = None


def level_name(review: Review) -> str:
    return LEVEL_ZH.get(agency_level(review.report.agency or "") or "", "")


def write_summary(workbooks: Sequence[WorkbookResult], unreadable: Sequence[Entry], path: Path) -> Path:
    rows, links = [], []
    rule_reports: Counter = Counter()
    rule_findings: Counter = Counter()
    in_order = [(wb, r) for wb in workbooks for r in wb.reviews]
    copy_of = first_copies([r.report for _, r in in_order])  # a duplicate file is listed, not counted again
    for i, (wb, r) in enumerate(in_order):
        rep = r.report
        counts = Counter(f.severity for f in r.findings)
        failed = sorted({f.rule for f in r.findings if f.severity is not Severity.INFO})
        first = copy_of.get(i)
        if first is None:
            for rule in {f.rule for f in r.findings}:
                rule_reports[rule] += 1
            rule_findings.update(f.rule for f in r.findings)
        rows.append({"机关": rep.agency or "（未识别）", "层级": level_name(r), "年度": rep.year,
                     "文件": rep.source.path, "格式": rep.source.format, "版式": rep.layout or "未识别",
                     "结论": _verdict(counts) if first is None else f"重复（同{Path(in_order[first][1].report.source.path).name}）",
                     "错误": counts[Severity.ERROR], "警告": counts[Severity.WARNING],
                     "提示": counts[Severity.INFO], "人工修正": len(r.corrections),
                     "未通过的规则": "、".join(failed),
                     "审阅底稿": wb.path.name if wb.path else f"未生成：{wb.error}",
                     "证据": rep.evidence.citation("；") if rep.evidence else ""})
        links.append(wb.path.name if wb.path else None)
    for e in unreadable:
        rows.append({"机关": "", "层级": "", "年度": None, "文件": e.path, "格式": "", "版式": "",
                     "结论": "无法读取", "错误": None, "警告": None, "提示": None, "人工修正": None,
                     "未通过的规则": e.error, "审阅底稿": "", "证据": ""})
        links.append(None)
    reports = pd.DataFrame(rows, columns=["机关", "层级", "年度", "文件", "格式", "版式", "结论", "错误", "警告", "提示",
                                          "人工修正", "未通过的规则", "审阅底稿", "证据"])
    total = max(1, len(in_order) - len(copy_of))
    rules = pd.DataFrame([{"规则": rid, "级别": SEVERITY_ZH[RULES[rid].severity.value] if rid in RULES else "",
                           "检查内容": RULES[rid].title if rid in RULES else "", "涉及报告数": rule_reports[rid],
                           "占比": f"{rule_reports[rid] / total:.0%}", "问题条数": rule_findings[rid]}
                          for rid in sorted(rule_reports, key=lambda k: (-rule_reports[k], k))],
                         columns=["规则", "级别", "检查内容", "涉及报告数", "占比", "问题条数"])
    tmp = path.with_name(".~" + path.name)
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        reports.to_excel(writer, sheet_name="报告汇总", index=False)
        rules.to_excel(writer, sheet_name="规则统计", index=False)
    wb = load_workbook(tmp)
    for ws, frame in ((wb["报告汇总"], reports), (wb["规则统计"], rules)):
        for cell in ws[1]:
            cell.font, cell.fill = BOLD, HEADER_FILL
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        set_widths(ws, {i: fit_width([str(c)] + [str(v) for v in frame[c].tolist()[:200]], maximum=50)
                        for i, c in enumerate(frame.columns, start=1)})
        landscape(ws, "1:1")
    props = wb.properties
    props.title, props.subject = "政府信息公开工作年度报告审阅汇总", "政府信息公开工作年度报告审阅"
    props.creator = props.lastModifiedBy = WRITER
    props.description = f"{APP_NAME} {version()}"
    ws = wb["报告汇总"]
    for i, link in enumerate(links, start=2):
        verdict = ws.cell(i, 7)
        verdict.fill = fill({"不通过": "ERROR", "需核实": "WARNING", "通过": "OK"}.get(verdict.value, "MISSING"))
        if link:
            ws.cell(i, 13).hyperlink = link
            ws.cell(i, 13).font = LINK
    wb.save(tmp)
    tmp.replace(path)
    return path
