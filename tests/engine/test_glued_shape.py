"""The cut of glued digits by shape alone (``glued._cut_counts``, ``glued._cut_once``) against brute
force: every way to cut a run of digits into numbers, none with a leading zero."""
from __future__ import annotations

import itertools

from core.extraction.glued import _cut_counts, _cut_once


def _all_cuts(digits: str, parts: int) -> list[list[str]]:
    out = []
    for places in itertools.combinations(range(1, len(digits)), parts - 1):
        bounds = (0, *places, len(digits))
        numbers = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(n == "0" or n[0] != "0" for n in numbers):
            out.append(numbers)
    return out


def test_the_counted_cuts_are_the_cuts_there_are() -> None:
    for n in range(1, 8):
        for digits in map("".join, itertools.product("012", repeat=n)):
            counts = _cut_counts(digits)
            for parts in range(0, n + 3):
                cuts = _all_cuts(digits, parts) if parts else []
                assert (counts[parts] if parts < len(counts) else 0) == min(len(cuts), 2), (digits, parts)
                if len(cuts) == 1:
                    assert _cut_once(digits, parts) == cuts[0]
