"""The batch's spill file gives back what was put, whether it is still waiting in memory or already
written, between reads that move the file's position (``core.streaming.Spill``)."""
from __future__ import annotations

import random

import numpy as np

from core import streaming
from core.streaming import Parked, Spill


def test_what_is_put_comes_back_in_any_order(monkeypatch) -> None:
    monkeypatch.setattr(streaming, "WRITE_AT", 1000)  # a write every few puts
    rng = random.Random(4)
    kept: list[tuple[tuple[int, int], bytes]] = []
    with Spill() as spill:
        for _ in range(400):
            if kept and rng.random() < 0.4:
                ref, data = rng.choice(kept)
                assert spill.get_bytes(ref) == data
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 700)))
            kept.append((spill.put_bytes(data), data))
        for ref, data in reversed(kept):
            assert spill.get_bytes(ref) == data


def test_objects_and_arrays_come_back() -> None:
    from core.checks.similarity import Shingles

    array = np.arange(1000, dtype=np.uint64) * np.uint64(7)
    with Spill() as spill:
        shingles, value = Shingles(array.copy(), signed=True), Parked({"a": [1, "二"]})
        ref = spill.put(("x", 3))
        spill.park(shingles)
        spill.park(value)
        assert spill.get(ref) == ("x", 3)
        assert shingles.array.tolist() == array.tolist() and value.value == {"a": [1, "二"]}
