"""T — what parts 五 and 六 must say, template residue, text copied from elsewhere or last year."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.extraction.literal_scan import matches_at, occurrences
from core.extraction.meta import agency_level
from core.extraction.normalize import compact, fold
from core.messages import Bi, Joined, msg
from core.model import Finding, Span
from core.template import CellKey

PROBLEM_WORDS = re.compile(r"问题|不足|差距|短板|薄弱|不够|有待|欠缺|不强|不高")
IMPROVE_WORDS = re.compile(r"改进|整改|措施|下一步|今后|将(?:进一步|着力|继续|持续|加强|加大)|加强|完善|提升")
FEE_WORDS = re.compile(r"信息处理费|处理费")
FEE_STATED = re.compile(r"未收取|没有收取|不收取|无收取|未产生|没有产生|未发生|不涉及|零元|0元|收取[^，。]{0,10}?\d|\d[\d.]*\s*(?:元|万元)|未发出|发出[^，。]{0,8}收费通知")
# XX, ＸＸ, xx, ×× or ╳╳ not inside a word, and the other leftovers of the template. The letter test
# before a pair is a look-behind past the pair (``(?<![A-Za-z]..)``) so that every alternative starts
# with a literal (``RESIDUE_STARTS``): the pattern is tried only where one occurs (``matches_at``).
_PAIRS = ("XX", "ＸＸ", "xx", "××", "╳╳")
RESIDUE = re.compile("|".join(pair + r"(?<![A-Za-z]..)(?![A-Za-z])" for pair in _PAIRS)
                     + r"|【\s*】|（单位名称）|\(单位名称\)|YYYY|年政府信息公开工作年度报告")
RESIDUE_STARTS = (*_PAIRS, "【", "（单位名称）", "(单位名称)", "YYYY", "年政府信息公开工作年度报告")
YEAR_WORDS = "本今上该全同去明次当度"
ACCOUNTABILITY = (Bi("考核", "performance assessment"), Bi("评议", "public appraisal"), Bi("责任追究", "accountability"))
FEE_NOTICE = CellKey("applications", "其他处理_2", 6)  # the cells these checks read, made once
ADMIN_FEE = CellKey("active", "行政事业性收费", 0)
OWN_PLACE = re.compile(r"([\u4e00-\u9fa5]{2,3}(?:镇|乡|街道))")
ACTING = re.compile(r"([\u4e00-\u9fa5]{2,3}(?:镇|乡))(?:人民政府|政府|党委)")  # a township named as the one acting
_ACTING_AFTER = ("人民政府", "政府", "党委")  # what follows the 镇/乡 that ends the name of a match of ACTING
# compiled once, not looked up in the re module's cache at every call
_CHROME = re.compile(r"(返回顶部|扫一扫[^\n]*|附件下载|打印本页|关闭窗口)")  # a web page's chrome trailing a part
_NO_FEE = re.compile(r"未收取|没有收取|不收取")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万?元")
_YEAR = re.compile(r"(20\d{2})\s*年")
# agency_level (up to three regex searches, some 9,000 instructions) is asked of a report's agency by
# T06, T08, A02 and D02's deadline: worked out once for each
agency_level_of = lru_cache(maxsize=16)(agency_level)


def _folded_part(ctx: CheckContext, number: int) -> str:
    """``fold`` of a part's text ("" when it is missing): a slice of the folded report, which is
    cached (fold maps each character to one character, so slicing and folding commute)."""
    section = ctx.report.sections.get(number)
    if section is None:
        return ""
    s, e = section.body_span
    return fold(ctx.report.source.text)[s:e]


def _body(ctx: CheckContext, number: int) -> tuple[str, str, Span] | None:
    """(folded text, compact text without the page chrome that trails a report, span) of a part."""
    section = ctx.report.sections.get(number)
    if section is None:
        return None
    text = _folded_part(ctx, number)
    return text, compact(_CHROME.sub("", text)), section.body_span


@check
def problems_and_improvements(ctx: CheckContext) -> Iterator[Finding]:
    part = _body(ctx, 5)
    if part is None:
        return
    _, body, span = part
    if len(body) < 40 or body.strip("。.") in ("无", "暂无"):
        yield ctx.finding("T01", msg("T01.short", excerpt=body[:30]), spans=(span,),
                          subject="T01:short")
        return
    missing = tuple(name for name, pat in ((Bi("存在的问题", "the problems"), PROBLEM_WORDS),
                                           (Bi("改进情况", "the improvements"), IMPROVE_WORDS)) if not pat.search(body))
    if missing:
        yield ctx.finding("T01", msg("T01.missing", missing=Joined(missing, "和", " and ")), spans=(span,),
                          subject="T01:missing")
    if "整改" not in body and "上年" not in body and "去年" not in body:
        yield ctx.finding("T02", msg("T02"), spans=(span,), subject="T02")


@check
def other_matters(ctx: CheckContext) -> Iterator[Finding]:
    part = _body(ctx, 6)
    if part is None:
        return
    text, body, span = part
    says_fee = FEE_WORDS.search(body) and FEE_STATED.search(body)
    if not says_fee:
        yield ctx.finding("T03", msg("T03", excerpt=body[:30] or Bi("空", "empty")), spans=(span,),
                          subject="T03")
    if "要点" not in body:
        yield ctx.finding("T04", msg("T04"), spans=(span,), subject="T04")
    no_fee = _NO_FEE.search(body)
    fee_notice = ctx.get(FEE_NOTICE)
    if no_fee and ((fee_notice.is_number and fee_notice.value > 0) or _notice_in_prose(ctx)):
        why = msg("T05.table", count=fee_notice.value) if fee_notice.is_number and fee_notice.value \
            else msg("T05.text")
        yield ctx.finding("T05", msg("T05", why=why), (FEE_NOTICE,),
                          (span,), subject="T05")
    fee = ctx.get(ADMIN_FEE)
    mentions_admin_fee = "行政事业性收费" in body
    same_amount = fee.is_number and fee.value and any(float(a) == float(fee.value) for a in _amounts(text))
    if mentions_admin_fee or same_amount:
        yield ctx.finding("T10", msg("T10"),
                          (ADMIN_FEE,), (span,), subject="T10")


def _notice_in_prose(ctx: CheckContext) -> bool:
    """The prose (outside the tables' own labels) mentions a fee notice: read only when part 6 says
    no fee was charged and table B counts no notice."""
    return "收费通知" in "".join(_folded_part(ctx, n) for n in (1, 5, 6))


def _amounts(text: str) -> set[str]:
    """The amounts in yuan or 万元 the text states, as written: read only when table A states a fee."""
    return {m.group(1) for m in _AMOUNT.finditer(text)}


@check
def government_accountability(ctx: CheckContext) -> Iterator[Finding]:
    if agency_level_of(ctx.report.agency) != "government":
        return
    text = compact(ctx.report.source.text)
    missing = tuple(w for w in ACCOUNTABILITY if w.zh not in text)
    if missing:
        yield ctx.finding("T06", msg("T06", missing=missing),
                          subject="T06")


@check
def template_residue(ctx: CheckContext) -> Iterator[Finding]:
    text = fold(ctx.report.source.text)
    for m in matches_at(RESIDUE, _present_openings(text), text):
        if m.group().endswith("年度报告"):
            before = text[max(0, m.start() - 6):m.start()].rstrip()
            if before and (before[-1].isdigit() or before[-1] in YEAR_WORDS):
                continue  # '2024 年…', '本年…': a year is there
        yield ctx.finding("T07", msg("T07", text=m.group()), spans=(m.span(),), subject=f"T07:{m.start()}")


def _present_openings(text: str) -> tuple[str, ...]:
    """``RESIDUE_STARTS`` less the openings of three characters or more that the text does not hold:
    ``matches_at`` visits every place an opening's first character occurs, and '(' and 年 are frequent,
    while ``in`` finds such a literal skipping ahead by its length (for a pair it would cost more than
    the rare X, x, × or ╳ it saves visiting)."""
    return tuple(o for o in RESIDUE_STARTS if len(o) < 3 or o in text)


@check
def foreign_self_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A township report naming another township as the one acting (copied from a neighbour)."""
    agency = compact(ctx.report.agency or "")
    own = OWN_PLACE.findall(agency)
    if not own or agency_level_of(agency) != "township":
        return
    own_name = own[-1]
    text = fold(ctx.report.source.text)
    seen: set[str] = set()
    for m in _acting(text):
        name = m.group(1)
        if name in seen or own_name.endswith(name) or name.endswith(own_name) or name[-1] != own_name[-1]:
            continue
        seen.add(name)
        yield ctx.finding("T08", msg("T08", own=own_name, name=m.group()),
                          spans=(m.span(),), subject=f"T08:{name}")


def _acting(text: str) -> Iterator[re.Match]:
    """``ACTING.finditer(text)``, tried only where a match can start: two or three characters before
    a 镇/乡 that one of ``_ACTING_AFTER`` follows (a full scan tries the pattern at every Chinese
    character). The places come in increasing order and each is tried only past the end of the last
    match, as ``finditer`` does."""
    end = 0
    for at in sorted((*occurrences(text, "镇"), *occurrences(text, "乡"))):
        if not text.startswith(_ACTING_AFTER, at + 1):
            continue
        for start in (at - 3, at - 2):
            if start >= end and (m := ACTING.match(text, start)):
                yield m
                end = m.end()
                break


@check
def last_years_text(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    section = r.sections.get(1)
    if r.year is None or section is None:
        return
    text, s = _folded_part(ctx, 1), section.body_span[0]
    years = [int(y) for y in _YEAR.findall(text)]
    previous = years.count(r.year - 1)  # (a Counter costs more to make than a few counts)
    if previous >= 2 and previous > (own := years.count(r.year)):
        yield ctx.finding("T09", msg("T09", previous=r.year - 1, count=previous, year=r.year, own=own),
                          spans=((s, s + min(len(text), 200)),), subject="T09")
