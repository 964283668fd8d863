"""Narrative claims: the test for a number with its unit, opening with one set of first characters, against
the pattern it stands for, on random clauses."""
from __future__ import annotations

import random
import re

from core.extraction.narrative import claims
from core.extraction.narrative.numbers import NUMBER

_COUNTED_BY_DEFINITION = re.compile(rf"(?:{NUMBER}){claims._UNIT}")
_PIECES = ["1", "23", "５", "٣", ",", "，", "一", "十", "两", "〇", "万", "百", " ", "\u3000", "件", "宗", "个", "项",
           "条", "申请", "办结", "共", "收到", "。"]


def test_counted_finds_what_the_pattern_it_stands_for_finds() -> None:
    rnd = random.Random(21)
    found = 0
    for _ in range(30000):
        clause = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 10)))
        m, expected = claims._COUNTED.search(clause), _COUNTED_BY_DEFINITION.search(clause)
        assert (m and m.span()) == (expected and expected.span())
        assert [x.span() for x in claims._COUNTED.finditer(clause)] == \
            [x.span() for x in _COUNTED_BY_DEFINITION.finditer(clause)]
        found += expected is not None
    assert found > 5000
