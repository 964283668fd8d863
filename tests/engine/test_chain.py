"""The heaviest chain stops at the first earlier candidate it may follow, in order of the chain ending
there; it must choose exactly what the plain quadratic recurrence chooses, ties included, for any
relation (the headings' relation is not transitive) and any weights."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.extraction.chain import heaviest_chain


def _reference(items, weight, follows):
    """Every earlier candidate tried: best[i] = weight(i) + the best chain it may follow (if positive)."""
    n = len(items)
    if not n:
        return []
    score = [weight(x) for x in items]
    back = [-1] * n
    for i, x in enumerate(items):
        for j in range(i):
            if score[j] + weight(x) > score[i] and follows(items[j], x):
                score[i], back[i] = score[j] + weight(x), j
    best = max(range(n), key=lambda i: (score[i], -i))
    chain = []
    while best >= 0:
        chain.append(items[best])
        best = back[best]
    return chain[::-1]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_same_choice_as_the_quadratic_recurrence(data):
    n = data.draw(st.integers(0, 14))
    weights = data.draw(st.lists(st.sampled_from([-1.0, 0.0, 0.5, 1.0, 1.5, 2.0]), min_size=n, max_size=n))
    pairs = data.draw(st.sets(st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0)))))
    items = list(range(n))

    def weight(i: int) -> float:
        return weights[i]

    def follows(a: int, b: int) -> bool:
        return a < b and (a, b) in pairs

    assert heaviest_chain(items, weight, follows) == _reference(items, weight, follows)


def test_a_document_order_chain_with_one_stray_match():
    # (order in the template, position): the stray 总计 header at position 1 must not displace the rows
    items = [(0, 0), (9, 1), (1, 2), (2, 3), (3, 4), (9, 5)]
    chain = heaviest_chain(items, lambda x: 1.0, lambda a, b: a[0] < b[0] and a[1] < b[1])
    assert chain == [(0, 0), (1, 2), (2, 3), (3, 4), (9, 5)]
