"""``check FILE... [--json]``: read, extract and check reports; print a summary or the JSON contract.

Exit status: 0 no error-severity finding, 1 some, 2 a file could not be read (the others are still
reported)."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from core.api import analyze_file
from core.checks import run_checks
from core.errors import ReportError
from core.jsonout import dumps, report_json
from core.model import Finding, Report, Severity
from core.template import TABLES

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SECTION_ZH = "一二三四五六"


def summary(report: Report, findings: list[Finding]) -> str:
    lines = [f"文件：{report.source.path}",
             f"  编码：{report.source.encoding}  格式：{report.source.format}  版式：{report.layout or '未识别'}",
             f"  机关：{report.agency or '未识别'}  年度：{report.year or '未识别'}"]
    present = "".join(SECTION_ZH[n - 1] if n in report.sections else "×" for n in range(1, 7))
    lines.append(f"  部分：{present}（× 为缺失）")
    for spec in TABLES.values():
        data = report.tables.get(spec.id)
        if data is None:
            lines.append(f"  表{spec.letter} {spec.title}：未找到")
            continue
        ok = sum(1 for v in data.cells.values() if v.is_number)
        lines.append(f"  表{spec.letter} {spec.title}：读到 {ok}/{spec.cell_count} 个数值")
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    lines.append("  检查结果：" + "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in counts.items()))
    for f in findings:
        lines.append(f"    [{SEVERITY_ZH[f.severity]}] {f.rule} {f.message}")
    return "\n".join(lines)


def run(files: Sequence[str], as_json: bool) -> int:
    status = 0
    results = []
    for path in files:
        try:
            report = analyze_file(path)
        except ReportError as exc:
            print(f"无法读取 {exc.path}：{exc.reason}", file=sys.stderr)
            results.append({"file": path, "error": exc.reason})
            status = 2
            continue
        findings = run_checks(report)
        if any(f.severity is Severity.ERROR for f in findings) and status == 0:
            status = 1
        if as_json:
            results.append(report_json(report, findings))
        else:
            print(summary(report, findings))
            print()
    if as_json:
        sys.stdout.write(dumps(results) + "\n")
    return status
