"""A, B, C — the form's own arithmetic (勾稽关系) and two plausibility notes."""
from __future__ import annotations

from core.checks.catalogue import check
from core.checks.content import agency_level_of
from core.checks.context import CheckContext
from core.equations import equations_by_table, failures, numbers
from core.messages import Bi, Joined, Message, label, msg, row_label
from core.model import CellKind, Equation, Number, Severity
from core.template import TABLES, CellKey


def _terms(ctx: CheckContext, keys, labels, skip_zero: bool = False):
    """'自然人 50 + 商业企业 0 + …' as a list of terms (or 'every item is 0')."""
    terms = tuple(msg("term", label=name, value=ctx.get(k).raw or ctx.get(k).value)
                  for k, name in zip(keys, labels) if not (skip_zero and ctx.get(k).value == 0))
    return Joined(terms, " + ", " + ") if terms else msg("all_zero")


def _column(key: CellKey) -> Bi:
    return label(TABLES[key.table].columns[key.col])


def _message(ctx: CheckContext, eq: Equation, lhs: Number, rhs: Number) -> Message:
    diff = lhs - rhs
    if eq.rule == "B01":
        new, carried, total, forward = (ctx.get(k).value for k in eq.cells)
        return msg("B01", column=_column(eq.lhs[0]), new=new, carried=carried, lhs=lhs, total=total,
                   forward=forward, rhs=rhs, diff=diff)
    if eq.rule == "B02":
        return msg("B02", row=row_label(TABLES[eq.rhs[0].table].row(eq.rhs[0].row).label),
                   terms=_terms(ctx, eq.lhs, [_column(k) for k in eq.lhs]), lhs=lhs, rhs=rhs, diff=diff)
    if eq.rule == "B03":
        rows = [row_label(TABLES[k.table].row(k.row).label) for k in eq.rhs]
        return msg("B03", column=_column(eq.lhs[0]), lhs=lhs, rhs=rhs,
                   terms=_terms(ctx, eq.rhs, rows, skip_zero=True), diff=diff)
    if eq.rule == "C01":
        outcomes = [label(TABLES[k.table].columns[k.col].split("·")[-1]) for k in eq.rhs]
        group = Joined(tuple(label(part) for part in eq.subject.split("·")), "·", " · ")
        return msg("C01", group=group, lhs=lhs, terms=_terms(ctx, eq.rhs, outcomes), rhs=rhs, diff=diff)
    if eq.rule == "A01":
        issued, repealed = (ctx.get(k).value for k in eq.rhs)
        return msg("A01", row=label(eq.subject), lhs=lhs, issued=issued, repealed=repealed, rhs=rhs)
    raise ValueError(eq.rule)


@check
def cross_totals(ctx: CheckContext):
    """B01–B03, C01, A01. An equation with a blank or unreadable cell is not assessable; that cell's
    own V/S finding already says so, so nothing is reported here (never an arithmetic error)."""
    for table in equations_by_table():
        if not ctx.table_found(table.table):
            continue
        for eq, lhs, rhs in failures(table, numbers(ctx, table.table)):
            yield ctx.finding(eq.rule, _message(ctx, eq, lhs, rhs), eq.cells,
                              subject=f"{eq.rule}:{eq.subject}", equation=eq, lhs=lhs, rhs=rhs)


REVIEW_TOTAL, AFTER_REVIEW_TOTAL = CellKey("review_litigation", "", 4), CellKey("review_litigation", "", 14)
RULES_CELLS = tuple(CellKey("active", "规章", c) for c in range(3))  # made once, not for each report
_NUMBER = CellKind.NUMBER  # (``CellValue.is_number`` inlined: a property is a Python call)


@check
def review_after_no_review(ctx: CheckContext):
    a, b = ctx.get(REVIEW_TOTAL), ctx.get(AFTER_REVIEW_TOTAL)
    if a.is_number and b.is_number and a.value == 0 and b.value > 0:
        yield ctx.finding("C02", msg("C02", after=b.value),
                          (REVIEW_TOTAL, AFTER_REVIEW_TOTAL), subject="C02")


@check
def rules_without_power(ctx: CheckContext):
    nonzero = [k for k in RULES_CELLS if (cv := ctx.get(k)).kind is _NUMBER and cv.value is not None and cv.value > 0]
    if not nonzero:
        return
    level = agency_level_of(ctx.report.agency)
    if level == "township":
        sev = Severity.WARNING
    elif level in ("department", "government") and not _has_rule_power(ctx.report.agency or ""):
        sev = Severity.INFO
    else:
        return
    values = tuple(msg("term", label=k, value=ctx.get(k).value) for k in nonzero)
    yield ctx.finding("A02", msg("A02", agency=ctx.report.agency, values=values), nonzero,
                      severity=sev, subject="A02")


def _has_rule_power(agency: str) -> bool:
    """Provincial governments and governments of cities divided into districts make 规章."""
    a = agency.replace(" ", "")
    return bool(a.endswith("人民政府") and ("省" in a[-6:] or ("市" in a and "区" not in a and "县" not in a)))
