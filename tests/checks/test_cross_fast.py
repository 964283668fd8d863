"""The cross-report checks' fast ways give what the plain ones give (issue 17): shared counts through
a core, a text's extras made reading it once, sentence keys cleaned by table look-up."""
from __future__ import annotations

import random
import re

import numpy as np
import pytest

from core.checks.sentences import (
    _DIGIT,
    _DIGITS,
    _DROPPED,
    _KEPT,
    _NOT_WORD,
    _cleaned,
    _kind_table,
)
from core.checks.similarity import (
    CORE_FROM,
    EXTRA_PER_TEXT,
    _shared_counts,
    _SharedCore,
    common,
)


def _arrays(rng: random.Random, count: int, core: int, own: int, least: float = 0.75) -> list:
    """Sorted arrays of distinct hashes, each with at least ``least`` of ``core`` shared ones and up to
    ``own`` of its own."""
    shared = [rng.getrandbits(64) for _ in range(core)]
    out = []
    for _ in range(count):
        values = set(rng.sample(shared, rng.randint(int(core * least), core)) if core else ())
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


class _Text:
    """What ``_SharedCore.build`` reads of a text."""

    def __init__(self, array) -> None:
        self.array = array


class _Copies:
    def __init__(self, arrays: list) -> None:
        self._texts = [_Text(a) for a in arrays]
        self._reports = [[t] for t in range(len(arrays))]
        self._size = np.array([len(a) for a in arrays], dtype=np.int64)
        self.threshold = 0.8


@pytest.mark.parametrize("core, own, least", [(300, 0, 0.75), (300, 40, 0.9), (2000, 200, 0.75), (2000, 30, 0.995),
                                              (0, 30, 1)])
def test_shared_core_extras_are_each_text_less_the_core(core: int, own: int, least: float) -> None:
    """Each text's extras, made reading it once, are its shingles less those all texts share."""
    arrays = _arrays(random.Random(core + own), 40, core, own, least)
    cluster = _SharedCore.build(_Copies(arrays), list(range(len(arrays))))
    everywhere = set.intersection(*(set(a.tolist()) for a in arrays))
    if cluster is None:  # too much besides the core
        assert sum(len(a) - len(everywhere) for a in arrays) > EXTRA_PER_TEXT * len(arrays)
        return
    assert cluster.core == len(everywhere)
    for array, extras in zip(arrays, cluster.extras):
        assert sorted(extras.tolist()) == sorted(set(array.tolist()) - everywhere)


@pytest.mark.parametrize("mask_digits", [True, False])
def test_cleaning_by_table_is_the_regular_expressions(mask_digits: bool) -> None:
    """Digits of other scripts, digits that are no \\d (²), underscores, lone surrogates, a NUL and
    text beyond the Basic Multilingual Plane clean as the regular expressions clean them."""
    rng = random.Random(11)
    alphabet = "政务公开0123456789١٢３_ ,.。！？；;!?、\t\n（）abcXYZ\ud800\udc00€²½\x00"
    for n in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) + ("\U00020000" if n % 50 == 0 else "")
        expected = _NOT_WORD.sub("", text.replace("_", ""))
        if mask_digits:
            expected = _DIGITS.sub("0", expected)
        assert _cleaned(text, mask_digits) == expected, text


def test_every_character_of_the_plane_is_learnt_as_the_regular_expressions_tell_it() -> None:
    every = "".join(map(chr, range(0x10000)))
    _cleaned(every, True)  # learns every block
    expected = np.full(0x10000, _KEPT, dtype=np.uint8)
    expected[[m.start() for m in re.finditer(r"\d", every)]] = _DIGIT
    expected[[m.start() for m in re.finditer(r"[^\w。！？；;!?]|_", every)]] = _DROPPED
    assert (_kind_table() == expected).all()
