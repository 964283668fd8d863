"""The cross-total rules (勾稽关系) of the form, generated from the template, and the year-over-year
equations between one agency's consecutive reports (X01, X02).

The same equations decide the checks B01–B03/C01/A01/X01/X02, split glued digits in the extractor, and
become live Excel formulas in the workbook — so a rule is defined exactly once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

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


@dataclass(frozen=True)
class TableEquations:
    """The equations of one table over its cells read once: ``keys`` are the cells they take part in;
    each equation comes with a picker of its cells' values (lhs then rhs) from the values of ``keys``."""

    table: str
    keys: tuple[CellKey, ...]
    # (equation, picker of its cells' values as a tuple, number of lhs cells, whether it is A01's ">=")
    equations: tuple[tuple[Equation, Callable[[list], tuple], int, bool], ...]


@lru_cache(maxsize=1)
def equations_by_table() -> tuple[TableEquations, ...]:
    """The equations of each table, in the order of ``all_equations`` (each table's are consecutive)."""
    grouped: dict[str, list[Equation]] = {}
    for eq in all_equations():
        grouped.setdefault(eq.lhs[0].table, []).append(eq)
    out = []
    for table, eqs in grouped.items():
        keys = tuple(dict.fromkeys(k for eq in eqs for k in eq.cells))
        at = {k: i for i, k in enumerate(keys)}
        # every equation has a cell on each side, so the picker always gives a tuple
        out.append(TableEquations(table, keys, tuple((eq, itemgetter(*(at[k] for k in eq.cells)), len(eq.lhs),
                                                      eq.relation == ">=") for eq in eqs)))
    return tuple(out)


def failures(table: TableEquations, get: Callable[[CellKey], CellValue]) -> Iterator[tuple[Equation, Number, Number]]:
    """(equation, lhs, rhs) for each equation of the table that can be assessed and does not hold. A
    side is the sum of its cells (A01's right side is 制发 − 废止); an equation with a cell that is not
    a usable number is not assessable. The table's cells are read once, not once per equation."""
    values = [cv.value if cv.kind is _NUMBER else None for cv in map(get, table.keys)]
    some_unusable = None in values  # most tables: none, and no equation's cells need the test
    for eq, pick, n_lhs, at_least in table.equations:
        cells = pick(values)
        if some_unusable and None in cells:
            continue
        lhs = sum(cells[:n_lhs])
        if at_least:
            rhs = cells[n_lhs] - cells[n_lhs + 1]
            if lhs < rhs:
                yield eq, lhs, rhs
        elif lhs != (rhs := sum(cells[n_lhs:])):
            yield eq, lhs, rhs


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


def year_side(terms: Iterable[Term], current: Callable[[CellKey], Number | None],
              previous: Callable[[CellKey], Number | None]) -> Number | None:
    """Signed sum of one side, from each report's usable number of a cell (None where it has none);
    None if any cell has none."""
    total: Number = 0
    for t in terms:
        n = (previous if t.previous else current)(t.key)
        if n is None:
            return None
        total += t.sign * n
    return total
