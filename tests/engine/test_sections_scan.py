"""Finding the part headings: the one scan for numberings, standard titles and title words, and the line
filter, against the plain searches they replace, on random text made of heading pieces."""
from __future__ import annotations

import random
import re

from core.extraction import sections
from core.template import SECTIONS

try:  # the regex parser: re._parser from Python 3.11, sre_parse before
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# the numbering regex as it was written before the scan: one set for its first character, lookbehinds
# to tell 第 from a numeral
_N = sections.NUMERALS
_NUMBERED_BY_DEFINITION = re.compile(rf"[第{_N}](?:(?<=第)([{_N}])部分[、.,:]?"
                                     rf"|(?<=[{_N}])(?<![{_N}(\[第][{_N}])[{_N}]?[、.,:](?![{_N}、]))")

_PIECES = ["一", "二", "十", "第", "部分", "、", ".", ",", ":", "(", "[", "#", "*", "|", " ", "\t", "\n", "\n",
           "1", "2", "。", "情况", "情 况", "概述", "事项", "主动公开", "申请", "复议", "诉讼", "问题", "不足",
           "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "政府信息公开行政复议、行政诉讼情况",
           "存在的主要问题及改进情况", "其他需要报告的事项", "概况", "基本情况", "本年", "信息",
           "政府信息", "收到和处理", "主 动公开", "行政复议、", "\u3000", "\r", "\x1c", "\x85", "1、", "## "]


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 30))) for _ in range(n)]


def _lines_by_definition(folded: str) -> list[sections.HeadingHit]:
    """Every line holding a title word and at most ``_LINE_MAX`` long, looked at by ``_line_heading``."""
    hits = []
    m = sections._HINT.search(folded)
    while m:
        start = folded.rfind("\n", 0, m.start()) + 1
        end = folded.find("\n", m.end())
        end = len(folded) if end < 0 else end
        if end - start <= sections._LINE_MAX:
            hit = sections._line_heading(folded[start:end], start)
            if hit is not None:
                hits.append(hit)
        m = sections._HINT.search(folded, end + 1)
    return hits


# each standard title written out, searched for on its own (as before the one scan)
_INLINE_BY_DEFINITION = [(k + 1, re.compile(r"\s*".join(map(re.escape, title))))
                         for k, title in enumerate(sections._INLINE_TITLES)]


def test_one_scan_finds_the_numberings_the_standard_titles_and_the_title_words() -> None:
    found = 0
    for text in _texts(5, 20000):
        numbered, words, titles = sections._scan(text)
        expected = list(_NUMBERED_BY_DEFINITION.finditer(text))
        assert [(m.span(), m.group(1)) for m in numbered] == [(m.span(), m.group(1)) for m in expected]
        assert [m.span() for m in numbered] == [m.span() for m in sections._NUMBERED.finditer(text)]
        by_title = sorted((m.span(), number, m.group()) for number, pattern in _INLINE_BY_DEFINITION
                          for m in pattern.finditer(text))
        assert [(m.span(), m.lastindex - 1, m.group()) for m in titles] == by_title
        assert [m.span() for m in words] == [m.span() for m in sections._HINT.finditer(text)]
        found += len(by_title)
    assert found > 5000


def test_line_headings_are_those_by_definition() -> None:
    found = 0
    for text in _texts(11, 20000):
        expected = _lines_by_definition(text)
        assert sections._lines(text, sections._scan(text)[1]) == expected
        found += len(expected)
    assert found > 500  # the pieces make headings often enough to compare


def _first_chars(items) -> tuple[set[str], bool]:
    """The characters a parsed pattern's match can begin with, and whether it can match nothing."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_parse.AT:
            continue
        if op is sre_parse.LITERAL:
            return chars | {chr(av)}, False
        if op is sre_parse.SUBPATTERN:
            first, empty = _first_chars(av[-1])
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            first, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        elif op is sre_parse.BRANCH:
            branches = [_first_chars(b) for b in av[1]]
            first, empty = set().union(*(f for f, _ in branches)), any(e for _, e in branches)
        elif op is sre_parse.IN:
            assert all(o is sre_parse.LITERAL for o, _ in av), "only sets of plain characters are followed"
            return chars | {chr(c) for _, c in av}, False
        else:
            raise AssertionError(f"{op} at the start of a part pattern is not followed")
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def test_title_first_characters_are_those_of_the_patterns() -> None:
    first: set[str] = set()
    for spec in SECTIONS:
        for pattern in spec.patterns:
            chars, empty = _first_chars(sre_parse.parse(pattern))
            assert not empty
            first |= chars
    assert first == set(sections._TITLE_FIRST)
