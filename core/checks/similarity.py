"""Near-duplicate text across many reports: the Jaccard similarity of character 5-gram sets, digits
masked (a copy with only the year and the counts changed is still a copy).

Shingles are 64-bit hashes in sorted arrays, so an exact Jaccard is one merge of two arrays and a batch
can park the arrays on disk (``core.streaming.Parked``), keeping about 1 KB of signature per report.
Signatures are one-permutation MinHash (128 bins, empty bins filled by rotation) banded for LSH. Texts
that share a band and are really similar (the estimate when it is clearly past the threshold, else the
exact similarity) are joined by union-find. Inside a small cluster every pair is compared exactly. A
large one (a county template copied by every township, each with its name put in) is answered exactly
from the shingles all its texts share and those each has of its own; a large cluster without such a
core is measured against a few centres, where the triangle inequality of the Jaccard distance settles
most pairs, the estimate most of the rest, and only the borderline pairs are compared exactly.

numpy is imported where it is used: a single-report check never compares texts and never loads it."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from core.streaming import Parked

SHINGLE = 5
THRESHOLD = 0.8
MEASURE = f"字符 {SHINGLE}-gram Jaccard 相似度"
BINS, BANDS, ROWS = 128, 21, 6  # a pair at 0.8 shares a band with p > 0.998
MARGIN = 0.12   # over 3 σ of a 128-bin estimate near the threshold
LARGE = 4 * BINS  # a set this big leaves almost no bin empty: only then is its estimate trusted alone
SMALL_CLUSTER = 32  # up to this many distinct texts, a cluster is compared pair by pair
MAX_CENTRES = 16
REFINE = 32  # in a large cluster, how many near copies are ranked by estimate to pick the ones shown
EXTRA_PER_TEXT = 400  # a large cluster shares a core when its texts' own shingles average fewer than this
INDEX_WORK = 300_000_000  # and when the inverted index of those shingles costs at most this many steps
_EPS = 1e-9
_NOISE = re.compile(r"\s+|[，。、；：,.;:（）()“”\"'《》|\-—]")
_DIGIT = re.compile(r"\d")
_P, _M1, _M2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
_LOW = (1 << 57) - 1  # below the 7 bits that pick the bin


def shingle_hashes(text: str):
    """Sorted distinct 64-bit hashes of the text's 5-grams (spaces and punctuation dropped, digits
    masked): a polynomial over the code points, then the splitmix64 finaliser (a bijection, so only
    the polynomial can collide: about 2⁻⁶⁴ a pair)."""
    import numpy as np

    points = _body_points(text)
    n = len(points) - SHINGLE + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    c = _constants()
    # p₀·P⁴ + p₁·P³ + … + p₄ of every window in one product: each row of ``windows`` is a window of the
    # points (a view, no copy), and unsigned products and sums wrap modulo 2⁶⁴ in any order
    windows = np.ndarray((n, SHINGLE), np.uint64, points, 0, (points.itemsize, points.itemsize))
    h = windows @ c.powers
    h ^= h >> c.s30
    h *= c.m1
    h ^= h >> c.s27
    h *= c.m2
    h ^= h >> c.s31
    h.sort()
    first = np.empty(len(h), dtype=bool)  # np.unique, without its overhead
    first[0] = True
    np.not_equal(h[1:], h[:-1], out=first[1:])
    return h[first]


def _body_points(text: str):
    """The code points of ``_DIGIT.sub("0", _NOISE.sub("", text))`` as uint64, by table look-up: the
    regular expressions cost ten times more. Text beyond the Basic Multilingual Plane (a character
    takes two UTF-16 units) takes the slow way; else each unit is a code point (a lone surrogate too)."""
    import numpy as np

    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) > 2 * len(text):
        body = _DIGIT.sub("0", _NOISE.sub("", text))
        return np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    counted = _counted_as().take(np.frombuffer(units, dtype=np.uint16))  # take: a third cheaper than [ ]
    return counted[counted != _DROPPED]


_DROPPED = 0xFFFFFFFF  # not a code point


@lru_cache(maxsize=1)
def _counted_as():
    """What each character of the Basic Multilingual Plane counts as in a shingle: itself, "0" for
    what ``_DIGIT`` matches, ``_DROPPED`` for what ``_NOISE`` matches."""
    import numpy as np

    every = "".join(map(chr, range(0x10000)))
    table = np.arange(0x10000, dtype=np.uint64)
    for m in _NOISE.finditer(every):
        table[m.start():m.end()] = _DROPPED
    for m in _DIGIT.finditer(every):
        table[m.start():m.end()] = ord("0")
    return table


class _Constants(NamedTuple):
    powers: Any  # P⁴ … P¹, P⁰ modulo 2⁶⁴: the hash's polynomial
    m1: Any  # the finaliser's multipliers and shifts
    m2: Any
    s30: Any
    s27: Any
    s31: Any
    low: Any  # below the bits of the bin
    edges: Any  # the lower edge of each bin


@lru_cache(maxsize=1)
def _constants() -> _Constants:
    """The hash's and the signature's constants as numpy values, made once (numpy loads only when
    texts are compared): numpy makes a scalar from a Python int at every operation."""
    import numpy as np

    u = np.uint64
    powers = np.array([pow(_P, SHINGLE - 1 - k, 1 << 64) for k in range(SHINGLE)], dtype=np.uint64)
    return _Constants(powers, u(_M1), u(_M2), u(30), u(27), u(31), u(_LOW), np.arange(BINS, dtype=np.uint64) << u(57))


def signature(hashes):
    """One-permutation MinHash: the top 7 bits of a hash pick its bin, the smallest rest in a bin is
    that bin's value (the array is sorted, so it is the bin's first element). An empty bin takes the
    value of the next filled bin to its right plus the distance (rotation densification), which keeps
    the share of agreeing bins an unbiased estimate of the Jaccard similarity."""
    import numpy as np

    low, edges = _constants()[-2:]
    starts = hashes.searchsorted(edges)  # the methods, not np.searchsorted and .all(): their Python wrappers cost more
    if starts[-1] < len(hashes) and not np.count_nonzero(starts[1:] == starts[:-1]):  # every bin filled: a long text
        return hashes[starts] & low
    ends = np.append(starts[1:], len(hashes))
    filled = np.flatnonzero(starts < ends)
    sig = np.zeros(BINS, dtype=np.uint64)
    if not len(filled):
        return sig
    sig[filled] = hashes[starts[filled]] & low
    empty = np.flatnonzero(starts >= ends)
    if len(empty):
        source = filled[np.searchsorted(filled, empty) % len(filled)]
        sig[empty] = sig[source] + (((source - empty) % BINS).astype(np.uint64) << np.uint64(57))
    return sig


def _present(a, b):
    """Which elements of sorted array ``a`` are in sorted array ``b``."""
    return _found(a, b)[0]


def _found(a, b):
    """(which elements of sorted array ``a`` are in sorted array ``b``, where those are in ``b``)."""
    import numpy as np

    if not len(b):
        return np.zeros(len(a), dtype=bool), np.zeros(0, dtype=np.intp)
    at = b.searchsorted(a)  # the method: np.searchsorted's Python wrapper costs more
    at[at == len(b)] = len(b) - 1
    found = b[at] == a
    return found, at[found]


def common(a, b) -> int:
    """How many hashes two sorted arrays share."""
    import numpy as np

    if len(a) > len(b):
        a, b = b, a
    return int(np.count_nonzero(_present(a, b))) if len(a) else 0


CORE_FROM = 8  # texts in a cluster from which ``_shared_counts`` takes out the shingles all of them share


def _shared_counts(arrays: list) -> list[list[int]]:
    """How many hashes each two of the sorted arrays share (``common`` of each pair). The hashes all
    of them have (the core, c of them) are taken out first: |A ∩ B| = c + |A' ∩ B'| for what each has
    besides (A', B'), so a pair compares only the rest, which for a template copied with the names put
    in is a few dozen hashes a text, not thousands. Finding the core costs about two comparisons a
    text, which pays for a cluster of ``CORE_FROM`` texts or more. Each text's rest is looked up in
    the rests of all the texts after it at once (a hash is once in a text, so how many of a text's
    hashes are found is how many the two share): a few numpy calls a text, not a few a pair."""
    import numpy as np

    core = arrays[0]
    for array in arrays[1:]:
        core = core[_present(core, array)]
    rest = [array[~_present(array, core)] for array in arrays]
    values = np.concatenate(rest)
    owners = np.repeat(np.arange(len(rest)), [len(r) for r in rest])
    out = [[0] * len(rest) for _ in rest]
    after = 0  # where the hashes of the texts after x begin in ``values``
    for x, mine in enumerate(rest[:-1]):
        after += len(mine)
        found = owners[after:][_present(values[after:], mine)]
        counts = np.bincount(found, minlength=len(rest)).tolist()
        for y in range(x + 1, len(rest)):
            out[x][y] = out[y][x] = len(core) + counts[y]
    return out


def jaccard(a, b) -> float:
    """Exact Jaccard similarity of two shingle arrays (0 when either is empty)."""
    return _ratio(common(a, b), len(a), len(b))


def _ratio(shared: int, size_a: int, size_b: int) -> float:
    """The Jaccard similarity of two sets of these sizes sharing ``shared`` (0 when either is empty)."""
    return shared / (size_a + size_b - shared) if size_a and size_b else 0.0


def _digest(array) -> bytes:
    import hashlib

    return hashlib.blake2b(array, digest_size=16).digest()  # a contiguous array's buffer, not a copy of it


class Shingles(Parked):
    """The shingles of one text, with a signature and a digest when it takes part in the search for
    copies. In a batch the array is parked on disk and the signature (1 KB) stays."""

    __slots__ = ("size", "signature", "digest")

    def __init__(self, array, signed: bool = False) -> None:
        super().__init__(array)
        self.size = len(array)
        self.signature = signature(array) if signed else None
        self.digest = _digest(array) if signed else b""

    @classmethod
    def of(cls, text: str, signed: bool = False) -> Shingles:
        return cls(shingle_hashes(text), signed)

    @property
    def array(self):
        return self.value

    def _encode(self):
        return self._value.data  # the array's buffer, not a copy: the array no longer changes

    def _decode(self, data: bytes):
        import numpy as np

        return np.frombuffer(data, dtype=np.uint64)


class NearCopies:
    """Which reports' texts are copies of which (Jaccard ≥ ``threshold``). Reports with identical
    shingle sets are one *text*; the search runs over texts and the answers are per report."""

    def __init__(self, items: Sequence[Shingles | None], threshold: float = THRESHOLD, min_shingles: int = 40):
        import numpy as np

        self.threshold = threshold
        groups: dict[bytes, list[int]] = {}
        for i, s in enumerate(items):
            if s is not None and s.size >= min_shingles:
                groups.setdefault(s.digest, []).append(i)
        self._reports = list(groups.values())  # text → its reports, ascending
        self._texts = [items[members[0]] for members in self._reports]
        self._text_of = {i: t for t, members in enumerate(self._reports) for i in members}
        n = len(self._texts)
        self._sig = np.stack([s.signature for s in self._texts]) if n else np.zeros((0, BINS), np.uint64)
        self._size = np.array([s.size for s in self._texts], dtype=np.int64)
        self._weight = np.array([len(m) for m in self._reports], dtype=np.int64)
        self._exact: dict[tuple[int, int], float] = {}
        self._parent = list(range(n))
        for band in range(BANDS):
            self._link_band(band)
        clusters: dict[int, list[int]] = {}
        for t in range(n):
            clusters.setdefault(self._find(t), []).append(t)
        self._pairs: dict[int, list[tuple[float, int]]] = {}  # text → [(similarity, text)] in a small cluster
        self._large: dict[int, _Cluster] = {}
        for members in clusters.values():
            if len(members) <= 1:
                continue
            if len(members) <= SMALL_CLUSTER:
                self._compare_all(members)
            else:
                cluster = _SharedCore.build(self, members) or _Bounded(self, members)
                for t in members:
                    self._large[t] = cluster

    # --- building ------------------------------------------------------------------------------
    def _find(self, t: int) -> int:
        parent = self._parent
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    def _link_band(self, band: int) -> None:
        import numpy as np

        rows = np.ascontiguousarray(self._sig[:, band * ROWS:(band + 1) * ROWS])
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * ROWS))).ravel()
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        if not len(counts) or counts.max() < 2:
            return
        order = np.argsort(inverse.ravel(), kind="stable")
        ends = np.cumsum(counts)
        for bucket in np.flatnonzero(counts >= 2):
            self._link(order[ends[bucket] - counts[bucket]:ends[bucket]])

    def _link(self, members) -> None:
        """Join the texts of one LSH bucket that are really similar: each round's pivot (the first text
        not yet joined to an earlier pivot) is compared with every text not already in its cluster."""
        import numpy as np

        texts = members.tolist()
        first = self._find(texts[0])
        if all(self._find(t) == first for t in texts):  # joined by an earlier band (a template's texts): no round
            return
        left = texts
        while len(left) > 1:
            pivot = left[0]
            root = self._find(pivot)
            others = np.array([t for t in texts if self._find(t) != root], dtype=np.int64)
            if len(others):
                similar, _ = self._decide(pivot, others)
                for t in others[similar]:
                    self._parent[self._find(int(t))] = self._find(pivot)
            root = self._find(pivot)
            left = [t for t in left[1:] if self._find(t) != root]

    def similarity(self, a: int, b: int) -> float:
        """Exact similarity of two texts (cached)."""
        key = (a, b) if a < b else (b, a)
        found = self._exact.get(key)
        if found is None:
            found = self._exact[key] = jaccard(self._texts[a].array, self._texts[b].array)
        return found

    def _decide(self, a: int, others):
        """(copy?, best known similarity) of text ``a`` against each of ``others``: the estimate when
        it is clearly past the threshold either way, the exact similarity when it is borderline."""
        import numpy as np

        estimate = np.count_nonzero(self._sig[others] == self._sig[a], axis=1) / BINS
        trusted = (self._size[others] >= LARGE) & (self._size[a] >= LARGE)
        copy = trusted & (estimate >= self.threshold + MARGIN)
        for k in np.flatnonzero(~copy & (estimate >= self.threshold - MARGIN)):
            estimate[k] = self.similarity(a, int(others[k]))
            copy[k] = estimate[k] >= self.threshold
        return copy, estimate

    def _compare_all(self, members: list[int]) -> None:
        """Every pair of a small cluster compared exactly (``similarity``). Each text's shingles are
        read once (in a batch they are on disk), not once for every pair it is in, and a group of
        ``CORE_FROM`` or more counts what its pairs share by ``_shared_counts``."""
        arrays = [self._texts[t].array for t in members]
        counts = _shared_counts(arrays) if len(members) >= CORE_FROM else None
        for x, a in enumerate(members):
            for y in range(x + 1, len(members)):
                b = members[y]  # members ascend: (a, b) is ``similarity``'s key
                sim = self._exact.get((a, b))
                if sim is None:
                    shared = counts[x][y] if counts else common(arrays[x], arrays[y])
                    sim = self._exact[(a, b)] = _ratio(shared, len(arrays[x]), len(arrays[y]))
                if sim >= self.threshold:
                    self._pairs.setdefault(a, []).append((sim, b))
                    self._pairs.setdefault(b, []).append((sim, a))

    # --- answers per report ----------------------------------------------------------------------
    def reports(self) -> list[int]:
        """Reports that may have copies (their text has a twin or a cluster), ascending."""
        out = [i for t, members in enumerate(self._reports) if len(members) > 1 or t in self._pairs or t in self._large
               for i in members]
        return sorted(out)

    def text_of(self, i: int) -> int | None:
        """The text of report ``i`` (reports with identical shingle sets share one), None when it is
        too short to compare."""
        return self._text_of.get(i)

    def count(self, i: int) -> int:
        """How many other reports are copies of report ``i``."""
        t = self._text_of.get(i)
        if t is None:
            return 0
        twins = len(self._reports[t]) - 1
        if t in self._large:
            copy, _ = self._large[t].row(t)
            return twins + int(self._weight[self._large[t].texts[copy]].sum())
        return twins + sum(len(self._reports[u]) for _, u in self._pairs.get(t, ()))

    def is_copy(self, i: int, j: int) -> bool:
        t, u = self._text_of.get(i), self._text_of.get(j)
        if t is None or u is None:
            return False
        if t == u:
            return True
        if t in self._large:
            return self._large[t].is_copy(t, u)
        return any(v == u for _, v in self._pairs.get(t, ()))

    def closest(self, i: int, k: int) -> list[tuple[float, int]]:
        """Up to ``k`` copies of report ``i`` as (exact similarity, report), most similar first: the ``k``
        most similar, except in a large cluster without a shared core (there, near ones by estimate)."""
        t = self._text_of.get(i)
        if t is None:
            return []
        found = [(1.0, j) for j in self._reports[t] if j != i][:k]
        if t in self._large:
            texts = self._large[t].nearest(t, k)
        else:
            texts = sorted(self._pairs.get(t, ()), key=lambda m: (-m[0], self._reports[m[1]][0]))[:k]
        found += [(sim, j) for sim, u in texts for j in self._reports[u][:k]]
        found.sort(key=lambda m: (-m[0], m[1]))
        return found[:k]


class _Cluster:
    """A cluster of more texts than are compared pair by pair: answers one text's row at a time (the
    last row is kept, since a text's reports ask in turn)."""

    def __init__(self, copies: NearCopies, members: list[int]) -> None:
        import numpy as np

        self.copies = copies
        self.texts = np.array(members, dtype=np.int64)
        self.first = np.array([copies._reports[t][0] for t in members], dtype=np.int64)  # ties go to the earlier
        self.position = {t: k for k, t in enumerate(members)}
        self._last: tuple[int, object, object] | None = None

    def row(self, t: int):
        """(copy?, similarity or a stand-in for it) of text ``t`` against every text of the cluster."""
        if self._last is None or self._last[0] != t:
            copy, closeness = self._row(self.position[t])
            copy[self.position[t]] = False
            self._last = (t, copy, closeness)
        return self._last[1], self._last[2]

    def _row(self, k: int):
        raise NotImplementedError

    def is_copy(self, t: int, u: int) -> bool:
        if u not in self.position:
            return False
        copy, _ = self.row(t)
        return bool(copy[self.position[u]])

    def _ranked(self, t: int, candidates, k: int) -> list[tuple[float, int]]:
        found = [(self.copies.similarity(t, int(self.texts[b])), int(self.texts[b])) for b in candidates]
        return sorted(found, key=lambda m: (-m[0], self.copies._reports[m[1]][0]))[:k]


