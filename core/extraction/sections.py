"""Finding the six part headings. Headings vary (numbering dropped, full-width punctuation, spaces inside
words, trailing 。) while table B's own row labels also start with 一、二、三、四, so a heading is
recognised by its *words*, and parenthesised numbering (（一）…) always marks a sub-heading."""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.extraction.normalize import compact
from core.model import Section
from core.template import SECTIONS

_NUMBERING = re.compile(r"^(?:第([一二三四五六七八九十])部分|([一二三四五六七八九十])[、.,:]?|(\d)[、.]|)")
_SUB = re.compile(r"^\(?[（(][一二三四五六七八九十\d]+[)）]")
_TRAIL = re.compile(r"[。.:：;；]+$")
# every heading pattern needs one of these words: a cheap filter before the full patterns
_HINT = re.compile(r"情况|概述|概况|事项|问题|申请|诉讼")
_PATTERNS = tuple((spec, tuple(re.compile(p) for p in spec.patterns)) for spec in SECTIONS)


@dataclass(frozen=True)
class HeadingHit:
    number: int
    start: int
    end: int
    text: str


def heading_candidates(folded: str) -> list[HeadingHit]:
    hits: list[HeadingHit] = []
    pos = 0
    for line in folded.split("\n"):
        start = pos
        pos += len(line) + 1
        if len(line) > 200 or not _HINT.search(line):
            continue
        c = compact(line).lstrip("#*|").rstrip("*|")
        if not c or len(c) > 45 or _SUB.match(c):
            continue
        m = _NUMBERING.match(c)
        rest = _TRAIL.sub("", c[m.end():] if m else c)
        for spec, pats in _PATTERNS:
            if any(p.search(rest) for p in pats):
                lead = len(line) - len(line.lstrip())
                hits.append(HeadingHit(spec.number, start + lead, start + len(line.rstrip()), line.strip()))
                break
    return hits


def find_sections(folded: str, original: str) -> tuple[dict[int, Section], list[HeadingHit]]:
    """Pick one heading per part, in document order; return the extra candidates too (S05 duplicates)."""
    hits = heading_candidates(folded)
    chosen: dict[int, HeadingHit] = {}
    last = -1
    for number in range(1, 7):
        after = [h for h in hits if h.number == number and h.start > last]
        if after:
            chosen[number] = after[0]
            last = after[0].start
    ordered = sorted(chosen.values(), key=lambda h: h.start)
    sections: dict[int, Section] = {}
    for i, h in enumerate(ordered):
        body_end = ordered[i + 1].start if i + 1 < len(ordered) else len(folded)
        sections[h.number] = Section(h.number, original[h.start:h.end].strip(), (h.start, h.end), (h.end, body_end))
    extra = [h for h in hits if chosen.get(h.number) is not h]
    return sections, extra
