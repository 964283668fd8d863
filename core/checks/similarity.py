"""Near-duplicate text across many reports: character 5-gram shingles, MinHash signatures with LSH
banding to find candidate pairs fast, the MinHash estimate to drop clear non-matches (a margin of over
three standard deviations), then the exact Jaccard similarity of the shingle sets. Digits
are masked, so a copy with only the year and the counts changed is still a copy."""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Set
from itertools import combinations

import numpy as np

SHINGLE = 5
THRESHOLD = 0.8
MEASURE = f"字符 {SHINGLE}-gram Jaccard 相似度"
_PERMUTATIONS, _BANDS = 120, 20  # 6 rows a band: a pair at 0.8 is a candidate with p > 0.99
_ROWS = _PERMUTATIONS // _BANDS
_MARGIN = 0.12  # over 3 σ of the 120-permutation estimate near the threshold
_rng = np.random.default_rng(20211)
_A = _rng.integers(0, 1 << 63, _PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
_B = _rng.integers(0, 1 << 63, _PERMUTATIONS, dtype=np.uint64)
_MIX = np.uint64(0x94D049BB133111EB)
_NOISE = re.compile(r"\s+|[，。、；：,.;:（）()“”\"'《》|\-—]")


def shingles(text: str) -> set[str]:
    body = re.sub(r"\d", "0", _NOISE.sub("", text))
    return {body[i:i + SHINGLE] for i in range(max(len(body) - SHINGLE + 1, 0))}


def jaccard(a: Set[str], b: Set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _signature(items: Set[str]) -> np.ndarray:
    # crc32, not hash(): str hashes change between runs, and so would the candidate pairs
    hashes = np.fromiter((zlib.crc32(s.encode()) & 0x7FFFFFFF for s in items), dtype=np.uint64, count=len(items))
    # multiply-add modulo 2**64, then an xor-shift-multiply so that the low-order structure of the
    # product does not make the per-permutation minima agree (a plain a·h+b barely permutes)
    x = hashes[None, :] * _A[:, None] + _B[:, None]
    x ^= x >> np.uint64(31)
    x *= _MIX
    x ^= x >> np.uint64(29)
    return x.min(axis=1)


def similar_pairs(texts: list[str], threshold: float = THRESHOLD, min_shingles: int = 40) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair at or above ``threshold``. Identical texts (a template many
    agencies copied) are grouped first, so LSH and Jaccard run once per distinct text."""
    sets = [shingles(t) for t in texts]
    groups: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        if len(s) >= min_shingles:
            groups[frozenset(s)].append(i)
    distinct = list(groups)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    signatures = [_signature(s) for s in distinct]
    for g, sig in enumerate(signatures):
        for band in range(_BANDS):
            buckets[(band, sig[band * _ROWS:(band + 1) * _ROWS].tobytes())].append(g)
    candidates = {pair for members in buckets.values() if len(members) > 1 for pair in combinations(members, 2)}
    out = [(i, j, 1.0) for members in groups.values() for i, j in combinations(members, 2)]
    for a, b in sorted(candidates):
        if np.count_nonzero(signatures[a] == signatures[b]) < (threshold - _MARGIN) * _PERMUTATIONS:
            continue
        sim = jaccard(distinct[a], distinct[b])
        if sim >= threshold:
            out.extend((min(i, j), max(i, j), sim) for i in groups[distinct[a]] for j in groups[distinct[b]])
    return sorted(out)
