"""When the report was published: a 发布时间/发布日期 line in the page chrome, or the date that
closes the report (落款). Dates inside the statistics period sentence are not publication dates."""
from __future__ import annotations

import re
from datetime import date

from core.extraction.normalize import fold
from core.model import Span

# A label (发布时间 发布日期 发文日期 成文日期 印发日期 公开日期 发布于) and its date. Looked for as two patterns that
# each open with a literal — 日期 (then what stands before it) and 发布 — which the regex engine finds far
# faster than the set of first characters of one alternation of all labels. No label starts inside
# another, so matches of the two never overlap: the earlier one is what that alternation finds first.
_DATE = r"\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_LABELLED = (re.compile(r"日期(?<=(?:发布|发文|成文|印发|公开)日期)" + _DATE), re.compile(r"发布(?:时间|于)" + _DATE))
_CN_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
TAIL = 400


def _make(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _signature_line(folded: str, m: re.Match[str]) -> bool:
    """The closing date stands on its own line, at most beside the agency's name: a date inside a
    sentence ('2024年12月31日前完成整改') is not when the report was published."""
    lo = folded.rfind("\n", 0, m.start()) + 1
    hi = folded.find("\n", m.end())
    rest = (folded[lo:m.start()] + folded[m.end():hi if hi >= 0 else len(folded)]).strip()
    return len(rest) <= 30 and not re.search(r"[，,。；;：:]|前|后|至|起|止|到|统计|期限", rest)


def labelled_date(text: str) -> tuple[date, Span] | None:
    """A date the text labels as the publication date (发布时间：… on a web page)."""
    folded = fold(text)
    m = min(filter(None, (p.search(folded) for p in _LABELLED)), key=re.Match.start, default=None)
    if m and (when := _make(*m.groups())):
        return when, (m.start(1), m.end(3))
    return None


def publication_date(text: str) -> tuple[date, Span] | None:
    if labelled := labelled_date(text):
        return labelled
    folded = fold(text)
    tail_start = max(0, len(folded) - TAIL)
    found = [x for x in _CN_DATE.finditer(folded, tail_start) if _signature_line(folded, x)]
    if found and (when := _make(*found[-1].groups())):
        return when, found[-1].span()
    return None
