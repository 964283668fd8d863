"""``matches_at`` against the regex's own ``finditer``, on random texts, for patterns of the two kinds
it serves: one opening after a look-behind (the row patterns) and several literals (T07's residue)."""
import random
import re

from core.extraction.literal_scan import matches_at, occurrences

CASES = [
    (re.compile(r"(?<![一二])其他(?:情况|事项)?"), ("其他",)),
    (re.compile(r"aa(?<!baa)b?|ab+|c(?=a)"), ("aa", "ab", "c")),
]
PIECES = ["其他", "情况", "事项", "一", "二", "其", "他", "a", "b", "c", "aa", " "]


def test_matches_at_is_finditer():
    rng = random.Random(5)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        for pattern, openings in CASES:
            assert [m.span() for m in matches_at(pattern, openings, text)] == \
                [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)


def test_occurrences_overlap():
    assert list(occurrences("XXXaXX", "XX")) == [0, 1, 4]
    assert list(occurrences("abc", "d")) == []
