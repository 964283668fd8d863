"""A, B, C — the form's own arithmetic (勾稽关系) and two plausibility notes."""
from __future__ import annotations

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.checks.equations import all_equations, evaluate
from core.extraction.meta import agency_level
from core.model import Equation, Number, Severity
from core.template import CellKey, cell_label


def _term(ctx: CheckContext, key: CellKey, short: bool) -> str:
    label = cell_label(key).split(" · ")[0] if short else cell_label(key).split(" · ")[-1]
    label = label.split("·")[-1]
    return f"{label} {ctx.get(key).raw or ctx.get(key).value}"


def _sum_text(ctx: CheckContext, keys, short: bool, skip_zero: bool = False) -> str:
    terms = [k for k in keys if not (skip_zero and ctx.get(k).value == 0)]
    if not terms:
        return "各项均为 0"
    return " + ".join(_term(ctx, k, short) for k in terms)


def _message(ctx: CheckContext, eq: Equation, lhs: Number, rhs: Number) -> str:
    if eq.rule == "B01":
        return (f"{eq.subject}：本年新收 {ctx.get(eq.lhs[0]).value} + 上年结转 {ctx.get(eq.lhs[1]).value} = {lhs}，"
                f"但办理结果总计 {ctx.get(eq.rhs[0]).value} + 结转下年度 {ctx.get(eq.rhs[1]).value} = {rhs}，相差 {lhs - rhs}")
    if eq.rule == "B02":
        row = cell_label(eq.rhs[0]).split(" · ")[0]
        return f"“{row}”行：{_sum_text(ctx, eq.lhs, False)} = {lhs}，但总计为 {rhs}，相差 {lhs - rhs}"
    if eq.rule == "B03":
        return (f"{eq.subject}：办理结果总计为 {lhs}，但各项办理结果之和为 {rhs}"
                f"（{_sum_text(ctx, eq.rhs, True, skip_zero=True)}），相差 {lhs - rhs}")
    if eq.rule == "C01":
        return f"{eq.subject}：总计为 {lhs}，但{_sum_text(ctx, eq.rhs, False)} = {rhs}，相差 {lhs - rhs}"
    if eq.rule == "A01":
        a, b = (ctx.get(k).value for k in eq.rhs)
        return f"{eq.subject}：现行有效件数 {lhs} 小于 本年制发 {a} − 本年废止 {b} = {rhs}"
    raise ValueError(eq.rule)


@check
def cross_totals(ctx: CheckContext):
    """B01–B03, C01, A01. An equation with a blank or unreadable cell is not assessable; that cell's
    own V/S finding already says so, so nothing is reported here (never an arithmetic error)."""
    for eq in all_equations():
        if not ctx.table_found(eq.lhs[0].table):
            continue
        lhs, rhs, ok = evaluate(eq, ctx.get)
        if ok is False:
            yield ctx.finding(eq.rule, _message(ctx, eq, lhs, rhs), eq.cells, subject=f"{eq.rule}:{eq.subject}",
                              equation=eq, lhs=lhs, rhs=rhs)


@check
def review_after_no_review(ctx: CheckContext):
    review_total, after_review_total = CellKey("review_litigation", "", 4), CellKey("review_litigation", "", 14)
    a, b = ctx.get(review_total), ctx.get(after_review_total)
    if a.is_number and b.is_number and a.value == 0 and b.value > 0:
        yield ctx.finding("C02", f"复议后起诉总计 {b.value} 件，而本年行政复议总计为 0（可能是以前年度的复议，请核实）",
                          (review_total, after_review_total), subject="C02")


@check
def rules_without_power(ctx: CheckContext):
    keys = [CellKey("active", "规章", c) for c in range(3)]
    nonzero = [k for k in keys if ctx.get(k).is_number and ctx.get(k).value > 0]
    if not nonzero:
        return
    level = agency_level(ctx.report.agency)
    if level == "township":
        sev = Severity.WARNING
    elif level in ("department", "government") and not _has_rule_power(ctx.report.agency or ""):
        sev = Severity.INFO
    else:
        return
    vals = "、".join(f"{cell_label(k)} {ctx.get(k).value}" for k in nonzero)
    yield ctx.finding("A02", f"{ctx.report.agency}通常没有规章制定权，但表A规章数不为零（{vals}）", nonzero,
                      severity=sev, subject="A02")


def _has_rule_power(agency: str) -> bool:
    """Provincial governments and governments of cities divided into districts make 规章."""
    a = agency.replace(" ", "")
    return bool(a.endswith("人民政府") and ("省" in a[-6:] or ("市" in a and "区" not in a and "县" not in a)))
