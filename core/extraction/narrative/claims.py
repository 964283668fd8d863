"""What the prose says about the tables. Each claim keeps its span, its number (None for "none"
wording like 未收到…申请) and whether it is approximate (余/约/多: never an error)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.extraction.narrative.numbers import APPROXIMATE, CN_DIGITS, NUMBER, to_int
from core.extraction.normalize import fold
from core.model import Report, Span

_CLAUSE_ENDS = "。；;！!？?\n"
_CLAUSE = re.compile(f"[^{_CLAUSE_ENDS}]+")  # a clause: what stands between two sentence ends
_DIGIT = re.compile(r"\d")
# every claim pattern below needs one of these words: clauses without them are skipped cheaply
_TOPIC_WORDS = re.compile(r"申请|办结|答复|办理|结转|复议|诉讼|规章|规范性文件|行政许可|行政处罚|行政强制")
_CHANGE = re.compile(r"(增加|减少|增长|下降|同比|较上年|相比)[^，,]{0,4}$")
_UNIT = r"\s*(?:件|宗|个|份|起|例|项)"  # not 条: that counts published items, not cases
_CORRECTED = r"(?:被?纠错|被?纠正|被撤销|撤销|确认违法)"


@dataclass(frozen=True)
class Claim:
    topic: str               # received, closed, carried_in, carried_out, review, litigation, ...
    value: int | None        # None: the text says there were none
    span: Span               # the number (or the whole "none" wording)
    sentence: Span           # the clause, quoted as evidence
    approximate: bool = False


def topic_clauses(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """(clause, offset) of the clauses of ``text[start:end]`` (split at sentence ends) that hold a topic
    word. Topic words hold no sentence end, so each lies inside one clause: one scan of the text for
    them finds these clauses, and the many others are never cut out."""
    hit = _TOPIC_WORDS.search(text, start, end)
    while hit:
        first = start  # the clause starts after the last sentence end before the word
        for mark in _CLAUSE_ENDS:
            first = text.rfind(mark, first, hit.start()) + 1 or first
        clause = _CLAUSE.match(text, first, end)
        yield clause.group(), first
        hit = _TOPIC_WORDS.search(text, clause.end(), end)


# (topic, pattern with a NUM group) — matched within one clause, on folded text
_COUNT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((t, re.compile(p)) for t, p in (
    ("received", rf"(?:收到|受理|接收|接到|新收)[^，,]{{0,14}}?(?:公开申请|依申请|信息公开申请|申请公开)[^，,\d]{{0,12}}?(?:共|总计|合计)?(?P<num>{NUMBER}){_UNIT}"),
    ("received", rf"(?:政府信息公开申请|依申请公开(?:申请)?)[^，,\d]{{0,6}}?(?:共|总计|合计)(?P<num>{NUMBER}){_UNIT}"),
    ("closed", rf"(?:办结|答复|已办理完毕|办理完结)[^，,\d]{{0,6}}?(?P<num>{NUMBER}){_UNIT}"),
    ("carried_out", rf"结转(?:至|到)?下一?年度?[^，,\d]{{0,10}}?(?P<num>{NUMBER}){_UNIT}"),
    ("carried_in", rf"上年(?:度)?结转[^，,\d]{{0,10}}?(?P<num>{NUMBER}){_UNIT}"),
    # corrected cases (被纠错/被纠正/被撤销) are the 结果纠正 columns, not the totals
    ("review_corrected", rf"行政复议[^，,\d诉]{{0,8}}?{_CORRECTED}[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("litigation_corrected", rf"行政诉讼[^，,\d]{{0,8}}?{_CORRECTED}[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("review", rf"行政复议(?![^，,\d]{{0,12}}{_CORRECTED})[^，,\d诉]{{0,6}}?(?:案件)?(?P<num>{NUMBER}){_UNIT}"),
    ("litigation", rf"行政诉讼(?![^，,\d]{{0,12}}{_CORRECTED})[^，,\d]{{0,6}}?(?:案件)?(?P<num>{NUMBER}){_UNIT}"),
    ("rules_issued", rf"(?:制定|制发|出台|印发)[^，,\d]{{0,4}}?规章[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("normative_issued", rf"(?:制定|制发|出台|印发)[^，,\d]{{0,6}}?规范性文件[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("normative_repealed", rf"废止[^，,\d]{{0,6}}?规范性文件[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("normative_valid", rf"现行有效[^，,\d]{{0,6}}?规范性文件[^，,\d]{{0,4}}?(?P<num>{NUMBER}){_UNIT}"),
    ("licences", rf"行政许可[^，,\d]{{0,8}}?(?P<num>{NUMBER}){_UNIT}"),
    ("penalties", rf"行政处罚[^，,\d]{{0,8}}?(?P<num>{NUMBER}){_UNIT}"),
    ("enforcement", rf"行政强制[^，,\d]{{0,8}}?(?P<num>{NUMBER}){_UNIT}"),
))
# every "none" pattern below holds one of these words: a clause without them says no "none"
# (plain substring tests: much cheaper than a regex search for an alternation of CJK words)
_NEGATION_WORDS = ("未", "没有", "无", "为")
# every count pattern ends on a number with its unit: a clause without one holds no count. Matches what
# ``(?:{NUMBER}){_UNIT}`` does, but opens with the set of a number's first characters (a digit or a
# Chinese numeral, never both), which the regex engine skips to; an alternative of two sets opening the
# pattern is tried at every character.
_COUNTED = re.compile(rf"[\d{CN_DIGITS}](?:(?<=\d)[\d,，]*|(?<=[{CN_DIGITS}])[{CN_DIGITS}]*){_UNIT}")
_NONE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((t, re.compile(p)) for t, p in (
    ("review_litigation", r"(?:未|没有|无)(?:发生|收到|出现|产生|涉及)[^，,。]{0,24}?(?:行政复议|行政诉讼)"),
    ("received", r"(?:未|没有)(?:收到|受理|接到|接收)[^，,。]{0,20}?(?:政府信息公开申请|信息公开申请|公开申请|依申请公开(?:事项|申请)?)(?!要求)(?![^，,。]{0,8}(?:行政复议|行政诉讼))"),
    ("received", r"(?:依申请公开|政府信息公开申请)(?:数量)?(?:为零|为0|为 0)"),
    ("carried_out", r"(?:无|没有)结转(?:至|到)?下一?年度"),
))


def narrative_claims(report: Report) -> list[Claim]:
    """Claims in the prose outside the three table parts (where numbers are the table's own)."""
    text = fold(report.source.text)
    skip = sorted(s.body_span for n, s in report.sections.items() if n in (2, 3, 4))
    first = min((s.heading_span[0] for s in report.sections.values()), default=0)
    # prose ranges: everything but the table parts, so a clause never runs on into a table (text
    # with no line breaks has no other boundary there)
    ranges, pos = [], max(0, first - 2000)
    for a, b in skip:
        if a > pos:
            ranges.append((pos, a))
        pos = max(pos, b)
    ranges.append((pos, len(text)))
    out: list[Claim] = []
    for clause, offset in (c for a, b in ranges for c in topic_clauses(text, a, b)):
        if "|" in clause or "\t" in clause:
            continue  # a table row
        if any(word in clause for word in _NEGATION_WORDS):
            for topic, pat in _NONE_PATTERNS:
                m = pat.search(clause)
                if m and not _DIGIT.search(clause, m.end(), m.end() + 6):
                    out.append(Claim(topic, None, (offset + m.start(), offset + m.end()),
                                     (offset, offset + len(clause))))
        if not _COUNTED.search(clause):
            continue
        for topic, pat in _COUNT_PATTERNS:
            for m in pat.finditer(clause):
                value = to_int(m.group("num"))
                if value is None:
                    continue
                tail = clause[m.end("num"):m.end("num") + 3]
                head = clause[max(0, m.start("num") - 2):m.start("num")]
                approx = bool(APPROXIMATE.search(tail) or APPROXIMATE.search(head))
                if _CHANGE.search(clause[:m.start("num")]):
                    continue  # a change from last year, not a count
                out.append(Claim(topic, value, (offset + m.start("num"), offset + m.end("num")),
                                 (offset, offset + len(clause)), approx))
    return out
