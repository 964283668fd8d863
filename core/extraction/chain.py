"""The heaviest chain: of candidates in reading order, the subsequence with the greatest total weight in
which each one may follow the one before. Part headings and table row labels are both chosen this way —
all at once, so one stray match (a column header reading 总计, a sub-heading reading 主动公开) never
displaces the sequence the rest of the document supports."""
from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def heaviest_chain(items: Sequence[T], weight: Callable[[T], float], follows: Callable[[T, T], bool]) -> list[T]:
    """``follows(a, b)``: b may come after a in the chain. Ties go to the earlier candidates.

    Each candidate extends the heaviest chain ending at an earlier candidate it may follow. The
    earlier ones are kept ordered by (heaviest chain ending there, then position), so the search stops
    at the first that ``follows`` accepts: in a document the best chain so far usually ends right
    before, and a table of n labels costs about n calls of ``follows`` rather than n²/2."""
    n = len(items)
    if not n:
        return []
    score = list(map(weight, items))  # the candidate's own weight, then that of the chain ending there
    back = [-1] * n
    ranked: list[tuple[float, int]] = []  # (−score, index) of the candidates seen
    for i, x in enumerate(items):
        for neg, j in ranked:
            if follows(items[j], x):
                if neg < 0:
                    score[i] -= neg
                    back[i] = j
                break
        insort(ranked, (-score[i], i))
    best = ranked[0][1]
    chain = []
    while best >= 0:
        chain.append(items[best])
        best = back[best]
    return chain[::-1]
