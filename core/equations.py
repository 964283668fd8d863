"""The cross-total rules (勾稽关系) of the form, generated from the template, and the year-over-year
equations between one agency's consecutive reports (X01, X02).

The same equations decide the checks B01–B03/C01/A01/X01/X02, split glued digits in the extractor, and
become live Excel formulas in the workbook — so a rule is defined exactly once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from core.model import CellKind, CellValue, Equation, Number
from core.template import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    B_OUTCOME_ROWS,
    C_GROUPS,
    TOTAL_COL,
    CellKey,
)


def _b(row: str, col: int) -> CellKey:
    return CellKey("applications", row, col)


def _c(col: int) -> CellKey:
    return CellKey("review_litigation", "", col)


@lru_cache(maxsize=1)
def all_equations() -> tuple[Equation, ...]:
    eqs: list[Equation] = []
    for col, name in enumerate(APPLICANT_COLUMNS):
        eqs.append(Equation("B01", f"{name}列", (_b("本年新收", col), _b("上年结转", col)),
                            (_b("总计", col), _b("结转下年度", col))))
    for row in APPLICATIONS.rows:
        eqs.append(Equation("B02", f"{row.key}行", tuple(_b(row.key, c) for c in range(TOTAL_COL)),
                            (_b(row.key, TOTAL_COL),)))
    for col, name in enumerate(APPLICANT_COLUMNS):
        eqs.append(Equation("B03", f"{name}列", (_b("总计", col),),
                            tuple(_b(r, col) for r in B_OUTCOME_ROWS)))
    for g, group in enumerate(C_GROUPS):
        base = g * 5
        eqs.append(Equation("C01", group, (_c(base + 4),), tuple(_c(base + i) for i in range(4))))
    for row in ("规章", "行政规范性文件"):
        eqs.append(Equation("A01", row, (CellKey("active", row, 2),),
                            (CellKey("active", row, 0), CellKey("active", row, 1)), relation=">="))
    return tuple(eqs)


@lru_cache(maxsize=1)
def rules_by_cell() -> dict[CellKey, tuple[str, ...]]:
    """Which rules each cell takes part in (for 'these checks cannot be assessed' messages)."""
    out: dict[CellKey, set[str]] = {}
    for e in all_equations():
        for k in e.cells:
            out.setdefault(k, set()).add(e.rule)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_NUMBER = CellKind.NUMBER  # a module name: an Enum member looked up in the loop costs ten times more


def side_value(eq: Equation, side: str, get: Callable[[CellKey], CellValue]) -> Number | None:
    """Sum of one side (A01's right side is 制发 − 废止). None if any cell is not a usable number."""
    values = []
    for cv in map(get, eq.lhs if side == "lhs" else eq.rhs):
        if cv.kind is not _NUMBER or cv.value is None:  # CellValue.is_number, without the call
            return None
        values.append(cv.value)
    if eq.relation == ">=" and side == "rhs":
        return values[0] - values[1]
    return sum(values, start=0)


def holds(eq: Equation, lhs: Number, rhs: Number) -> bool:
    return lhs >= rhs if eq.relation == ">=" else lhs == rhs


def evaluate(eq: Equation, get: Callable[[CellKey], CellValue]) -> tuple[Number | None, Number | None, bool | None]:
    """(lhs, rhs, holds) — holds is None when the equation is not assessable."""
    lhs, rhs = side_value(eq, "lhs", get), side_value(eq, "rhs", get)
    if lhs is None or rhs is None:
        return lhs, rhs, None
    return lhs, rhs, holds(eq, lhs, rhs)


def strict_equations(cells: Iterable[CellKey]) -> list[Equation]:
    """Equalities (not A01's inequality, a warning) whose cells all lie in ``cells``: the rules
    strong enough to decide how glued digits split."""
    pool = frozenset(cells)
    return [e for e, need in _strict_cells() if need <= pool]


@lru_cache(maxsize=1)
def _strict_cells() -> tuple[tuple[Equation, frozenset[CellKey]], ...]:
    return tuple((e, frozenset(e.cells)) for e in all_equations() if e.relation == "=")


@dataclass(frozen=True)
class Term:
    """One signed cell of a year-over-year equation, on this year's report or on the previous year's."""

    key: CellKey
    sign: int = 1
    previous: bool = False


@dataclass(frozen=True)
class YearEquation:
    rule: str
    subject: str  # the subject of the finding it gives
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]


@lru_cache(maxsize=1)
def year_equations() -> dict[str, YearEquation]:
    """By finding subject. X01: this year's 上年结转 = last year's 结转下年度, each column. X02: 现行有效 =
    last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件."""
    eqs = [YearEquation("X01", f"X01:{c}", (Term(_b("上年结转", c)),), (Term(_b("结转下年度", c), previous=True),))
           for c in range(len(APPLICANT_COLUMNS))]
    for row in ("规章", "行政规范性文件"):
        key = lambda col, r=row: CellKey("active", r, col)  # noqa: E731
        eqs.append(YearEquation("X02", f"X02:{row}", (Term(key(2)),),
                                (Term(key(2), previous=True), Term(key(0)), Term(key(1), -1))))
    return {e.subject: e for e in eqs}


def year_side(terms: Iterable[Term], current: Callable[[CellKey], CellValue],
              previous: Callable[[CellKey], CellValue]) -> Number | None:
    """Signed sum of one side; None if any cell is not a usable number."""
    total: Number = 0
    for t in terms:
        cv = (previous if t.previous else current)(t.key)
        if not cv.is_number:
            return None
        total += t.sign * cv.value
    return total
