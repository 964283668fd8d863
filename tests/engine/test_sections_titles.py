"""A part title after a numbering: ``_title_at`` (its similarity test skipping titles by the characters of
the most text any title looks at, numerals' values looked up) against the plain code it replaces, on random
text made of titles with characters dropped, changed or added."""
from __future__ import annotations

import random
from difflib import SequenceMatcher

from core.extraction import sections
from core.extraction.normalize import compact
from core.template import SECTIONS

_TITLES = [compact(spec.heading.split("、", 1)[1]) for spec in SECTIONS]
_NOISE = "情况政府信息公开申请本年新收数量主要问题改进事项其他行政复议诉讼的和及|0123 \n、。"


def _title_at_by_definition(folded: str, at: int) -> tuple[int, int, float] | None:
    """``_title_at`` as written before: every title's own stretch of the text made into a set."""
    window = folded[at:at + sections._WINDOW * 2]
    comp = compact(window)[:sections._WINDOW]
    if not sections._HINT.search(comp):
        return None
    m = sections._PATTERN_PREFIX.match(comp)
    if m:
        return SECTIONS[m.lastindex - 1].number, sections._compact_end(window, at, m.end()), 1.0
    m = sections._WORDING.match(comp)
    if m:
        return SECTIONS[m.lastindex - 1].number, sections._compact_end(window, at, m.end()), sections.WORDING_QUALITY
    best = None
    for number, title in enumerate(_TITLES, 1):
        chars = frozenset(title)
        if len(title) < 6:
            continue
        if len(chars.intersection(comp[:len(title) + 3])) < 0.7 * len(chars):
            continue
        for length in range(max(1, len(title) - 2), min(len(comp), len(title) + 2) + 1):
            ratio = SequenceMatcher(None, title, comp[:length], autojunk=False).ratio()
            if ratio >= sections.FUZZY_MIN and (best is None or ratio > best[2]):
                best = (number, sections._compact_end(window, at, length), ratio)
    return best


def _misprint(rnd: random.Random, title: str) -> str:
    chars = list(title)
    for _ in range(rnd.randint(0, 3)):
        k = rnd.randrange(len(chars))
        op = rnd.randrange(3)
        if op == 0 and len(chars) > 1:
            del chars[k]
        elif op == 1:
            chars[k] = rnd.choice(_NOISE)
        else:
            chars.insert(k, rnd.choice(_NOISE))
    return "".join(chars)


def test_title_at_is_the_plain_similarity_search() -> None:
    rnd = random.Random(17)
    similar = 0
    for _ in range(6000):
        text = "".join(rnd.choice([_misprint(rnd, rnd.choice(_TITLES)), rnd.choice(_NOISE)])
                       for _ in range(rnd.randint(1, 6)))
        at = rnd.randrange(len(text))
        found = sections._title_at(text, at)
        assert found == _title_at_by_definition(text, at)
        similar += found is not None and found[2] not in (1.0, sections.WORDING_QUALITY)
    assert similar > 300  # the similarity search is reached often enough to compare


def test_every_numbering_has_its_value_looked_up() -> None:
    rnd = random.Random(3)
    pieces = [*sections.NUMERALS, "第", "部分", "、", ".", ",", ":", "(", "[", "情况"]
    found = 0
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        for m in sections._NUMBERED.finditer(text):
            assert sections._numbering(m) == sections._numeral(m.group(1) or m.group()[:-1])
            found += 1
    assert found > 1000
