"""``check FILE... [--json]``: read, extract and check reports; print a summary or the JSON contract.

Exit status: 0 no error-severity finding, 1 some, 2 a file could not be read (the others are still
reported)."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from core.api import analyze_file
from core.checks import run_checks, run_cross_checks
from core.errors import ReportError
from core.export.jsonout import dumps, report_json
from core.model import Finding, Report, Severity
from core.reading.progress import PageProgress
from core.template import TABLES

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SECTION_ZH = "一二三四五六"


def summary(report: Report, findings: list[Finding]) -> str:
    lines = [f"文件：{report.source.path}",
             f"  编码：{report.source.encoding}  格式：{report.source.format}  版式：{report.layout or '未识别'}",
             f"  机关：{report.agency or '未识别'}  年度：{report.year or '未识别'}"]
    if report.evidence is not None:
        lines.append("  来源：" + report.evidence.citation("；"))
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


def page_progress(path: str, stream=sys.stderr) -> PageProgress:
    """A scan's pages as they are recognised, on one line of stderr when it is a terminal."""
    def report(done: int, total: int) -> None:
        if hasattr(stream, "isatty") and stream.isatty():
            stream.write(f"\r正在识别 {path} 的扫描页：{done}/{total}" + ("\n" if done == total else ""))
            stream.flush()

    return PageProgress(report=report)


def run(files: Sequence[str], as_json: bool) -> int:
    """Read everything first: checks across reports (year over year, copied text) need all of them;
    their findings sit on the later or on each copied report."""
    from core.review.session import expand_inputs

    files = expand_inputs(files)  # a folder (an evidence folder, say) stands for the reports in it
    status = 0
    loaded: list[Report | str] = []
    for path in files:
        try:
            loaded.append(analyze_file(path, page_progress(path)))
        except ReportError as exc:
            print(f"无法读取 {exc.path}：{exc.reason}", file=sys.stderr)
            loaded.append(exc.reason)
            status = 2
    reports = [r for r in loaded if isinstance(r, Report)]
    cross = iter(run_cross_checks([(r, None) for r in reports]) if len(reports) > 1 else [[] for _ in reports])
    results = []
    for path, item in zip(files, loaded):
        if isinstance(item, str):
            results.append({"file": path, "error": item})
            continue
        findings = run_checks(item) + next(cross)
        if any(f.severity is Severity.ERROR for f in findings) and status == 0:
            status = 1
        if as_json:
            results.append(report_json(item, findings))
        else:
            print(summary(item, findings))
            print()
    if as_json:
        sys.stdout.write(dumps(results) + "\n")
    return status
