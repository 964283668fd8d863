"""compact_with_map's offset map against the list of every kept character's offset it replaces."""
from __future__ import annotations

import random

import pytest

from core.extraction.normalize import compact, compact_with_map


def test_offset_map_answers_as_the_list_of_offsets() -> None:
    rnd = random.Random(3)
    pieces = ["年", "报告", "a", "1", " ", "  ", "\n", "\t", "\u3000", "\u2028", "¶"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 15)))
        base = rnd.randint(0, 50)
        comp, index = compact_with_map(text, base)
        offsets = [base + i for i, ch in enumerate(text) if compact(ch)]
        assert comp == compact(text) and len(index) == len(offsets)
        assert [index[i] for i in range(-len(offsets), len(offsets))] == offsets + offsets
        for i in (len(offsets), -len(offsets) - 1):
            with pytest.raises(IndexError):
                index[i]
