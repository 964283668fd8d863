"""The joint search over a table's pending rows (``glued.solve_jointly``) against the search as it was
before it drew on the budget as a plain counter and checked each rule inline (kept below as it was,
``Budget.spend`` per candidate and ``_violated`` per rule): the same solutions, completeness and budget
left, also when the budget or ``MAX_SOLUTIONS`` runs out, whatever the values outside the pending rows
(None, 0, any count)."""
from __future__ import annotations

from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction import glued
from core.extraction.glued import Budget, Rule, TableRules, TooMany, solve_jointly


def _sides(rule: Rule) -> tuple[itemgetter, itemgetter, str]:
    def getter(cells: tuple[int, ...]) -> itemgetter:
        return itemgetter(*cells) if len(cells) > 1 else itemgetter(slice(cells[0], cells[0] + 1) if cells else
                                                                    slice(0, 0))
    lhs, rhs, relation = rule
    return getter(lhs), getter(rhs), relation


def _violated(rule: tuple[itemgetter, itemgetter, str], values: list[int | None]) -> bool:
    get_l, get_r, relation = rule
    known_l = get_l(values)
    known_r = get_r(values)
    full_l, full_r = None not in known_l, None not in known_r
    if relation == ">=":
        return full_l and full_r and known_l[0] < known_r[0] - known_r[1]
    if full_l:
        return sum(known_l) != sum(known_r) if full_r else sum(filter(None, known_r)) > sum(known_l)
    return full_r and sum(filter(None, known_l)) > sum(known_r)


def reference_solve_jointly(domains: dict[str, list[list[int | None]]], slots: dict[str, tuple[int, ...]],
                            values: list[int | None], rules: list[Rule],
                            budget: Budget | None = None) -> tuple[list[dict[str, int]], bool]:
    order = sorted(domains, key=lambda rk: len(domains[rk]))
    rules_at: dict[int, list[int]] = {}
    for ri, (lhs, rhs, _) in enumerate(rules):
        for i in {*lhs, *rhs}:
            rules_at.setdefault(i, []).append(ri)
    sides = [_sides(r) for r in rules]
    touching = {rk: [sides[ri] for ri in sorted({ri for i in slots[rk] for ri in rules_at.get(i, ())})]
                for rk in order}
    solutions: list[dict[str, int]] = []
    choice: dict[str, int] = {}
    steps = budget or Budget()

    def place(depth: int) -> bool:
        if depth == len(order):
            solutions.append(dict(choice))
            return len(solutions) < glued.MAX_SOLUTIONS
        rk = order[depth]
        row_slots, row_rules = slots[rk], touching[rk]
        for ci, cand in enumerate(domains[rk]):
            try:
                steps.spend()
            except TooMany:
                return False
            for i, v in zip(row_slots, cand):
                values[i] = v
            for r in row_rules:
                if _violated(r, values):
                    break
            else:
                choice[rk] = ci
                if not place(depth + 1):
                    for i in row_slots:
                        values[i] = None
                    return False
            for i in row_slots:
                values[i] = None
        return True

    complete = place(0)
    return solutions, complete


_CELLS = 12
_value = st.one_of(st.none(), st.integers(0, 3), st.integers(0, 40))


@st.composite
def _tables(draw):
    """A few pending rows of 1-3 cells each over 12 cells, candidates per row, the other cells' values,
    and rules over any cells (sides of 0-4 cells; ">=" with two cells on the right, as A01)."""
    cells = list(range(_CELLS))
    draw(st.randoms()).shuffle(cells)
    slots, domains = {}, {}
    for r in range(draw(st.integers(1, 4))):
        width = draw(st.integers(1, 3))
        row, cells = tuple(cells[:width]), cells[width:]
        if not row:
            break
        slots[f"r{r}"] = row
        domains[f"r{r}"] = draw(st.lists(st.lists(_value, min_size=len(row), max_size=len(row)), min_size=1, max_size=4))
    values = draw(st.lists(_value, min_size=_CELLS, max_size=_CELLS))
    side = st.lists(st.integers(0, _CELLS - 1), max_size=4, unique=True).map(tuple)
    equal = st.tuples(side, side, st.just("="))
    at_least = st.tuples(st.integers(0, _CELLS - 1).map(lambda i: (i,)),
                         st.lists(st.integers(0, _CELLS - 1), min_size=2, max_size=2, unique=True).map(tuple),
                         st.just(">="))
    rules = draw(st.lists(st.one_of(equal, equal, equal, at_least), max_size=8))
    return domains, slots, values, rules


def _run(search, table, rules, steps: int):
    domains, slots, values, _ = table
    values = list(values)
    budget = Budget(steps)
    found = search(domains, slots, values, rules, budget)
    return found, budget.steps, values


@settings(max_examples=500, deadline=None)
@given(_tables(), st.sampled_from([100_000, 100_000, 30, 5, 1, 0, -2]), st.sampled_from([64, 64, 2, 1]))
def test_the_joint_search_finds_and_spends_as_before(table, steps: int, max_solutions: int) -> None:
    kept = glued.MAX_SOLUTIONS
    glued.MAX_SOLUTIONS = max_solutions
    try:
        rules = table[3]
        assert _run(solve_jointly, table, TableRules(rules), steps) == _run(reference_solve_jointly, table, rules, steps)
    finally:
        glued.MAX_SOLUTIONS = kept
