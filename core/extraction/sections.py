"""Finding the six part headings, wherever they stand.

Crawled pages often lose every line break, so a heading sits in the middle of a paragraph
(``…成效明显。二、主动公开政府信息情况第二十条…``). Headings are therefore found anywhere in the text —
after a numbering (一、 … 六、, 第一部分) that stands at a sentence or line boundary, or alone on a line —
and recognised by their words, with a tolerance for a wrong or missing character. Table B's own
一、二、三、四 row labels never read as part titles, and parenthesised numbering (（一）…) always marks a
sub-heading. Of all candidates, the six parts are chosen together: the heaviest sequence in document order
whose part numbers (and printed numerals) rise. A numbered heading between two chosen parts whose numeral
fits between theirs is an extra part some agencies add; it ends the part before it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from core.extraction.chain import heaviest_chain
from core.extraction.normalize import compact, fold, runs
from core.model import Section
from core.template import SECTIONS

NUMERALS = "一二三四五六七八九十"
# numbering in front of a part title: 二、 二. 第二部分 (Chinese numerals anywhere; digits only at a line start)
# — 第N部分, or one or two numerals not preceded by a numeral, '(', '[' or 第 and followed by a mark.
# Written as one alternative for each character a numbering opens with (第, 一 … 十), so that the regex
# engine skips every other character of the text without trying the pattern there.
_NUMBERING = "|".join([rf"第([{NUMERALS}])部分[、.,:]?"]
                      + [rf"{n}(?<![{NUMERALS}(\[第][{NUMERALS}])[{NUMERALS}]?[、.,:](?![{NUMERALS}、])" for n in NUMERALS])
_NUMBERED = re.compile(_NUMBERING)
_LINE_NUMBER = re.compile(r"^(?:第([一二三四五六七八九十])部分|([一二三四五六七八九十])[、.,:]?|(\d)[、.]|)")
_SUB = re.compile(r"^\(?[（(][一二三四五六七八九十\d]+[)）]")
_TRAIL = "。.:：;；"  # sentence marks after a heading on its own line
# every part title holds one of these words: a cheap filter before the patterns
_HINT_WORDS = ("情况", "概述", "概况", "事项", "问题", "不足", "申请", "复议", "诉讼", "主动公开")
_HINT = re.compile("|".join(_HINT_WORDS))
# the standard titles written out, allowing spaces inside: a heading with its numbering dropped, in text
# whose line breaks are lost, is recognised only in this exact wording and after a sentence boundary
_INLINE_TITLES = tuple(fold(spec.heading.split("、", 1)[1]) for spec in SECTIONS)
# The numberings, the standard titles written out and the title words of a text, found in one scan: the
# regex engine tests every character against the set of characters the pattern can open with, which
# costs much more than the matching (and than a scan for one character), so one scan costs about what
# any one of them would. Title k (1-based) ends with the empty group k + 1 (group 1 is a 第 numbering's
# numeral; a group around a title would hide its first character from the engine's set), and each title
# word with an empty group after the titles', so that the last group matched tells a match's kind.
# The numberings are exactly those ``_NUMBERED`` finds: a numbering is made of 第, 部分, numerals and
# marks, none of which opens a title or a title word, and those hold no 第 or numeral. The titles are
# exactly those each title's own search finds: they open with characters of their own, tried before the
# title word 主动公开 (which opens title 二), and none can begin inside another or inside a title word.
# A title holds title words, which its match hides: they are looked for within it, and are then exactly
# those ``_HINT`` finds, as a title word never runs into or out of a title. (The test checks all three
# on random text.)
_SCAN = re.compile("|".join([_NUMBERING] + [r"\s*".join(map(re.escape, t)) + "()" for t in _INLINE_TITLES]
                            + [word + "()" for word in _HINT_WORDS]))
_WORD_GROUP = len(_INLINE_TITLES) + 2  # the groups of the title words: this and the ones after it
assert not {w[0] for w in _INLINE_TITLES + _HINT_WORDS} & set("第部分、.,:" + NUMERALS)
assert not set("".join(_INLINE_TITLES + _HINT_WORDS)) & set("第" + NUMERALS)
assert len({title[0] for title in _INLINE_TITLES}) == len(_INLINE_TITLES)


def _first_part(patterns: list[tuple[str, ...]]) -> re.Pattern[str]:
    """One regex for the part patterns, part by part: group k (1-based) matches when part k's do.
    Alternatives are tried in order, so a match is the first part (and its first pattern) that
    matches — what trying each pattern in turn would find, in one call."""
    return re.compile("|".join("(" + "|".join(f"(?:{p})" for p in group) + ")" for group in patterns))


# Every part pattern is anchored at the start (so ``match`` finds what ``search`` would), none matches
# the empty string (a match always ends on a title character) and none has a group of its own (the
# group that matched names the part).
assert all(p.startswith("^") and not re.match(p, "") and not re.compile(p).groups
           for spec in SECTIONS for p in spec.patterns + spec.wordings)
_PATTERN = _first_part([spec.patterns for spec in SECTIONS])
# after a numbering the title may run on into its text: the patterns without their end anchor
_PATTERN_PREFIX = _first_part([tuple(p.rstrip("$") for p in spec.patterns) for spec in SECTIONS])
_WORDING = _first_part([spec.wordings for spec in SECTIONS])
WORDING_QUALITY = 0.9  # an agency's own wording of a title: below the standard one, above a misprint
# The titles recognised by similarity, with a wrong or missing character: (part number, compact title,
# its distinct characters, how many of them the text after the numbering must hold). A short title with
# a wrong character is too easily another phrase: only titles of six characters or more.
_FUZZY_TITLES = tuple((spec.number, title, frozenset(title), 0.7 * len(frozenset(title)))
                      for spec in SECTIONS for title in [compact(spec.heading.split("、", 1)[1])] if len(title) >= 6)
_FUZZY_REACH = max(len(title) for _, title, _, _ in _FUZZY_TITLES) + 3  # the most of the text a title looks at
_WINDOW = 40
FUZZY_MIN = 0.8


@dataclass(frozen=True)
class HeadingHit:
    number: int
    start: int
    end: int
    text: str
    numeral: int | None = None   # the number printed in front of it, if any
    score: float = 0.0
    inexact: bool = False        # recognised by similarity: a wrong or missing character


@dataclass
class Headings:
    sections: dict[int, Section]
    duplicates: list[HeadingHit]   # other candidates of a chosen part (S05)
    extra: list[HeadingHit]        # numbered parts that are not among the six
    inexact: list[HeadingHit]      # chosen headings that differ from the standard wording


def _numeral(ch: str) -> int:
    if len(ch) == 2:
        return 10 + NUMERALS.index(ch[1]) + 1 if ch[0] == "十" else (NUMERALS.index(ch[0]) + 1) * 10
    return NUMERALS.index(ch) + 1


# the value of every numeral a numbering can print (one or two numerals), looked up rather than worked out
_NUMERAL_VALUES = {n: _numeral(n) for n in [*NUMERALS, *(a + b for a in NUMERALS for b in NUMERALS)]}


def _numbering(m: re.Match[str]) -> int:
    """The number a ``_NUMBERED`` match prints: after 第, or its numerals before the closing mark."""
    return _NUMERAL_VALUES[m.group(1) or m.group()[:-1]]


def _title_at(folded: str, at: int) -> tuple[int, int, float] | None:
    """(part number, end offset, quality) of a part title starting at ``at`` (just after a part
    numbering, which is why an agency's own wording of the title is trusted too), or None."""
    window = folded[at:at + _WINDOW * 2]
    comp = compact(window)[:_WINDOW]
    if not _HINT.search(comp):
        return None
    m = _PATTERN_PREFIX.match(comp)
    if m:
        return SECTIONS[m.lastindex - 1].number, _compact_end(window, at, m.end()), 1.0
    m = _WORDING.match(comp)
    if m:
        return SECTIONS[m.lastindex - 1].number, _compact_end(window, at, m.end()), WORDING_QUALITY
    best: tuple[int, int, float] | None = None
    # A title's characters in the text it looks at are among those in the most any title looks at: a
    # title with too few of the latter is skipped without a set of its own stretch of the text made.
    reach = set(comp[:_FUZZY_REACH])
    for number, title, chars, needed in _FUZZY_TITLES:
        if len(chars & reach) < needed or len(chars.intersection(comp[:len(title) + 3])) < needed:
            continue
        for length in range(max(1, len(title) - 2), min(len(comp), len(title) + 2) + 1):
            ratio = SequenceMatcher(None, title, comp[:length], autojunk=False).ratio()
            if ratio >= FUZZY_MIN and (best is None or ratio > best[2]):
                best = (number, _compact_end(window, at, length), ratio)
    return best


def _compact_end(window: str, at: int, n: int) -> int:
    """The offset just after the ``n``-th character (n >= 1) of ``compact(window)``, where ``window``
    starts at offset ``at``: only the heading's end needs mapping back, not every character."""
    if len(compact(window[:n])) == n:  # no whitespace before that character, as in most headings
        return at + n
    for run, pos in runs(window):
        if n <= len(run):
            return at + pos + n
        n -= len(run)
    raise ValueError("n is beyond the compact window")


def _boundary_before(folded: str, at: int) -> bool:
    """A heading starts a line, a sentence, or follows the end of a table (a number) or a markup mark."""
    k = at - 1
    while k >= 0 and folded[k] in " \t\u3000":
        k -= 1
    return k < 0 or folded[k] in "\n。;!?！？:)]”\"'|#*>" or folded[k].isdigit()


def _scan(folded: str) -> tuple[list[re.Match[str]], list[re.Match[str]], list[re.Match[str]]]:
    """The numberings, the title words and the standard titles written out of the text, each in order
    (see ``_SCAN``)."""
    numbered: list[re.Match[str]] = []
    words: list[re.Match[str]] = []
    titles: list[re.Match[str]] = []
    for m in _SCAN.finditer(folded):
        group = m.lastindex  # None or 1: a numbering
        if group is None or group == 1:
            numbered.append(m)
        elif group >= _WORD_GROUP:
            words.append(m)
        else:
            titles.append(m)
            words += _HINT.finditer(folded, m.start(), m.end())
    return numbered, words, titles


def _numbered(folded: str, numbered: list[re.Match[str]]) -> list[HeadingHit]:
    """Headings after a Chinese numbering (the ``_NUMBERED`` matches of the text)."""
    hits = []
    for m in numbered:
        found = _title_at(folded, m.end())
        if found is None:
            continue
        number, end, quality = found
        numeral = _numbering(m)
        score = 3.0 if numeral == number else 2.0 if abs(numeral - number) <= 2 else 0.5
        if not _boundary_before(folded, m.start()):
            # glued to the text before ('…年度报告一、总体情况…', headings with nothing between them):
            # only the exact title under its own numeral
            if numeral != number or quality < 1.0:
                continue
            score = 2.0
        hits.append(HeadingHit(number, m.start(), end, folded[m.start():end], numeral, score * quality,
                               quality < 1.0))
    return hits


def _inline(folded: str, titles: list[re.Match[str]]) -> list[HeadingHit]:
    """Headings with their numbering dropped: the standard titles written out (``titles``, the title
    matches of ``_SCAN``, in order) not after a numbering, at a sentence boundary."""
    found = [(m.start(), m.end(), m.lastindex - 1, m.group()) for m in titles
             if not _NUMBERED_BEFORE.search(folded, max(0, m.start() - 4), m.start())]
    ends = {end for _, end, _, _ in found}
    # headings printed back to back ('主动公开政府信息情况收到和处理…') bound each other
    return [HeadingHit(number, start, end, text, None, 1.0) for start, end, number, text in found
            if _boundary_before(folded, start) or start in ends]


_NUMBERED_BEFORE = re.compile(rf"(?:[{NUMERALS}]|第[{NUMERALS}]部分)[、.,:]?\s*$|\(\s*[{NUMERALS}\d]+\s*\)\s*$")


_LINE_MAX = 200  # the longest line that may be a heading by itself
# The characters a part title (``_PATTERN``) can begin with; a test derives them from the patterns.
_TITLE_FIRST = "总概基主政收依因申行存其"
# What ``_line_heading`` needs of a line (matched up to its end, so \s never reaches the next line):
# after the whitespace and markup marks its compacting and stripping drop, at most an Arabic numbering,
# then a title's first character. A line without it (prose, a table row, a Chinese-numbered heading)
# is not cut out and compacted to be looked at.
# (The numbering is an alternative, not an optional group: a repeated group sets up a repeat each try.)
_LINE_HEAD = re.compile(rf"[\s#*|]*(?:[{_TITLE_FIRST}]|\d\s*[、.]\s*[{_TITLE_FIRST}])")


def _lines(folded: str, words: list[re.Match[str]]) -> list[HeadingHit]:
    """Headings alone on their line without a Chinese numeral (markdown '## 总体情况', '1.总体情况').
    Only lines holding a title word (the ``_HINT`` matches of the text, ``words``) can be headings."""
    hits: list[HeadingHit] = []
    after = 0  # where the next line starts: a word before it lies on a line already looked at
    for m in words:
        if m.start() < after:
            continue
        start = folded.rfind("\n", 0, m.start()) + 1
        end = folded.find("\n", m.end())
        end = len(folded) if end < 0 else end
        after = end + 1
        # a longer line is prose, not cut out to be looked at
        if end - start <= _LINE_MAX and _LINE_HEAD.match(folded, start, end):
            hit = _line_heading(folded[start:end], start)
            if hit is not None:
                hits.append(hit)
    return hits


def _line_heading(line: str, start: int) -> HeadingHit | None:
    """The heading ``line`` (at offset ``start``, at most ``_LINE_MAX`` long) is, if it is one by itself."""
    c = compact(line).lstrip("#*|").rstrip("*|")
    if not c or len(c) > 45 or _SUB.match(c):
        return None
    m = _LINE_NUMBER.match(c)
    if m and (m.group(1) or m.group(2)):
        return None  # numbered with a Chinese numeral: found by _numbered
    rest = (c[m.end():] if m else c).rstrip(_TRAIL)
    digit = int(m.group(3)) if m and m.group(3) else None
    found = _PATTERN.match(rest)  # anchored patterns: a match at the start or none
    if found is None:
        return None
    number = SECTIONS[found.lastindex - 1].number
    if digit is not None and digit != number:
        return None  # '1.主动公开情况': a numbered point of part 一, not part 二
    lead = len(line) - len(line.lstrip())
    return HeadingHit(number, start + lead, start + len(line.rstrip()), line.strip(), digit, 2.5 if digit else 2.0)


def _choose(hits: list[HeadingHit]) -> list[HeadingHit]:
    """The heaviest chain in document order with rising part numbers and rising printed numerals."""
    return heaviest_chain(hits, lambda h: h.score,
                          lambda g, h: g.number < h.number and g.end <= h.start
                          and (g.numeral is None or h.numeral is None or g.numeral < h.numeral))


def _extra_parts(folded: str, chosen: list[HeadingHit]) -> list[HeadingHit]:
    """Numbered headings between two chosen parts whose numeral lies strictly between theirs."""
    extra = []
    numbered = [h for h in chosen if h.numeral is not None]
    for a, b in zip(numbered, numbered[1:]):
        if b.numeral - a.numeral < 2:
            continue
        for m in _NUMBERED.finditer(folded, a.end, b.start):
            numeral = _numbering(m)
            if a.numeral < numeral < b.numeral and _boundary_before(folded, m.start()):
                end = min(len(folded), m.end() + 30)
                stop = re.search(r"[\n。|\t\d]", folded[m.end():end])
                end = m.end() + stop.start() if stop else end
                extra.append(HeadingHit(0, m.start(), end, folded[m.start():end].strip(), numeral))
                break
    return extra


def find_sections(folded: str, original: str) -> Headings:
    numbered, words, titles = _scan(folded)
    hits = sorted(_numbered(folded, numbered) + _lines(folded, words) + _inline(folded, titles),
                  key=lambda h: (h.start, -h.score))
    # one candidate per place: a numbered heading on its own line is found by both searches
    unique: list[HeadingHit] = []
    for h in hits:
        if unique and unique[-1].start <= h.start < unique[-1].end:
            continue
        unique.append(h)
    chosen = _choose(unique)
    extra = _extra_parts(folded, chosen)
    bounds = sorted([h.start for h in chosen] + [h.start for h in extra] + [len(folded)])
    sections: dict[int, Section] = {}
    for h in chosen:
        body_end = bounds[bisect_right(bounds, h.start)]  # the first bound after the heading's start
        sections[h.number] = Section(h.number, original[h.start:h.end].strip(), (h.start, h.end), (h.end, body_end))
    taken = {id(h) for h in chosen}
    duplicates = [h for h in unique if id(h) not in taken and h.score >= 2.0 and h.number in sections]
    return Headings(sections, duplicates, extra, [h for h in chosen if h.inexact])
