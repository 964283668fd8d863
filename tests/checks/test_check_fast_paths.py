"""The per-report checks' fast paths give what their general paths give: the equations compiled into
one function against the loop over them, equation by equation."""
from __future__ import annotations

import random
from decimal import Decimal

from core.equations import _each_failure, equations_by_table
from core.template import all_cells


def _value(rng: random.Random):
    pick = rng.random()
    if pick < 0.6:
        return rng.randint(0, 30)
    if pick < 0.8:
        return rng.choice((0, 1, 10 ** 40, 2 ** 63))
    return rng.choice((Decimal("1.50"), Decimal("1E+2"), Decimal("0.1"), Decimal("3"), Decimal("1" * 30 + ".5")))


def test_compiled_equations_are_the_loop() -> None:
    rng = random.Random(5)
    for table in equations_by_table():
        for _ in range(400):
            values = [_value(rng) for _ in all_cells(table.table)]
            if rng.random() < 0.5:  # mostly equations that hold, as in reports
                for eq, pick, n_lhs, at_least in table.equations:
                    if not at_least and n_lhs == 1 and rng.random() < 0.8:
                        at = all_cells(table.table).index(eq.lhs[0])
                        values[at] = sum(pick(values)[n_lhs:])
            expected = [(eq, lhs, rhs) for eq, lhs, rhs in _each_failure(table, values)]
            got = [(table.equations[i][0], lhs, rhs) for i, lhs, rhs in table.failing(values)]
            assert got == expected
            assert [tuple(map(type, f[1:])) for f in got] == [tuple(map(type, f[1:])) for f in expected]
            assert [tuple(map(str, f[1:])) for f in got] == [tuple(map(str, f[1:])) for f in expected]
