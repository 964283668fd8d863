"""When the report was published: a 发布时间/发布日期 line in the page chrome, or the date that
closes the report (落款). Dates inside the statistics period sentence are not publication dates."""
from __future__ import annotations

import re
from datetime import date

from core.model import Span
from core.normalize import fold

_LABELLED = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|印发日期|公开日期|日期|时间)\s*[:：]?\s*"
                       r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
TAIL = 400


def _make(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def publication_date(text: str) -> tuple[date, Span] | None:
    folded = fold(text)
    m = _LABELLED.search(folded)
    if m and (when := _make(*m.groups())):
        return when, (m.start(1), m.end(3))
    tail_start = max(0, len(folded) - TAIL)
    found = [x for x in _CN_DATE.finditer(folded, tail_start)
             if not re.search(r"(统计|期限|自|至|起|止)", folded[max(0, x.start() - 6):x.start()])
             and not re.match(r"\s*(至|起|止|到)", folded[x.end():x.end() + 2])]
    if found and (when := _make(*found[-1].groups())):
        return when, found[-1].span()
    return None
