"""S — structure and format: parts, tables, completeness, layout, labels, title, statistics period."""
from __future__ import annotations

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.extraction.meta import other_doc_type
from core.model import CellKind, Severity, Verdict
from core.template import SECTIONS, TABLES, row_cells

OLD = ("2019", "pre-2019")
_LAYOUT_NAMES = {"2019": "2019 年试行格式", "pre-2019": "2019 年以前的旧格式"}


@check
def sections_present(ctx: CheckContext):
    for spec in SECTIONS:
        if spec.number not in ctx.report.sections:
            yield ctx.finding("S01", f"缺少第{'一二三四五六'[spec.number - 1]}部分“{spec.heading}”",
                              severity=Severity(spec.missing_severity), subject=f"section:{spec.number}")


@check
def tables_present(ctx: CheckContext):
    if ctx.report.layout in OLD:
        return
    for spec in TABLES.values():
        if ctx.table_found(spec.id):
            continue
        sec = ctx.report.sections.get(spec.section)
        where = f"第{'一二三四五六'[spec.section - 1]}部分有标题但" if sec else ""
        yield ctx.finding("S02", f"表格缺失：{where}未找到表{spec.letter}（{spec.title}）",
                          spans=(sec.heading_span,) if sec else (), subject=f"table:{spec.id}")


@check
def tables_complete(ctx: CheckContext):
    """Rows that were never found. Rows found but unreadable come from the extractor's notes."""
    noted = {k for n in ctx.report.notes if n.rule == "S03" for k in n.cells}
    for spec in TABLES.values():
        table = ctx.report.tables.get(spec.id)
        if table is None:
            continue
        for row in spec.rows:
            keys = row_cells(spec.id, row.key)
            if all(ctx.get(k).kind is CellKind.MISSING for k in keys) and not noted.intersection(keys):
                name = row.label if row.key else f"表{spec.letter}的数值行"
                yield ctx.finding("S03", f"表{spec.letter}缺少“{name}”（{row.ncols} 个值）", keys,
                                  spans=(table.span,) if table.span else (), subject=f"row:{spec.id}:{row.key}")


@check
def parse_notes(ctx: CheckContext):
    for n in ctx.report.notes:
        if n.rule == "S03" and n.severity is not Severity.INFO and n.cells and all(k in ctx.overrides for k in n.cells):
            continue  # the auditor has filled the row in by hand
        yield ctx.finding(n.rule, n.message, n.cells, n.spans, subject=n.subject, severity=n.severity)


@check
def layout(ctx: CheckContext):
    r = ctx.report
    if r.layout not in OLD:
        return
    name = _LAYOUT_NAMES[r.layout]
    if r.year is not None and r.year >= 2021:
        yield ctx.finding("S04", f"{r.year} 年度报告使用了已废止的格式（{name}），应使用国办公开办函〔2021〕30号格式",
                          subject="layout")
    else:
        yield ctx.finding("S04", f"旧版格式（{name}），不适用现行表格校验", severity=Severity.INFO,
                          verdict=Verdict.NOTE, subject="layout")


@check
def title(ctx: CheckContext):
    r = ctx.report
    if r.title is None:
        yield ctx.finding("S06", "未找到标题“（机关全称）YYYY年政府信息公开工作年度报告”", subject="title")
        return
    span = (r.title_span,) if r.title_span else ()
    if not r.agency:
        yield ctx.finding("S06", f"标题“{r.title}”缺少机关名称", spans=span, subject="title")
    if other_doc_type(r.title):
        yield ctx.finding("S06", f"标题“{r.title}”不是“政府信息公开工作年度报告”", spans=span,
                          severity=Severity.INFO, subject="title:type")


@check
def statistics_period(ctx: CheckContext):
    if ctx.report.period_year is None:
        yield ctx.finding("S07", "未写明统计期限（如“本报告统计期限为YYYY年1月1日至12月31日”）", subject="period")
