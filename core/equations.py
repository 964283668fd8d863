"""The cross-total rules (勾稽关系) of the form, generated from the template, and the year-over-year
equations between one agency's consecutive reports (X01, X02).

The same equations decide the checks B01–B03/C01/A01/X01/X02, split glued digits in the extractor, and
become live Excel formulas in the workbook — so a rule is defined exactly once.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from core.model import CellKind, Equation, Number
from core.template import (
    APPLICANT_COLUMNS,
    APPLICATIONS,
    B_OUTCOME_ROWS,
    C_GROUPS,
    TOTAL_COL,
    CellKey,
    all_cells,
)

if TYPE_CHECKING:
    from core.checks.context import CheckContext


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
# the context whose tables ``numbers`` read last (a weak reference: a report is never kept alive
# for it), and what it read of each table
_last_read: list[tuple[Callable[[], CheckContext | None], dict[str, list[Number | None]]]] = [(lambda: None, {})]


def numbers(ctx: CheckContext, table: str) -> list[Number | None]:
    """The usable number of each cell of ``all_cells(table)`` (None where a cell is not one), as the
    context gives the cells. Read once a report and shared (not to be changed) by the checks that
    walk a table's cells — V01-V03, V05, the cross totals, S03 — which each read them all (a read is
    some 500 instructions a cell). Kept for the last context read (its ``get`` gives the same cell for
    a key as long as it lives)."""
    ref, tables = _last_read[0]
    if ref() is not ctx:
        tables = {}
        _last_read[0] = (weakref.ref(ctx), tables)  # a thread with another context keeps its own ``tables``
    found = tables.get(table)
    if found is None:
        found = tables[table] = [cv.value if cv.kind is _NUMBER else None for cv in map(ctx.get, all_cells(table))]
    return found


@dataclass(frozen=True)
class TableEquations:
    """The equations of one table over its ``numbers``: each equation comes with a picker of its
    cells' values (lhs then rhs) from them. ``failing`` is all of them compiled into one function of
    those values (``_compiled``)."""

    table: str
    # (equation, picker of its cells' values as a tuple, number of lhs cells, whether it is A01's ">=")
    equations: tuple[tuple[Equation, Callable[[list], tuple], int, bool], ...]
    # (index in ``equations``, lhs, rhs) of each equation that does not hold; values must not be None
    failing: Callable[[list], list[tuple[int, Number, Number]]]


@lru_cache(maxsize=1)
def equations_by_table() -> tuple[TableEquations, ...]:
    """The equations of each table, in the order of ``all_equations`` (each table's are consecutive)."""
    grouped: dict[str, list[Equation]] = {}
    for eq in all_equations():
        grouped.setdefault(eq.lhs[0].table, []).append(eq)
    out = []
    for table, eqs in grouped.items():
        at = {k: i for i, k in enumerate(all_cells(table))}
        # every equation has a cell on each side, so the picker always gives a tuple
        out.append(TableEquations(table, tuple((eq, itemgetter(*(at[k] for k in eq.cells)), len(eq.lhs),
                                                      eq.relation == ">=") for eq in eqs), _compiled(eqs, at)))
    return tuple(out)


def _compiled(eqs: list[Equation], at: dict[CellKey, int]) -> Callable[[list], list[tuple[int, Number, Number]]]:
    """The equations as one function of the values of their cells (``v``, indexed by ``at``) that
    gives (index, lhs, rhs) of each that does not hold, in order: straight-line arithmetic on the
    values, where the general loop (``_each_failure``) spends a picker, two slices and two sums on each
    equation (some 5,000 instructions; table B has 39). A sum is spelled ``0 + a + b …``: the additions
    ``sum`` makes, in its order (the same roundings of Decimals); A01's right side is 制发 − 废止."""
    def total(keys: tuple[CellKey, ...]) -> str:
        return " + ".join(("0", *(f"v[{at[k]}]" for k in keys)))

    lines = ["def failing(v):", "    out = []"]
    for i, eq in enumerate(eqs):
        if eq.relation == ">=":
            issued, repealed = eq.rhs
            test = f"(lhs := {total(eq.lhs)}) < (rhs := v[{at[issued]}] - v[{at[repealed]}])"
        else:
            test = f"(lhs := {total(eq.lhs)}) != (rhs := {total(eq.rhs)})"
        lines += [f"    if {test}:", f"        out.append(({i}, lhs, rhs))"]
    lines.append("    return out")
    namespace: dict[str, Callable] = {}
    exec("\n".join(lines), namespace)  # the source is made above from the template alone
    return namespace["failing"]


def failures(table: TableEquations, values: list[Number | None]) -> Iterator[tuple[Equation, Number, Number]]:
    """(equation, lhs, rhs) for each equation of the table that can be assessed and does not hold, from
    the table's ``numbers``. A side is the sum of its cells (A01's right side is 制发 − 废止); an
    equation with a cell that is not a usable number is not assessable."""
    if None in values:
        yield from _each_failure(table, values)
        return
    equations = table.equations  # most tables: every cell usable, every equation assessed at once
    for i, lhs, rhs in table.failing(values):
        yield equations[i][0], lhs, rhs


def _each_failure(table: TableEquations, values: list[Number | None]) -> Iterator[tuple[Equation, Number, Number]]:
    """``failures`` from the values of the table's cells, equation by equation: those with a None
    among their cells are skipped (with no None, what ``failing`` gives at once)."""
    for eq, pick, n_lhs, at_least in table.equations:
        cells = pick(values)
        if None in cells:
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
