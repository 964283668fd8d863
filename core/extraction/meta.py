"""Who wrote the report, for which year, in which form. Titles are often split over lines or by spaces
('年度报 告'), wrapped in page chrome, or missing (the report starts at 一、总体情况), so everything is
matched on compact text with an index map back to the original."""
from __future__ import annotations

import re
from collections import Counter

from core.extraction.normalize import compact_with_map
from core.model import ReportMeta, Span
from core.template import LAYOUT_MARKERS

_TITLE = re.compile(r"(\d{4})年度?政府信息公开(?:工作)?年度报告|(\d{4})年度?政府信息公开工作报告")
_YEAR_FIRST = re.compile(r"(\d{4})年度?([\u4e00-\u9fa5（）()]{2,40}?)政府信息公开(?:工作)?年度报告")
# What stands before an agency's name on its title line (page chrome, a sentence, a mark): the name is
# what follows the last of them.
_CUT_MARK = re.compile(r"[¶★☆●■◆|,，。:：;；《“\"'、!！?？）)>›»\]]|分享到?|微信|微博|打印|关闭|收藏|字号|字体|大中小|浏览次数|点击数|当前位置|首页|返回|现予?公布|现予?发布|特此?发布|予以公布|予以发布|现将|印发|公布|发布|编制了?|形成|制作|本报告是|本报告为|以下简称[^)）]*[)）]?|要求")
_AGENCY_CUT = re.compile(".*(?:" + _CUT_MARK.pattern + ")")
_PERIOD = re.compile(r"(?:统计期限|统计时限|统计数据|统计周期|统计时间|统计区间|数据统计)[^。]{0,20}?(\d{4})年1月1日")
_YEAR_MENTION = re.compile(r"(20\d{2})年")
_AGENCY_SUFFIX = re.compile(r"(人民政府办公室|人民政府办公厅|人民政府|街道办事处|政府办公室|委员会|管理委员会|办公室|管委会|镇|乡|街道|局|厅|署|中心)")


_PLACE_END = "省市区县旗州盟镇乡"


def _clean_agency(raw: str, folded: str = "") -> str:
    name = _after_last_mark(raw).strip("《》“”\"' ()（）[]【】-·")
    return _drop_chrome_prefix(name, folded) if folded else name


def _after_last_mark(raw: str) -> str:
    """``_AGENCY_CUT.sub("", raw)``: on a line, what follows the match of ``_CUT_MARK`` at the last place it
    matches (where the greedy ``.*`` of ``_AGENCY_CUT`` stops; nothing matches after that match's end).
    Searched for forwards from each match's start: the regex engine skips to the characters the marks
    open with, where ``.*`` backtracks over every character trying all the marks at each."""
    if "\n" in raw:  # ``.*`` stops at a line break: one cut a line (never in a title's compact text)
        return _AGENCY_CUT.sub("", raw)
    last = _CUT_MARK.search(raw)
    if last is None:
        return raw
    while (later := _CUT_MARK.search(raw, last.start() + 1)) is not None:
        last = later
    return raw[last.end():]


def _drop_chrome_prefix(name: str, folded: str) -> str:
    """Page chrome glued to the title when a crawler drops the line breaks ('西部百强县贺兰县立岗镇'): a
    leading part that occurs nowhere but in this name, followed by a name the text uses more often."""
    whole = folded.count(name)
    for i in range(2, len(name) - 3):
        if name[i - 1] in _PLACE_END:
            head, tail = name[:i], name[i:]
            if any(ch in _PLACE_END for ch in tail[:-1]) and folded.count(head) == whole \
                    and folded.count(tail) > whole:
                return tail
    return name


# The title sits before the first heading, after at most a page's worth of web chrome; a file with
# no headings must not make the whole text the title window.
_HEAD_LIMIT = 20_000


