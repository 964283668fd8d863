"""The cross-report checks' fast ways give what the plain ones give (issue 17): shared counts through
a core."""
from __future__ import annotations

import random

import numpy as np
import pytest

from core.checks.similarity import CORE_FROM, _shared_counts, common


def _arrays(rng: random.Random, count: int, core: int, own: int) -> list:
    """Sorted arrays of distinct hashes, each with most of ``core`` shared ones and up to ``own`` of its own."""
    shared = [rng.getrandbits(64) for _ in range(core)]
    out = []
    for _ in range(count):
        values = set(rng.sample(shared, rng.randint(core * 3 // 4, core)) if core else ())
        values |= {rng.getrandbits(64) for _ in range(rng.randint(0, own))}
        out.append(np.array(sorted(values), dtype=np.uint64))
    return out


@pytest.mark.parametrize("core, own", [(0, 0), (0, 50), (300, 0), (300, 40), (2000, 200), (5, 5)])
def test_shared_counts_are_every_pair_s_common(core: int, own: int) -> None:
    rng = random.Random(core * 7 + own)
    for count in (2, 3, CORE_FROM, 20):
        arrays = _arrays(rng, count, core, own)
        counts = _shared_counts(arrays)
        for x in range(count):
            for y in range(count):
                if x != y:
                    assert counts[x][y] == common(arrays[x], arrays[y])
