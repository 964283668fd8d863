"""The heaviest chain: of candidates in reading order, the subsequence with the greatest total weight in
which each one may follow the one before. Part headings and table row labels are both chosen this way —
all at once, so one stray match (a column header reading 总计, a sub-heading reading 主动公开) never
displaces the sequence the rest of the document supports."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def heaviest_chain(items: Sequence[T], weight: Callable[[T], float], follows: Callable[[T, T], bool]) -> list[T]:
    """``follows(a, b)``: b may come after a in the chain. Ties go to the earlier candidates."""
    n = len(items)
    if not n:
        return []
    score = [weight(x) for x in items]
    back = [-1] * n
    for i, x in enumerate(items):
        own = weight(x)
        for j in range(i):
            if score[j] + own > score[i] and follows(items[j], x):
                score[i], back[i] = score[j] + own, j
    best = max(range(n), key=lambda i: (score[i], -i))
    chain = []
    while best >= 0:
        chain.append(items[best])
        best = back[best]
    return chain[::-1]