class _SharedCore(_Cluster):
    """Texts that are one text plus a few shingles of their own: a template with each agency's name
    put in. With the shingles all of them share (the core, c of them) and each text's own (its extra),
    |A ∩ B| = c + |extra A ∩ extra B|, so an inverted index of the extras gives a text's exact
    similarity to every other text at once."""

    @classmethod
    def build(cls, copies: NearCopies, members: list[int]) -> _SharedCore | None:
        """None when the texts do not share such a core (the index would cost too much). Each text's
        shingles are read once (in a batch they are on disk): what a text has besides the final core
        is what it had besides the core it met (``own``) and what the texts after it took out of the
        core (``taken``), which it had, since it was in the core after it. Neither is sorted, which
        the index does not need."""
        import numpy as np

        texts, limit = copies._texts, EXTRA_PER_TEXT * len(members)
        core = texts[members[0]].array
        own, taken, total = [core[:0]], [core[:0]], 0
        for t in members[1:]:
            array = texts[t].array
            found, where = _found(core, array)
            besides = np.ones(len(array), dtype=bool)
            besides[where] = False
            own.append(array[besides])
            taken.append(core[~found])
            core = core[found]
            total += len(own[-1])
            if total > limit:  # what the texts have besides the core is more still
                return None
        if total + sum(k * len(part) for k, part in enumerate(taken)) > limit:  # text k's extras take taken[k + 1:]
            return None
        extras, later = [], core[:0]
        for mine, out in zip(reversed(own), reversed(taken)):
            extras.append(np.concatenate((mine, later)))
            later = np.concatenate((out, later))
        extras.reverse()
        values = np.concatenate(extras)
        owners = np.repeat(np.arange(len(members)), [len(e) for e in extras])
        order = np.argsort(values, kind="stable")
        values, owners = values[order], owners[order]
        keys, starts, counts = np.unique(values, return_index=True, return_counts=True)
        if int((counts.astype(np.int64) ** 2).sum()) > INDEX_WORK:
            return None
        cluster = cls(copies, members)
        cluster.core, cluster.extras = len(core), extras
        cluster.keys, cluster.starts, cluster.counts, cluster.owners = keys, starts, counts, owners
        cluster.sizes = copies._size[cluster.texts]
        return cluster

    def _row(self, k: int):
        import numpy as np

        at = self.keys.searchsorted(self.extras[k])
        starts, counts = self.starts[at], self.counts[at]
        # the owners of each of the text's extras, owners[start:start + count], as one index: each
        # run's start repeated over its length, plus where in the runs it is
        runs = np.repeat(starts - (counts.cumsum() - counts), counts) + np.arange(counts.sum())
        extra = np.bincount(self.owners[runs], minlength=len(self.texts))
        shared = self.core + extra
        similarity = shared / (self.sizes[k] + self.sizes - shared)
        return similarity >= self.copies.threshold, similarity

    def nearest(self, t: int, k: int) -> list[tuple[float, int]]:
        import numpy as np

        copy, similarity = self.row(t)
        candidates = copy.nonzero()[0]  # np.flatnonzero and np.partition without their Python wrappers
        if len(candidates) > k:  # only what can be among the k best is sorted
            near = similarity[candidates]  # a copy, partitioned in place
            near.partition(len(candidates) - k)
            candidates = candidates[similarity[candidates] >= near[len(candidates) - k]]
        best = candidates[np.lexsort((self.first[candidates], -similarity[candidates]))[:k]]
        return [(float(similarity[b]), int(self.texts[b])) for b in best]