def find_meta(text: str, folded: str, head_end: int) -> ReportMeta:
    """``head_end``: where the body starts (first section heading); the title is looked for before it
    and, failing that, in the opening lines."""
    meta = ReportMeta()
    window_end = min(max(head_end, 600), len(folded), _HEAD_LIMIT)
    comp, index = compact_with_map(folded[:window_end].replace("\n", "¶"))
    for m in _TITLE.finditer(comp):
        year_group = 1 if m.group(1) else 2
        ys, ye = m.span(year_group)
        # agency: the text before the year on the same logical title, up to a sentence boundary
        prefix = comp[max(0, ys - 60):ys]
        agency = _clean_agency(prefix, folded)
        if not agency and prefix.endswith("¶"):
            # title split over two lines: the agency is the short line just before
            prev = prefix.rstrip("¶").rsplit("¶", 1)[-1]
            if 2 <= len(prev) <= 30 and _AGENCY_SUFFIX.search(prev[-6:]):
                agency = _clean_agency(prev, folded)
                ys_agency_end = ys - (len(prefix) - len(prefix.rstrip("¶")))
                meta.agency = agency
                meta.agency_span = (index[ys_agency_end - len(agency)], index[ys_agency_end - 1] + 1)
        meta.year = int(m.group(year_group))
        meta.year_span = (index[ys], index[ye - 1] + 1)
        if agency and meta.agency is None:
            meta.agency = agency
            meta.agency_span = (index[ys - len(agency)], index[ys - 1] + 1)
        ts = meta.agency_span[0] if meta.agency_span else index[ys]
        meta.title_span = (ts, index[m.end() - 1] + 1)
        meta.title = text[ts:meta.title_span[1]]
        if meta.agency is None:
            y2 = _YEAR_FIRST.search(comp, m.start())
            if y2 and y2.start() == m.start():
                a = _clean_agency(y2.group(2))
                if a:
                    meta.agency = a
                    meta.title_span = (index[m.start()], index[m.end() - 1] + 1)
                    meta.title = text[meta.title_span[0]:meta.title_span[1]]
                    s = y2.end(2) - len(a)
                    meta.agency_span = (index[s], index[y2.end(2) - 1] + 1)
        break
    m = _PERIOD.search(folded[: min(len(folded), head_end + 3000)]) or _PERIOD.search(folded)
    if m:
        meta.period_year = int(m.group(1))
        meta.period_span = m.span(1)
    if meta.agency is None:
        meta.agency, meta.agency_span = _agency_from_text(folded)
    if meta.year is None:
        meta.year, meta.year_span = _year_from_text(folded, head_end, meta.period_year)
    return meta


def _agency_from_text(folded: str) -> tuple[str | None, Span | None]:
    """No title: the agency is the organisation name the text repeats most (a name counted in several
    contexts beats the longer strings around it that occur once)."""
    sample = folded[:20000]
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in _AGENCY_SUFFIX.finditer(sample):
        end = m.end()
        for n in range(2, 9):
            s = m.start() - n
            if s < 0:
                break
            cand = sample[s:end]
            if not re.fullmatch(r"[\u4e00-\u9fa5]+", cand[:n]):
                break
            counts[cand] += 1
            first.setdefault(cand, s)
    best = None
    for cand, n in counts.items():
        if n < 2:
            continue
        score = n * len(cand)
        if best is None or score > best[0] or (score == best[0] and len(cand) > len(best[1])):
            best = (score, cand)
    if best is None:
        return None, None
    s = first[best[1]]
    return best[1], (s, s + len(best[1]))


def _year_from_text(folded: str, head_end: int, period_year: int | None) -> tuple[int | None, Span | None]:
    if period_year is not None:
        m = _PERIOD.search(folded)
        return period_year, (m.span(1) if m else None)
    opening = folded[head_end: head_end + 1500]
    years = [(int(m.group(1)), m.span(1)) for m in _YEAR_MENTION.finditer(opening)]
    if not years:
        return None, None
    common = Counter(y for y, _ in years).most_common(1)[0][0]
    span = next(s for y, s in years if y == common)
    return common, (span[0] + head_end, span[1] + head_end)


def other_doc_type(title: str | None) -> bool:
    return bool(title) and "年度报告" not in (title or "").replace(" ", "")


def detect_layout(folded: str, sections_found: int) -> str | None:
    """Which form the report follows, from its markers (checks.md 'Older layouts'): the 2021 form when at
    least two of its markers are printed and no more of the 2019 form's, else the 2019 form with two of
    its markers, else the pre-2019 form with two. Each marker not printed is a scan of the whole text, so
    markers are looked for only until the decision is known."""
    current = sum(1 for k in LAYOUT_MARKERS["2021"] if k in folded)
    if current >= 2:
        return "2019" if _at_least(folded, LAYOUT_MARKERS["2019"], current + 1) else "2021"
    if _at_least(folded, LAYOUT_MARKERS["2019"], 2):
        return "2019"
    if _at_least(folded, LAYOUT_MARKERS["pre-2019"], 2):
        return "pre-2019"
    if sections_found >= 3:
        return "2021"
    return None


def _at_least(folded: str, markers: tuple[str, ...], n: int) -> bool:
    """Whether ``folded`` holds at least ``n`` of ``markers``: they are looked for only until enough are
    found or too few are left."""
    found = 0
    for i, marker in enumerate(markers):
        found += marker in folded
        if found >= n:
            return True
        if found + len(markers) - i - 1 < n:
            return False
    return found >= n


def agency_level(agency: str | None) -> str | None:
    """乡镇/街道, department or government (checks.md 'Agency level'), None when unknown."""
    if not agency:
        return None
    a = agency.replace(" ", "")
    if re.search(r"(镇|乡|街道)(人民政府|政府)?$|街道办事处$|(镇|乡)人民政府", a):
        return "township"
    if re.search(r"人民政府$", a):
        return "government"
    if re.search(r"(局|委|办|中心|委员会|办公室|办公厅|厅|署|院|所|站|队)$", a):
        return "department"
    return None