class _Bounded(_Cluster):
    """Any other large cluster, measured against a few centres (until every text is within
    ``(1 − t) / 2`` of one, or ``MAX_CENTRES``). For texts a, b and a centre c, with d = 1 − Jaccard
    (a metric): d(a, b) ≤ d(a, c) + d(c, b) and d(a, b) ≥ |d(a, c) − d(c, b)|. Pairs the bounds do not
    settle go to the estimate, and the borderline ones to the exact similarity."""

    def __init__(self, copies: NearCopies, members: list[int]) -> None:
        import numpy as np

        super().__init__(copies, members)
        self.limit = 1.0 - copies.threshold
        distances: list = []
        nearest = np.full(len(members), np.inf)
        while len(distances) < MAX_CENTRES:
            centre = int(np.argmax(nearest)) if distances else 0
            if distances and nearest[centre] <= self.limit / 2:
                break
            d = np.array([1.0 - copies.similarity(members[centre], t) if t != members[centre] else 0.0
                          for t in members])
            distances.append(d)
            nearest = np.minimum(nearest, d)
        self.distance = np.stack(distances)

    def _row(self, k: int):
        """Closeness is a lower bound of the similarity where the bounds decided, else the estimate
        or the exact value."""
        import numpy as np

        d = self.distance
        upper = (d[:, k, None] + d).min(axis=0)
        lower = np.abs(d[:, k, None] - d).max(axis=0)
        copy = upper <= self.limit - _EPS
        unsure = ~copy & (lower <= self.limit + _EPS)
        unsure[k] = False
        closeness = np.where(copy, 1.0 - upper, 0.0)
        idx = np.flatnonzero(unsure)
        if len(idx):
            decided, estimate = self.copies._decide(int(self.texts[k]), self.texts[idx])
            copy[idx], closeness[idx] = decided, np.where(decided, estimate, 0.0)
        return copy, closeness

    def nearest(self, t: int, k: int) -> list[tuple[float, int]]:
        """About the ``k`` most similar: the closest few dozen by the bounds, ranked by their estimate,
        the best ``2k`` of those compared exactly."""
        import numpy as np

        copy, closeness = self.row(t)
        candidates = np.flatnonzero(copy)
        near = candidates[np.argsort(-closeness[candidates], kind="stable")[:REFINE]]
        estimate = np.count_nonzero(self.copies._sig[self.texts[near]] == self.copies._sig[t], axis=1)
        return self._ranked(t, near[np.argsort(-estimate, kind="stable")[:2 * k]], k)
